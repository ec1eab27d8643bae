"""The runner screen's Qt-free core: procedure choices, role refusals, target previews, CSV export, audit lookup."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from egovops.accounts import Operator, Role
from egovops.audit.log import AuditLog
from egovops.errors import NotFoundError, ValidationError
from egovops.procedures import Risk, RunReport, Status, TargetOutcome, discover
from egovops.procedures.choices import (
    city_selector,
    needs_confirmation,
    preview_targets,
    procedure_choices,
    refusal,
    runs_folder,
    selector_for_devices,
    selector_for_site,
)
from egovops.procedures.run_records import audit_entry, export_results_csv, outcome_lines
from egovops.storage.database import Database

OPERATOR = Operator("duty", Role.OPERATOR, "os")
ENGINEER = Operator("eng", Role.ENGINEER, "os")


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return discover()


def by_id(registry, lang: str):  # type: ignore[no-untyped-def]
    return {c.id: c for c in procedure_choices(registry, lang)}


def test_choices_are_named_in_the_language_asked_with_risk_and_role(registry) -> None:  # type: ignore[no-untyped-def]
    zh, en = by_id(registry, "zh_CN"), by_id(registry, "en")
    assert zh["config-backup"].name == "配置备份" and en["config-backup"].name == "Configuration backup"
    assert "等级保护" in zh["baseline-check"].description
    assert en["save-config"].risk is Risk.CHANGES_CONFIG and en["save-config"].needed_role is Role.ENGINEER
    assert en["baseline-check"].needed_role is Role.OPERATOR
    for lang in ("en", "zh_CN"):  # read-only first (the list opens on one), each group by name
        listed = procedure_choices(registry, lang)
        risks = [c.risk for c in listed]
        assert risks == sorted(risks, key=list(Risk).index) and risks[0] is Risk.READ_ONLY
        read_only = [c.name for c in listed if c.risk is Risk.READ_ONLY]
        assert read_only == sorted(read_only) and listed[-1].id == "save-config"
    assert needs_confirmation(Risk.CHANGES_CONFIG) and needs_confirmation(Risk.DISRUPTIVE) and not needs_confirmation(Risk.READ_ONLY)


def test_refusal_names_the_role_needed_unless_it_is_a_dry_run(registry) -> None:  # type: ignore[no-untyped-def]
    save = by_id(registry, "en")["save-config"]
    assert refusal(OPERATOR, save, dry_run=False) == "duty (operator) may not run Save configuration: it needs the engineer role or higher"
    assert refusal(OPERATOR, save, dry_run=True) is None
    assert refusal(ENGINEER, save, dry_run=False) is None
    assert refusal(OPERATOR, by_id(registry, "en")["baseline-check"], dry_run=False) is None


def test_preview_counts_targets_and_says_why_some_are_skipped(registry, demo_store: Database) -> None:  # type: ignore[no-untyped-def]
    backup = by_id(registry, "en")["config-backup"]
    preview = preview_targets(demo_store, backup, selector_for_site("安徽省/省电子政务数据中心"))
    assert set(preview.targets) == {"AH-DC1-EXT-CORE-01", "AH-DC1-EXT-STOR-01"} and preview.total == 3
    assert preview.excluded[0][0] == "AH-DC1-EXT-SRV-01" and "'linux' is not supported" in preview.excluded[0][1]
    everything = preview_targets(demo_store, None, selector_for_site(""))
    assert everything.selector == "all" and len(everything.targets) == 120 and not everything.excluded
    named = preview_targets(demo_store, backup, selector_for_devices(["HF-EXT-AGG-01", "WH-EXT-AGG-01"]))
    assert named.targets == ("HF-EXT-AGG-01", "WH-EXT-AGG-01")
    assert "matches no device" in preview_targets(demo_store, backup, "vendor:nokia").problem
    assert "unknown key 'colour'" in preview_targets(demo_store, backup, "colour:red").problem
    assert "empty" in preview_targets(demo_store, backup, "  ").problem


def test_city_selector_widens_devices_to_their_cities(demo_store: Database) -> None:
    assert city_selector(demo_store, ["HF-C05-EXT-AS01"]) == "site:安徽省/合肥市"  # a county switch: its city
    assert city_selector(demo_store, ["HF-EXT-AGG-01", "WH-EXT-AGG-01"]) == "site:安徽省/合肥市,site:安徽省/芜湖市"
    assert city_selector(demo_store, ["AH-EXT-CORE-01"]) == "site:安徽省"  # the province's own core
    everything_in_hefei = preview_targets(demo_store, None, city_selector(demo_store, ["HF-C05-EXT-AS01"]))
    assert len(everything_in_hefei.targets) == 11
    with pytest.raises(ValidationError, match="none of these devices is in the inventory: NO-SUCH"):
        city_selector(demo_store, ["NO-SUCH"])


def _outcome(device: str, status: Status, message: str, data: dict) -> TargetOutcome:  # type: ignore[type-arg]
    return TargetOutcome(device, status, message, data, (f"/runs/r1/{device}/evidence.json",), 1_700_000_000.0, 1_700_000_002.5, "ab" * 32)


def test_csv_export_has_a_column_per_result_field_and_lists_failed_items(tmp_path: Path) -> None:
    report = RunReport("r1", "baseline-check", "eng", False, {"max_idle_minutes": 15})
    report.outcomes = [
        _outcome("HW-WEAK", Status.FAILED, "2 of 3 items fail", {"score": 33.3, "compliant": False, "items": [
            {"id": "ssh-only", "passed": False}, {"id": "ntp", "passed": True}, {"id": "syslog", "passed": False}]}),
        _outcome("合肥-OK", Status.OK, "compliant", {"score": 100.0, "compliant": True, "items": [
            {"id": "ntp", "passed": True}, {"id": "snmp", "passed": None}]}),  # None: the item does not apply
        _outcome("LINUX", Status.SKIPPED, "vendor 'linux' is not supported", {}),
    ]
    path = tmp_path / "results.csv"
    assert export_results_csv(report, path) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert list(rows[0]) == ["device", "status", "message", "started_utc", "seconds", "output_digest", "artefacts", "score", "compliant", "items"]
    weak = next(r for r in rows if r["device"] == "HW-WEAK")
    assert weak["status"] == "failed" and weak["items"] == "ssh-only;syslog" and weak["compliant"] == "false" and weak["score"] == "33.3"
    assert weak["seconds"] == "2.500" and weak["started_utc"] == "2023-11-14T22:13:20Z"
    ok = next(r for r in rows if r["device"] == "合肥-OK")
    assert ok["items"] == "" and ok["compliant"] == "true"
    assert next(r for r in rows if r["device"] == "LINUX")["score"] == ""
    with pytest.raises(ValidationError, match="use a .csv file name"):
        export_results_csv(report, tmp_path / "results.xlsx")
    assert not list(tmp_path.glob("*.part"))


def test_audit_entry_finds_the_row_or_says_it_is_missing(database: Database, data_dir: Path) -> None:
    log = AuditLog(database)
    first = log.record(actor="eng", role="engineer", action="procedure.start", subject="config-backup", details={"run_id": "x"})
    second = log.record(actor="eng", role="engineer", action="procedure.run", subject="config-backup", details={"run_id": "x"})
    assert audit_entry(database, second.id).hash == second.hash
    assert audit_entry(database, first.id).action == "procedure.start"
    with pytest.raises(NotFoundError, match=f"audit record {second.id + 1} is not in the store"):
        audit_entry(database, second.id + 1)
    assert runs_folder(database) == (data_dir / "runs").resolve()
    assert time.time() - second.at < 60


def test_parameters_carry_their_own_chinese_and_english_texts(registry) -> None:  # type: ignore[no-untyped-def]
    from egovops.procedures.parameters import parse_parameter

    spec = next(s for s in by_id(registry, "en")["interface-errors"].parameters if s.name == "interval")
    assert spec.label("zh_CN") == "采样间隔（秒）" and spec.label("en") == "Sampling interval (seconds)"
    assert spec.text("zh_CN") == "两次采样之间间隔的秒数。" and spec.description == "Seconds between the two samples."
    plain = parse_parameter({"name": "count", "type": "integer", "description": "How many."})
    assert plain.label("zh_CN") == "count" and plain.text("zh_CN") == "How many."  # older manifests: English, id as label
    with pytest.raises(ValidationError, match="count: label must be a text or 'en' and 'zh_CN' texts"):
        parse_parameter({"name": "count", "type": "integer", "label": {"en": "Count"}})


def test_outcome_lines_show_each_finding_and_the_files() -> None:
    outcome = _outcome("HW-WEAK", Status.FAILED, "compliance 50%", {"score": 50.0, "items": [
        {"id": "ntp", "title": "NTP servers", "passed": False, "detail": "no NTP server"},
        {"id": "snmp", "title": "SNMP", "passed": None, "detail": ""},
        {"id": "ssh-only", "title": "SSH only", "passed": True, "detail": ""}], "ports": ["GE0/0/1", "GE0/0/2"]})
    assert outcome_lines(outcome) == [
        "compliance 50%", "score: 50.0", "✘ NTP servers: no NTP server", "– SNMP", "✔ SSH only",
        'ports: ["GE0/0/1", "GE0/0/2"]', "file: /runs/r1/HW-WEAK/evidence.json",
    ]


def test_outcome_lines_name_fields_in_the_readers_language() -> None:
    from egovops import i18n

    outcome = _outcome("HW-WEAK", Status.FAILED, "x", {"score": 50.0, "compliant": False, "error": "HostKeyUnknownError"})
    try:
        i18n.set_language("zh_CN")
        assert outcome_lines(outcome)[1:3] == ["得分：50.0", "合规：否"]
        i18n.set_language("en")
        assert outcome_lines(outcome)[1:] == ["score: 50.0", "compliant: no", "file: /runs/r1/HW-WEAK/evidence.json"]
    finally:
        i18n.set_language(None)
