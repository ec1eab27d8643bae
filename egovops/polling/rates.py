"""Counters to rates, surviving 32-bit wraps and agent restarts.

A rate needs two readings of the same counter. Between them the counter may have wrapped (32-bit
ifInOctets wraps in under 6 minutes at 100 Mbit/s, hence ifHC* first) or the agent may have
restarted, which resets every counter: sysUpTime going backwards says so, and then no rate is
given for that interval rather than a huge false one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CounterReading:
    value: int
    bits: int  # 32 or 64
    uptime_cs: int | None  # the agent's sysUpTime (hundredths of a second) at the reading
    at: float  # wall clock, epoch seconds


RESTART_SLACK_S = 2.0  # poll latency and the two clocks' drift, plus 5 % of the interval


def restarted(previous: CounterReading, current: CounterReading) -> bool:
    """sysUpTime went backwards, or advanced far less than the wall clock did.

    The second case is an agent that restarted soon after the previous reading: its uptime is
    already past the old value, yet its counters were reset all the same.
    """
    if previous.uptime_cs is None or current.uptime_cs is None:
        return False
    agent_s = (current.uptime_cs - previous.uptime_cs) / 100.0
    wall_s = current.at - previous.at
    return agent_s < 0 or agent_s < wall_s - RESTART_SLACK_S - 0.05 * wall_s


def elapsed_s(previous: CounterReading, current: CounterReading) -> float:
    """Seconds between the readings, by the agent's clock when both carry it (immune to our jitter)."""
    if previous.uptime_cs is not None and current.uptime_cs is not None and current.uptime_cs > previous.uptime_cs:
        return (current.uptime_cs - previous.uptime_cs) / 100.0
    return current.at - previous.at


def delta(previous: CounterReading, current: CounterReading) -> int | None:
    if restarted(previous, current) or previous.bits != current.bits:
        return None
    if current.value >= previous.value:
        return current.value - previous.value
    if current.bits == 32:
        return current.value + 2**32 - previous.value  # one wrap
    return None  # a 64-bit counter does not wrap in practice: it was reset (cleared by an operator)


def rate(previous: CounterReading | None, current: CounterReading, scale: float = 1.0, ceiling: float | None = None) -> float | None:
    """Per-second rate times ``scale`` (8 for octets → bit/s); None when it cannot be known.

    ``ceiling`` (e.g. 1.5 × interface speed) rejects impossible values that only a reset the
    agent did not report could produce.
    """
    if previous is None:
        return None
    seconds = elapsed_s(previous, current)
    change = delta(previous, current)
    if change is None or seconds <= 0:
        return None
    value = change * scale / seconds
    if ceiling is not None and value > ceiling:
        return None
    return value
