"""A linkDown trap raises ``interface_down`` on any interface (egovops.events); the poller's walk
decides the same kind. These are the rules that keep the two from undoing each other: a walk that
reads the interface still down keeps the trap's alarm, one that reads it up clears it, and a walk
alone alarms only on interfaces marked critical."""

from __future__ import annotations

from egovops.polling.alarm_rules import AlarmMemory, HeldAlarm
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.settings import Thresholds
from egovops.polling.state import conditions_for

UP, DOWN = 1, 2


def walked(*interfaces: InterfaceStatus) -> DeviceStatus:
    return DeviceStatus(name="hf-agg-1", state="up", reachable=True, interfaces=list(interfaces),
                        measured_interfaces=True)


def trap_raised(*subjects: str) -> AlarmMemory:
    return AlarmMemory(active={"hf-agg-1": [HeldAlarm("interface_down", s, "linkDown") for s in subjects]})


def downs(status: DeviceStatus, memory: AlarmMemory, critical: tuple[str, ...] = ()) -> list[str]:
    return sorted(c.subject for c in conditions_for(status, Thresholds(), critical, memory)
                  if c.kind == "interface_down")


def test_a_walk_that_reads_the_interface_still_down_keeps_the_traps_alarm() -> None:
    status = walked(InterfaceStatus(1, "GE0/0/1", admin_status=UP, oper_status=DOWN),
                    InterfaceStatus(2, "GE0/0/2", admin_status=UP, oper_status=DOWN))
    assert downs(status, trap_raised("GE0/0/1")) == ["GE0/0/1"]  # GE0/0/2: no trap, not critical: no alarm


def test_a_walk_that_reads_it_up_or_shut_by_the_operator_clears_it() -> None:
    status = walked(InterfaceStatus(1, "GE0/0/1", admin_status=UP, oper_status=UP),
                    InterfaceStatus(2, "GE0/0/2", admin_status=DOWN, oper_status=DOWN))
    assert downs(status, trap_raised("GE0/0/1", "GE0/0/2")) == []


def test_a_critical_interface_down_with_a_traps_alarm_is_one_condition_not_two() -> None:
    status = walked(InterfaceStatus(1, "GE0/0/1", admin_status=UP, oper_status=7))  # lowerLayerDown
    assert downs(status, trap_raised("GE0/0/1"), critical=("GE0/0/1",)) == ["GE0/0/1"]
    assert downs(status, AlarmMemory(), critical=("GE0/0/1",)) == ["GE0/0/1"]


def test_a_status_only_cycle_decides_no_interface_alarm() -> None:
    status = walked(InterfaceStatus(1, "GE0/0/1", admin_status=UP, oper_status=DOWN))
    status.measured_interfaces = False  # carried over from the last walk: not this cycle's reading
    assert downs(status, trap_raised("GE0/0/1")) == []
