"""Syslog lines into events: RFC 5424 and RFC 3164 headers, then the vendor's own message format.

Written by hand: the maintained parsers on PyPI read RFC 5424 only (syslog-rfc5424-parser) or
are whole log pipelines; none reads the vendor formats below, which are what the rules match on.

Vendor formats (module / severity / mnemonic):
- Huawei ``%%01IFNET/4/LINK_STATE(l)[0]:text`` and H3C ``%%10IFNET/3/PHY_UPDOWN: text``
- Cisco and Ruijie ``%LINK-3-UPDOWN: text`` (facility-severity-mnemonic)
- ZTE ZXR10 ``... alarm 20002 ID 17 level 5 occurred at ... sent by ZXR10 %IFNET% text``
A line in none of them keeps the syslog header's severity and its tag as the module.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime

from egovops.events.model import SYSLOG_SEVERITY, Event

_PRI = re.compile(rb"^<(\d{1,3})>")
_RFC5424 = re.compile(r"^1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:\[.*?(?<!\\)\])+) ?(.*)$", re.S)
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                       "Dec"), 1)}
# "Dec  6 12:00:00", "Dec  6 2026 12:00:00" (Huawei), "Dec  6 12:00:00 2026" (H3C); an optional "*" (Cisco).
_BSD_TIME = re.compile(r"^(?:\d+: )?\*?([A-Z][a-z]{2}) +(\d{1,2}) +(?:(\d{4}) +)?(\d\d):(\d\d):(\d\d)(?:\.\d+)?"
                       r"(?: +(\d{4}))?"
                       r"(?: [A-Z]{2,5}(?=[ :]))?:? +")
_HUAWEI_H3C = re.compile(r"%%(\d\d)([A-Za-z0-9_\-]+)/(\d)/([A-Za-z0-9_\-]+)(?:\([a-z]+\))?(?:\[\d+\])?:\s*(.*)", re.S)
_CISCO = re.compile(r"%([A-Z][A-Z0-9_]*)-(\d)-([A-Z][A-Z0-9_]*):\s*(.*)", re.S)
# ZTE's alarm levels 1..8 are the syslog severities 0..7 (ZXR10 Alarm Handling Manual); older
# releases give no level, only "occurred"/"cleared", and end with the sending board.
_ZTE = re.compile(r"alarm (\d+)(?: ID \d+)?(?: level (\d))?\s+(occurred|cleared)\b.*?%([A-Za-z0-9_\-]+)%\s*(.*?)"
                  r"(?:\s+sent by [^%]*)?$", re.S)
_VENDOR_CODES = {"01": "huawei", "10": "h3c"}


def decode(raw: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else GBK (what Chinese devices send when not UTF-8)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gbk", errors="replace")


def _bsd_time(match: re.Match[str], now: float) -> float:
    month, day = _MONTHS.get(match.group(1), 1), int(match.group(2))
    year = int(match.group(3) or match.group(7) or time.localtime(now).tm_year)
    hour, minute, second = int(match.group(4)), int(match.group(5)), int(match.group(6))
    try:
        at = time.mktime((year, month, day, hour, minute, second, 0, 0, -1))
    except (OverflowError, ValueError):
        return now
    if not (match.group(3) or match.group(7)) and at > now + 2 * 86400:  # December's line read in January
        at = time.mktime((year - 1, month, day, hour, minute, second, 0, 0, -1))
    return at


def _iso_time(stamp: str) -> float | None:
    if stamp == "-":
        return None
    try:
        parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return time.mktime(parsed.timetuple())
    return calendar.timegm(parsed.utctimetuple()) + parsed.microsecond / 1e6


def _vendor(event: Event, message: str) -> bool:
    """Fill module/severity/mnemonic from the vendor's format inside ``message``; False if none."""
    found = _HUAWEI_H3C.search(message)
    if found:
        code, module, severity, mnemonic, text = found.groups()
        event.extra["vendor"] = _VENDOR_CODES.get(code, "huawei")
    else:
        found = _CISCO.search(message)
        if found:
            module, severity, mnemonic, text = found.groups()
            event.extra["vendor"] = "cisco"
        else:
            found = _ZTE.search(message)
            if not found:
                return False
            mnemonic, level, state, module, text = found.groups()
            event.extra.update(vendor="zte", state=state)
            severity = str(int(level) - 1) if level and level != "0" else str(SYSLOG_SEVERITY.index(event.severity))
    event.module, event.mnemonic, event.text = module, mnemonic, text.strip()
    event.severity = SYSLOG_SEVERITY[min(int(severity), 7)]
    return True


def parse_syslog(raw: bytes, source: str, received_at: float) -> Event:
    """One syslog message (without TCP framing) as an event; never raises on a sender's input."""
    event = Event(received_at, source, "syslog", severity="info")
    pri = _PRI.match(raw)
    body = decode(raw[pri.end():] if pri else raw).rstrip("\r\n\x00")
    if pri:
        event.severity = SYSLOG_SEVERITY[int(pri.group(1)) % 8]
        event.extra["facility"] = str(int(pri.group(1)) // 8)
    message = body
    header = _RFC5424.match(body)
    if header:
        stamp, host, app, _proc, msgid, _sd, message = header.groups()
        event.sent_at, event.host = _iso_time(stamp), "" if host == "-" else host
        event.module = "" if app == "-" else app
        event.mnemonic = "" if msgid == "-" else msgid
    else:
        bsd = _BSD_TIME.match(body)
        if bsd:
            event.sent_at = _bsd_time(bsd, received_at)
            message = body[bsd.end():]
        host_tag = re.match(r"^(?:(\S+) )?([A-Za-z0-9_.\-/]+)(?:\[\d+\])?: ", message)
        if host_tag and not message.startswith("%"):
            event.host, event.module = host_tag.group(1) or "", host_tag.group(2)
            message = message[host_tag.end():]
    if not _vendor(event, message):
        event.text = message.strip()
    return event
