"""DR drills: recorded in the duty log, their alarms marked, their time kept out of availability."""

from __future__ import annotations

import time
from datetime import date

import pytest

from egovops.accounts import Operator, Role
from egovops.availability.periods import custom_period, zone
from egovops.availability.report import ReportRequest, report_from_store
from egovops.demo.inventory import build_demo, store_demo
from egovops.dr.service import DrService
from egovops.duty import DutyService
from egovops.errors import EgovopsError
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.state_repo import MonitoredSpan, StateRepository, Transition

pytestmark = pytest.mark.stores("sqlite", "postgresql")

ENGINEER = Operator("zhao.lei", Role.ENGINEER, "local")
H = 3600.0
DRILLED, OTHER = "AH-DC2-EXT-CORE-01", "AH-DC3-EXT-CORE-01"  # same-city DR core; remote DR core
SAME_CITY = "安徽省/省同城灾备中心"
PERIOD = custom_period(date(2026, 10, 1), date(2026, 10, 1), zone("Asia/Shanghai"))


@pytest.fixture
def centres(inventory: InventoryRepository) -> None:
    store_demo(inventory, build_demo(17))  # the province core and the three data centres


def _down_from_10_to_11(database) -> None:  # type: ignore[no-untyped-def]
    states, t0 = StateRepository(database), PERIOD.start
    states.record_spans([MonitoredSpan(n, t0, PERIOD.end) for n in (DRILLED, OTHER)])
    states.record_transitions([Transition(n, t0, "up") for n in (DRILLED, OTHER)]
                              + [Transition(n, t0 + 10 * H, "down", "up") for n in (DRILLED, OTHER)]
                              + [Transition(n, t0 + 11 * H, "up", "down") for n in (DRILLED, OTHER)])


def _availability(database) -> dict[str, float | None]:  # type: ignore[no-untyped-def]
    report = report_from_store(database, ReportRequest(PERIOD, by="device"), now=PERIOD.end)
    return {row.key: row.service.availability for row in report.rows}


def test_a_drills_downtime_does_not_lower_availability_of_its_scope_only(centres, database) -> None:
    _down_from_10_to_11(database)
    before = _availability(database)
    assert before[DRILLED] == before[OTHER] == pytest.approx(100 * 23 / 24)  # the control: the hour counts
    service = DrService(database)
    service.start_drill(ENGINEER, [SAME_CITY], "切换演练", at=PERIOD.start + 9.5 * H)
    service.end_drill(ENGINEER, "passed", at=PERIOD.start + 12 * H)
    after = _availability(database)
    assert after[DRILLED] == 100.0  # the drill's outage is planned time, as in a maintenance window
    assert after[OTHER] == pytest.approx(100 * 23 / 24)  # outside the drill's scope nothing changes


def test_a_drill_that_ends_before_the_outage_excludes_nothing(centres, database) -> None:
    _down_from_10_to_11(database)
    service = DrService(database)
    service.start_drill(ENGINEER, [DRILLED], at=PERIOD.start + 8 * H)
    service.end_drill(ENGINEER, "passed", at=PERIOD.start + 10 * H)  # ends as the outage starts
    # its two hours leave the figures (planned time), the outage's whole hour stays in them
    assert _availability(database)[DRILLED] == pytest.approx(100 * 21 / 22)


def test_a_running_drill_excludes_up_to_the_reports_end(centres, database) -> None:
    _down_from_10_to_11(database)
    DrService(database).start_drill(ENGINEER, [DRILLED], at=PERIOD.start + 10.5 * H)  # not ended
    # from 10:30 on it is drill time: half an hour of the outage counts, out of 10.5 hours
    assert _availability(database)[DRILLED] == pytest.approx(100 * 10 / 10.5)


def test_drills_go_into_the_duty_log_and_mark_their_alarms(centres, database) -> None:
    duty, service, alarms = DutyService(database), DrService(database), AlarmRepository(database)
    shift = duty.start(ENGINEER)
    down = AlarmCondition("device-down", "critical", "down", "")
    now = time.time()
    early = alarms.reconcile({DRILLED: [AlarmCondition("cpu-high", "minor", "cpu", "")]}, at=now - 200)[0]
    drill_id = service.start_drill(ENGINEER, [SAME_CITY], "同城切换", at=now - 100)
    raised = alarms.reconcile({DRILLED: [down], OTHER: [down]}, at=now - 50)[0]
    ended = service.end_drill(ENGINEER, "partial", "DNS 切换慢", at=now - 10)
    alarms.reconcile({OTHER: [down, AlarmCondition("cpu-high", "minor", "cpu", "")]}, at=now)  # after the drill
    assert early and len(raised) == 2
    assert (ended.id, ended.outcome, ended.scope) == (drill_id, "partial", (SAME_CITY,))
    assert ended.notes == "同城切换\nDNS 切换慢"
    marked = service.drill_alarms(ended)
    assert [a[1] for a in marked] == [DRILLED] and marked[0][0] in {a.id for a in raised}
    notes = [n.text for n in duty.notes(shift.id)]
    assert len(notes) == 2 and str(drill_id) in notes[0] and "partial" in notes[1]


def test_drills_are_refused_by_role_scope_and_state(centres, database) -> None:
    service = DrService(database)
    with pytest.raises(EgovopsError, match="engineer"):
        service.start_drill(Operator("li.na", Role.OPERATOR, "local"), [SAME_CITY])
    with pytest.raises(EgovopsError, match="NO-SUCH"):
        service.start_drill(ENGINEER, ["NO-SUCH"])
    with pytest.raises(EgovopsError, match="no drill is running"):
        service.end_drill(ENGINEER, "passed")
    service.start_drill(ENGINEER, [DRILLED])
    with pytest.raises(EgovopsError, match="already running"):
        service.start_drill(ENGINEER, [OTHER])
    with pytest.raises(EgovopsError, match="passed, partial or failed"):
        service.end_drill(ENGINEER, "fine")
