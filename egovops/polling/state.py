"""Deciding a device's state from one poll, and the alarm conditions that go with it.

up: answers, nothing over threshold. degraded: answers, but CPU, memory, temperature or interface
errors are over threshold, a critical interface is down, or only ICMP answers (SNMP does not).
down: nothing answers. unknown: it cannot be polled (no usable credentials) or was never polled.
"unreachable" is never decided here: root-cause classifiers set it (a failed parent hides the device).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from egovops.i18n import tr
from egovops.polling.alarm_rules import HEALTH_MEASURES, AlarmMemory, HeldAlarm, over_threshold
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.settings import ClearMargins, ReadingsInRow, Thresholds
from egovops.storage.alarms_repo import AlarmCondition

IF_UP = 1


def _down(interfaces: Sequence[InterfaceStatus]) -> list[InterfaceStatus]:
    return [i for i in interfaces if i.admin_status == IF_UP and i.oper_status != IF_UP]


def _critical_down(interfaces: Sequence[InterfaceStatus], critical: Sequence[str]) -> list[InterfaceStatus]:
    wanted = set(critical)
    return [i for i in _down(interfaces) if i.name in wanted]


_HEALTH_TEXT = {
    "cpu_high": ("CPU {value:.0f}% over {limit:.0f}%",
                 "CPU {value:.0f}%, not yet below {clear:.0f}% where the alarm clears"),
    "memory_high": ("memory {value:.0f}% over {limit:.0f}%",
                    "memory {value:.0f}%, not yet below {clear:.0f}% where the alarm clears"),
    "temperature_high": ("temperature {value:.0f} °C over {limit:.0f} °C",
                         "temperature {value:.0f} °C, not yet below {clear:.0f} °C where the alarm clears"),
}


def _threshold_conditions(status: DeviceStatus, thresholds: Thresholds, margins: ClearMargins, in_row: ReadingsInRow,
                          memory: AlarmMemory) -> list[AlarmCondition]:
    """CPU, memory, temperature and interface-error alarms, with hysteresis and readings in a row.
    Only what this cycle read fresh is looked at: the poller leaves the other kinds' alarms alone."""
    found: list[AlarmCondition] = []
    if status.measured_health:
        for kind, measure in HEALTH_MEASURES:
            value, limit, margin = getattr(status, measure), getattr(thresholds, measure), getattr(margins, measure)
            if value is None:
                continue
            active = memory.is_active(status.name, kind)
            if over_threshold(value, limit, margin, active, memory.earlier_over.get((status.name, kind, ""), 0),
                              getattr(in_row, measure)):
                over, held = _HEALTH_TEXT[kind]
                text = (tr(over, value=value, limit=limit) if value > limit
                        else tr(held, value=value, clear=limit - margin))
                found.append(AlarmCondition(kind, "major", text))
    if status.measured_interfaces:
        for i in status.interfaces:
            rate = (i.errors_ps or 0) + (i.discards_ps or 0)
            active = memory.is_active(status.name, "interface_errors", i.name)
            earlier = memory.earlier_over.get((status.name, "interface_errors", i.name), 0)
            if over_threshold(rate, thresholds.if_errors_ps, margins.if_errors_ps, active, earlier,
                              in_row.if_errors_ps):
                found.append(AlarmCondition("interface_errors", "minor", tr("{name}: {rate:.1f} errors+discards/s", name=i.name, rate=rate), i.name))
    return found


def conditions_for(status: DeviceStatus, thresholds: Thresholds, critical_interfaces: Sequence[str] = (),
                   memory: AlarmMemory | None = None, margins: ClearMargins | None = None,
                   in_row: ReadingsInRow | None = None) -> list[AlarmCondition]:
    """What this cycle's reading says is wrong with the device; empty when it is fine.

    Threshold alarms come only from measures read fresh (``measured_health``,
    ``measured_interfaces``); ``memory`` holds the device's active alarms and earlier readings for
    hysteresis and readings in a row (without it: over the threshold is over, at once)."""
    if status.state == "unreachable":
        behind = status.root_cause or "?"
        return [AlarmCondition("device_unreachable", "major", tr("unreachable behind failed device {root}", root=behind))]
    if status.error_kind == "credentials":
        return [AlarmCondition("poll_config", "warning", status.error or tr("cannot be polled"))]
    if not status.reachable:
        return [AlarmCondition("device_down", "critical", tr("device does not answer ({detail})", detail=status.error or "no response"))]
    found: list[AlarmCondition] = []
    if status.bridging:
        found.append(AlarmCondition("network_bridging", "critical",
                                    tr("this workstation bridges the intranet and the extranet: {where}", where=", ".join(status.bridging))))
    if status.error_kind == "auth":
        found.append(AlarmCondition("snmp_auth", "major", status.error or ""))
    elif status.error_kind == "malformed":
        found.append(AlarmCondition("snmp_malformed", "minor", status.error or ""))
    elif status.error:
        found.append(AlarmCondition("snmp_no_response", "major", tr("answers ping but not SNMP: {detail}", detail=status.error)))
    found += _threshold_conditions(status, thresholds, margins or ClearMargins(), in_row or ReadingsInRow(),
                                   memory or AlarmMemory())
    for i in _critical_down(status.interfaces, critical_interfaces) if status.measured_interfaces else ():
        found.append(AlarmCondition("interface_down", "critical", tr("critical interface {name} is down", name=i.name), i.name))
    # A linkDown trap raises interface_down for any interface (egovops.events). The walk confirms
    # it while the interface is still down; only a walk that reads it up (or a linkUp) clears it.
    # Without this the next walk cleared every trap-raised alarm on an interface not marked critical.
    memory = memory or AlarmMemory()
    critical = {c.subject for c in found if c.kind == "interface_down"}
    for i in _down(status.interfaces) if status.measured_interfaces else ():
        if i.name not in critical and memory.is_active(status.name, "interface_down", i.name):
            found.append(AlarmCondition("interface_down", "critical", tr("interface {name} is down", name=i.name),
                                        i.name))
    return found


def decide_state(status: DeviceStatus, conditions: Sequence[AlarmCondition | HeldAlarm]) -> str:
    if status.state == "unreachable":
        return "unreachable"
    if status.error_kind == "credentials":
        return "unknown"
    if not status.reachable:
        return "down"
    return "degraded" if conditions else "up"


def evaluate(status: DeviceStatus, thresholds: Thresholds, critical_interfaces: Sequence[str] = ()) -> list[AlarmCondition]:
    """Set ``status.state`` and ``status.reasons`` from ``status`` taken as one full, fresh reading
    (no earlier alarms); return the alarm conditions."""
    found = conditions_for(replace(status, measured_health=True, measured_interfaces=True), thresholds,
                           critical_interfaces)
    status.state = decide_state(status, found)
    status.reasons = [c.message for c in found]
    return found
