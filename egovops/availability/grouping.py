"""Which group a device's figures add up into: its county, city, owner unit, network, role…

Counties and cities come from the kinds of the sites above the device (a city's own
departments are not a county), so a device directly under a city or the province is shown as
that place's "own level" (本级) rather than being dropped.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Device, SiteKind
from egovops.inventory.sites import ancestors

GROUPINGS = ("device", "county", "city", "unit", "network", "role", "level", "province")


def _short(path: str) -> str:
    """A path without the province: 合肥市/肥东县."""
    return path.split("/", 1)[1] if "/" in path else path


def _own_level(path: str) -> str:
    return tr("{name} (own level)", name=_short(path))


def place(device: Device, kinds: Mapping[str, SiteKind], level: SiteKind) -> str:
    """The device's county or city label; the nearest higher place's own level when it has none."""
    steps = ancestors(device.site)
    for step in reversed(steps):
        if kinds.get(step) is level:
            return _short(step)
    for step in reversed(steps):
        if kinds.get(step) in (SiteKind.CITY, SiteKind.PROVINCE) or step == steps[0]:
            return _own_level(step)
    return _own_level(steps[0])


def city_of(device: Device, kinds: Mapping[str, SiteKind]) -> str:
    return place(device, kinds, SiteKind.CITY)


def group_key(device: Device, by: str, kinds: Mapping[str, SiteKind]) -> str:
    if by == "device":
        return device.name
    if by == "county":
        return place(device, kinds, SiteKind.COUNTY)
    if by == "city":
        return place(device, kinds, SiteKind.CITY)
    if by == "unit":
        return device.owner_unit or tr("(no unit)")
    if by == "network":
        return device.network
    if by == "role":
        return device.role.value
    if by == "level":
        return tr("level {n}", n=device.protection_level) if device.protection_level else tr("(no level)")
    if by == "province":
        return ancestors(device.site)[0]
    raise ValidationError(tr("cannot group by {by}; choose one of {choices}", by=by, choices=", ".join(GROUPINGS)))


def group_index(devices: Sequence[Device], by: str, kinds: Mapping[str, SiteKind]) -> tuple[list[str], list[int]]:
    """Group labels (in first-seen order) and each device's index into them."""
    labels: dict[str, int] = {}
    by_site: dict[str, str] = {}  # county and city depend on the site only; a province has ~1,000
    index = []
    for d in devices:
        if by in ("county", "city"):
            key = by_site.get(d.site)
            if key is None:
                key = by_site[d.site] = group_key(d, by, kinds)
        else:
            key = group_key(d, by, kinds)
        index.append(labels.setdefault(key, len(labels)))
    return list(labels), index
