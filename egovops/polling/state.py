"""Deciding a device's state from one poll, and the alarm conditions that go with it.

up: answers, nothing over threshold. degraded: answers, but CPU, memory, temperature or interface
errors are over threshold, a critical interface is down, or only ICMP answers (SNMP does not).
down: nothing answers. unknown: it cannot be polled (no usable credentials) or was never polled.
"unreachable" is never decided here: root-cause classifiers set it (a failed parent hides the device).
"""

from __future__ import annotations

from typing import Sequence

from egovops.i18n import tr
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.settings import Thresholds
from egovops.storage.alarms_repo import AlarmCondition

IF_UP = 1


def _critical_down(interfaces: Sequence[InterfaceStatus], critical: Sequence[str]) -> list[InterfaceStatus]:
    wanted = set(critical)
    return [i for i in interfaces if i.name in wanted and i.admin_status == IF_UP and i.oper_status != IF_UP]


def _erroring(interfaces: Sequence[InterfaceStatus], limit: float) -> list[InterfaceStatus]:
    return [i for i in interfaces if (i.errors_ps or 0) + (i.discards_ps or 0) > limit]


def conditions_for(status: DeviceStatus, thresholds: Thresholds, critical_interfaces: Sequence[str] = ()) -> list[AlarmCondition]:
    """What is wrong with the device now; empty when it is fine."""
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
    checks = (("cpu_high", status.cpu_percent, thresholds.cpu_percent, "CPU {value:.0f}% over {limit:.0f}%"),
              ("memory_high", status.mem_percent, thresholds.mem_percent, "memory {value:.0f}% over {limit:.0f}%"),
              ("temperature_high", status.temperature_c, thresholds.temperature_c, "temperature {value:.0f} °C over {limit:.0f} °C"))
    for kind, value, limit, text in checks:
        if value is not None and value > limit:
            found.append(AlarmCondition(kind, "major", tr(text, value=value, limit=limit)))
    for i in _erroring(status.interfaces, thresholds.if_errors_ps):
        rate = (i.errors_ps or 0) + (i.discards_ps or 0)
        found.append(AlarmCondition("interface_errors", "minor", tr("{name}: {rate:.1f} errors+discards/s", name=i.name, rate=rate), i.name))
    for i in _critical_down(status.interfaces, critical_interfaces):
        found.append(AlarmCondition("interface_down", "critical", tr("critical interface {name} is down", name=i.name), i.name))
    return found


def decide_state(status: DeviceStatus, conditions: Sequence[AlarmCondition]) -> str:
    if status.state == "unreachable":
        return "unreachable"
    if status.error_kind == "credentials":
        return "unknown"
    if not status.reachable:
        return "down"
    return "degraded" if conditions else "up"


def evaluate(status: DeviceStatus, thresholds: Thresholds, critical_interfaces: Sequence[str] = ()) -> list[AlarmCondition]:
    """Set ``status.state`` and ``status.reasons``; return the alarm conditions."""
    found = conditions_for(status, thresholds, critical_interfaces)
    status.state = decide_state(status, found)
    status.reasons = [c.message for c in found]
    return found
