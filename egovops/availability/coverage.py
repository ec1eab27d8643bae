"""Access coverage per city (纵向到底、横向到边): how many of its counties and departments had a
reachable access device at some moment of the period.

A county or department with no access device in the inventory at all counts as not covered:
the point of the measure is to show places the network does not reach.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from egovops.availability.engine import UP, DeviceTotals
from egovops.availability.grouping import _own_level, _short
from egovops.inventory.model import Device, DeviceRole, Site, SiteKind
from egovops.inventory.sites import ancestors


@dataclass
class CityCoverage:
    city: str
    counties: int = 0
    counties_reached: int = 0
    departments: int = 0
    departments_reached: int = 0
    not_reached: list[str] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        total = self.counties + self.departments
        return 100.0 * (self.counties_reached + self.departments_reached) / total if total else None


def _city_label(site: Site, kinds: Mapping[str, SiteKind]) -> str:
    for step in reversed(ancestors(site.path)[:-1]):
        if kinds.get(step) is SiteKind.CITY:
            return _short(step)
    return _own_level(ancestors(site.path)[0])


def access_coverage(sites: Sequence[Site], devices: Sequence[Device], totals: DeviceTotals) -> list[CityCoverage]:
    kinds = {s.path: s.kind for s in sites}
    reached: set[str] = set()
    up = totals.seconds[:, UP]
    for i in np.flatnonzero(up > 0):
        if devices[i].role is DeviceRole.ACCESS:
            reached.add(devices[i].site)
    cities: dict[str, CityCoverage] = {}
    for s in sites:
        if s.kind is SiteKind.CITY:
            cities.setdefault(_short(s.path), CityCoverage(_short(s.path)))
    by_city: dict[str, list[Site]] = defaultdict(list)
    for s in sites:
        if s.kind in (SiteKind.COUNTY, SiteKind.DEPARTMENT):
            by_city[_city_label(s, kinds)].append(s)
    for label, members in by_city.items():
        row = cities.setdefault(label, CityCoverage(label))
        for s in members:
            hit = s.path in reached
            if s.kind is SiteKind.COUNTY:
                row.counties += 1
                row.counties_reached += hit
            else:
                row.departments += 1
                row.departments_reached += hit
            if not hit:
                row.not_reached.append(_short(s.path))
    return sorted(cities.values(), key=lambda c: (c.share is None, -(c.share or 0), c.city))
