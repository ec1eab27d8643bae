"""Site paths (``安徽省/合肥市/肥东县``) and the kind of a site created from its path alone."""

from __future__ import annotations

from egovops.i18n import tr
from egovops.inventory.model import SiteKind

SEPARATOR = "/"
_DATACENTRE_MARKERS = ("数据中心", "灾备", "data centre", "data center", "datacenter", "DR")
_COUNTY_SUFFIXES = ("县", "区", "市", "旗")


MAX_NAME = 100  # one site's name
MAX_PATH = 500  # the whole path, province to the deepest department


def split_path(path: str) -> list[str]:
    """The path's names; blank parts (``a//b``, a trailing slash), control characters (NUL, line
    breaks: they broke tables and exports) and over-long names are an error."""
    parts = [part.strip() for part in path.strip().split(SEPARATOR)]
    if not path.strip() or any(not part for part in parts):
        raise ValueError(tr("site path {path!r} has an empty part", path=path))
    if any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in path):
        raise ValueError(tr("site path {path!r} contains a control character", path=path))
    if len(path.strip()) > MAX_PATH or any(len(part) > MAX_NAME for part in parts):
        raise ValueError(tr("site path is too long: at most {names} characters a name and {total} in all",
                            names=MAX_NAME, total=MAX_PATH))
    return parts


def normalise_path(path: str) -> str:
    return SEPARATOR.join(split_path(path))


def ancestors(path: str) -> list[str]:
    """Every path from the root down to and including ``path``."""
    parts = split_path(path)
    return [SEPARATOR.join(parts[: i + 1]) for i in range(len(parts))]


def infer_kind(path: str) -> SiteKind:
    """Guess the kind of a site that an import names but nobody declared.

    Depth gives province → city → county; names of government bodies below or beside those levels
    are departments, and names that say data centre or DR are data centres. Declared sites (YAML
    import, the console) carry their kind explicitly and never pass through here.
    """
    parts = split_path(path)
    name = parts[-1]
    if any(marker in name for marker in _DATACENTRE_MARKERS):
        return SiteKind.DATACENTRE
    if len(parts) == 1:
        return SiteKind.PROVINCE
    if len(parts) == 2 and name.endswith(("市", "州", "盟", "City", "city")):
        return SiteKind.CITY
    if len(parts) == 3 and name.endswith(_COUNTY_SUFFIXES + ("County", "county", "District")):
        return SiteKind.COUNTY
    return SiteKind.DEPARTMENT
