"""Reading a device's clock from ``display clock`` (VRP, Comware) or ``show clock`` (IOS-like).

Devices print local time; the zone comes from the reply when it has one (``+08:00``,
``UTC+08:00``, ``add 08:00:00``), else from the zone name (BJ/CST/UTC), else from the
configuration's ``clock timezone`` line.
"""

from __future__ import annotations

import calendar
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?\s*([+-]\d{2}:?\d{2})?")
_COMWARE = re.compile(r"(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?\s+(\S+)\s+\w{3}\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_IOS = re.compile(r"[*.]?(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?\s+(\S+)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{4})")
_ZONE_IN_REPLY = re.compile(r"(?:UTC|GMT)\s*([+-])(\d{1,2}):?(\d{2})|\badd\s+(\d{1,2}):(\d{2})|\bminus\s+(\d{1,2}):(\d{2})", re.IGNORECASE)
_CONFIG_ZONE = re.compile(r"^\s*clock timezone\s+(\S+)\s+(?:(add|minus)\s+(\d{1,2}):(\d{2})|(-?\d{1,2})(?:\s+(\d{1,2}))?)", re.IGNORECASE | re.MULTILINE)
_NAMED = {"UTC": 0, "GMT": 0, "BJ": 8 * 3600, "CST": 8 * 3600, "CCT": 8 * 3600, "BEIJING": 8 * 3600}
_MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}


class ClockParseError(ValueError):
    pass


def _offset_text(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-").replace(":", "")
    return sign * (int(digits[:2]) * 3600 + int(digits[2:4]) * 60)


def zone_from_config(config: str) -> tuple[str, int] | None:
    m = _CONFIG_ZONE.search(config)
    if not m:
        return None
    if m.group(2):
        sign = -1 if m.group(2).lower() == "minus" else 1
        return m.group(1), sign * (int(m.group(3)) * 3600 + int(m.group(4)) * 60)
    hours = int(m.group(5))
    minutes = int(m.group(6) or 0)
    return m.group(1), hours * 3600 + (minutes * 60 if hours >= 0 else -minutes * 60)


def _zone_from_reply(reply: str) -> int | None:
    m = _ZONE_IN_REPLY.search(reply)
    if not m:
        return None
    if m.group(1):
        return (-1 if m.group(1) == "-" else 1) * (int(m.group(2)) * 3600 + int(m.group(3)) * 60)
    if m.group(4):
        return int(m.group(4)) * 3600 + int(m.group(5)) * 60
    return -(int(m.group(6)) * 3600 + int(m.group(7)) * 60)


def device_epoch(reply: str, config_zone: tuple[str, int] | None = None) -> tuple[float, bool]:
    """(epoch seconds of the device clock, whether IOS marked it not authoritative with ``*``)."""
    iso = _ISO.search(reply)
    if iso:
        y, mo, d, h, mi, s = (int(iso.group(i)) for i in range(1, 7))
        fraction = float(iso.group(7) or 0)
        zone = _offset_text(iso.group(8)) if iso.group(8) else _zone_from_reply(reply)
        return _to_epoch(y, mo, d, h, mi, s, fraction, zone, None, config_zone), False
    comware = _COMWARE.search(reply)
    if comware:
        h, mi, s = (int(comware.group(i)) for i in (1, 2, 3))
        mo, d, y = int(comware.group(6)), int(comware.group(7)), int(comware.group(8))
        return _to_epoch(y, mo, d, h, mi, s, float(comware.group(4) or 0), _zone_from_reply(reply), comware.group(5), config_zone), False
    ios = _IOS.search(reply)
    if ios:
        h, mi, s = (int(ios.group(i)) for i in (1, 2, 3))
        month = _MONTHS.get(ios.group(6).title())
        if month is None:
            raise ClockParseError(f"unknown month {ios.group(6)!r}")
        epoch = _to_epoch(int(ios.group(8)), month, int(ios.group(7)), h, mi, s, float(ios.group(4) or 0), None, ios.group(5), config_zone)
        return epoch, reply.lstrip().startswith("*")
    raise ClockParseError(f"no date and time in {reply.strip()[:80]!r}")


def _to_epoch(y: int, mo: int, d: int, h: int, mi: int, s: int, fraction: float, zone: int | None,
              zone_name: str | None, config_zone: tuple[str, int] | None) -> float:
    if zone is None and config_zone and zone_name and zone_name.upper() == config_zone[0].upper():
        zone = config_zone[1]
    if zone is None and zone_name:
        zone = _NAMED.get(zone_name.upper())
    if zone is None and config_zone:
        zone = config_zone[1]
    if zone is None:
        raise ClockParseError(f"time zone {zone_name or '?'} unknown and no clock timezone in the configuration")
    return calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)) + fraction - zone
