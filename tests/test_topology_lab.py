"""Discovery, missing links and root cause on a real network of namespaces running lldpd + snmpd.

The chain province core → city → county → department is cabled with veths; the console (this
test process) reaches every agent through the core, hop by hop, so powering the city off really
cuts the county and the department off, exactly as on the province's network.
"""

from __future__ import annotations

import json
import secrets
import time

import pytest

from egovops.credentials.profiles import CredentialKind, CredentialProfile
from egovops.credentials.service import CredentialService
from egovops.inventory.model import Device, DeviceRole, Site, SiteKind
from egovops.polling.poller import Poller
from egovops.polling.settings import Intervals, PollingSettings, Thresholds
from egovops.storage.alarms_repo import AlarmRepository
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.topology.poller_hook import attach
from egovops.topology.service import TopologyService

PROVINCE = "安徽省"
CHAIN = [  # (device, site, role, its cable towards the core, the core-side end)
    ("AH-EXT-CORE-01", PROVINCE, DeviceRole.CORE),
    ("HF-EXT-AGG-01", f"{PROVINCE}/合肥市", DeviceRole.AGGREGATION),
    ("HF-C01-EXT-AS01", f"{PROVINCE}/合肥市/肥东县", DeviceRole.ACCESS),
    ("HF-C01-D01-EXT-AS01", f"{PROVINCE}/合肥市/肥东县/肥东县财政局", DeviceRole.ACCESS),
]
CORE, CITY, COUNTY, DEPT = (name for name, _site, _role in CHAIN)
LAB = {CORE, CITY, COUNTY, DEPT}
PROFILE = "lab-snmp"


@pytest.fixture
def chain(netlab_factory, inventory, database, secret_service):
    community = "lab-" + secrets.token_hex(8)
    lab = netlab_factory(community)
    for name, _site, _role in CHAIN:
        lab.node(name)
    lab.console(CORE)
    for (upper, _s1, _r1), (lower, _s2, _r2) in zip(CHAIN, CHAIN[1:]):
        lab.cable(upper, "eth1", lower, "eth0")
    lab.start()
    CredentialService(database).add(CredentialProfile(PROFILE, CredentialKind.SNMP_V2C), {"community": community})
    inventory.save_sites([Site(PROVINCE, SiteKind.PROVINCE)])
    inventory.save_devices([
        Device(name, lab.nodes[name].address, "extranet", site, role, credential_profile=PROFILE) for name, site, role in CHAIN
    ])
    return lab


def _wait_until(check, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def _links(service: TopologyService) -> set[tuple[str, str, str, str, str]]:
    return {(v.a_device, v.a_interface, v.b_device, v.b_interface, v.status) for v in service.link_views()}


def test_chain_is_discovered_with_its_ports_and_tree(chain, database, cli):
    done = cli("topology", "discover", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failures"] == {}
    found = {(l["a_device"], l["a_interface"], l["b_device"], l["b_interface"], l["protocol"]) for l in report["links"]}
    assert found == {
        (CORE, "eth1", CITY, "eth0", "lldp"),
        (CITY, "eth1", COUNTY, "eth0", "lldp") if CITY < COUNTY else (COUNTY, "eth0", CITY, "eth1", "lldp"),
        (COUNTY, "eth1", DEPT, "eth0", "lldp") if COUNTY < DEPT else (DEPT, "eth0", COUNTY, "eth1", "lldp"),
    }
    assert report["candidates"] == []
    service = TopologyService(database)
    tree = service.dependency_tree()
    assert tree.roots == [CORE]
    assert [tree.parent(n) for n in (CITY, COUNTY, DEPT)] == [CORE, CITY, COUNTY]
    assert {tree.how[n] for n in (CITY, COUNTY, DEPT)} == {"link"}
    views = service.link_views()
    assert {v.status for v in views} == {"present"}
    assert all(v.a_oper == "up" and v.b_oper == "up" for v in views)
    shown = json.loads(cli("topology", "show", "--json").stdout)
    assert {row["device"]: row["parent"] for row in shown["tree"]}[DEPT] == COUNTY


def test_a_vanished_link_is_marked_missing_then_comes_back(chain, database):
    service = TopologyService(database)
    first = service.discover()
    assert first.summary.links_new == 3
    chain.set_cable(COUNTY, "eth1", up=False)  # the department's cable is pulled
    _wait_until(lambda: not any(n[1] == DEPT for n in chain.neighbours(COUNTY)), "county's lldpd to forget the department")
    second = service.discover()
    assert DEPT in second.discovery.failures  # cut off, so it could not be walked
    assert second.summary.links_missing == 1
    links = {(v.a_device, v.b_device): v.status for v in service.link_views()}
    assert links[tuple(sorted((COUNTY, DEPT)))] == "missing"
    assert links[tuple(sorted((CORE, CITY)))] == "present"
    assert service.dependency_tree().parent(DEPT) == COUNTY  # a missing link still leads there
    chain.set_cable(COUNTY, "eth1", up=True)
    chain.resend_lldp()
    chain.wait_for_neighbours()
    chain.wait_for_snmp()
    third = service.discover()
    assert third.discovery.failures == {}
    assert third.summary.links_missing == 0 and third.summary.links_new == 0
    assert {v.status for v in service.link_views()} == {"present"}


def _poller(database) -> Poller:
    # Every lab agent reports the host's own CPU and memory, which a busy CI machine may push over
    # the thresholds: those are not what these tests are about, so they are set out of reach.
    settings = PollingSettings(intervals=Intervals(timeout_s=1.0, retries=0),
                               thresholds=Thresholds(cpu_percent=101, mem_percent=101, temperature_c=1000, if_errors_ps=1e9))
    PollingSettingsRepository(database).save_polling(settings)  # `egovops poll` in a test reads them too
    poller = Poller(database, settings=settings)
    attach(poller)
    return poller


def _states(result) -> dict[str, tuple[str, str | None]]:
    return {s.name: (s.state, s.root_cause) for s in result.statuses}


def test_powering_off_the_city_gives_one_root_alarm_and_clears_on_recovery(chain, database, cli):
    TopologyService(database).discover()
    poller = _poller(database)
    alarms = AlarmRepository(database)
    assert {state for state, _root in _states(poller.run_cycle()).values()} == {"up"}

    chain.power_off(CITY)
    polled = cli("poll", "--once", "--json")  # the operator's poller, root-cause analysis plugged in
    states = {s["name"]: s["status"] for s in json.loads(polled.stdout) if s["name"] in (CORE, CITY, COUNTY, DEPT)}
    assert states == {CORE: "up", CITY: "down", COUNTY: "unreachable", DEPT: "unreachable"}, polled.stderr
    # The console's own workstation (a psutil-fed device) may hold alarms of its own on a lab host
    # full of veths; these tests are about the lab's devices only.
    listed = [a for a in json.loads(cli("alarms", "list", "--active", "--json").stdout) if a["device"] in LAB]
    assert [(a["device"], a["suppressed"]) for a in listed][0] == (CITY, False)  # root cause first
    assert listed[0]["suppressed_count"] == 2
    assert sorted(a["device"] for a in listed[1:]) == sorted([COUNTY, DEPT])
    active = [a for a in alarms.list(active_only=True) if a.device in LAB]
    roots = [a for a in active if not a.suppressed]
    assert [(a.device, a.kind) for a in roots] == [(CITY, "device_down")]
    symptoms = [a for a in active if a.suppressed]
    assert sorted(a.device for a in symptoms) == sorted([COUNTY, DEPT])
    assert {a.root_alarm_id for a in symptoms} == {roots[0].id}
    # A cycle of the department alone (its own interval fell due) still finds the city behind it.
    assert _states(poller.run_cycle(names=[DEPT]))[DEPT] == ("unreachable", CITY)
    assert [a.device for a in alarms.list(active_only=True) if not a.suppressed and a.device in LAB] == [CITY]

    chain.power_on(CITY)
    chain.wait_for_snmp()
    states = _states(poller.run_cycle())
    assert {state for state, _root in states.values()} == {"up"}
    assert [a for a in alarms.list(active_only=True) if a.device in LAB] == []
    poller.run_cycle()  # a second sample of the counters gives rates
    [uplink] = [v for v in TopologyService(database).link_views() if {v.a_device, v.b_device} == {CORE, CITY}]
    assert uplink.speed_mbps and uplink.utilisation_percent is not None  # speed from IF-MIB, load from polling


def test_a_dark_cable_makes_the_device_behind_it_the_root(chain, database):
    TopologyService(database).discover()
    poller = _poller(database)
    poller.run_cycle()
    chain.set_cable(CITY, "eth1", up=False)
    states = _states(poller.run_cycle())
    assert states[CITY][0] == "up"
    assert states[COUNTY] == ("down", None)  # the first device past the cut is the root cause
    assert states[DEPT] == ("unreachable", COUNTY)
    active = AlarmRepository(database).list(active_only=True)
    assert [(a.device, a.suppressed) for a in active if a.kind in ("device_down", "device_unreachable")] in (
        [(COUNTY, False), (DEPT, True)], [(DEPT, True), (COUNTY, False)])
    chain.set_cable(CITY, "eth1", up=True)
    chain.wait_for_snmp()
    deadline = time.monotonic() + 20
    while True:
        states = _states(poller.run_cycle())
        if {s for s, _r in states.values()} == {"up"} or time.monotonic() > deadline:
            break
    assert {s for s, _r in states.values()} == {"up"}
    assert AlarmRepository(database).list(active_only=True) == []


def test_an_uninventoried_neighbour_is_a_candidate_the_operator_can_import(chain, inventory, database, cli, tmp_path):
    inventory.remove_device(DEPT)
    service = TopologyService(database)
    service.discover()
    [candidate] = service.repo.candidates()
    assert (candidate.sys_name, candidate.seen_by, candidate.local_interface, candidate.port, candidate.address) == \
        (DEPT, COUNTY, "eth1", "eth0", chain.nodes[DEPT].address)
    sheet = tmp_path / "candidates.csv"
    listed = cli("topology", "candidates", "--csv", str(sheet))
    assert listed.returncode == 0 and DEPT in listed.stdout, listed.stderr
    imported = cli("inventory", "import", str(sheet))
    assert imported.returncode == 0, imported.stderr + imported.stdout
    added = inventory.device(DEPT)
    assert (added.address, added.network, added.credential_profile) == (chain.nodes[DEPT].address, "extranet", PROFILE)
    again = service.discover()
    assert again.discovery.failures == {} and service.repo.candidates() == []
    assert any({v.a_device, v.b_device} == {COUNTY, DEPT} and v.status == "present" for v in service.link_views())
