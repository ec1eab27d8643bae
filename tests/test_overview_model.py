"""The console's Qt-free view models over a real store: site tree counts, map scenes, alarm grouping."""

from __future__ import annotations

import pytest

from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.overview.alarms import AlarmFilter, group_by_root
from egovops.overview.map_model import build_map, drill_target
from egovops.overview.service import OverviewService
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.audit.repo import AuditRepository
from egovops.storage.state_repo import StateRepository, Transition
from egovops.storage.inventory_repo import InventoryRepository
from egovops.topology.service import TopologyService
from egovops.inventory.model import Link
from tests.fixtures.outage import CITY, COUNTIES, DEGRADED, GBIT, ROOT, Outage, end_of, link_end, write_interfaces

pytestmark = pytest.mark.stores("sqlite", "postgresql")



def test_site_tree_counts_problems_per_subtree(outage: Outage) -> None:
    tree = OverviewService(outage.database).load().site_tree
    province, hefei = tree.roots[0], tree.node(CITY)
    assert (hefei.count("down"), hefei.count("unreachable"), hefei.count("degraded")) == (1, 9, 0)
    assert hefei.state == "down"
    assert (province.count("down"), province.count("unreachable"), province.count("degraded")) == (1, 9, 1)
    assert tree.node("安徽省/合肥市/瑶海区").state == "unreachable"
    assert tree.node("安徽省/芜湖市").state == "degraded"
    assert tree.node("安徽省/蚌埠市").state == "up"
    assert province.total == 120


def test_health_falls_back_to_the_latest_transition_before_any_poll(demo_store) -> None:
    StateRepository(demo_store).record_transitions([
        Transition(ROOT, 10.0, "up"), Transition(ROOT, 20.0, "down", "up"),
        Transition(COUNTIES[0], 20.0, "unreachable", "up", root_cause=ROOT),
    ])
    overview = OverviewService(demo_store).load()
    assert overview.state_of(ROOT) == "down"
    assert overview.health[COUNTIES[0]].root_cause == ROOT
    assert overview.state_of("AH-EXT-CORE-01") == "unknown"
    assert overview.poll is None


def test_city_scene_shows_root_down_and_counties_unreachable(outage: Outage) -> None:
    o = OverviewService(outage.database).load()
    province = build_map(o.site_tree, o.devices, o.links, o.health, "安徽省", "extranet")
    assert {n.device for n in province.nodes} >= {"AH-EXT-CORE-01", ROOT}
    assert not {n.device for n in province.nodes} & set(COUNTIES)  # counties wait for the drill-down
    assert drill_target(o.site_tree, "安徽省", "安徽省/合肥市/瑶海区") == CITY
    city = build_map(o.site_tree, o.devices, o.links, o.health, CITY, "extranet")
    states = {n.device: n.state for n in city.nodes}
    assert states[ROOT] == "down" and all(states[c] == "unreachable" for c in COUNTIES)
    assert {n.root_cause for n in city.nodes if n.state == "unreachable"} == {ROOT}
    assert all(n.network == "extranet" for n in [o.devices[x.device] for x in city.nodes])
    assert {link.state for link in city.links} == {"down"}  # every county hangs on the dead switch
    assert city.breadcrumb == ["安徽省", CITY]
    intranet = build_map(o.site_tree, o.devices, o.links, o.health, CITY, "intranet")
    assert {n.device for n in intranet.nodes} == {"HF-INT-AGG-01"}


def test_scene_placement_is_deterministic_and_spread(outage: Outage) -> None:
    o = OverviewService(outage.database).load()
    first = build_map(o.site_tree, o.devices, o.links, o.health, "安徽省", "extranet")
    again = build_map(o.site_tree, o.devices, o.links, o.health, "安徽省", "extranet")
    assert [(n.device, n.x, n.y) for n in first.nodes] == [(n.device, n.x, n.y) for n in again.nodes]
    points = {(round(n.x), round(n.y)) for n in first.nodes}
    assert len(points) == len(first.nodes)  # no two devices on top of each other


def test_alarms_group_under_their_root_and_filter(outage: Outage) -> None:
    alarms = OverviewService(outage.database).load().alarms
    groups = {g.root.id: g for g in group_by_root(alarms)}
    assert set(groups) == {outage.root_alarm, outage.cpu_alarm}
    assert sorted(a.id for a in groups[outage.root_alarm].folded) == sorted(outage.symptom_alarms)
    root = groups[outage.root_alarm].root
    assert (root.site, root.network) == (CITY, "extranet") and root.owner_unit and root.contact
    assert [a.device for a in alarms if AlarmFilter(severities=frozenset({"minor"})).accepts(a)] == [DEGRADED]
    assert len([a for a in alarms if AlarmFilter(site=CITY).accepts(a)]) == 10
    assert len([a for a in alarms if AlarmFilter(site="安徽省/合肥").accepts(a)]) == 0  # a prefix is not a site
    assert [a.device for a in alarms if AlarmFilter(text="cpu 93").accepts(a)] == [DEGRADED]
    assert not [a for a in alarms if AlarmFilter(network="intranet").accepts(a)]


def test_acknowledging_records_operator_comment_and_audit(outage: Outage) -> None:
    service = OverviewService(outage.database)
    operator = Operator("duty-zhang", Role.OPERATOR, "local")
    assert service.acknowledge([outage.root_alarm, outage.cpu_alarm], operator, "已通知合肥市值班") == 2
    assert service.acknowledge([outage.root_alarm], operator, "again") == 0  # the first acknowledgement stands
    stored = AlarmRepository(outage.database).get(outage.root_alarm)
    assert (stored.acked_by, stored.ack_comment) == ("local:duty-zhang", "已通知合肥市值班")
    assert service.load().alarms[0].state in ("acknowledged", "open")
    trail = [r for r in AuditRepository(outage.database).rows() if r.action == "alarm.acknowledge"]
    assert len(trail) == 2 and trail[0].actor == "local:duty-zhang"


def test_the_map_uses_the_stored_layout_with_operator_moves(outage: Outage) -> None:
    service = OverviewService(outage.database)
    service.move_device(ROOT, 1234.0, -55.0)
    o = service.load()
    assert o.positions[ROOT] == (1234.0, -55.0)
    city = build_map(o.site_tree, o.devices, o.links, o.health, CITY, "extranet", positions=o.positions)
    node = next(n for n in city.nodes if n.device == ROOT)
    assert (node.x, node.y) == (1234.0, -55.0)
    assert all((n.x, n.y) == o.positions[n.device] for n in city.nodes)


CORE = "AH-EXT-CORE-01"


def _links(scene) -> dict[frozenset[str], object]:  # type: ignore[no-untyped-def]
    return {frozenset((link.a, link.b)): link for link in scene.links}


def test_links_take_their_look_from_state_and_the_end_interfaces_utilisation(outage: Outage) -> None:
    db = outage.database
    ends = [
        link_end("BB-EXT-AGG-01", end_of(db, "BB-EXT-AGG-01", CORE), GBIT, 900e6, 20e6),  # 90 %: critical
        link_end(CORE, end_of(db, CORE, "BB-EXT-AGG-01"), GBIT, 20e6, 850e6),
        link_end("MAS-EXT-AGG-01", end_of(db, "MAS-EXT-AGG-01", CORE), GBIT, 10e6, 600e6),  # 60 %: high
        link_end("TL-EXT-AGG-01", end_of(db, "TL-EXT-AGG-01", CORE), 100_000_000, 30e6, 2e6),  # 30 %: normal
        link_end("HS-EXT-AGG-01", end_of(db, "HS-EXT-AGG-01", CORE), GBIT, 0.0, 0.0, oper_status=2),  # port down
    ]
    write_interfaces(db, ends)
    o = OverviewService(db).load()
    links = _links(o.map_scene("安徽省", "extranet"))
    busy = links[frozenset(("BB-EXT-AGG-01", CORE))]
    assert (busy.state, busy.look, busy.load.speed_bps) == ("up", "critical", GBIT)
    assert round(busy.load.utilisation, 2) == 0.9
    assert links[frozenset(("MAS-EXT-AGG-01", CORE))].look == "high"
    assert links[frozenset(("TL-EXT-AGG-01", CORE))].look == "normal"
    assert links[frozenset(("HS-EXT-AGG-01", CORE))].look == "down"  # both devices answer, the port does not
    assert links[frozenset((ROOT, CORE))].look == "down"  # the outage's switch
    assert links[frozenset(("FY-EXT-AGG-01", CORE))].look == "up"  # no rates polled yet: up, band unknown


def test_a_cross_network_cable_is_drawn_on_both_layers_with_its_alarm(outage: Outage) -> None:
    db = outage.database
    cable = Link("HF-INT-AGG-01", "GigabitEthernet1/0/24", "WH-EXT-AGG-01", "GigabitEthernet1/0/24")
    InventoryRepository(db).save_links([cable])
    found = TopologyService(db).check_cross_network()  # the topology area's own check raises the alarm
    assert len(found) == 1
    o = OverviewService(db).load()
    alarm = next(a for a in o.alarms if a.kind == "cross_network_link")
    extranet = o.map_scene("安徽省", "extranet").crossings
    intranet = o.map_scene("安徽省", "intranet").crossings
    assert [(c.device, c.foreign, c.foreign_network, c.alarm) for c in extranet] == [("WH-EXT-AGG-01", "HF-INT-AGG-01", "intranet", alarm)]
    assert [(c.device, c.foreign, c.link) for c in intranet] == [("HF-INT-AGG-01", "WH-EXT-AGG-01", cable)]
    assert not {frozenset((link.a, link.b)) for link in o.map_scene("安徽省", "extranet").links} & {frozenset((cable.a_device, cable.b_device))}


def test_a_cross_network_alarm_without_its_link_still_marks_the_device(outage: Outage) -> None:
    AlarmRepository(outage.database).reconcile({"HF-INT-AGG-01": [AlarmCondition(
        "cross_network_link", "critical", "cross-network link: HF-INT-AGG-01 port Gi0/9 (intranet) is cabled to WH-EXT-AGG-01 port Gi0/9 (extranet)",
        "HF-INT-AGG-01:Gi0/9<->WH-EXT-AGG-01:Gi0/9")]}, 1.0, kinds=["cross_network_link"])
    o = OverviewService(outage.database).load()
    [marked] = o.map_scene("安徽省", "intranet").crossings
    assert (marked.device, marked.foreign, marked.foreign_network, marked.link) == ("HF-INT-AGG-01", "WH-EXT-AGG-01", "extranet", None)
    [other_side] = o.map_scene("安徽省", "extranet").crossings
    assert other_side.device == "WH-EXT-AGG-01" and other_side.alarm == marked.alarm


def test_the_quick_look_of_a_status_update_agrees_with_the_full_link_load() -> None:
    from itertools import product

    from egovops.overview.health import DeviceHealth
    from egovops.overview.link_load import InterfaceLoad, link_load, state_and_look

    link = Link("A", "a1", "B", "b1")
    ends = [None, InterfaceLoad(GBIT, 100e6, 700e6, 1, 1), InterfaceLoad(GBIT, 950e6, 0.0, 1, 1),
            InterfaceLoad(GBIT, None, None, 1, 2), InterfaceLoad(None, 5e6, 5e6, 1, 1)]
    states = ("up", "degraded", "down", "unreachable", "unknown")
    for a, b, a_end, b_end in product(states, states, ends, ends):
        health = {"A": DeviceHealth("A", a), "B": DeviceHealth("B", b)}
        loads = {k: v for k, v in ((("A", "a1"), a_end), (("B", "b1"), b_end)) if v is not None}
        full = link_load(link, health, loads)
        assert state_and_look(a, b, a_end, b_end) == (full.state, full.look), (a, b, a_end, b_end)


def test_a_link_found_later_reaches_the_next_overview(outage: Outage) -> None:
    service = OverviewService(outage.database)
    first = service.load()
    assert service.load().devices is first.devices  # nothing changed: the inventory is not read again
    InventoryRepository(outage.database).save_links([Link("HF-INT-AGG-01", "GigabitEthernet1/0/24", DEGRADED, "GigabitEthernet1/0/24")])
    again = service.load()
    assert again.devices is not first.devices and len(again.links) == len(first.links) + 1


@pytest.mark.parametrize("since_end,silent", [
    (0.0, False), (119.9, False), (120.0, False), (120.1, True), (3600.0, True),
])
def test_the_poller_counts_as_silent_after_two_intervals_and_not_a_moment_before(since_end: float,
                                                                                 silent: bool) -> None:
    from egovops.overview.health import PollSummary

    cycle = PollSummary(at=1_000.0, duration_s=5.0, devices=10, failed=0, interval_s=60.0)
    assert cycle.silent(1_005.0 + since_end) is silent
