"""Who is told: rules that match an alarm, their targets resolved to people, people to addresses.

A rule matches on severity, kind, network, site subtree and owner unit (an empty filter matches
anything); the first enabled rule by name decides. A target is a recipient (a person, or a group
whose members are each told) or ``oncall[:LEVEL]``: whoever the rota has at that level for the
most specific site above the device at that moment, and at level 1, when the rota names nobody,
the engineer of the duty log's open shift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

from egovops.duty.repo import DutyRepository
from egovops.inventory.model import Device
from egovops.notify.model import ONCALL, ChannelConfig, Recipient, RotaEntry, Rule
from egovops.notify.repo import NotifyRepository
from egovops.storage.alarms_repo import Alarm


def in_subtree(site: str, subtree: str) -> bool:
    return not subtree or site == subtree or site.startswith(subtree + "/")


def matches(rule: Rule, alarm: Alarm, device: Device) -> bool:
    return (rule.enabled and (not rule.severities or alarm.severity in rule.severities)
            and (not rule.kinds or alarm.kind in rule.kinds) and (not rule.network or device.network == rule.network)
            and in_subtree(device.site, rule.site) and (not rule.owner_unit or device.owner_unit == rule.owner_unit))


def quiet_until(recipient: Recipient, now: float) -> float | None:
    """The end of the recipient's quiet hours when ``now`` falls inside them, else None."""
    if not recipient.quiet_hours:
        return None
    start_text, end_text = recipient.quiet_hours.split("-", 1)
    zone = ZoneInfo(recipient.tz)
    local = datetime.fromtimestamp(now, zone)
    start, end = clock_time.fromisoformat(start_text), clock_time.fromisoformat(end_text)
    current = local.time()
    inside = start <= current < end if start < end else (current >= start or current < end)
    if not inside:
        return None
    ends = datetime.combine(local.date(), end, zone)
    if ends <= local:
        ends += timedelta(days=1)
    return ends.timestamp()


@dataclass(frozen=True)
class Address:
    recipient: Recipient
    channel: str
    address: str


class Router:
    """A snapshot of the configuration, read once per pass of the engine."""

    def __init__(self, repo: NotifyRepository, duty: DutyRepository, now: float) -> None:
        self.rules = repo.rules()
        self.recipients = {r.name: r for r in repo.recipients()}
        self.channels: dict[str, ChannelConfig] = {c.name: c for c in repo.channels() if c.enabled}
        self.rota: list[RotaEntry] = repo.rota(now)
        shift = duty.open_shift()
        self.duty_operator = shift.operator if shift is not None else None

    def rule_for(self, alarm: Alarm, device: Device) -> Rule | None:
        return next((rule for rule in self.rules if matches(rule, alarm, device)), None)

    def on_call(self, site: str, level: int) -> list[str]:
        found = [e for e in self.rota if e.level == level and in_subtree(site, e.site)]
        if found:
            deepest = max(len(e.site) for e in found)
            return [e.recipient for e in found if len(e.site) == deepest]
        if level == 1 and self.duty_operator:
            return [r.name for r in self.recipients.values() if r.operator == self.duty_operator]
        return []

    def people(self, targets: tuple[str, ...], device: Device) -> list[Recipient]:
        names: list[str] = []
        for target in targets:
            if target == ONCALL or target.startswith(ONCALL + ":"):
                level = int(target.split(":", 1)[1]) if ":" in target else 1
                names.extend(self.on_call(device.site, level))
            else:
                names.append(target)
        found: dict[str, Recipient] = {}
        self._expand(names, found, set())
        return list(found.values())

    def _expand(self, names: list[str], found: dict[str, Recipient], seen: set[str]) -> None:
        for name in names:
            recipient = self.recipients.get(name)
            if recipient is None or name in seen:
                continue
            seen.add(name)
            if recipient.kind == "group":
                self._expand(list(recipient.members), found, seen)
            else:
                found[name] = recipient

    def addresses(self, people: list[Recipient]) -> list[Address]:
        return [Address(p, channel, address) for p in people for channel, address in p.addresses.items()
                if channel in self.channels]
