"""The inventory as the console acts on it: the operator's fields, and what polling learned
filling the ones the operator left empty (never replacing one the operator entered).

Target selectors (``vendor:huawei``) and procedures' support checks read devices through
``known_devices``, so a device identified only by polling is selected and supported as what it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from egovops.inventory.model import Device
from egovops.polling.repo import PolledIdentity, PollingRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

FILLED = ("vendor", "model")  # the inventory's identity fields; OS, version and serial have none


def discovered_fields(device: Device, polled: PolledIdentity | None) -> tuple[str, ...]:
    """Which of the device's identity fields polling fills (empty in the inventory, known to polling)."""
    if polled is None:
        return ()
    return tuple(f for f in FILLED if not getattr(device, f) and getattr(polled, f))


def fill_from_polling(devices: Iterable[Device], identities: Mapping[str, PolledIdentity]) -> list[Device]:
    found = []
    for device in devices:
        polled = identities.get(device.name)
        fields = discovered_fields(device, polled)
        found.append(replace(device, **{f: getattr(polled, f) for f in fields}) if fields else device)
    return found


def known_devices(database: Database) -> list[Device]:
    """Every inventory device, its empty vendor and model filled from polling."""
    return fill_from_polling(InventoryRepository(database).devices(), PollingRepository(database).identities())
