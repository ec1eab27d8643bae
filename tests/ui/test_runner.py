"""The procedure runner tab on the outage store: choosing, counting, validating, roles, dry runs, export.

Real console, real store, the installed procedures. Dry runs contact no device, so these need no
server; the runs against real SSH servers are in test_runner_demo.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from egovops.accounts import Operator, Role
from egovops.audit.repo import AuditRepository
from egovops.procedures.manifest import Risk
from egovops_ui.main_window import MainWindow
from egovops_ui.runner.panel import RunnerPanel
from tests.fixtures.outage import CITY, ROOT
from tests.ui.console import WAIT_MS

CITY_DEVICES = 11  # Hefei and its nine counties' access switches, in the 120-device demo


def _runner(qtbot: QtBot, window: MainWindow, open_it) -> RunnerPanel:  # type: ignore[no-untyped-def]
    """Open the runner with ``open_it()`` and wait until its procedures are loaded and its targets counted."""
    qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
    panel = open_it()
    qtbot.waitUntil(lambda: panel.registry is not None and panel.preview is not None, timeout=WAIT_MS)
    return panel


def screen(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.screens if type(s).__name__ == "RunnerScreen")


def counted(qtbot: QtBot, panel: RunnerPanel, selector: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.previewed, timeout=WAIT_MS, check_params_cb=lambda p: p.selector == selector) as blocker:
        panel.set_targets(selector)
    return blocker.args[0]


def as_role(window: MainWindow, role: Role) -> None:
    window.session.operator = Operator("duty-" + role.value, role, "os")


def test_tools_menu_opens_the_runner_on_the_city_selected_in_the_tree(qtbot: QtBot, console: MainWindow) -> None:
    console.sites.select(CITY)
    action = next(a for a in console.menus["tools"].actions() if a.objectName() == "runProcedureAction")
    assert action.text() == "Run &procedure…"
    panel = _runner(qtbot, console, lambda: (action.trigger(), screen(console).panel)[1])
    assert console.tabs.currentWidget() is panel and console.tabs.tabText(console.tabs.currentIndex()) == "Procedures"
    assert panel.setup.targets_edit.text() == f"site:{CITY}"
    assert panel.preview.targets and len(panel.preview.targets) == CITY_DEVICES
    assert panel.setup.count_label.text() == f"Devices to work on: {CITY_DEVICES}"
    names = [panel.setup.procedure_combo.itemText(i) for i in range(panel.setup.procedure_combo.count())]
    assert "Configuration backup" in names and "Graded-protection 2.0 baseline check" in names
    # never opens on a change
    assert names[-1] == "Save configuration" and panel.current_choice().risk is Risk.READ_ONLY
    panel.select_procedure("save-config")
    assert panel.setup.risk_label.text() == "Risk: changes the configuration — needs the engineer role"
    assert "start-up configuration" in panel.setup.description.text()


def test_procedure_requested_preselects_its_devices_and_counts_the_skipped(qtbot: QtBot, console: MainWindow) -> None:
    panel = _runner(qtbot, console, lambda: (console.procedureRequested.emit([ROOT, "WH-EXT-AGG-01"]), screen(console).panel)[1])
    assert panel.setup.targets_edit.text() == f"{ROOT},WH-EXT-AGG-01"
    assert len(panel.preview.targets) == 2
    panel.select_procedure("config-backup")
    preview = counted(qtbot, panel, "site:安徽省/省电子政务数据中心")  # a core switch, a storage array, a Linux server
    assert [name for name, _ in preview.excluded] == ["AH-DC1-EXT-SRV-01"] and "linux" in preview.excluded[0][1]
    assert panel.setup.count_label.text() == "Devices to work on: 2; skipped, not supported by this procedure: 1"
    preview = counted(qtbot, panel, "vendor:nokia")
    assert preview.problem and "matches no device" in panel.setup.count_label.text()
    assert not panel.setup.run_button.isEnabled()
    preview = counted(qtbot, panel, "colour:red")
    assert "unknown key 'colour'" in panel.setup.count_label.text()


def test_the_parameter_form_follows_the_manifest_and_names_what_is_wrong(qtbot: QtBot, console: MainWindow) -> None:
    panel = _runner(qtbot, console, lambda: screen(console).open(f"site:{CITY}"))
    panel.select_procedure("baseline-check")
    editor = panel.setup.form.editor("max_idle_minutes")
    assert isinstance(editor, QLineEdit) and editor.text() == "15"
    assert panel.setup.run_button.isEnabled()
    editor.setText("0")
    assert "max_idle_minutes: 0.0 is below the minimum 1" in panel.setup.form.problem("max_idle_minutes")
    assert not panel.setup.run_button.isEnabled()
    editor.setText("ten")
    assert "'ten' is not a valid number" in panel.setup.form.problem("max_idle_minutes")
    editor.setText("10")
    assert panel.setup.form.problem("max_idle_minutes") == "" and panel.setup.run_button.isEnabled()
    assert panel.setup.form.values() == {"max_idle_minutes": "10"}
    panel.select_procedure("save-config")
    assert panel.setup.form.fields == {} and panel.setup.form.none_label.text() == "This procedure takes no parameters."


def test_an_operator_may_not_change_configurations_and_the_core_refuses_too(qtbot: QtBot, console: MainWindow) -> None:
    panel = _runner(qtbot, console, lambda: screen(console).open(ROOT))
    panel.select_procedure("save-config")
    as_role(console, Role.OPERATOR)
    panel.setup.dry_run.setChecked(True)
    panel.setup.dry_run.setChecked(False)
    assert not panel.setup.run_button.isEnabled()
    assert panel.setup.role_label.text() == "duty-operator (operator) may not run Save configuration: it needs the engineer role or higher"
    panel.setup.dry_run.setChecked(True)  # a dry run contacts nothing: anyone may see what it would do
    assert panel.setup.run_button.isEnabled() and panel.setup.role_label.isHidden()
    panel.setup.dry_run.setChecked(False)
    with qtbot.waitSignal(panel.runFailed, timeout=WAIT_MS) as failed:
        panel.start_run(confirmed=True)  # as if the button were enabled: the runner itself refuses
    assert "may not run save-config" in failed.args[0] and "engineer" in failed.args[0]
    refused = [r for r in AuditRepository(console.session.database).recent(5) if r.action == "procedure.refused"]
    assert refused and refused[0].actor == "duty-operator" and refused[0].subject == "save-config"


def test_changing_configurations_asks_first_and_no_means_nothing_runs(qtbot: QtBot, console: MainWindow) -> None:
    panel = _runner(qtbot, console, lambda: screen(console).open(ROOT))
    panel.select_procedure("save-config")
    as_role(console, Role.ENGINEER)
    panel.setup.dry_run.setChecked(False)
    before = AuditRepository(console.session.database).head()
    panel.setup.run_button.click()
    box = panel.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Save configuration (changes the configuration) changes the devices it runs on. Devices: 1." and ROOT in box.informativeText()
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: panel.confirmation is None, timeout=WAIT_MS)
    QApplication.processEvents()
    assert AuditRepository(console.session.database).head() == before  # not even a refusal: nothing was asked of the core
    assert panel.setup.run_button.isEnabled() and all(r.status == "waiting" for r in panel.results.model.rows)


def test_a_dry_run_fills_the_table_exports_csv_and_links_its_audit_record(qtbot: QtBot, console: MainWindow, tmp_path: Path) -> None:
    panel = _runner(qtbot, console, lambda: screen(console).open(f"site:{CITY}"))
    panel.select_procedure("save-config")
    panel.setup.dry_run.setChecked(True)
    with qtbot.waitSignal(panel.runFinished, timeout=30_000) as finished:
        panel.setup.run_button.click()  # no confirmation for a dry run
    report = finished.args[0]
    assert report.dry_run and report.counts() == {"ok": CITY_DEVICES, "failed": 0, "skipped": 0}
    assert panel.results.model.rowCount() == CITY_DEVICES and panel.results.model.counts()["ok"] == CITY_DEVICES
    row = panel.results.model.row_of(ROOT)
    assert row is not None and row.message.startswith("dry run: would send ")
    assert panel.results.progress.value() == 1000
    assert panel.results.summary.text() == f"Save configuration finished: {CITY_DEVICES} ok, 0 failed, 0 skipped. Dry run: no device was contacted."

    target = tmp_path / "结果.csv"
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS):
        panel.export_csv(str(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert len(rows) == CITY_DEVICES and {r["status"] for r in rows} == {"ok"}
    assert next(r for r in rows if r["device"] == ROOT)["command"]  # the procedure's own field as a column

    assert panel.results.audit_button.isEnabled() and panel.results.audit_button.text() == f"Audit record {report.audit_id}"
    with qtbot.waitSignal(panel.auditShown, timeout=WAIT_MS) as shown:
        panel.results.audit_button.click()
    dialog = shown.args[0]
    assert dialog.row.id == report.audit_id and dialog.row.action == "procedure.run"
    assert dialog.chain.text() == "The audit trail's hash chain verifies, this record included."
    details = dialog.details.toPlainText()
    assert report.run_id in details and '"dry_run": true' in details and ROOT in details


def test_switching_to_chinese_renames_procedures_and_their_parameters(qtbot: QtBot, console: MainWindow) -> None:
    panel = _runner(qtbot, console, lambda: screen(console).open(f"site:{CITY}"))
    panel.select_procedure("baseline-check")
    assert panel.setup.form.fields["max_idle_minutes"].label.text() == "Longest idle timeout (minutes)"
    console.switch_language("zh_CN")
    qtbot.waitUntil(lambda: panel.setup.procedure_combo.currentText() == "等保2.0基线核查", timeout=WAIT_MS)
    assert panel.current_choice().id == "baseline-check"
    assert panel.setup.risk_label.text() == "风险：只读 — 需要值班员角色"
    assert panel.setup.form.fields["max_idle_minutes"].label.text() == "最长空闲超时（分钟）"
    assert panel.setup.form.fields["max_idle_minutes"].hint.text() == "VTY 线路可接受的最长空闲超时，单位为分钟。"
    assert panel.setup.run_button.text() == "执行" and panel.setup.count_label.text() == f"将执行的设备：{CITY_DEVICES} 台"
    assert console.tabs.tabText(console.tabs.indexOf(panel)) == "运维作业"
    assert panel.results.model.headerData(0, Qt.Orientation.Horizontal) == "设备"


def test_the_progress_bar_counts_finished_devices_and_reports_within_one(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from egovops.procedures import Status, TargetOutcome
    from egovops_ui.runner.results_pane import ResultsPane

    host = QWidget()
    qtbot.addWidget(host)
    pane = ResultsPane(host)
    pane.start(["A", "B", "C", "D"], "Configuration backup")
    pane.on_progress("A", 0.5, "display current-configuration")
    assert pane.progress.value() == 125 and pane.model.row_of("A").status == "running"
    pane.on_result(TargetOutcome("B", Status.FAILED, "timed out after 180 s", {}, (), 0.0, 180.0, ""))
    assert pane.progress.value() == 375
    pane.on_progress("B", 0.9, "late")  # a late report never reopens a finished device
    assert pane.model.row_of("B").status == "failed" and pane.progress.value() == 375
    assert pane.model.counts() == {"ok": 0, "failed": 1, "skipped": 0}

    pane.on_result(TargetOutcome("C", Status.OK, "version 3 stored", {"version": 3}, (), 0.0, 2.0, ""))
    pane.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by status: failures first, then what still runs
    assert [pane.shown.index(r, 0).data() for r in range(4)] == ["B", "A", "D", "C"]
    pane.failures_only.setChecked(True)
    assert pane.shown.rowCount() == 1 and pane.shown.index(0, 0).data() == "B"
    pane.table.selectRow(0)
    assert pane.details.toPlainText() == "B: failed\ntimed out after 180 s"
    pane.on_result(TargetOutcome("A", Status.FAILED, "refused", {}, (), 0.0, 1.0, ""))  # a new failure appears at once
    assert pane.shown.rowCount() == 2


def _add_disruptive(panel: RunnerPanel) -> None:
    """A disruptive procedure of the test's own (none ships): it only answers, so no device is needed."""
    from egovops.procedures import LoadedProcedure, parse_manifest
    from egovops.procedures.result import ok

    manifest = parse_manifest({"id": "reload-device", "version": "1.0", "risk": "disruptive",
                               "name": {"en": "Reload device", "zh_CN": "重启设备"}}, "test")
    panel.registry.add(LoadedProcedure(manifest, lambda ctx: ok(f"would reload {ctx.device.name}")))
    panel.setup.set_procedures(panel.registry)
    panel.select_procedure("reload-device")


def test_a_disruptive_procedure_runs_only_after_yes_and_the_core_insists(qtbot: QtBot, console: MainWindow) -> None:
    panel = _runner(qtbot, console, lambda: screen(console).open(ROOT))
    as_role(console, Role.ENGINEER)
    _add_disruptive(panel)
    qtbot.waitUntil(lambda: panel.setup.run_button.isEnabled(), timeout=WAIT_MS)
    assert panel.setup.risk_label.text() == "Risk: disruptive — needs the engineer role"
    with qtbot.waitSignal(panel.runFailed, timeout=WAIT_MS) as failed:
        panel.start_run(confirmed=False)  # as if the dialog were skipped: the runner refuses
    assert "reload-device is disruptive: it runs only when confirmed explicitly" in failed.args[0]
    assert panel.setup.run_button.isEnabled() and not panel.setup.cancel_button.isEnabled()
    panel.setup.run_button.click()
    assert panel.confirmation is not None and "Reload device (disruptive)" in panel.confirmation.text()
    with qtbot.waitSignal(panel.runFinished, timeout=WAIT_MS) as finished:
        panel.confirmation.button(QMessageBox.StandardButton.Yes).click()
    report = finished.args[0]
    assert report.counts()["ok"] == 1 and panel.results.model.row_of(ROOT).message == f"would reload {ROOT}"
    actions = [r.action for r in AuditRepository(console.session.database).recent(4)]
    assert actions[:3] == ["procedure.run", "procedure.start", "procedure.refused"]


def test_the_audit_record_dialog_says_when_the_chain_was_tampered_with(qtbot: QtBot, database, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from egovops.audit.log import AuditLog
    from egovops.procedures.run_records import checked_audit_entry
    from egovops_ui.runner.audit_dialog import AuditRecordDialog

    log = AuditLog(database)
    rows = [log.record(actor="eng", role="engineer", action="procedure.run", subject="config-backup", details={"run_id": f"r{i}"})
            for i in range(3)]
    intact = AuditRecordDialog(checked_audit_entry(database, rows[2].id))
    qtbot.addWidget(intact)
    assert intact.chain.text() == "The audit trail's hash chain verifies, this record included."
    assert '"run_id": "r2"' in intact.details.toPlainText() and intact.labels["actor"].text() == "eng (engineer)"
    with sqlite3.connect(data_dir / "egovops.sqlite3") as conn:  # by hand, as an intruder would
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute(f"UPDATE audit_log SET actor='mallory' WHERE id={rows[1].id}")
    broken = AuditRecordDialog(checked_audit_entry(database, rows[2].id))
    qtbot.addWidget(broken)
    assert broken.chain.text().startswith("The audit trail's hash chain is broken: ")
    assert f"row {rows[1].id}: contents do not match its hash" in broken.chain.text()


def test_a_plugin_that_cannot_be_imported_says_so_when_chosen(qtbot: QtBot, console: MainWindow) -> None:
    """Its code is imported when the runner shows it, not when the list is filled."""
    from functools import partial
    from importlib.metadata import EntryPoint

    from egovops.procedures import GROUP, ListedProcedure, parse_manifest
    from egovops.procedures.discovery import _import

    panel = _runner(qtbot, console, lambda: screen(console).open(ROOT))
    manifest = parse_manifest({"id": "broken", "version": "1.0", "risk": "read-only",
                               "name": {"en": "Broken", "zh_CN": "坏"}}, "test")
    point = EntryPoint("broken", "thirdparty_not_installed_anywhere", GROUP)
    panel.registry.add_listed(ListedProcedure(manifest, "broken = thirdparty_not_installed_anywhere",
                                              partial(_import, point, manifest)))
    panel.setup.set_procedures(panel.registry)
    assert not panel.registry.is_loaded("broken") and not panel.results.summary.text()
    panel.select_procedure("broken")
    qtbot.waitUntil(lambda: "could not be loaded" in panel.results.summary.text(), timeout=WAIT_MS)
    assert panel.results.summary.text() == ("plugin broken = thirdparty_not_installed_anywhere could not be loaded: "
                                            "ModuleNotFoundError: No module named 'thirdparty_not_installed_anywhere'")
    assert [p.entry_point for p in panel.registry.problems] == ["broken"]
