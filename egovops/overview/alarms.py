"""Alarms as the alarm desk lists them: one record per alarm, filters, and root-cause grouping."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from egovops.inventory.model import Device
from egovops.overview.alarm_text import kind_label, localized_message

# Worst first; the desk sorts severity by this rank, not alphabetically.
SEVERITY_RANK = {"critical": 0, "major": 1, "minor": 2, "warning": 3, "info": 4}


@dataclass(frozen=True)
class AlarmRecord:
    id: int
    device: str
    kind: str
    severity: str
    message: str
    first_seen: float
    last_seen: float
    count: int = 1
    subject: str = ""
    active: bool = True
    acked_by: str | None = None
    acked_at: float | None = None
    ack_comment: str | None = None
    root_alarm_id: int | None = None
    suppressed: bool = False
    # Copied from the inventory so the desk can filter and show them without another lookup.
    site: str = ""
    network: str = ""
    owner_unit: str = ""
    contact: str = ""

    @property
    def state(self) -> str:
        """open, acknowledged or cleared."""
        if not self.active:
            return "cleared"
        return "acknowledged" if self.acked_by else "open"


@dataclass(frozen=True)
class AlarmFilter:
    """What the operator narrowed the desk to; empty fields do not filter."""

    severities: frozenset[str] = frozenset()
    network: str = ""
    site: str = ""  # a site path: the site and everything under it
    text: str = ""

    def accepts(self, alarm: AlarmRecord) -> bool:
        if self.severities and alarm.severity not in self.severities:
            return False
        if self.network and alarm.network != self.network:
            return False
        if self.site and not (alarm.site == self.site or alarm.site.startswith(self.site + "/")):
            return False
        if self.text:
            needle = self.text.casefold()
            # What the operator reads (kind and message in the current language) as well as what is stored.
            haystack = " ".join((alarm.device, alarm.kind, kind_label(alarm.kind), alarm.subject, alarm.message,
                                 localized_message(alarm.kind, alarm.message), alarm.site, alarm.owner_unit, alarm.contact))
            return needle in haystack.casefold()
        return True


def with_inventory(alarms: Iterable[AlarmRecord], devices: dict[str, Device]) -> list[AlarmRecord]:
    """Alarms with site, network, owner unit and contact filled in from the inventory."""
    from dataclasses import replace

    filled = []
    for alarm in alarms:
        device = devices.get(alarm.device)
        if device is not None:
            alarm = replace(alarm, site=device.site, network=device.network, owner_unit=device.owner_unit, contact=device.contact)
        filled.append(alarm)
    return filled


@dataclass
class AlarmGroup:
    """A root alarm and the alarms it explains (suppressed, folded under it in the desk)."""

    root: AlarmRecord
    folded: list[AlarmRecord] = field(default_factory=list)


def group_by_root(alarms: Sequence[AlarmRecord]) -> list[AlarmGroup]:
    """Top-level groups: alarms without a root (or whose root is not listed) with their symptoms.

    A chain (symptom of a symptom) folds under the top of the chain, so nothing hides two levels deep.
    """
    by_id = {a.id: a for a in alarms}

    def top(alarm: AlarmRecord) -> AlarmRecord:
        seen = {alarm.id}
        while alarm.root_alarm_id in by_id and alarm.root_alarm_id not in seen:
            alarm = by_id[alarm.root_alarm_id]  # type: ignore[index]
            seen.add(alarm.id)
        return alarm

    groups: dict[int, AlarmGroup] = {}
    order: list[int] = []
    for alarm in alarms:
        root = top(alarm)
        if root.id not in groups:
            groups[root.id] = AlarmGroup(root)
            order.append(root.id)
        if root.id != alarm.id:
            groups[root.id].folded.append(alarm)
    return [groups[i] for i in order]


def new_critical(alarms: Iterable[AlarmRecord], seen: set[int]) -> list[AlarmRecord]:
    """Active, unacknowledged critical root alarms not in ``seen``: what should wake the operator.

    Suppressed symptoms never notify on their own; their root does.
    """
    return [a for a in alarms if a.severity == "critical" and a.active and not a.acked_by and not a.suppressed and a.id not in seen]
