"""Where sites are on the map of the province: longitude and latitude from an editable layout file.

resources/egovops_resources/map/layout.json ships the city seats of Anhui; a file named
map-layout.json in the data folder (EGOVOPS_HOME) takes precedence, so a province edits its own
without touching the installation. The map places the listed sites there and everything else as
before (topology/layout.py, overview/placement.py).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

LAYOUT_FILE = "map-layout.json"  # in the data folder: the operator's own, over the shipped one


@dataclass(frozen=True)
class SiteLayout:
    """Longitude and latitude of sites, and the scene units per degree of latitude."""

    degree: float = 260.0
    sites: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def point(self, path: str, origin: str) -> tuple[float, float]:
        """``path`` relative to ``origin`` in map units (equirectangular, narrowed by the latitude: a
        province is small); north is up, so y grows southwards as on the screen."""
        (lon, lat), (lon0, lat0) = self.sites[path], self.sites[origin]
        return (lon - lon0) * self.degree * math.cos(math.radians(lat0)), -(lat - lat0) * self.degree

    def places_children_of(self, path: str, children: list[str]) -> bool:
        return path in self.sites and any(c in self.sites for c in children)


def parse_layout(data: object) -> SiteLayout:
    """A layout from its JSON; entries that are not [longitude, latitude] pairs are skipped."""
    if not isinstance(data, dict):
        return SiteLayout()
    sites = {str(k): (float(v[0]), float(v[1])) for k, v in dict(data.get("sites", {})).items()
             if isinstance(v, list) and len(v) == 2 and all(isinstance(n, (int, float)) for n in v)}
    degree = data.get("degree", 260.0)
    return SiteLayout(float(degree) if isinstance(degree, (int, float)) and degree > 0 else 260.0, sites)


@lru_cache(maxsize=4)
def _layout_from(own: Path | None, mtime: float) -> SiteLayout:
    try:
        text = own.read_text("utf-8") if own is not None else \
            (resources.files("egovops_resources") / "map" / "layout.json").read_text("utf-8")
        return parse_layout(json.loads(text))
    except (OSError, ValueError):
        return SiteLayout()  # a broken file: the radial picture, never a map that does not open


def site_layout() -> SiteLayout:
    """The operator's layout file in the data folder if there is one, else the shipped one."""
    home = os.environ.get("EGOVOPS_HOME")
    own = Path(home) / LAYOUT_FILE if home else None
    if own is not None and own.exists():
        return _layout_from(own, own.stat().st_mtime)
    return _layout_from(None, 0.0)


