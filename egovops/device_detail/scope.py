"""Which devices a procedure started from one device's view should cover: it, or its whole city."""

from __future__ import annotations

from typing import Iterable

from egovops.inventory.model import Device


def city_of(site: str) -> str:
    """The city part of a site path (``安徽省/合肥市/肥东县`` → ``安徽省/合肥市``); a device at the
    province itself has no city, so its scope is the province."""
    parts = site.split("/")
    return "/".join(parts[:2])


def devices_of_city(device: Device, devices: Iterable[Device]) -> list[str]:
    """Every device in ``device``'s city, counties and departments included, sorted by name."""
    city = city_of(device.site)
    return sorted(d.name for d in devices if d.site == city or d.site.startswith(city + "/"))
