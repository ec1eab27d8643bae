"""An intranet collector and an extranet collector, each in a network namespace of its own that
reaches only its own network's device, on one PostgreSQL store: each polls only its zone, and the
cross-network cable (内外网串接) between the two devices is still an alarm, from what they find.

The lab (tests/fixtures/netns.py) is cabled differently from the topology tests: each device node
hangs off a *zone* namespace (where that zone's collector runs) instead of off the host, and the
forbidden cable between the two devices carries LLDP only, no route. The store is reached from both
namespaces over PostgreSQL's unix socket (a file, which network namespaces do not separate), so
every packet of the test stays inside the namespaces or on loopback.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from egovops.credentials.profiles import CredentialKind, CredentialProfile
from egovops.credentials.service import CredentialService
from egovops.inventory.model import Device, DeviceRole
from egovops.polling.settings import Intervals, PollingSettings
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.storage.alarms_repo import AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors, device_leases
from egovops.storage.tables.inventory import devices as devices_table
from egovops.storage.tables.polling import health_samples
from egovops.storage.tables.states import state_transitions
from tests.fixtures.netns import _PREFIX, LabLink, NetLab, _in_ns, _run, remove_stale_namespaces
from tests.fixtures.postgres import PostgresServer
from tests.test_collector_helpers import Running, wait_for

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("postgresql")]

INTRA, EXTRA = "AH-INT-CORE-01", "AH-EXT-CORE-01"
STATUS_S = 2.0


class ZoneLab(NetLab):
    """A NetLab whose device nodes are cabled to zone namespaces (one per collector), not to the host."""

    def __init__(self, community: str) -> None:
        super().__init__(community)
        self.zones: dict[str, str] = {}  # zone name -> its namespace
        self.reached_from: dict[str, str] = {}  # device node -> the zone namespace cabled to it

    def zone(self, name: str) -> str:
        netns = f"{_PREFIX}zone-{name}"  # the lab's prefix: a killed run's leftovers are removed too
        _run("ip", "netns", "add", netns)
        _in_ns(netns, "ip", "link", "set", "lo", "up")
        self.zones[name] = netns
        return netns

    def console(self, name: str, ifname: str = "mgmt0", zone: str = "") -> LabLink:
        """Cable zone namespace ``zone`` to device node ``name`` (a /30 of the lab's subnet)."""
        netns, node = self.zones[zone], self.nodes[name]
        link = LabLink("", f"to-{name[:10]}", name, ifname, len(self.links) + len(self.console_links) + 1, True)
        link.a_addr, link.b_addr = self._address(link.index, 1), self._address(link.index, 2)
        _run("ip", "link", "add", link.a_if, "netns", netns, "type", "veth",
             "peer", "name", ifname, "netns", node.netns)
        _in_ns(netns, "ip", "addr", "add", f"{link.a_addr}/30", "dev", link.a_if)
        _in_ns(netns, "ip", "link", "set", link.a_if, "up")
        _in_ns(node.netns, "ip", "addr", "add", f"{link.b_addr}/30", "dev", ifname)
        _in_ns(node.netns, "ip", "link", "set", ifname, "up")
        self.console_links.append(link)
        self.reached_from[name] = netns
        return link

    def snmp_answers(self, name: str, zone_netns: str | None = None) -> bool:
        """Whether ``name``'s agent answers from its zone namespace (or from ``zone_netns``)."""
        probe = subprocess.run(
            ["ip", "netns", "exec", zone_netns or self.reached_from[name], "snmpget", "-v2c", "-c", self.community,
             "-t", "0.5", "-r", "0", "-On", self.nodes[name].address, "1.3.6.1.2.1.1.5.0"],
            capture_output=True, text=True, env=dict(os.environ, MIBS=""), timeout=10)
        return probe.returncode == 0

    def close(self) -> None:
        super().close()
        for netns in self.zones.values():  # takes the zone ends of the veths with it
            _run("ip", "netns", "del", netns, check=False)


@pytest.fixture
def zone_lab() -> Iterator[ZoneLab]:
    remove_stale_namespaces()
    lab = ZoneLab("lab-" + secrets.token_hex(8))
    try:
        yield lab
    finally:
        lab.close()


def socket_url(tcp_url: str, server: PostgresServer) -> str:
    """The same database over the server's unix socket: reachable from any network namespace."""
    url = make_url(tcp_url)
    return f"postgresql://{url.username}@/{url.database}?host={quote(str(server.folder))}&port={server.port}"


def start_in(netns: str, data_dir: Path, url: str, name: str, zone: str) -> Running:
    log = data_dir / f"collector-{name}.out"
    env = dict(os.environ, EGOVOPS_HOME=str(data_dir), EGOVOPS_DATABASE=url)
    args = ["ip", "netns", "exec", netns, sys.executable, "-m", "egovops", "collector", "--workers", "1",
            "--name", name, "--zone", zone]  # one process per name: the test reads leases by holder name
    with log.open("w", encoding="utf-8") as out:  # ip netns exec execs the command: the pid is the collector's
        process = subprocess.Popen(args, env=env, text=True, stdout=out, stderr=subprocess.STDOUT)
    return Running(name, process, log)


def holders(database: Database) -> dict[str, str]:
    with database.read() as conn:
        rows = conn.execute(select(devices_table.c.name, device_leases.c.holder)
                            .join(device_leases, device_leases.c.device_id == devices_table.c.id)
                            .where(device_leases.c.expires_at > time.time())).all()
    return dict(rows)


def polled(database: Database) -> dict[str, int]:
    """Polls per device: with every measure due each interval, each poll stores one health sample."""
    with database.read() as conn:
        rows = conn.execute(select(devices_table.c.name, health_samples.c.at)
                            .join(health_samples, health_samples.c.device_id == devices_table.c.id)).all()
    found: dict[str, int] = {}
    for name, _at in rows:
        found[name] = found.get(name, 0) + 1
    return found


def cross_alarms(database: Database) -> list[object]:
    return [a for a in AlarmRepository(database).list(active_only=True) if a.kind == "cross_network_link"]


def test_each_collector_polls_only_its_own_network_and_the_cross_cable_is_still_an_alarm(
        zone_lab: ZoneLab, database: Database, database_url: str, postgres_server: PostgresServer,
        data_dir: Path) -> None:
    lab = zone_lab
    intra_ns, extra_ns = lab.zone("intranet"), lab.zone("extranet")
    for name, zone in ((INTRA, "intranet"), (EXTRA, "extranet")):
        lab.node(name)
        lab.console(name, zone=zone)
    lab.cable(INTRA, "eth9", EXTRA, "eth7", routed=False)  # the forbidden cable: LLDP sees it, nothing routes over it
    lab.start()
    # The namespaces are what the test claims: each zone reaches its own device and not the other.
    assert lab.snmp_answers(INTRA, intra_ns) and lab.snmp_answers(EXTRA, extra_ns)
    assert not lab.snmp_answers(EXTRA, intra_ns) and not lab.snmp_answers(INTRA, extra_ns)

    CredentialService(database).add(CredentialProfile("lab-snmp", CredentialKind.SNMP_V2C),
                                    {"community": lab.community})
    InventoryRepository(database).save_devices([
        Device(INTRA, lab.nodes[INTRA].address, "intranet", "安徽省", DeviceRole.CORE, credential_profile="lab-snmp"),
        Device(EXTRA, lab.nodes[EXTRA].address, "extranet", "安徽省", DeviceRole.CORE, credential_profile="lab-snmp"),
    ])
    PollingSettingsRepository(database).save_polling(PollingSettings(
        intervals=Intervals(STATUS_S, STATUS_S, STATUS_S, timeout_s=1.0, retries=0), watch_workstation=False,
        neighbour_interval_s=5.0))
    url = socket_url(database_url, postgres_server)
    running = [start_in(intra_ns, data_dir, url, "int-1", "network=intranet"),
               start_in(extra_ns, data_dir, url, "ext-1", "network=extranet")]
    try:
        wait_for("each collector to hold its zone's device",
                 lambda: holders(database) == {INTRA: "int-1", EXTRA: "ext-1"}, seconds=60)
        wait_for("both devices polled a few times",
                 lambda: min(polled(database).get(n, 0) for n in (INTRA, EXTRA)) >= 3, seconds=30)
        # The neighbour sweeps, each over its own collector's device, still find the cable.
        found = wait_for("the cross-network alarm", lambda: cross_alarms(database), seconds=60)
        for r in running:
            assert r.process.poll() is None, r.text()
        # Only ever its own zone: no lease of the other zone's device was held (the intranet
        # collector polling EXTRA would time out behind its namespace and record it down).
        assert holders(database) == {INTRA: "int-1", EXTRA: "ext-1"}
        with database.read() as conn:
            zones = dict(conn.execute(select(collectors.c.name, collectors.c.zone)).all())
            downs = conn.execute(select(state_transitions).where(state_transitions.c.state != "up")).all()
        assert zones == {"int-1": "network=intranet", "ext-1": "network=extranet"}
        assert downs == [], downs
    finally:
        for r in running:
            r.signal(signal.SIGTERM)
        for r in running:
            try:
                r.process.wait(30)
            except subprocess.TimeoutExpired:
                r.stop()
    [alarm] = found
    assert (alarm.kind, alarm.severity, alarm.device) == ("cross_network_link", "critical", INTRA)
    assert all(part in alarm.message for part in (INTRA, "eth9", "intranet", EXTRA, "eth7", "extranet"))
    assert [r.process.returncode for r in running] == [0, 0], [r.text()[-2000:] for r in running]
