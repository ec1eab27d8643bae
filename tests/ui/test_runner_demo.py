"""End to end on the running demo province: procedures started from the runner tab reach the demo's real
SSH and SNMP endpoints, the operator answers the host-key question, results arrive per device.

The demo (``demo_province``: simulator processes with real SSH and SNMP on loopback) is shared by the
session; the console here opens the demo's own store. Only Hefei's two aggregation switches are
worked on, so the whole file runs in well under a minute once the demo is up.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

import paramiko
import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from egovops.audit import verify_store
from egovops.configs.store import ConfigStore
from egovops.demo.ssh_endpoints import weaknesses_of
from egovops.ssh import KnownHostsStore, fingerprint
from egovops.audit.repo import AuditRepository
from egovops.storage.database import Database, open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.host_key_prompt import HostKeysDialog
from egovops_ui.main_window import MainWindow
from egovops_ui.runner.panel import RunnerPanel
from tests.ui.console import WAIT_MS, open_console

CITY = "安徽省/合肥市"
HEFEI = ["HF-EXT-AGG-01", "HF-INT-AGG-01"]  # the city's devices in the 40-device demo
RUN_MS = 90_000
ITEM_OF = {"no-ntp": "ntp", "no-syslog": "syslog", "no-idle-timeout": "idle-timeout", "snmp-v2c-weak": "snmp", "telnet": "ssh-only",
           "no-lockout": "login-lockout", "unused-ports-up": "unused-ports"}  # simulator weakness → baseline item


@pytest.fixture
def demo_console(qtbot: QtBot, demo_province) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    store = open_database(demo_province.data_dir / "egovops.sqlite3")
    window = open_console(qtbot, store)
    qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
    yield window
    window.session.stop()
    window.switcher.apply("en")
    store.close()


class HostKeyAnswers:
    """Answers every host-key question the console shows, as the operator would, and keeps what it saw:
    one list of (device, fingerprint) rows per dialog, and what the results table said meanwhile."""

    def __init__(self, window: MainWindow, trust: bool, panel: RunnerPanel | None = None) -> None:
        self.window, self.trust, self.panel = window, trust, panel
        self.seen: list[list[tuple[str, str]]] = []
        self.single: list[str] = []  # per-login questions: there must be none in a run
        self.statuses_when_asked: list[set[str]] = []
        self.timer = QTimer(window, interval=50, timeout=self._answer)
        self.timer.start()

    def _answer(self) -> None:
        for box in QApplication.topLevelWidgets() + self.window.findChildren(QMessageBox):
            if isinstance(box, QMessageBox) and box.objectName() == "hostKeyPrompt" and box.isVisible():
                self.single.append(box.informativeText())
                box.button(QMessageBox.StandardButton.No).click()
        for dialog in self.window.findChildren(HostKeysDialog):
            if dialog.isVisible() and dialog.result() == 0 and not dialog.property("answered"):
                dialog.setProperty("answered", True)
                table = dialog.table
                self.seen.append([(table.item(r, 0).text(), table.item(r, 3).text()) for r in range(table.rowCount())])
                if self.panel is not None:
                    self.statuses_when_asked.append({row.status for row in self.panel.results.model.rows})
                (dialog.trust_all if self.trust else dialog.refuse).click()


def runner_on_city(qtbot: QtBot, window: MainWindow, procedure: str) -> RunnerPanel:
    """What an engineer does: select the city in the site tree, Tools → Run procedure…, pick the procedure."""
    window.sites.select(CITY)
    action = next(a for a in window.menus["tools"].actions() if a.objectName() == "runProcedureAction")
    action.trigger()
    panel = window.tabs.currentWidget()
    assert isinstance(panel, RunnerPanel)
    qtbot.waitUntil(lambda: panel.registry is not None and panel.preview is not None, timeout=WAIT_MS)
    panel.use_selected_site()
    panel.select_procedure(procedure)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.selector == f"site:{CITY}" and panel.setup.run_button.isEnabled(), timeout=WAIT_MS)
    assert sorted(panel.preview.targets) == HEFEI and panel.setup.count_label.text() == "Devices to work on: 2"
    return panel


def forget_hefei_keys(store: Database) -> None:
    known = KnownHostsStore(store)
    for device in InventoryRepository(store).devices():
        if device.name in HEFEI:
            known.forget(device.address, device.ssh_port, actor="test")


def test_config_backup_from_the_runner_asks_for_host_keys_and_is_audited(qtbot: QtBot, demo_console: MainWindow, demo_province) -> None:  # type: ignore[no-untyped-def]
    store = demo_console.session.database
    forget_hefei_keys(store)  # whatever other tests trusted: this run must meet unknown keys
    panel = runner_on_city(qtbot, demo_console, "config-backup")
    assert panel.setup.ssh_combo.currentData() is None  # automatic: the only SSH profile, the devices' own being SNMP
    answers = HostKeyAnswers(demo_console, trust=True, panel=panel)
    versions_before = {name: len(ConfigStore(store).versions(name)) for name in HEFEI}
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_MS) as finished:
        panel.setup.run_button.click()  # read-only: no confirmation
        qtbot.waitUntil(lambda: panel.setup.cancel_button.isEnabled() or panel.report is not None, timeout=WAIT_MS)
    report = finished.args[0]
    answers.timer.stop()

    kept = paramiko.RSAKey.from_private_key_file(str(demo_province.data_dir / "demo" / "ssh_host_rsa_key"))
    # Asked once for the whole city, every device's key listed, before any device was logged in to.
    assert answers.single == [] and len(answers.seen) == 1
    assert sorted(answers.seen[0]) == [(name, fingerprint(kept)) for name in HEFEI]
    assert answers.statuses_when_asked[0].isdisjoint({"ok", "failed"})
    assert report.counts() == {"ok": 2, "failed": 0, "skipped": 0}, [(o.device, o.message) for o in report.outcomes]
    for name in HEFEI:
        row = panel.results.model.row_of(name)
        assert row is not None and row.status == "ok" and row.fraction == 1.0 and row.seconds is not None
        latest = ConfigStore(store).versions(name)[-1]
        if row.message.startswith("version"):  # changed (or first): stored by this very run
            assert latest.run_id == report.run_id and latest.version == versions_before[name] + 1
        else:
            assert row.message == f"unchanged since version {latest.version}" and versions_before[name] == latest.version
    assert panel.results.summary.text() == "Configuration backup finished: 2 ok, 0 failed, 0 skipped."
    cells = {panel.results.model.index(r, 0).data(): panel.results.model.index(r, 1).data() for r in range(panel.results.model.rowCount())}
    assert cells == dict.fromkeys(HEFEI, "ok")

    with qtbot.waitSignal(panel.auditShown, timeout=WAIT_MS) as shown:
        panel.results.audit_button.click()
    dialog = shown.args[0]
    details = dialog.row.details_dict()
    assert dialog.row.action == "procedure.run" and dialog.row.subject == "config-backup"
    assert dialog.row.actor == demo_console.session.operator.label()
    assert {r["device"]: r["status"] for r in details["results"]} == dict.fromkeys(HEFEI, "ok")
    assert details["run_id"] == report.run_id and details["counts"]["ok"] == 2
    trusted = [r for r in AuditRepository(store).recent(20) if r.action == "ssh.trust-host-key" and r.subject in HEFEI]
    assert {r.subject for r in trusted} == set(HEFEI)
    assert verify_store(store).ok


def test_refusing_the_host_key_fails_the_devices_and_names_the_key(qtbot: QtBot, demo_console: MainWindow) -> None:
    store = demo_console.session.database
    forget_hefei_keys(store)
    panel = runner_on_city(qtbot, demo_console, "clock-check")
    panel.setup.ssh_combo.setCurrentIndex(panel.setup.ssh_combo.findData("demo-ssh"))
    answers = HostKeyAnswers(demo_console, trust=False)
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_MS) as finished:
        panel.setup.run_button.click()
    answers.timer.stop()
    report = finished.args[0]
    assert answers.single == [] and len(answers.seen) == 1 and len(answers.seen[0]) == 2
    assert report.counts() == {"ok": 0, "failed": 2, "skipped": 0}
    for outcome in report.outcomes:
        assert "offered an unknown SSH host key" in outcome.message and "SHA256:" in outcome.message, outcome.message
    hefei = [d for d in InventoryRepository(store).devices() if d.name in HEFEI]
    assert [KnownHostsStore(store).keys(d.address, d.ssh_port) for d in hefei] == [[], []]  # nothing was remembered


def test_baseline_on_the_whole_city_then_export_the_results(qtbot: QtBot, demo_console: MainWindow, tmp_path: Path) -> None:
    """The engineer's path from one device (the device view's "run a procedure") to its whole city."""
    demo_console.procedureRequested.emit([HEFEI[0]])
    panel = demo_console.tabs.currentWidget()
    assert isinstance(panel, RunnerPanel)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.selector == HEFEI[0] and panel.setup.city_button.isEnabled(), timeout=WAIT_MS)
    panel.select_procedure("baseline-check")
    panel.setup.city_button.click()
    qtbot.waitUntil(lambda: panel.preview.selector == f"site:{CITY}" and panel.setup.run_button.isEnabled(), timeout=WAIT_MS)
    assert sorted(panel.preview.targets) == HEFEI
    panel.setup.ssh_combo.setCurrentIndex(panel.setup.ssh_combo.findData("demo-ssh"))
    answers = HostKeyAnswers(demo_console, trust=True)  # only asked if this test runs first
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_MS) as finished:
        panel.setup.run_button.click()
    answers.timer.stop()
    report = finished.args[0]
    compliant = {name: not weaknesses_of(name) for name in HEFEI}
    for outcome in report.outcomes:
        assert outcome.status.value == ("ok" if compliant[outcome.device] else "failed"), outcome
        assert panel.results.model.row_of(outcome.device).status == outcome.status.value

    panel.results.table.selectRow(0)
    shown = panel.results.details.toPlainText().splitlines()
    device = panel.results.model.rows[0].device
    assert shown[0] == f"{device}: failed" and sum(line.startswith("✘ ") for line in shown) == len(weaknesses_of(device))
    assert any(line.startswith("✔ ") for line in shown) and any(line.startswith("file: ") for line in shown)

    target = tmp_path / "合肥市-baseline.csv"
    with qtbot.waitSignal(panel.exported, timeout=WAIT_MS) as exported:
        panel.export_csv(str(target))
    assert exported.args == [str(target), 2]
    rows = {r["device"]: r for r in csv.DictReader(target.open(encoding="utf-8-sig"))}
    assert set(rows) == set(HEFEI)
    for name, row in rows.items():  # both Hefei switches are built weak: each fails exactly its own items
        assert row["status"] == "failed" and row["compliant"] == "false" and 0 <= float(row["score"]) < 100
        assert set(row["items"].split(";")) == {ITEM_OF[w] for w in weaknesses_of(name)}
    assert "exported to" in panel.results.summary.text()


def test_cancel_stops_a_running_sweep_and_skips_what_is_left(qtbot: QtBot, demo_console: MainWindow) -> None:
    panel = runner_on_city(qtbot, demo_console, "interface-errors")
    panel.setup.form.editor("interval").setText("120")  # long enough that only Cancel can end it in time
    with qtbot.waitSignal(panel.runFinished, timeout=RUN_MS) as finished:
        panel.setup.run_button.click()
        qtbot.waitUntil(lambda: all(panel.results.model.row_of(n) and panel.results.model.row_of(n).status == "running" for n in HEFEI), timeout=30_000)
        assert "waiting 120 s for the second sample" in panel.results.model.row_of(HEFEI[0]).message
        assert 0 < panel.results.progress.value() < 1000
        panel.setup.cancel_button.click()
        assert not panel.setup.cancel_button.isEnabled()
        demo_console.session.operatorKnown.emit(demo_console.session.operator)  # the actions re-checked meanwhile
        assert not panel.setup.cancel_button.isEnabled() and not panel.setup.run_button.isEnabled()
    report = finished.args[0]
    assert report.cancelled and report.counts()["skipped"] == 2, [(o.device, o.message) for o in report.outcomes]
    assert {panel.results.model.row_of(n).message for n in HEFEI} == {"cancelled by the operator"}
    assert panel.results.summary.text().endswith("Cancelled by the operator.")
    assert panel.setup.run_button.isEnabled() and not panel.setup.cancel_button.isEnabled()


def test_closing_the_tab_mid_run_cancels_the_run_and_the_console_carries_on(qtbot: QtBot, demo_console: MainWindow) -> None:
    panel = runner_on_city(qtbot, demo_console, "interface-errors")
    panel.setup.form.editor("interval").setText("120")
    head = AuditRepository(demo_console.session.database).head()
    panel.setup.run_button.click()
    qtbot.waitUntil(lambda: all(panel.results.model.row_of(n) and panel.results.model.row_of(n).status == "running" for n in HEFEI), timeout=30_000)
    demo_console.tabs.tabCloseRequested.emit(demo_console.tabs.indexOf(panel))
    qtbot.waitUntil(lambda: not shiboken6.isValid(panel), timeout=WAIT_MS)

    def ended() -> bool:
        rows = list(AuditRepository(demo_console.session.database).rows(since_id=head[0] if head else 0))
        return any(r.action == "procedure.run" and r.subject == "interface-errors" for r in rows)

    qtbot.waitUntil(ended, timeout=30_000)  # long before the 120 s interval: the run was cancelled
    run = [r for r in AuditRepository(demo_console.session.database).recent(5) if r.action == "procedure.run"][0]
    assert run.details_dict()["cancelled"] is True and run.details_dict()["counts"]["skipped"] == 2
    reopened = screen_of(demo_console).open()
    qtbot.waitUntil(lambda: reopened.registry is not None and reopened.preview is not None, timeout=WAIT_MS)
    assert reopened is not panel and reopened.current_choice() is not None and not reopened.setup.cancel_button.isEnabled()


def screen_of(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(s for s in window.screens if type(s).__name__ == "RunnerScreen")
