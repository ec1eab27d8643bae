"""The topology area's operations, as the command line and the console call them.

Discovery walks every device that has SNMP credentials, merges the links it finds into the
store, refreshes the cross-network alarms and the map's layout. The dependency tree is computed
from the store whenever asked: links, the poller location setting and the site hierarchy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from egovops.credentials.service import CredentialService
from egovops.errors import EgovopsError, NotFoundError
from egovops.i18n import tr
from egovops.inventory.model import Device, Link
from egovops.polling.repo import PollingRepository
from egovops.polling.workstation import is_workstation
from egovops.snmp import SnmpClient, SnmpTarget, target_for_device
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.topology import crossnet
from egovops.topology.discovery import OPER_STATUS, Discovery, Progress, discover
from egovops.topology.layout import layout
from egovops.topology.merge import plan_merge
from egovops.topology.neighbours import DeviceView
from egovops.topology.repo import RunSummary, TopologyRepository
from egovops.topology.tree import DependencyTree, build_tree

DISCOVERY_TIMEOUT_S = 3.0
DISCOVERY_RETRIES = 1


@dataclass
class DiscoveryReport:
    summary: RunSummary
    discovery: Discovery
    cross_links: list[crossnet.CrossNetworkLink] = field(default_factory=list)


@dataclass(frozen=True)
class LinkView:
    """A link as the map and ``topology show`` present it."""

    a_device: str
    a_interface: str
    b_device: str
    b_interface: str
    source: str  # declared or discovered
    status: str  # present (confirmed by LLDP/CDP), missing, or unconfirmed (declared, never seen)
    speed_mbps: int | None
    a_oper: str
    b_oper: str
    utilisation_percent: float | None  # the busier direction of the busier end, from polling


class TopologyService:
    def __init__(self, database: Database, credentials: CredentialService | None = None, client: SnmpClient | None = None) -> None:
        self.db = database
        self.credentials = credentials or CredentialService(database)
        self._client = client
        self.inventory = InventoryRepository(database)
        self.repo = TopologyRepository(database)
        self.alarms = AlarmRepository(database)

    @property
    def client(self) -> SnmpClient:
        if self._client is None:
            self._client = SnmpClient()
        return self._client

    # -- discovery --------------------------------------------------------------------------------

    def _targets(self, devices: list[Device]) -> tuple[list[SnmpTarget], dict[str, str]]:
        targets, skipped = [], {}
        for device in devices:
            try:
                targets.append(target_for_device(device, self.credentials, DISCOVERY_TIMEOUT_S, DISCOVERY_RETRIES))
            except EgovopsError as exc:
                skipped[device.name] = str(exc)
        return targets, skipped

    def discover(self, now: float | None = None, progress: Progress | None = None,
                 known: Mapping[str, DeviceView] | None = None,
                 only: Callable[[Device], bool] | None = None) -> DiscoveryReport:
        """Walk every device, merge the links, raise or clear cross-network alarms. ``progress``
        hears of each device walked; devices in ``known`` have only their neighbour tables read
        (the neighbour schedule), and then the map is laid out again only when a link is new.
        ``only``: walk just the devices it accepts (a collector's zone); the others stay known."""
        started = time.time()
        devices = self.inventory.devices()
        # The console's own workstation is known through psutil, not SNMP: walking it would only
        # ever fail for want of a credential profile and make every discovery look broken.
        targets, skipped = self._targets([d for d in devices if not is_workstation(d) and (only is None or only(d))])
        result = discover(self.client, devices, targets, skipped, progress, known)
        plan = plan_merge(self.repo.stored_links(), result.links, result.walked)
        summary = self.repo.apply_discovery(result, plan, started, now)
        cross = self.check_cross_network(summary.finished_at)
        if not known or plan.new:
            self.relayout()
        return DiscoveryReport(summary, result, cross)

    # -- cross-network links ----------------------------------------------------------------------

    def check_cross_network(self, now: float | None = None) -> list[crossnet.CrossNetworkLink]:
        """Raise a critical alarm for every link between two networks; clear the ones gone."""
        now = time.time() if now is None else now
        network_of = {d.name: d.network for d in self.inventory.devices()}
        found = crossnet.cross_network_links(self.inventory.links(), network_of)
        conditions: dict[str, list[AlarmCondition]] = {name: [] for name in network_of}
        for link in found:
            conditions[link.alarm_device].append(AlarmCondition(crossnet.ALARM_KIND, "critical", link.message(), link.subject))
        self.alarms.reconcile(conditions, now, kinds=[crossnet.ALARM_KIND])
        return found

    # -- dependency tree --------------------------------------------------------------------------

    def poller_location(self) -> list[str]:
        return self.repo.poller_location()

    def set_poller_location(self, names: list[str]) -> None:
        known = {d.name for d in self.inventory.devices()}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise NotFoundError(tr("no device named {name}", name=", ".join(unknown)))
        self.repo.set_poller_location(names)

    def dependency_tree(self) -> DependencyTree:
        links = [(link.a_device, link.b_device) for link in self.inventory.links()]
        return build_tree(self.inventory.devices(), links, self.repo.poller_location())

    # -- links and layout -------------------------------------------------------------------------

    def links(self) -> list[Link]:
        return self.inventory.links()

    def link_views(self) -> list[LinkView]:
        sighted = {(s.a_device, s.a_interface, s.b_device, s.b_interface): s.sighted for s in self.repo.stored_links()}
        facts = self.repo.interfaces()
        polled = PollingRepository(self.db).load_statuses()
        load: dict[tuple[str, str], tuple[float | None, int | None]] = {}
        oper: dict[tuple[str, str], str] = {}  # the poller's reading is fresher than discovery's
        for name, status in polled.items():
            for iface in status.interfaces:
                busiest = max((v for v in (iface.in_bps, iface.out_bps) if v is not None), default=None)
                load[(name, iface.name)] = (busiest, iface.speed_bps)
                if iface.oper_status is not None:
                    oper[(name, iface.name)] = OPER_STATUS.get(iface.oper_status, str(iface.oper_status))
        views = []
        for link in self.inventory.links():
            a, b = facts.get((link.a_device, link.a_interface)), facts.get((link.b_device, link.b_interface))
            speeds = [f.speed_mbps for f in (a, b) if f is not None and f.speed_mbps]
            if link.missing_since is not None:
                status = "missing"
            elif sighted.get((link.a_device, link.a_interface, link.b_device, link.b_interface)):
                status = "present"
            else:
                status = "unconfirmed"
            views.append(LinkView(
                link.a_device, link.a_interface, link.b_device, link.b_interface, link.source.value, status,
                min(speeds) if speeds else None,
                oper.get((link.a_device, link.a_interface), a.oper_status if a else ""),
                oper.get((link.b_device, link.b_interface), b.oper_status if b else ""),
                _utilisation(load.get((link.a_device, link.a_interface)), load.get((link.b_device, link.b_interface))),
            ))
        return views

    def relayout(self) -> int:
        return self.repo.save_layout(layout(self.inventory.devices()))


def _utilisation(*ends: tuple[float | None, int | None] | None) -> float | None:
    found = [100.0 * bps / speed for end in ends if end for bps, speed in [end] if bps is not None and speed]
    return round(max(found), 2) if found else None
