"""Counter arithmetic and the time series store: wraps, restarts, rollups, retention."""

from __future__ import annotations

import pytest

from egovops.inventory.model import Device
from egovops.polling.model import DeviceStatus
from egovops.polling.rates import CounterReading, rate
from egovops.polling.repo import PollingRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

HOUR = 3600.0


def reading(value: int, uptime_cs: int | None, at: float, bits: int = 64) -> CounterReading:
    return CounterReading(value, bits, uptime_cs, at)


def test_rate_uses_the_agents_clock_and_survives_a_32_bit_wrap() -> None:
    assert rate(reading(1000, 10_000, 0.0), reading(2000, 11_000, 11.5), scale=8) == 800.0  # 1000 octets in 10 s by sysUpTime, not 11.5 s by our (late) wall clock
    wrapped = rate(reading(2**32 - 100, 0, 0.0, 32), reading(900, 1_000, 10.0, 32))
    assert wrapped == 100.0  # (900 + 2**32 - (2**32 - 100)) / 10 s


def test_restart_or_reset_gives_no_rate_instead_of_a_false_one() -> None:
    assert rate(reading(5_000_000, 900_000, 0.0), reading(10, 500, 60.0)) is None  # sysUpTime went backwards
    assert rate(reading(5_000_000, 1_000, 0.0), reading(10, 7_000, 60.0)) is None  # 64-bit counter cleared
    assert rate(reading(0, 0, 0.0), reading(10**12, 6_000, 60.0), scale=8, ceiling=1.5e9) is None  # over 1.5 × 1 Gbit/s
    assert rate(None, reading(10, 6_000, 60.0)) is None
    # Restarted 3 s after the last reading: sysUpTime is past the old value, but advanced 27 s less
    # than the wall clock, and the reset counters already passed their old values.
    assert rate(reading(1000, 50, 0.0), reading(2000, 300, 30.0)) is None


def test_rollups_and_retention(database, inventory) -> None:
    inventory.save_devices([Device("hf-core-1", "127.0.0.1", "intranet", "安徽省/合肥市")])
    repo = PollingRepository(database)
    now = 100 * 24 * HOUR  # a whole hour boundary
    times = [now - 3 * 24 * HOUR + 60, now - 3 * 24 * HOUR + 120, now - 2 * HOUR + 30, now - 2 * HOUR + 90, now - 600]
    for at, cpu in zip(times, (10.0, 30.0, 50.0, 70.0, 90.0)):
        repo.save_cycle([DeviceStatus("hf-core-1", state="up", reachable=True, cpu_percent=cpu, mem_percent=20.0,
                                      polled_at=at, measured_health=True)], {})
    repo.rollup_and_prune(now, raw_days=1, hourly_days=2)
    hourly = repo.hourly_health("hf-core-1")
    # The 3-day-old hour was rolled up before its raw samples went, then dropped as too old itself;
    # the two finished hours before now are kept.
    assert [(h, n, avg, top) for h, n, avg, top in hourly] == [(now - 2 * HOUR, 2, 60.0, 70.0), (now - HOUR, 1, 90.0, 90.0)]
    assert [cpu for _at, cpu, _mem in repo.health_series("hf-core-1")] == [50.0, 70.0, 90.0]
    repo.rollup_and_prune(now, raw_days=1, hourly_days=2)  # idempotent
    assert repo.hourly_health("hf-core-1") == hourly


def test_in_flight_limit_shrinks_on_slow_answers_and_grows_back() -> None:
    import asyncio

    from egovops.polling.limiter import AdaptiveLimit

    async def scenario() -> tuple[int, int, int]:
        limit = AdaptiveLimit(100, minimum=4)
        for _ in range(20):
            limit.answered(seconds=3.0, timeout=4.0)  # answered, but late: the console is the bottleneck
        low = int(limit.limit)
        for _ in range(10):
            limit.answered(seconds=0.01, timeout=4.0)
        peak = 0

        async def request() -> None:
            nonlocal peak
            async with limit.slot():
                peak = max(peak, limit.in_flight)
                await asyncio.sleep(0.01)

        await asyncio.gather(*(request() for _ in range(50)))
        return low, int(limit.limit), peak

    low, after, peak = asyncio.run(scenario())
    assert low == 4 and after == 14 and peak <= 14


def test_samples_at_fractional_seconds_roll_up_into_one_row_per_hour(database, inventory) -> None:
    """Cycles stamp samples with time.time(): SQLite's % casts to integer, which kept the fraction."""
    inventory.save_devices([Device("hf-core-1", "127.0.0.1", "intranet", "安徽省/合肥市")])
    repo = PollingRepository(database)
    now = 100 * 24 * HOUR + 1234.5678
    hour = now - now % HOUR - HOUR
    for at, cpu in ((hour + 30.25, 40.0), (hour + 1800.5, 60.0), (hour + 3599.75, 80.0)):
        repo.save_cycle([DeviceStatus("hf-core-1", state="up", reachable=True, cpu_percent=cpu, mem_percent=20.0,
                                      polled_at=at, measured_health=True)], {})
    repo.rollup_and_prune(now, raw_days=1, hourly_days=2)
    assert [(h, n, avg, top) for h, n, avg, top in repo.hourly_health("hf-core-1")] == [(hour, 3, 60.0, 80.0)]
