"""Everything the device view shows about one device, read from the store in one call.

``load_detail`` runs on a worker thread; the console only displays the returned data.
"""

from __future__ import annotations

from dataclasses import dataclass

from egovops.configs.store import ConfigStore
from egovops.device_detail.interfaces import InterfaceRow, interface_rows
from egovops.device_detail.summary import DeviceSummary, summarise
from egovops.storage.alarms_repo import Alarm, AlarmRepository
from egovops.storage.database import Database
from egovops.device_detail.repo import DeviceDetailRepository
from egovops.storage.inventory_repo import InventoryRepository
from egovops.polling.repo import PollingRepository
from egovops.storage.procedures_repo import ConfigVersion
from egovops.storage.state_repo import Transition
from egovops.topology.repo import TopologyRepository

RECENT_TRANSITIONS = 50
RECENT_ALARMS = 100


@dataclass(frozen=True)
class DeviceDetail:
    summary: DeviceSummary
    interfaces: list[InterfaceRow]
    transitions: list[Transition]  # newest first
    alarms: list[Alarm]  # active first, then newest
    configs: list[ConfigVersion]  # without text, oldest first
    vendor: str = ""  # the inventory's: the SSH profile and the read-only check go by it

    @property
    def name(self) -> str:
        return self.summary.name


def load_detail(database: Database, name: str) -> DeviceDetail:
    device = InventoryRepository(database).device(name)  # NotFoundError names the device
    status = PollingRepository(database).load_statuses([name]).get(name)
    topology = TopologyRepository(database)
    links = InventoryRepository(database).links()
    rows = interface_rows(name, status.interfaces if status else [], links, topology.candidates(),
                          DeviceDetailRepository(database).ports_that_carried_traffic(name))
    return DeviceDetail(
        summary=summarise(device, status),
        interfaces=rows,
        transitions=DeviceDetailRepository(database).recent_transitions(name, RECENT_TRANSITIONS),
        alarms=AlarmRepository(database).list(device=name)[:RECENT_ALARMS],
        configs=ConfigStore(database).versions(name),
        vendor=device.vendor,
    )


def device_names(database: Database) -> list[str]:
    """Every device name, for the console's "Open device…" search."""
    return sorted(InventoryRepository(database).device_ids())
