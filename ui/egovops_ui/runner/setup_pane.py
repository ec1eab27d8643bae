"""The runner's left column: which procedure, on which devices, with which parameters and profiles.

It only shows and collects; the panel decides (role, readiness) and does the store work.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from egovops.procedures import ProcedureRegistry
from egovops.procedures.choices import ProcedureChoice, TargetPreview, procedure_choices
from egovops.procedures.manifest import Risk
from egovops_ui.runner.background import ProfileNames
from egovops_ui.runner.param_form import ParameterForm
from egovops_ui.runner.risk import risk_colour, risk_label, role_label

ERROR_STYLE = "color: #d62f2f;"


class SetupPane(QWidget):
    procedureChanged = Signal()
    readinessChanged = Signal()  # the form's validity or the dry-run box changed

    def __init__(self, parent: QWidget, selector: str, language: str) -> None:
        super().__init__(parent)
        self.language = language
        self.choices: list[ProcedureChoice] = []
        self.procedure_combo = QComboBox(self, objectName="procedureCombo",
                                         placeholderText=self.tr("Choose a procedure"))
        self.procedure_combo.currentIndexChanged.connect(self._procedure_changed)
        self.risk_label = QLabel(self, objectName="riskLabel")
        self.description = QLabel(self, objectName="procedureDescription", wordWrap=True)
        self.targets_edit = QLineEdit(selector, self, objectName="targetsEdit")
        self.site_button = QPushButton(self, objectName="useSiteButton")
        self.city_button = QPushButton(self, objectName="wholeCityButton", enabled=False)
        self.count_label = QLabel(self, objectName="targetCount", wordWrap=True)
        self.ssh_combo = QComboBox(self, objectName="sshProfileCombo")
        self.snmp_combo = QComboBox(self, objectName="snmpProfileCombo")
        self.ssh_caption, self.snmp_caption = QLabel(self), QLabel(self)
        self.form = ParameterForm(self, language)
        self.form.validityChanged.connect(lambda _: self.readinessChanged.emit())
        self.dry_run = QCheckBox(self, objectName="dryRunCheck", toggled=lambda _: self.readinessChanged.emit())
        self.role_label = QLabel(self, objectName="roleLabel", wordWrap=True, styleSheet=ERROR_STYLE)
        self.run_button = QPushButton(self, objectName="runButton")
        self.cancel_button = QPushButton(self, objectName="cancelButton", enabled=False)
        self.procedure_box, self.targets_box, self.params_box = QGroupBox(self), QGroupBox(self), QGroupBox(self)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QFormLayout(self.procedure_box)
        for widget in (self.procedure_combo, self.risk_label, self.description):
            top.addRow(widget)
        targets = QVBoxLayout(self.targets_box)
        targets.addWidget(self.targets_edit)
        choose = QHBoxLayout()
        choose.addWidget(self.site_button)
        choose.addWidget(self.city_button)
        choose.addStretch(1)
        targets.addLayout(choose)
        targets.addWidget(self.count_label)
        profiles = QFormLayout()
        profiles.addRow(self.ssh_caption, self.ssh_combo)
        profiles.addRow(self.snmp_caption, self.snmp_combo)
        targets.addLayout(profiles)
        QVBoxLayout(self.params_box).addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run)
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        for box in (self.procedure_box, self.targets_box, self.params_box):
            column.addWidget(box)
        column.addWidget(self.role_label)
        column.addLayout(buttons)
        column.addStretch(1)

    # -- what the panel fills in -------------------------------------------------------------------
    def set_profiles(self, profiles: ProfileNames) -> None:
        for combo, names in ((self.ssh_combo, profiles.ssh), (self.snmp_combo, profiles.snmp)):
            combo.clear()
            combo.addItem("", None)  # the device's own profile; text set in retranslate
            for name in names:
                combo.addItem(name, name)
        self._profile_texts()

    def set_procedures(self, registry: ProcedureRegistry | None) -> None:
        """List the procedures named in the console's language, keeping the one chosen."""
        if registry is None:
            return
        current = self.procedure_combo.currentData()
        self.choices = procedure_choices(registry, self.language)
        self.procedure_combo.blockSignals(True)
        self.procedure_combo.clear()
        for choice in self.choices:
            self.procedure_combo.addItem(choice.name, choice.id)
        self.procedure_combo.setCurrentIndex(self._initial_index(current))
        self.procedure_combo.blockSignals(False)
        self._procedure_changed()

    def _initial_index(self, current: str | None) -> int:
        """The one chosen before, else the first if it is read-only: nothing that changes devices is preselected."""
        found = self.procedure_combo.findData(current) if current else -1
        if found >= 0:
            return found
        return 0 if self.choices and self.choices[0].risk is Risk.READ_ONLY else -1

    def current_choice(self) -> ProcedureChoice | None:
        ident = self.procedure_combo.currentData()
        return next((c for c in self.choices if c.id == ident), None)

    def name_of(self, ident: str) -> str:
        return next((c.name for c in self.choices if c.id == ident), ident)

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
        self.procedureChanged.emit()

    def selector(self) -> str:
        return self.targets_edit.text().strip()

    def show_preview(self, preview: TargetPreview) -> None:
        if preview.problem:
            self.count_label.setText(preview.problem)
            self.count_label.setStyleSheet(ERROR_STYLE)
            return
        text = self.tr("Devices to work on: {n}").format(n=len(preview.targets))
        if preview.excluded:
            text += self.tr("; skipped, not supported by this procedure: {n}").format(n=len(preview.excluded))
        self.count_label.setText(text)
        self.count_label.setStyleSheet("")

    def show_readiness(self, refusal: str | None, ready: bool, can_widen: bool, running: bool, cancellable: bool) -> None:
        self.role_label.setText(refusal or "")
        self.role_label.setVisible(bool(refusal))
        self.run_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(cancellable)
        self.city_button.setEnabled(can_widen and not running)
        for widget in (self.procedure_combo, self.targets_edit, self.site_button, self.form, self.dry_run, self.ssh_combo, self.snmp_combo):
            widget.setEnabled(not running)

    # -- language ----------------------------------------------------------------------------------
    def _profile_texts(self) -> None:
        for combo in (self.ssh_combo, self.snmp_combo):
            if combo.count():
                combo.setItemText(0, self.tr("(automatic: the device's own, else the only one of this kind)"))

    def retranslate(self, language: str, registry: ProcedureRegistry | None) -> None:
        self.language = language
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
        self._profile_texts()
        self.form.retranslate(language)
        self.set_procedures(registry)
