"""The procedure runner tab: what to run on the left (SetupPane), the live run on the right (ResultsPane).

This module decides and delegates: every store read (procedures, profiles, the target count, the
audit record), the export and the run itself go through ``session.tasks``; the runner's callbacks
come back through ``RunRelay``'s queued signals. Role checks use the core's rules (the runner
applies them again), and closing the tab cancels its run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from egovops.errors import EgovopsError
from egovops.procedures import CancelToken, ProcedureRegistry, RunReport, RunRequest
from egovops.procedures.choices import (
    ProcedureChoice, TargetPreview, city_selector, needs_confirmation, preview_targets, refusal, selector_for_site,
)
from egovops.procedures.run_records import checked_audit_entry, export_results_csv
from egovops.storage.changes import Changes
from egovops_ui.host_key_prompt import HostKeyPrompt
from egovops_ui.runner.audit_dialog import AuditRecordDialog
from egovops_ui.runner.background import ProfileNames, RunSetup, load_code, load_procedures, run_procedure
from egovops_ui.runner.relay import RunRelay
from egovops_ui.runner.results_pane import ResultsPane
from egovops_ui.runner.risk import risk_label
from egovops_ui.runner.setup_pane import SetupPane

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

PREVIEW_DELAY_MS = 300  # typing a filter recounts once the operator pauses, not at every key


def documents_folder() -> Path:
    """Where an export is offered first: the user's documents, not the program's working folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def error_text(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, EgovopsError) else f"{type(exc).__name__}: {exc}"


class RunnerPanel(QWidget):
    previewed = Signal(object)  # TargetPreview
    runFinished = Signal(object)  # RunReport
    runFailed = Signal(str)
    exported = Signal(str, int)  # path, rows
    auditShown = Signal(object)  # AuditRecordDialog

    def __init__(self, window: "MainWindow", selector: str) -> None:
        super().__init__(window)
        self.setObjectName("runnerPanel")
        self.main_window, self.session = window, window.session
        self.registry: ProcedureRegistry | None = None
        self.preview: TargetPreview | None = None
        self.report: RunReport | None = None
        self.cancel_token: CancelToken | None = None
        self.confirmation: QMessageBox | None = None
        self.audit_dialog: AuditRecordDialog | None = None
        self._relay: RunRelay | None = None
        self.host_keys = HostKeyPrompt(window)
        self.setup = SetupPane(self, selector, window.switcher.language)
        self.results = ResultsPane(self)
        self._lay_out()
        self._wire()
        self.retranslate()
        self._background(load_procedures, self.session.database, on_done=self._loaded)

    def _lay_out(self) -> None:
        scroll = QScrollArea(self, widgetResizable=True, minimumWidth=420)
        scroll.setWidget(self.setup)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.results)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 900])
        QVBoxLayout(self).addWidget(splitter)

    def _wire(self) -> None:
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self._preview)
        self.setup.targets_edit.textChanged.connect(lambda _: self._preview_timer.start())
        self.setup.procedureChanged.connect(self._preview_timer.start)
        self.setup.procedureChanged.connect(self._update_actions)
        self.setup.procedureChanged.connect(self._load_code)
        self.setup.readinessChanged.connect(self._update_actions)
        self.setup.site_button.clicked.connect(self.use_selected_site)
        self.setup.city_button.clicked.connect(self.widen_to_city)
        self.setup.run_button.clicked.connect(self.request_run)
        self.setup.cancel_button.clicked.connect(self.cancel)
        self.results.export_button.clicked.connect(self.choose_export_file)
        self.results.audit_button.clicked.connect(self.show_audit_record)
        self.session.operatorKnown.connect(self._operator_known)
        self.session.changed.connect(self._store_changed)

    def _background(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
                    on_error: Callable[[BaseException], None] | None = None, long: bool = False) -> None:
        """Run ``fn`` on a worker, owned by this tab: the answer is dropped if it was closed meanwhile."""
        start = self.session.tasks.run_long if long else self.session.tasks.run
        start(fn, *args, owner=self, on_done=on_done, on_error=on_error or self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.results.show_message(error_text(exc), error=True)

    # -- procedures and targets --------------------------------------------------------------------
    def _loaded(self, found: tuple[ProcedureRegistry, ProfileNames]) -> None:
        self.registry, profiles = found
        self.setup.set_profiles(profiles)
        self.setup.set_procedures(self.registry)
        self._preview()

    def _load_code(self) -> None:
        choice = self.current_choice()
        if choice is not None and self.registry is not None and not self.registry.is_loaded(choice.id):
            self._background(load_code, self.registry, choice.id, on_done=lambda _none: None)

    def current_choice(self) -> ProcedureChoice | None:
        return self.setup.current_choice()

    def select_procedure(self, ident: str) -> None:
        self.setup.select_procedure(ident)

    def set_targets(self, selector: str) -> None:
        self.setup.targets_edit.setText(selector)

    def use_selected_site(self) -> None:
        self.set_targets(selector_for_site(self.main_window.current_site()))

    def widen_to_city(self) -> None:
        """Replace the targets by the whole city (or cities) of the devices they now choose."""
        if self.preview is not None and self.preview.total:
            names = list(self.preview.targets) + [name for name, _ in self.preview.excluded]
            self._background(city_selector, self.session.database, names, on_done=self.set_targets)

    def _preview(self) -> None:
        self._background(preview_targets, self.session.database, self.current_choice(), self.setup.selector(), on_done=self._previewed)

    def _previewed(self, preview: TargetPreview) -> None:
        if preview.selector != self.setup.selector():
            return  # the operator typed on meanwhile; a newer count is on its way
        self.preview = preview
        self.setup.show_preview(preview)
        self._update_actions()
        self.previewed.emit(preview)

    # -- role and readiness --------------------------------------------------------------------------
    def _operator_known(self, _operator: object) -> None:
        self._update_actions()

    def _store_changed(self, changes: Changes) -> None:
        if changes & Changes.INVENTORY:
            self._preview_timer.start()  # the targets' count and exclusions may differ now

    def _update_actions(self) -> None:
        choice, operator, preview = self.current_choice(), self.session.operator, self.preview
        reason = refusal(operator, choice, self.setup.dry_run.isChecked()) if choice and operator else None
        ready = (choice is not None and operator is not None and reason is None and self.setup.form.is_valid()
                 and preview is not None and not preview.problem and bool(preview.targets))
        token = self.cancel_token
        self.setup.show_readiness(reason, ready, preview is not None and preview.total > 0, token is not None,
                                  cancellable=token is not None and not token.cancelled)

    # -- the run ---------------------------------------------------------------------------------------
    def request_run(self) -> None:
        choice = self.current_choice()
        if choice is None or self.cancel_token is not None:
            return
        if needs_confirmation(choice.risk) and not self.setup.dry_run.isChecked():
            self._confirm(choice)
        else:
            self.start_run(confirmed=False)

    def _confirm(self, choice: ProcedureChoice) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Confirm the procedure"), "", parent=self)
        box.setObjectName("confirmRun")
        box.setText(self.tr("{name} ({risk}) changes the devices it runs on. Devices: {n}.").format(
            name=choice.name, risk=risk_label(choice.risk), n=len(self.preview.targets) if self.preview else 0))
        box.setInformativeText(self.tr("Targets: {selector}\nRun it now? Consider a dry run first.").format(selector=self.setup.selector()))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Run"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not run"))

        def answered(result: int) -> None:
            self.confirmation = None
            box.deleteLater()
            if result == QMessageBox.StandardButton.Yes:
                self.start_run(confirmed=True)

        box.finished.connect(answered)
        self.confirmation = box
        box.open()  # window-modal, no nested event loop

    def start_run(self, confirmed: bool) -> None:
        """Start the run in the background; the core checks the role and the confirmation again."""
        choice, operator = self.current_choice(), self.session.operator
        if choice is None or operator is None or self.registry is None:
            return
        request = RunRequest(choice.id, self.setup.selector(), self.setup.form.values(),
                             dry_run=self.setup.dry_run.isChecked(), confirmed=confirmed)
        relay = RunRelay(self.main_window)  # outlives this tab: a worker may still report after the tab closed
        relay.targets.connect(self.results.model.start)
        relay.progress.connect(self.results.on_progress)
        relay.result.connect(self.results.on_result)
        token = CancelToken()
        self.destroyed.connect(token.cancel)  # the tab closed mid-run: stop starting devices
        self.cancel_token, self.report, self._relay = token, None, relay
        self.results.start(list(self.preview.targets) if self.preview else [], choice.name)
        self._update_actions()
        setup = RunSetup(self.registry, self.session.database, operator, self.host_keys,
                         self.setup.ssh_combo.currentData(), self.setup.snmp_combo.currentData(), relay.callbacks())
        self._background(run_procedure, setup, request, token, on_done=self._done, on_error=self._failed_run, long=True)

    def cancel(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self._update_actions()
            self.results.show_message(self.tr("Cancelling: devices already started finish, the others are skipped…"))

    def _run_ended(self) -> None:
        if self._relay is not None:
            self._relay.deleteLater()  # its queued results were posted before the run returned: already delivered
        self.cancel_token, self._relay = None, None
        self._update_actions()

    def _done(self, report: RunReport) -> None:
        self._run_ended()
        self.report = report
        self.results.finish(report, self.setup.name_of(report.procedure))
        self.runFinished.emit(report)

    def _failed_run(self, exc: BaseException) -> None:
        self._run_ended()
        self._failed(exc)
        self.runFailed.emit(error_text(exc))

    # -- after the run -----------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if self.report is None:
            return
        name = str(documents_folder() / f"{self.report.procedure}-{self.report.run_id}.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), name, self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")

    def export_csv(self, path: str) -> None:
        if self.report is not None:
            self._background(export_results_csv, self.report, Path(path), on_done=lambda rows: self._exported(path, rows))

    def _exported(self, path: str, rows: int) -> None:
        self.results.show_message(self.tr("Results exported to {path} (rows: {n})").format(path=path, n=rows))
        self.exported.emit(path, rows)

    def show_audit_record(self) -> None:
        if self.report is not None and self.report.audit_id is not None:
            self._background(checked_audit_entry, self.session.database, self.report.audit_id, on_done=self._show_audit)

    def _show_audit(self, row: Any) -> None:
        if self.audit_dialog is not None:
            self.audit_dialog.close()
        self.audit_dialog = AuditRecordDialog(row, self)
        self.audit_dialog.show()
        self.auditShown.emit(self.audit_dialog)

    def retranslate(self) -> None:
        self.setup.retranslate(self.main_window.switcher.language, self.registry)
        self.results.retranslate()
        if self.preview is not None:
            self._previewed(self.preview)
