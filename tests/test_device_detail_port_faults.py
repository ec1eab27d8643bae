"""Port faults (issue 15, item 7): shut or never-used ports are not faults; an enabled port that
used to be up and is down is."""

from __future__ import annotations

from egovops.device_detail.interfaces import interface_rows
from egovops.device_detail.repo import DeviceDetailRepository
from egovops.inventory.model import Device, Link, LinkSource
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.repo import PollingRepository

UP, DOWN, TESTING, DORMANT, NOT_PRESENT, LOWER_DOWN = 1, 2, 3, 5, 6, 7


def port(index: int, admin: int | None, oper: int | None, octets: int | None = None) -> InterfaceStatus:
    return InterfaceStatus(index, f"GE0/0/{index}", admin_status=admin, oper_status=oper, in_octets=octets,
                           out_octets=octets)


def faults(*ports: InterfaceStatus, links: list[Link] = (), carried: set[int] = frozenset()) -> dict[int, str | None]:  # type: ignore[assignment]
    return {r.index: r.fault for r in interface_rows("HF-AGG", ports, links, [], carried)}


def test_shut_and_never_used_ports_are_not_faults() -> None:
    assert faults(
        port(1, DOWN, DOWN, octets=10_000),  # shut by an operator, though it carried traffic once
        port(2, UP, DOWN, octets=0),  # enabled, never up: nothing plugged in
        port(3, UP, DOWN),  # enabled, counters unknown, no history, no neighbour
        port(4, UP, UP, octets=0),
        port(5, None, DOWN, octets=5),  # admin status unknown: cannot say it should be up
    ) == {1: None, 2: None, 3: None, 4: None, 5: None}


def test_an_enabled_port_that_was_up_and_is_down_is_a_fault() -> None:
    link = Link("HF-AGG", "GE0/0/4", "HF-C01-ACC", "GE0/0/1", source=LinkSource.DECLARED)
    assert faults(
        port(1, UP, DOWN, octets=1),  # the smallest evidence: one octet counted
        port(2, UP, LOWER_DOWN),  # traffic in the stored history
        port(3, UP, NOT_PRESENT),  # the module was pulled: history says it was in use
        port(4, UP, DOWN),  # something is cabled to it
        links=[link], carried={2, 3},
    ) == {1: "down", 2: "down", 3: "down", 4: "down"}


def test_testing_and_dormant_ports_are_states_chosen_on_purpose() -> None:
    assert faults(port(1, UP, TESTING, octets=9), port(2, UP, DORMANT, octets=9)) == {1: None, 2: None}


def test_history_of_traffic_is_read_from_samples_and_rollups(database, inventory) -> None:  # type: ignore[no-untyped-def]
    inventory.save_devices([Device(name="HF-AGG", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    repo = PollingRepository(database)
    now = 1_780_000_000.0
    for at, rates in ((now - 3 * 3600, {1: 0.0, 2: 5e5}), (now, {1: 0.0, 2: 0.0, 3: 1.0})):
        interfaces = [InterfaceStatus(i, f"GE0/0/{i}", admin_status=UP, oper_status=UP, sampled_at=at, in_bps=r,
                                      out_bps=0.0)
                      for i, r in rates.items()]
        repo.save_cycle([DeviceStatus("HF-AGG", reachable=True, polled_at=at, interfaces=interfaces,
                                      measured_interfaces=True)], {})
        repo.rollup_and_prune(at, 0.5 / 24, 400.0)  # raw samples older than 30 min go: port 2 lives on in the rollup
    assert DeviceDetailRepository(database).ports_that_carried_traffic("HF-AGG") == {2, 3}
