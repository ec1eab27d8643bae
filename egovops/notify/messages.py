"""Messages people can act on, in the recipient's language: device, site, owner unit and contact,
what happened and since when, the root cause with the devices folded under it, the alarm's id.

The SMS form aims at one 70-character segment (the limit of a single UCS-2 SMS): it keeps the
severity, the device, what, the folded count, the time and the id, and drops the device name's
middle before anything else when it is too long.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from egovops import i18n
from egovops.inventory.model import Device
from egovops.overview.alarm_text import KIND_LABELS, localized_message
from egovops.storage.alarms_repo import Alarm

SMS_LIMIT = 70


def t(lang: str, message: str, /, **values: object) -> str:
    """``egovops.i18n.tr`` in a given language rather than the process's: each recipient has their own."""
    template = i18n.catalogue(lang if lang in i18n.SUPPORTED else "zh_CN").get(message, message)
    return template.format(**values) if values else template


def _what(alarm: Alarm, lang: str) -> str:
    label = KIND_LABELS.get(alarm.kind)
    return t(lang, label) if label else alarm.kind


def _severity(alarm: Alarm, lang: str) -> str:
    return t(lang, i18n.VALUE_NAMES["severity"].get(alarm.severity, alarm.severity))


def _clock(at: float, tz_name: str) -> str:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromtimestamp(at, ZoneInfo(tz_name)).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Composed:
    subject: str
    text: str
    short: str


def compose(purpose: str, alarm: Alarm, device: Device | None, folded: list[str], lang: str, tz: str,
            level: int = 0, now: float | None = None) -> Composed:
    """The subject, body and SMS of one notification of ``alarm``; ``purpose`` is alarm, escalation or recovery."""
    what, severity = _what(alarm, lang), _severity(alarm, lang)
    head = {"alarm": t(lang, "[{severity}]", severity=severity),
            "escalation": t(lang, "[{severity}, escalated to level {level}]", severity=severity, level=level + 1),
            "recovery": t(lang, "[recovered]")}[purpose]
    site = device.site.rsplit("/", 1)[-1] if device else ""
    subject = f"{head} {site} {alarm.device} {what}".replace("  ", " ")
    if folded:
        subject += t(lang, ", {count} devices cut off behind it", count=len(folded))
    lines = [
        t(lang, "Device: {device} ({address})", device=alarm.device, address=device.address if device else ""),
        t(lang, "Site: {site}", site=device.site if device else ""),
        t(lang, "Owner unit: {unit}, contact: {contact}", unit=device.owner_unit if device else "",
          contact=device.contact if device else ""),
        t(lang, "What: {what}: {message}", what=what, message=localized_message(alarm.kind, alarm.message, lang)),
        t(lang, "Since: {since}", since=_clock(alarm.first_seen, tz)),
    ]
    if purpose == "recovery":
        lines.append(t(lang, "Cleared: {at}", at=_clock(alarm.cleared_at or now or time.time(), tz)))
    if folded:
        lines.append(t(lang, "Root cause: this device; {count} devices behind it are cut off: {names}",
                       count=len(folded), names=", ".join(folded)))
    else:
        lines.append(t(lang, "Root cause: this device"))
    lines.append(t(lang, "Alarm id: {id}", id=alarm.id))
    return Composed(subject, "\n".join(lines), _short(head, alarm, what, folded, lang, tz))


def _short(head: str, alarm: Alarm, what: str, folded: list[str], lang: str, tz: str) -> str:
    when = _clock(alarm.first_seen, tz)[11:]
    extra = t(lang, ", {count} cut off", count=len(folded)) if folded else ""

    def text(name: str) -> str:
        return t(lang, "{head}{device} {what}{extra}, since {when}, alarm {id}", head=head, device=name, what=what,
                 extra=extra, when=when, id=alarm.id)

    name = alarm.device
    if len(text(name)) > SMS_LIMIT and len(name) > 8:
        name = name[:4] + "…" + name[-3:]
    return text(name)
