"""Turning neighbours nobody has inventoried into rows an operator can review and import.

Each candidate becomes one row of the inventory CSV: its system name, its management address,
and, as a first guess for the operator to correct, the network, site and credential profile of
the device that sees it (a neighbour is usually in the same place and run by the same team).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Iterable, Mapping

from egovops.inventory.model import Device
from egovops.topology.repo import StoredCandidate

_NAME_SAFE = re.compile(r"[^\w.\-]+")


def _address(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return ""  # a MAC or nothing: the operator fills it in, the import names the gap


def inventory_rows(candidates: Iterable[StoredCandidate], devices: Mapping[str, Device]) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for c in candidates:
        name = _NAME_SAFE.sub("-", c.sys_name or c.chassis_id).strip("-")[:200]
        if not name or name in rows:
            continue  # one row per neighbour, however many devices see it
        seen_by = devices.get(c.seen_by)
        rows[name] = {
            "name": name,
            "address": _address(c.address),
            "network": seen_by.network if seen_by else "",
            "site": seen_by.site if seen_by else "",
            "credential_profile": seen_by.credential_profile if seen_by else "",
            "tags": f"discovered;{c.protocol}",
        }
    return list(rows.values())
