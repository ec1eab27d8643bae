"""Hostile inventory files and spreadsheet formulas in every CSV the core writes."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from egovops.accounts import Operator, Role
from egovops.audit import AuditLog, export_rows
from egovops.audit.repo import AuditRepository
from egovops.inventory import csv_io
from egovops.inventory.model import Device
from egovops.inventory.validation import device_to_row
from egovops.inventory_edit.devices import DeviceEditor, DeviceFormError
from egovops.inventory_edit.importer import import_file
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from tests.test_inventory_import import GOOD_1, GOOD_2, HEADER

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
ENGINEER = Operator("li", Role.ENGINEER, "local")


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]


def _assert_neutral(cells: list[str], planted: list[str]) -> None:
    assert not [c for c in cells if c and c[0] in "=+-@\t\r"], "a cell would run as a formula"
    for text in planted:
        assert "'" + text in cells


def test_no_csv_writer_in_the_core_bypasses_the_neutraliser() -> None:
    """Every export goes through egovops.csv_cells; a new csv.writer() elsewhere would not."""
    root = Path(__file__).resolve().parents[1] / "egovops"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "csv_cells.py"
                 and ("csv.writer(" in p.read_text("utf-8") or "csv.DictWriter(" in p.read_text("utf-8"))]
    assert offenders == []


def test_inventory_export_is_neutralised_and_round_trips(tmp_path: Path) -> None:
    devices = [Device(f"D{i}", f"127.0.0.{i + 1}", "extranet", "安徽省", contact=text)
               for i, text in enumerate(FORMULAS)]
    path = tmp_path / "inv.csv"
    csv_io.write_csv(path, (device_to_row(d) for d in devices))
    _assert_neutral(_cells(path), FORMULAS)
    _header, rows, _enc = csv_io.read_csv(path)
    assert [r.fields["contact"] for r in rows] == FORMULAS  # egovops reads its own export back unchanged


def test_audit_export_is_neutralised(database: Database, tmp_path: Path) -> None:
    log = AuditLog(database)
    for text in FORMULAS:
        log.record(actor=text, role="operator", action="alarm.ack", subject=text)
    repo = AuditRepository(database)
    export_rows(repo.rows(), repo.head(), tmp_path / "audit.csv")
    _assert_neutral(_cells(tmp_path / "audit.csv"), FORMULAS)


def test_duty_handover_csv_is_neutralised(database: Database, tmp_path: Path) -> None:
    from egovops.duty import DutyService, write_summary

    duty = DutyService(database)
    duty.start(ENGINEER)
    for text in FORMULAS:
        duty.note(ENGINEER, text.strip() or text)
    ended = duty.end(ENGINEER)
    write_summary(duty.summary(ended), tmp_path / "handover.csv")
    cells = _cells(tmp_path / "handover.csv")
    assert not [c for c in cells if c and c[0] in "=+-@"]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells


def test_runner_results_csv_is_neutralised(tmp_path: Path) -> None:
    from egovops.procedures import RunReport, Status
    from egovops.procedures.result import TargetOutcome
    from egovops.procedures.run_records import export_results_csv

    report = RunReport("r1", "p", "all", {}, False)  # type: ignore[call-arg]
    report.outcomes = [TargetOutcome(f"D{i}", Status.FAILED, text, {"note": text}, (), 0.0, 1.0, "")
                       for i, text in enumerate(FORMULAS)]
    export_results_csv(report, tmp_path / "results.csv")
    _assert_neutral(_cells(tmp_path / "results.csv"), FORMULAS)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_alias_bomb_is_refused_in_under_a_second(inventory: InventoryRepository, tmp_path: Path) -> None:
    levels = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    levels.append("devices: [{name: *i, address: 127.0.0.1, network: extranet, site: 安徽省}]")
    bomb = _write(tmp_path / "bomb.yaml", "\n".join(levels) + "\n")
    assert bomb.stat().st_size < 600
    started = time.monotonic()
    report = import_file(inventory, bomb)
    assert time.monotonic() - started < 1.0
    assert report.file_error and "anchors and aliases" in report.file_error and inventory.devices() == []
    loop = import_file(inventory, _write(tmp_path / "loop.yaml", "devices: &d [*d]\n"))
    assert loop.file_error and "refers to itself" in loop.file_error


def test_an_unbalanced_quote_is_a_row_error_naming_its_lines(inventory: InventoryRepository, tmp_path: Path) -> None:
    broken = 'BAD-01,127.30.0.7,,,extranet,"安徽省/合肥市,h3c,S5130,access,,2,,,,'
    path = _write(tmp_path / "q.csv",
                  "\n".join([HEADER, GOOD_1, broken, GOOD_2, "LAST,127.30.0.8,,,extranet,安徽省,,,,,,,,,"]) + "\n")
    report = import_file(inventory, path)
    assert [(p.row, "quote is not closed" in p.reason) for p in report.problems] == [(3, True)]
    assert "lines 3–5" in report.problems[0].reason
    assert sorted(d.name for d in inventory.devices()) == ["HF-CORE-01"]  # nothing from lines 3-5
    assert not [s for s in inventory.sites() if "\n" in s.path]


def test_a_field_longer_than_csv_allows_is_a_row_error(inventory: InventoryRepository, tmp_path: Path) -> None:
    huge = "HUGE," + "1" * 200_000 + ",,,extranet,安徽省,,,,,,,,,"
    report = import_file(inventory, _write(tmp_path / "long.csv", "\n".join([HEADER, huge, GOOD_1]) + "\n"))
    assert [p.row for p in report.problems] == [2] and "cannot be read" in report.problems[0].reason
    assert [d.name for d in inventory.devices()] == ["HF-CORE-01"]


BAD_FIELDS = {
    "nul": ("NUL\x00DEV", "name", "control character"),
    "newline in contact": ("OK-NAME", "contact", "control character"),
    "dot-dot": ("..", "name", "cannot be a device name"),
    "slash": ("a/b", "name", "cannot be a device name"),
    "backslash": ("a\\b", "name", "cannot be a device name"),
    "long name": ("N" * 65, "name", "at most 64"),
    "long site": ("OK-NAME", "site", "at most 500"),
}


def _row(case: str) -> dict[str, str]:
    name, _column, _ = BAD_FIELDS[case]
    row = {"name": name, "address": "127.30.0.20", "network": "extranet", "site": "安徽省/合肥市", "contact": "张伟"}
    if case == "newline in contact":
        row["contact"] = "张伟\n0551"
    if case == "long site":
        row["site"] = "安徽省/" + "/".join(["合肥市"] * 200)
    return row


@pytest.mark.parametrize("case", sorted(BAD_FIELDS))
def test_bad_text_is_refused_at_import_and_in_the_editor(case: str, database: Database, inventory: InventoryRepository,
                                                         tmp_path: Path) -> None:
    row = _row(case)
    _name, column, reason = BAD_FIELDS[case]
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=HEADER.split(","))
        writer.writeheader()
        writer.writerow(row)
    report = import_file(inventory, path)
    assert [(p.row, p.column) for p in report.problems if reason in p.reason] == [(2, column)], report.problems
    assert inventory.devices() == []
    with pytest.raises(DeviceFormError) as refused:
        DeviceEditor(database).save(ENGINEER, row)
    assert any(p.column == column and reason in p.reason for p in refused.value.problems)


def test_site_names_with_control_characters_or_too_long_are_refused_in_the_sites_editor(database: Database) -> None:
    from egovops.errors import ValidationError
    from egovops.inventory_edit.sites import SiteEditor

    editor = SiteEditor(database)
    editor.add(ENGINEER, None, "安徽省")
    for bad in ("合\x00肥市", "合肥\n市", "合" * 101):
        with pytest.raises((ValidationError, ValueError)):
            editor.add(ENGINEER, "安徽省", bad)
    assert [s.path for s in InventoryRepository(database).sites()] == ["安徽省"]
