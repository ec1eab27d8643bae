"""Alarms true to their measure (issue 15, item 2): only a fresh reading clears an alarm; hysteresis;
readings in a row. Readings go through the poller's real store path (``store_cycle``); the last
test polls a real net-snmp agent from two pollers, as the console's Poll now and ``egovops poll`` do."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from egovops.errors import ValidationError
from egovops.inventory.model import Device
from egovops.polling.alarm_rules import POLLER_KINDS
from egovops.polling.device_poll import STATUS
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.poller import Poller
from egovops.polling.repo import PollingRepository
from egovops.polling.settings import ClearMargins, Intervals, PollingSettings, ReadingsInRow, Thresholds
from egovops.polling.settings_edit import validate
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.storage.alarms_repo import AlarmRepository
from tests.test_poll_cycle import credentials, device  # noqa: F401 - the fixture is used by name

NAME = "HF-INT-AGG-01"
LIMIT, MARGIN = 85.0, 5.0


@pytest.fixture
def poller(database, inventory) -> Poller:  # type: ignore[no-untyped-def]
    inventory.save_devices([Device(name=NAME, address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    settings = PollingSettings(thresholds=Thresholds(cpu_percent=LIMIT), clear_margins=ClearMargins(cpu_percent=MARGIN),
                               watch_workstation=False)
    return Poller(database, settings=settings)


class Clock:
    def __init__(self) -> None:
        self.at = 1_780_000_000.0

    def __call__(self) -> float:
        self.at += 60.0
        return self.at


def reading(cpu: float | None, health: bool = True, errors: float | None = None) -> DeviceStatus:
    status = DeviceStatus(NAME, reachable=True, reach_method="snmp", cpu_percent=cpu, mem_percent=20.0,
                          measured_health=health)
    if errors is not None:
        status.interfaces = [InterfaceStatus(1, "GE0/0/1", admin_status=1, oper_status=1, in_bps=1e6, out_bps=1e6,
                                             errors_ps=errors)]
        status.measured_interfaces = True
    return status


def cpu_alarms(database) -> list:  # type: ignore[no-untyped-def]
    return [a for a in AlarmRepository(database).list() if a.kind == "cpu_high"]


def feed(poller: Poller, clock: Clock, *readings: DeviceStatus) -> list[str]:
    """Store each reading as one cycle; the device's state after each."""
    states = []
    for r in readings:
        r.polled_at = at = clock()
        for i in r.interfaces:
            i.sampled_at = at
        poller.store_cycle([r], at)
        states.append(r.state)
    return states


def test_a_status_only_cycle_never_clears_a_health_alarm(poller, database) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    assert feed(poller, clock, reading(93.0)) == ["degraded"]
    (alarm,) = cpu_alarms(database)
    # Status-only cycles carry an older, low CPU value: they did not read CPU, so nothing changes.
    assert feed(poller, clock, reading(32.0, health=False), reading(32.0, health=False)) == ["degraded", "degraded"]
    (same,) = cpu_alarms(database)
    assert same.active and (same.count, same.last_seen, same.message) == (1, alarm.last_seen, alarm.message)
    # A health walk that returned no CPU value did not read CPU either.
    assert feed(poller, clock, reading(None)) == ["degraded"] and cpu_alarms(database)[0].active
    # Only a fresh reading below the clear line clears it.
    assert feed(poller, clock, reading(32.0)) == ["up"]
    (cleared,) = cpu_alarms(database)
    assert not cleared.active and cleared.id == alarm.id


def test_a_value_crossing_back_and_forth_within_the_margin_raises_one_alarm(poller, database) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    values = [84.0, 86.0, 83.0, 87.0, 81.0, 88.0, 80.5, 86.0]  # over the line, then never below 80
    feed(poller, clock, *(reading(v) for v in values))
    (alarm,) = cpu_alarms(database)
    assert alarm.active and alarm.count == len(values) - 1


def test_exactly_at_the_threshold_and_exactly_at_the_clear_line(poller, database) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    assert feed(poller, clock, reading(LIMIT)) == ["up"] and cpu_alarms(database) == []  # at the line is not over it
    assert feed(poller, clock, reading(LIMIT + 0.01)) == ["degraded"]
    assert feed(poller, clock, reading(LIMIT - MARGIN)) == ["degraded"]  # at the clear line: kept
    (kept,) = cpu_alarms(database)
    assert kept.active and "80" in kept.message  # the message tells the value and where it clears
    assert feed(poller, clock, reading(LIMIT - MARGIN - 0.01)) == ["up"]
    assert not cpu_alarms(database)[0].active
    # once cleared, the clear line no longer holds: the next raise needs a value over the threshold
    assert feed(poller, clock, reading(LIMIT - 1.0)) == ["up"] and len(cpu_alarms(database)) == 1


def test_readings_in_row_raise_only_after_n_consecutive_readings_over(poller, database) -> None:  # type: ignore[no-untyped-def]
    poller.settings = replace(poller.settings, readings_in_row=ReadingsInRow(cpu_percent=3, if_errors_ps=2))
    clock = Clock()
    assert feed(poller, clock, reading(90.0), reading(90.0), reading(70.0), reading(90.0), reading(90.0)) == ["up"] * 5
    assert feed(poller, clock, reading(32.0, health=False)) == ["up"]  # no reading: the run is not broken by it
    assert feed(poller, clock, reading(90.0)) == ["degraded"]
    assert len(cpu_alarms(database)) == 1
    # per interface too: the second reading in a row over 1/s raises
    assert feed(poller, clock, reading(10.0, errors=5.0)) == ["up"]  # the CPU alarm cleared, one error reading
    assert feed(poller, clock, reading(10.0, errors=5.0)) == ["degraded"]
    kinds = {a.kind for a in AlarmRepository(database).list(active_only=True)}
    assert kinds == {"interface_errors"}


def test_every_kind_the_poller_raises_is_decided_by_some_cycle() -> None:
    from egovops.storage.alarms_repo import OTHER_AREAS_KINDS
    from tests.test_overview_alarm_text import raised_kinds

    # Kinds other areas raise and clear with their own reconcile (topology, the collector's check).
    assert {"cross_network_link", "collector_silent"} <= OTHER_AREAS_KINDS
    polling = raised_kinds() - OTHER_AREAS_KINDS
    assert polling <= POLLER_KINDS  # else its alarm would never clear


def test_clear_margins_and_readings_in_row_are_range_checked() -> None:
    validate(PollingSettings())
    with pytest.raises(ValidationError, match=r"clear_margins\.cpu_percent"):
        validate(PollingSettings(clear_margins=ClearMargins(cpu_percent=90.0)))  # past the 85 % threshold
    with pytest.raises(ValidationError, match=r"readings_in_row\.temperature_c"):
        validate(PollingSettings(readings_in_row=ReadingsInRow(temperature_c=0)))
    assert PollingSettings.from_json({"clear_margins": {"cpu_percent": 2}}).clear_margins.cpu_percent == 2
    # the existing dotted keys of `egovops polling set` reach them
    from egovops.cli.polling_cmd import apply

    document = apply(apply(PollingSettings().to_json(), "readings_in_row.cpu_percent", "3"),
                     "clear_margins.mem_percent", "2.5")
    stored = PollingSettings.from_json(document)
    assert (stored.readings_in_row.cpu_percent, stored.clear_margins.mem_percent) == (3, 2.5)
    slower = apply(PollingSettings().to_json(), "neighbour_interval_s", "120")
    assert PollingSettings.from_json(slower).neighbour_interval_s == 120
    with pytest.raises(ValidationError, match="neighbour_interval_s"):
        validate(PollingSettings(neighbour_interval_s=5))
    validate(PollingSettings(neighbour_interval_s=0))  # off


@pytest.fixture(scope="module")
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("test-alarm-rules").start()
    yield SnmpClient(loop)
    loop.stop()


@pytest.mark.usefixtures("secret_service")
def test_poll_now_elsewhere_then_a_status_cycle_here_keeps_the_alarm_and_the_new_value(  # type: ignore[no-untyped-def]
        database, inventory, client, credentials, snmpd) -> None:  # noqa: F811
    """The issue's report: Poll now (another process) raised the alarm; the running poller's next
    status-only cycle set the device back to 正常 with its own older value and cleared it."""
    inventory.save_devices([device("hf-agg-1", snmpd.port)])
    fast = Intervals(timeout_s=1.0, retries=1)
    running = Poller(database, client, credentials,
                     PollingSettings(intervals=fast, thresholds=Thresholds(mem_percent=100.0), watch_workstation=False))
    assert running.run_cycle().statuses[0].state == "up"  # its own reading, no alarm
    # Poll now with a threshold the agent's memory is over (a stand-in for a real CPU fault)
    poll_now = Poller(database, client, credentials,
                      PollingSettings(intervals=fast, thresholds=Thresholds(mem_percent=1.0), watch_workstation=False))
    (raised,) = poll_now.run_cycle(names=["hf-agg-1"], label="device view").raised
    running.settings = replace(running.settings, thresholds=Thresholds(mem_percent=1.0))
    after = running.run_cycle(kinds={STATUS})
    assert after.cleared == [] and after.statuses[0].state == "degraded"
    (still,) = AlarmRepository(database).list(active_only=True)
    assert (still.id, still.count) == (raised.id, 1)
    stored = PollingRepository(database).load_statuses()["hf-agg-1"]
    assert stored.state == "degraded" and any("memory" in r for r in stored.reasons), stored.reasons
