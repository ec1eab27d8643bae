"""The procedure runner tab: procedure, targets, parameters and profiles on the left; the live run on the right.

Every store read (procedures, profiles, the target count, the audit record) and the run itself go
through ``session.tasks``; the runner's callbacks come back through ``RunRelay``'s queued signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import shiboken6

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QProgressBar, QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from egovops.procedures import CancelToken, ProcedureRegistry, RunReport, RunRequest, TargetOutcome
from egovops.procedures.choices import ProcedureChoice, TargetPreview, city_selector, needs_confirmation, preview_targets, procedure_choices, refusal
from egovops.procedures.run_records import audit_entry, export_results_csv, outcome_lines
from egovops_ui.host_key_prompt import HostKeyPrompt
from egovops_ui.runner.audit_dialog import AuditRecordDialog
from egovops_ui.runner.background import ProfileNames, RunSetup, load_procedures, run_procedure
from egovops_ui.runner.param_form import ParameterForm
from egovops_ui.runner.relay import RunRelay
from egovops_ui.runner.results_model import ResultsModel, status_label
from egovops_ui.runner.risk import risk_colour, risk_label

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

PREVIEW_DELAY_MS = 300  # typing a filter recounts once the operator pauses, not at every key


def _error_text(exc: BaseException) -> str:
    from egovops.errors import EgovopsError

    return str(exc) if isinstance(exc, EgovopsError) else f"{type(exc).__name__}: {exc}"


class RunnerPanel(QWidget):
    loaded = Signal()  # procedures and profiles are known
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
        self.choices: list[ProcedureChoice] = []
        self.preview: TargetPreview | None = None
        self.report: RunReport | None = None
        self.cancel_token: CancelToken | None = None
        self.confirmation: QMessageBox | None = None
        self.audit_dialog: AuditRecordDialog | None = None
        self._relay: RunRelay | None = None
        self.host_keys = HostKeyPrompt(window)
        self._build(selector)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self._preview)
        self.targets_edit.textChanged.connect(lambda _: self._preview_timer.start())
        self.session.overviewChanged.connect(self._overview_changed)  # the operator becomes known
        self.retranslate()
        self.session.tasks.run(load_procedures, self.session.database, on_done=self._alive(self._loaded), on_error=self._alive(self._failed))

    def _alive(self, slot: Callable[[Any], None]) -> Callable[[Any], None]:
        """``slot``, skipped if this tab was closed before the background work came back."""
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                slot(value)
        return call

    # -- layout ------------------------------------------------------------------------------------
    def _build(self, selector: str) -> None:
        self.procedure_combo = QComboBox(self, objectName="procedureCombo")
        self.procedure_combo.currentIndexChanged.connect(self._procedure_changed)
        self.risk_label = QLabel(self, objectName="riskLabel")
        self.description = QLabel(self, objectName="procedureDescription", wordWrap=True)
        self.targets_edit = QLineEdit(selector, self, objectName="targetsEdit")
        self.site_button = QPushButton(self, objectName="useSiteButton", clicked=self.use_selected_site)
        self.city_button = QPushButton(self, objectName="wholeCityButton", clicked=self.widen_to_city, enabled=False)
        self.count_label = QLabel(self, objectName="targetCount", wordWrap=True)
        self.ssh_combo = QComboBox(self, objectName="sshProfileCombo")
        self.snmp_combo = QComboBox(self, objectName="snmpProfileCombo")
        self.form = ParameterForm(self, self.main_window.switcher.language)
        self.form.validityChanged.connect(lambda _: self._update_actions())
        self.dry_run = QCheckBox(self, objectName="dryRunCheck", toggled=lambda _: self._update_actions())
        self.role_label = QLabel(self, objectName="roleLabel", wordWrap=True)
        self.role_label.setStyleSheet("color: #d62f2f;")
        self.run_button = QPushButton(self, objectName="runButton", clicked=self.request_run)
        self.cancel_button = QPushButton(self, objectName="cancelButton", clicked=self.cancel, enabled=False)

        self.procedure_box, self.targets_box, self.params_box = QGroupBox(self), QGroupBox(self), QGroupBox(self)
        top = QFormLayout(self.procedure_box)
        top.addRow(self.procedure_combo)
        top.addRow(self.risk_label)
        top.addRow(self.description)
        targets = QVBoxLayout(self.targets_box)
        line = QHBoxLayout()
        line.addWidget(self.targets_edit, 1)
        targets.addLayout(line)
        choose = QHBoxLayout()
        choose.addWidget(self.site_button)
        choose.addWidget(self.city_button)
        choose.addStretch(1)
        targets.addLayout(choose)
        targets.addWidget(self.count_label)
        self.profiles = QFormLayout()
        self.ssh_caption, self.snmp_caption = QLabel(self), QLabel(self)
        self.profiles.addRow(self.ssh_caption, self.ssh_combo)
        self.profiles.addRow(self.snmp_caption, self.snmp_combo)
        targets.addLayout(self.profiles)
        QVBoxLayout(self.params_box).addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run)
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        for box in (self.procedure_box, self.targets_box, self.params_box):
            column.addWidget(box)
        column.addWidget(self.role_label)
        column.addLayout(buttons)
        column.addStretch(1)
        scroll = QScrollArea(self, widgetResizable=True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(420)

        self.progress = QProgressBar(self, objectName="runProgress", minimum=0, maximum=1000, value=0)
        self.summary = QLabel(self, objectName="runSummary", wordWrap=True)
        self.model = ResultsModel(self)
        self.table = QTableView(self, objectName="resultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_details(current.row()))
        self.details = QPlainTextEdit(self, objectName="resultDetails", readOnly=True)
        self.outcomes: dict[str, TargetOutcome] = {}
        self.export_button = QPushButton(self, objectName="exportButton", clicked=self.choose_export_file, enabled=False)
        self.audit_button = QPushButton(self, objectName="auditButton", clicked=self.show_audit_record, enabled=False)
        right = QWidget(self)
        results = QVBoxLayout(right)
        results.addWidget(self.progress)
        results.addWidget(self.summary)
        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.table)
        lower.addWidget(self.details)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        results.addWidget(lower, 1)
        after = QHBoxLayout()
        after.addStretch(1)
        after.addWidget(self.audit_button)
        after.addWidget(self.export_button)
        results.addLayout(after)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 900])
        QVBoxLayout(self).addWidget(splitter)

    # -- procedures, profiles, targets -----------------------------------------------------------
    def _loaded(self, found: tuple[ProcedureRegistry, ProfileNames]) -> None:
        self.registry, profiles = found
        self._fill_profiles(self.ssh_combo, profiles.ssh)
        self._fill_profiles(self.snmp_combo, profiles.snmp)
        self._fill_procedures()
        self.loaded.emit()
        self._preview()

    def _fill_profiles(self, combo: QComboBox, names: list[str]) -> None:
        combo.clear()
        combo.addItem("", None)  # the device's own profile; text set in retranslate
        for name in names:
            combo.addItem(name, name)
        self._profile_texts()

    def _fill_procedures(self) -> None:
        if self.registry is None:
            return
        current = self.procedure_combo.currentData()
        self.choices = procedure_choices(self.registry, self.main_window.switcher.language)
        self.procedure_combo.blockSignals(True)
        self.procedure_combo.clear()
        for choice in self.choices:
            self.procedure_combo.addItem(choice.name, choice.id)
        found = self.procedure_combo.findData(current)
        self.procedure_combo.setCurrentIndex(max(found, 0))
        self.procedure_combo.blockSignals(False)
        self._procedure_changed()

    def current_choice(self) -> ProcedureChoice | None:
        ident = self.procedure_combo.currentData()
        return next((c for c in self.choices if c.id == ident), None)

    def select_procedure(self, ident: str) -> None:
        self.procedure_combo.setCurrentIndex(self.procedure_combo.findData(ident))

    def _procedure_changed(self, *_: Any) -> None:
        choice = self.current_choice()
        if choice is None:
            return
        if not self.form.fields or tuple(f.spec for f in self.form.fields.values()) != choice.parameters:
            self.form.set_specs(choice.parameters)
        self.description.setText(choice.description)
        self.risk_label.setText(self.tr("Risk: {risk} — needs the {role} role").format(
            risk=risk_label(choice.risk), role=role_label(choice.needed_role.value)))
        self.risk_label.setStyleSheet(f"color: {risk_colour(choice.risk)}; font-weight: bold;")
        self._update_actions()
        self._preview_timer.start()

    def set_targets(self, selector: str) -> None:
        self.targets_edit.setText(selector)

    def use_selected_site(self) -> None:
        from egovops.procedures.choices import selector_for_site

        self.set_targets(selector_for_site(self.main_window.current_site()))

    def widen_to_city(self) -> None:
        """Replace the targets by the whole city (or cities) of the devices they now choose."""
        if self.preview is None or not self.preview.total:
            return
        names = list(self.preview.targets) + [name for name, _ in self.preview.excluded]
        self.session.tasks.run(city_selector, self.session.database, names, on_done=self._alive(self.set_targets), on_error=self._alive(self._failed))

    def _preview(self) -> None:
        selector = self.targets_edit.text().strip()
        self.session.tasks.run(preview_targets, self.session.database, self.current_choice(), selector,
                               on_done=self._alive(self._previewed), on_error=self._alive(self._failed))

    def _previewed(self, preview: TargetPreview) -> None:
        if preview.selector != self.targets_edit.text().strip():
            return  # the operator typed on meanwhile; a newer count is on its way
        self.preview = preview
        if preview.problem:
            self.count_label.setText(preview.problem)
            self.count_label.setStyleSheet("color: #d62f2f;")
        else:
            text = self.tr("Devices to work on: {n}").format(n=len(preview.targets))
            if preview.excluded:
                text += self.tr("; skipped, not supported by this procedure: {n}").format(n=len(preview.excluded))
            self.count_label.setText(text)
            self.count_label.setStyleSheet("")
        self._update_actions()
        self.previewed.emit(preview)

    # -- role and readiness --------------------------------------------------------------------------
    def _overview_changed(self, _overview: object) -> None:
        self._update_actions()

    def _running(self) -> bool:
        return self.cancel_token is not None

    def _update_actions(self) -> None:
        choice, operator = self.current_choice(), self.session.operator
        reason = refusal(operator, choice, self.dry_run.isChecked()) if choice and operator else None
        self.role_label.setText(reason or "")
        self.role_label.setVisible(bool(reason))
        ready = (choice is not None and operator is not None and reason is None and self.form.is_valid()
                 and self.preview is not None and not self.preview.problem and bool(self.preview.targets))
        self.run_button.setEnabled(ready and not self._running())
        self.city_button.setEnabled(self.preview is not None and self.preview.total > 0 and not self._running())
        for widget in (self.procedure_combo, self.targets_edit, self.site_button, self.form, self.dry_run, self.ssh_combo, self.snmp_combo):
            widget.setEnabled(not self._running())

    # -- the run ---------------------------------------------------------------------------------------
    def request_run(self) -> None:
        choice = self.current_choice()
        if choice is None or self._running():
            return
        if needs_confirmation(choice.risk) and not self.dry_run.isChecked():
            self._confirm(choice)
        else:
            self.start_run(confirmed=False)

    def _confirm(self, choice: ProcedureChoice) -> None:
        count = len(self.preview.targets) if self.preview else 0
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Confirm the procedure"), "", parent=self)
        box.setObjectName("confirmRun")
        box.setText(self.tr("{name} ({risk}) changes the devices it runs on. Devices: {n}.").format(
            name=choice.name, risk=risk_label(choice.risk), n=count))
        box.setInformativeText(self.tr("Targets: {selector}\nRun it now? Consider a dry run first.").format(
            selector=self.targets_edit.text().strip()))
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
        request = RunRequest(choice.id, self.targets_edit.text().strip(), self.form.values(),
                             dry_run=self.dry_run.isChecked(), confirmed=confirmed)
        relay = RunRelay(self.main_window)  # outlives this tab: a worker may still report after the tab closed
        relay.targets.connect(self.model.start)
        relay.progress.connect(self._progress)
        relay.result.connect(self._result)
        token = CancelToken()
        self.destroyed.connect(token.cancel)  # the tab closed mid-run: stop starting devices
        self.cancel_token, self.report, self._relay = token, None, relay
        self.model.start(list(self.preview.targets) if self.preview else [])
        self.outcomes = {}
        self.details.clear()
        self.progress.setValue(0)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Running {name}…").format(name=choice.name))
        self.export_button.setEnabled(False)
        self.audit_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._update_actions()
        setup = RunSetup(self.registry, self.session.database, operator, self.host_keys,
                         self.ssh_combo.currentData(), self.snmp_combo.currentData(), relay.callbacks())
        self.session.tasks.run(run_procedure, setup, request, token, on_done=self._alive(self._done), on_error=self._alive(self._run_failed))

    def _progress(self, device: str, fraction: float, message: str) -> None:
        self.model.progress(device, fraction, message)
        self.progress.setValue(round(self.model.fraction_done() * 1000))

    def _result(self, outcome: TargetOutcome) -> None:
        self.outcomes[outcome.device] = outcome
        self.model.finish(outcome)
        if self.table.currentIndex().isValid() and self.model.rows[self.table.currentIndex().row()].device == outcome.device:
            self._show_details(self.table.currentIndex().row())

    def _show_details(self, row: int) -> None:
        """The selected device's full result: a baseline's items one per line, the files written."""
        if not 0 <= row < len(self.model.rows):
            self.details.clear()
            return
        device = self.model.rows[row].device
        outcome = self.outcomes.get(device)
        if outcome is None:
            self.details.setPlainText(f"{device}: {status_label(self.model.rows[row].status)}")
        else:
            self.details.setPlainText("\n".join([f"{device}: {status_label(outcome.status.value)}", *outcome_lines(outcome)]))
        self.progress.setValue(round(self.model.fraction_done() * 1000))

    def cancel(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Cancelling: devices already started finish, the others are skipped…"))

    def _finish_run(self) -> None:
        if self._relay is not None:
            self._relay.deleteLater()  # queued results already delivered: they were posted before the run returned
        self.cancel_token, self._relay = None, None
        self.cancel_button.setEnabled(False)
        self._update_actions()

    def _done(self, report: RunReport) -> None:
        self._finish_run()
        self.report = report
        for outcome in report.outcomes:  # the final word, should a queued result still be on its way
            self._result(outcome)
        self.progress.setValue(1000)
        counts = report.counts()
        name = next((c.name for c in self.choices if c.id == report.procedure), report.procedure)
        text = self.tr("{name} finished: {ok} ok, {failed} failed, {skipped} skipped.").format(name=name, **counts)
        if report.dry_run:
            text += " " + self.tr("Dry run: no device was contacted.")
        if report.cancelled:
            text += " " + self.tr("Cancelled by the operator.")
        self.summary.setText(text)
        self.export_button.setEnabled(True)
        self.audit_button.setEnabled(report.audit_id is not None)
        self.audit_button.setText(self.tr("Audit record {id}").format(id=report.audit_id))
        self.runFinished.emit(report)

    def _run_failed(self, exc: BaseException) -> None:
        self._finish_run()
        self._failed(exc)
        self.runFailed.emit(_error_text(exc))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(_error_text(exc))
        self.summary.setStyleSheet("color: #d62f2f;")

    # -- after the run -----------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if self.report is None:
            return
        name = f"{self.report.procedure}-{self.report.run_id}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), name, self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")

    def export_csv(self, path: str) -> None:
        from pathlib import Path

        if self.report is None:
            return
        self.session.tasks.run(export_results_csv, self.report, Path(path),
                               on_done=self._alive(lambda rows: self._exported(path, rows)), on_error=self._alive(self._failed))

    def _exported(self, path: str, rows: int) -> None:
        self.summary.setText(self.tr("Results exported to {path} (rows: {n})").format(path=path, n=rows))
        self.exported.emit(path, rows)

    def show_audit_record(self) -> None:
        if self.report is None or self.report.audit_id is None:
            return
        self.session.tasks.run(audit_entry, self.session.database, self.report.audit_id, on_done=self._alive(self._show_audit), on_error=self._alive(self._failed))

    def _show_audit(self, row: Any) -> None:
        if self.audit_dialog is not None:
            self.audit_dialog.close()
        self.audit_dialog = AuditRecordDialog(row, self)
        self.audit_dialog.show()
        self.auditShown.emit(self.audit_dialog)

    # -- language ----------------------------------------------------------------------------------
    def _profile_texts(self) -> None:
        for combo in (self.ssh_combo, self.snmp_combo):
            if combo.count():
                combo.setItemText(0, self.tr("(each device's own profile)"))

    def retranslate(self) -> None:
        self.procedure_box.setTitle(self.tr("Procedure"))
        self.targets_box.setTitle(self.tr("Targets"))
        self.params_box.setTitle(self.tr("Parameters"))
        self.targets_edit.setPlaceholderText(self.tr("e.g. site:安徽省/合肥市 vendor:huawei, or device names"))
        self.targets_edit.setToolTip(self.tr("Names (wildcards allowed) or key:value with key name, site, network, role, vendor, tag; "
                                             "the same key twice means either, different keys must all hold; 'all' for every device."))
        self.site_button.setText(self.tr("Use the selected site"))
        self.city_button.setText(self.tr("Their whole city"))
        self.city_button.setToolTip(self.tr("Every device in the city of each device chosen now"))
        self.ssh_caption.setText(self.tr("SSH profile"))
        self.snmp_caption.setText(self.tr("SNMP profile"))
        self.dry_run.setText(self.tr("Dry run (contact no device)"))
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export CSV…"))
        if self.report is None or self.report.audit_id is None:
            self.audit_button.setText(self.tr("Audit record"))
        self._profile_texts()
        self.model.retranslate()
        self.form.retranslate(self.main_window.switcher.language)
        self._fill_procedures()
        if self.preview is not None:
            self._previewed(self.preview)


def role_label(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "operator": QCoreApplication.translate("RunnerRoles", "operator"),
        "engineer": QCoreApplication.translate("RunnerRoles", "engineer"),
        "supervisor": QCoreApplication.translate("RunnerRoles", "supervisor"),
        "admin": QCoreApplication.translate("RunnerRoles", "administrator"),
    }
    return labels.get(role, role)
