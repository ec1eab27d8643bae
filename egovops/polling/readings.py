"""What a number from a device's health MIB means: a percentage, a temperature, or "not there".

Agents fill the fields of parts they do not have with sentinels instead of leaving them out:
65535 (the "not supported" value of HH3C-ENTITY-EXT-MIB's temperature), 2147483647 and
4294967295 (the largest Integer32/Unsigned32), -1, and 0 on boards and sensors that are absent.
Read naively they become a 65535 °C major alarm, or an empty slot at 0 % load; these functions
turn them into "no value" so that callers never have to know the list.
"""

from __future__ import annotations

import re

from egovops.snmp.values import SnmpValue

SENTINELS = frozenset({-1, 255, 65535, 65534, 2147483647, 4294967295})
TEMPERATURE_RANGE = (-40.0, 150.0)  # what any network equipment reports while it still runs


def number(value: SnmpValue) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value)
    if isinstance(value, bytes):
        try:
            value = value.decode("ascii")
        except UnicodeDecodeError:
            return None
    if isinstance(value, str):
        found = re.search(r"-?\d+(?:\.\d+)?", value)  # "9.9", "45.8%" from DisplayString gauges
        return float(found.group()) if found else None
    return None


def percent(value: float | None) -> float | None:
    """A load or usage in 0…100; anything else is a sentinel or garbage, not a reading."""
    if value is None or value in SENTINELS or not 0.0 <= value <= 100.0:
        return None
    return value


def celsius(value: float | None) -> float | None:
    """A temperature in -40…150 °C. Exactly 0 counts as absent: entity tables report 0 for every
    entity without a sensor, and no equipment room stands at exactly 0 °C."""
    if value is None or value in SENTINELS or value == 0.0:
        return None
    low, high = TEMPERATURE_RANGE
    return value if low <= value <= high else None


VALIDATORS = {"cpu": percent, "memory": percent, "temperature": celsius}
