"""The monthly evaluation pack (issue 22): figures computed by hand for a small month, the same
figures in the CSV and in the PDF's text (pdftotext), and the edges the pack defines — a city with
no devices, a unit with no incident (MTTR 'none', full points), weights that do not add up to 100
(refused), a device moved to another unit (its whole month goes with it).

November 2026 in Asia/Shanghai, everything monitored all month:

* A-CORE (单位甲, core, 合肥市) down 5 Nov 10:00–10:20 → a major incident (core device);
  A-ACC (单位甲, 肥东县) unreachable behind it meanwhile (service view only);
* B-ACC (单位乙, 芜湖市) never fails;
* 黄山市 has no device.
* Alarms: A-CORE's acknowledged after 180 s; B-ACC's raised 2 h before the month's end and never
  acknowledged (counts with its wait so far, 7200 s).
* Baseline run on 10 Nov: A-CORE 80, A-ACC 90 (单位甲 85); B-ACC never checked (0).
* Backups: a config_backup run on 28 Nov took A-CORE and A-ACC; B-ACC's only version is from 1 Nov.
"""

from __future__ import annotations

import csv
import json
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from egovops.audit.chain import details_text
from egovops.audit.repo import AuditRepository
from egovops.availability.periods import period_containing, zone
from egovops.cli.main import cli as egovops_cli
from egovops.errors import ValidationError
from egovops.evaluation.scorecard import evaluate
from egovops.evaluation.weights import default_weights, load_weights
from egovops.inventory.model import Device, DeviceRole, Site, SiteKind
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.procedures_repo import ConfigVersionsRepository
from egovops.storage.state_repo import MonitoredSpan, StateRepository, Transition
from egovops.storage.tables.polling import alarms
from tests.fixtures.store import store_env

TZ = zone("Asia/Shanghai")
NOV = period_containing("month", date(2026, 11, 1), TZ)
MONTH_S = 30 * 86400.0
NOW = NOV.end + 86400  # the pack is made after the month


def at(day: int, hour: float) -> float:
    return datetime(2026, 11, day, tzinfo=TZ).timestamp() + hour * 3600


def populate(db: Database, runs: Path) -> None:
    inv = InventoryRepository(db)
    inv.save_sites(
        [
            Site("安徽省", SiteKind.PROVINCE),
            Site("安徽省/合肥市", SiteKind.CITY),
            Site("安徽省/合肥市/肥东县", SiteKind.COUNTY),
            Site("安徽省/芜湖市", SiteKind.CITY),
            Site("安徽省/黄山市", SiteKind.CITY),
        ]
    )
    inv.save_devices(
        [
            Device("A-CORE", "127.0.0.1", "extranet", "安徽省/合肥市", role=DeviceRole.CORE, owner_unit="单位甲"),
            Device(
                "A-ACC", "127.0.0.2", "extranet", "安徽省/合肥市/肥东县", role=DeviceRole.ACCESS, owner_unit="单位甲"
            ),
            Device("B-ACC", "127.0.0.3", "extranet", "安徽省/芜湖市", role=DeviceRole.ACCESS, owner_unit="单位乙"),
        ]
    )
    states = StateRepository(db)
    before = NOV.start - 86400
    states.record_transitions(
        [
            Transition("A-CORE", before, "up"),
            Transition("A-CORE", at(5, 10), "down"),
            Transition("A-CORE", at(5, 10 + 1 / 3), "up"),
            Transition("A-ACC", before, "up"),
            Transition("A-ACC", at(5, 10), "unreachable", root_cause="A-CORE"),
            Transition("A-ACC", at(5, 10 + 1 / 3), "up"),
            Transition("B-ACC", before, "up"),
        ]
    )
    states.record_spans([MonitoredSpan(d, NOV.start, NOV.end) for d in ("A-CORE", "A-ACC", "B-ACC")])
    ids = inv.device_ids()

    def alarm(device: str, **values: object) -> dict[str, object]:
        return {
            "device_id": ids[device],
            "subject": "",
            "message": "m",
            "cleared_at": None,
            "acked_by": None,
            "acked_at": None,
            "suppressed": False,
            "active": True,
            "count": 1,
            **values,
        }

    with db.write() as conn:
        conn.execute(
            alarms.insert(),
            [
                alarm(
                    "A-CORE",
                    kind="device-down",
                    severity="critical",
                    active=False,
                    first_seen=at(5, 10) + 30,
                    last_seen=at(5, 10.3),
                    cleared_at=at(5, 10.34),
                    acked_by="t",
                    acked_at=at(5, 10) + 210,
                ),
                alarm("B-ACC", kind="cpu_high", severity="major", first_seen=NOV.end - 7200, last_seen=NOV.end - 60),
                # a symptom explained by a root alarm, and a warning: neither is anyone's acknowledgement to make
                alarm(
                    "A-ACC",
                    kind="device-down",
                    severity="critical",
                    first_seen=at(5, 10) + 40,  # never acknowledged: would weigh a lot if it counted
                    last_seen=at(5, 10.3),
                    suppressed=True,
                ),
                alarm("B-ACC", kind="x", severity="warning", first_seen=at(3, 1), last_seen=at(3, 1)),
            ],
        )
    (runs / "run-b1").mkdir(parents=True)
    (runs / "run-b1" / "report.json").write_text(
        json.dumps(
            {"targets": [{"device": "A-CORE", "data": {"score": 80}}, {"device": "A-ACC", "data": {"score": 90}}]}
        ),
        "utf-8",
    )
    audit = AuditRepository(db)
    for when, procedure, details in (
        (at(10, 3), "baseline_check", {"run_id": "run-b1", "dry_run": False, "results": []}),
        (
            at(12, 3),
            "baseline_check",
            {"run_id": "run-dry", "dry_run": True, "results": []},
        ),  # a dry run checks nothing
        (
            at(28, 2),
            "config_backup",
            {
                "run_id": "k1",
                "dry_run": False,
                "results": [
                    {"device": "A-CORE", "status": "ok"},
                    {"device": "A-ACC", "status": "ok"},
                    {"device": "B-ACC", "status": "failed"},
                ],
            },
        ),
    ):
        audit.append(
            actor="t",
            role="admin",
            action="procedure.run",
            subject=procedure,
            details=details_text(details),
            output_digest="",
            at=when,
        )
    ConfigVersionsRepository(db).add_if_changed("B-ACC", "hostname B\n", "d", at(1, 1), "k0", "show run")


@pytest.fixture
def month(database: Database, data_dir: Path) -> Database:
    populate(database, data_dir / "runs")
    return database


def by_key(units):  # type: ignore[no-untyped-def]
    return {u.key: u for u in units}


@pytest.mark.stores("sqlite", "postgresql")
def test_scorecard_matches_the_hand_computed_month(month: Database, data_dir: Path) -> None:
    ev = evaluate(month, NOV, "unit", default_weights(), data_dir / "runs", generated_by="t", now=NOW)
    a, b = by_key(ev.units)["单位甲"], by_key(ev.units)["单位乙"]
    assert a.raw["availability"] == pytest.approx(100 * (2 * MONTH_S - 2400) / (2 * MONTH_S))
    assert a.raw["mttr"] == pytest.approx(1200)  # A-CORE's own 20 min; A-ACC's is charged to it
    assert a.raw["major_incidents"] == 1 and [i.downstream for i in ev.incidents] == [1]
    assert a.raw["ack_time"] == pytest.approx(180)
    assert a.raw["baseline"] == pytest.approx(85) and a.raw["backup"] == 100 and a.raw["coverage"] == pytest.approx(100)
    assert a.points == pytest.approx(
        {
            "availability": 100,
            "mttr": 100,
            "major_incidents": 75,
            "ack_time": 100,
            "baseline": 85,
            "backup": 100,
            "coverage": 100,
        }
    )
    assert a.total == pytest.approx(94.0)  # (30·100 + 15·100 + 15·75 + 10·100 + 15·85 + 10·100 + 5·100) / 100
    # no incident at all: MTTR is 'none' and scores full points, never 0 s
    assert b.raw["mttr"] is None and b.points["mttr"] == 100 and b.raw["major_incidents"] == 0
    assert b.raw["ack_time"] == pytest.approx(7200) and b.points["ack_time"] == 0
    assert b.raw["baseline"] == 0 and b.raw["backup"] == 0  # unchecked; backup 29 days old
    assert b.total == pytest.approx(65.0)
    assert [(u.key, u.rank) for u in ev.units] == [("单位甲", 1), ("单位乙", 2)]
    assert a.trend[:-1] == [None] * 5 and a.trend[-1] == a.total  # nothing monitored before November
    assert [m.isoformat() for m in ev.months] == [f"2026-{m:02d}-01" for m in range(6, 12)]


def test_a_city_without_devices_is_listed_but_not_ranked(month: Database, data_dir: Path) -> None:
    ev = evaluate(month, NOV, "city", default_weights(), data_dir / "runs", generated_by="t", now=NOW)
    assert [(u.key, u.rank, u.devices) for u in ev.units] == [("合肥市", 1, 2), ("芜湖市", 2, 1), ("黄山市", None, 0)]
    assert ev.units[-1].total is None


def test_a_device_moved_mid_month_counts_wholly_for_its_new_unit(month: Database, data_dir: Path) -> None:
    inv = InventoryRepository(month)
    moved = inv.device("B-ACC")
    inv.save_devices([Device(**{**vars(moved), "owner_unit": "单位甲"})])
    ev = evaluate(month, NOV, "unit", default_weights(), data_dir / "runs", generated_by="t", now=NOW)
    assert [(u.key, u.devices) for u in ev.units] == [("单位甲", 3)]
    assert ev.units[0].raw["baseline"] == pytest.approx((80 + 90 + 0) / 3)


def test_weights_must_add_up_to_100() -> None:
    with pytest.raises(ValidationError, match="add up to 105, not 100"):
        load_weights(None, ["availability=35"])
    assert load_weights(None, ["availability=35", "coverage=0"]).weight("availability") == 35
    with pytest.raises(ValidationError, match="unknown measure"):
        load_weights(None, ["speed=0"])


@pytest.fixture
def run(month: Database, data_dir: Path, database_url: str):  # type: ignore[no-untyped-def]
    def invoke(*args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(
            egovops_cli,
            ["report", "evaluation", "--month", "2026-11", "--tz", "Asia/Shanghai", *args],
            env={"EGOVOPS_HOME": str(data_dir), "EGOVOPS_LANG": lang, **store_env(database_url)},
        )

    return invoke


def test_bad_weights_and_months_give_one_line_and_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for args, message in (
        (["--weight", "availability=31"], "the weights add up to 101, not 100"),
        (["--weight", "availability"], "is not like availability=30"),
    ):
        done = run(*args, "--out", str(tmp_path / "x.csv"))
        assert done.exit_code == 1 and message in done.output and "Traceback" not in done.output
        assert not (tmp_path / "x.csv").exists()
    done = CliRunner().invoke(
        egovops_cli, ["report", "evaluation", "--month", "2026-13", "--out", str(tmp_path / "y.csv")]
    )
    assert done.exit_code == 1 and "is not a month like 2026-11" in done.output


def test_csv_holds_the_core_figures(run, month: Database, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "pack.csv"
    assert run("--out", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    ev = evaluate(month, NOV, "unit", default_weights(), data_dir / "runs", generated_by="t", now=NOW)
    for row, unit in zip(rows, ev.units, strict=True):
        assert row["group"] == unit.key and float(row["total"]) == pytest.approx(unit.total, abs=1e-4)
        for m, value in unit.raw.items():
            assert (
                (row[f"{m}_raw"] == "") if value is None else float(row[f"{m}_raw"]) == pytest.approx(value, rel=1e-5)
            )
    assert rows[1]["mttr_raw"] == "" and rows[0]["total_2026-06"] == ""


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pdf_states_the_core_figures(run, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "pack.pdf"
    assert run("--out", str(out), lang=lang).exit_code == 0
    text = _pdf_text(out)
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) == 4  # summary, ranking, one page per unit
    summary, unit_a, unit_b = pages[0], pages[2], pages[3]
    assert "94.0" in summary and "65.0" in summary  # the ranking's totals
    assert ("weights:" if lang == "en" else "权重：") in summary and "30" in summary
    assert "单位甲" in unit_a and "94.0" in unit_a and "85.0%" in unit_a and "75.0" in unit_a
    assert "99.954%" in unit_a  # availability to three places
    assert ("20 min 0 s" if lang == "en" else "20分0秒") in unit_a
    assert ("none" if lang == "en" else "无") in unit_b  # MTTR of a unit with no incident
    if lang == "zh_CN":
        assert "电子政务运维月度考核评价" in summary and "Major incident" not in summary


@pytest.mark.stores("sqlite", "postgresql")
def test_stored_weights_rank_for_everyone_and_need_a_supervisor(month: Database, data_dir: Path) -> None:
    from egovops.accounts.identity import Operator
    from egovops.accounts.roles import PermissionDenied, Role
    from egovops.audit.repo import AuditRepository
    from egovops.evaluation.settings import current_weights, set_weights

    with pytest.raises(PermissionDenied):
        set_weights(month, Operator("li", Role.ENGINEER, "local"), ["availability=35", "coverage=0"])
    boss = Operator("zhao", Role.SUPERVISOR, "local")
    with pytest.raises(ValidationError, match="add up to 105"):
        set_weights(month, boss, ["availability=35"])
    assert current_weights(month).weight("availability") == 30  # nothing stored by either attempt
    set_weights(month, boss, ["baseline=0", "availability=45"])
    ev = evaluate(month, NOV, "unit", current_weights(month), data_dir / "runs", generated_by="t", now=NOW)
    # 单位甲: (45·100 + 15·100 + 15·75 + 10·100 + 0·85 + 10·100 + 5·100) / 100
    assert by_key(ev.units)["单位甲"].total == pytest.approx(96.25)
    actions = [r.action for r in AuditRepository(month).rows() if r.action.startswith("evaluation.")]
    assert actions == ["evaluation.refused", "evaluation.weights"]
    set_weights(month, boss, [], reset=True)
    assert current_weights(month).weight("availability") == 30


def _core_outage(planned: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A-CORE (index 0, a core device) down 10:00–11:00 on 5 Nov, with these planned intervals."""
    import numpy as np

    from egovops.availability.history import STATE_CODES, History
    from egovops.evaluation.incidents import major_incidents
    from egovops.evaluation.weights import Scoring

    h = History(
        names=["A-CORE"],
        t_dev=np.array([0, 0, 0]), t_at=np.array([NOV.start - 60, at(5, 10), at(5, 11)]),
        t_state=np.array([STATE_CODES["up"], STATE_CODES["down"], STATE_CODES["up"]]),
        t_root=np.array([-1, -1, -1]),
        s_dev=np.array([0]), s_start=np.array([NOV.start]), s_end=np.array([NOV.end]),
        m_dev=np.zeros(len(planned), np.int64), m_start=np.array([a for a, _ in planned], float),
        m_end=np.array([b for _, b in planned], float),
    )
    core = [Device("A-CORE", "127.0.0.1", "extranet", "安徽省/合肥市", role=DeviceRole.CORE)]
    return [(i.start, i.end) for i in major_incidents(h, core, NOV.start, NOV.end, Scoring())]


def test_an_outage_inside_a_drill_or_maintenance_is_no_major_incident_and_what_outlasts_it_is() -> None:
    assert _core_outage([]) == [(at(5, 10), at(5, 11))]
    assert _core_outage([(at(5, 9), at(5, 11))]) == []  # wholly planned, its end exactly at the recovery
    assert _core_outage([(at(5, 9), at(5, 10.5))]) == [(at(5, 10.5), at(5, 11))]  # the drill ran over
    assert _core_outage([(at(5, 10.25), at(5, 10.5))]) == [(at(5, 10), at(5, 10.25)), (at(5, 10.5), at(5, 11))]
