"""The SLA target (supervisors) and the console's language (anyone, applied at once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from egovops.availability.planning import SLA_ROLE
from egovops_ui.main_window import LANGUAGE_NAMES
from egovops_ui.settings_dialogs.common import may

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


class GeneralTab(QWidget):
    def __init__(self, window: "MainWindow", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.sla = QDoubleSpinBox(self, objectName="slaTarget")
        self.sla.setRange(0.0, 100.0)  # the core refuses 0: its message says why
        self.sla.setDecimals(3)
        self.sla.setSingleStep(0.01)
        self.sla.setSuffix(" %")
        self.sla.setMaximumWidth(200)
        self.language = QComboBox(self, objectName="consoleLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)  # each in its own language, never translated
        self.language.setCurrentIndex(self.language.findData(window.switcher.language))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language.setMaximumWidth(200)
        self.sla_label, self.language_label, self.sla_note = QLabel(self), QLabel(self), QLabel(self)
        self.sla_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.sla_label, self.sla)
        form.addRow("", self.sla_note)
        form.addRow(self.language_label, self.language)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addStretch(1)

    def show_sla(self, percent: float) -> None:
        self.sla.setValue(percent)
        self.update_permissions()

    def update_permissions(self) -> None:
        self.sla.setEnabled(may(self.window_, SLA_ROLE))

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if code != self.window_.switcher.language:
            self.window_.switch_language(code)

    def retranslate(self) -> None:
        self.sla_label.setText(self.tr("SLA target (availability)"))
        self.sla_note.setText(self.tr("Reports mark each unit against this target. Changing it needs the supervisor role."))
        self.language_label.setText(self.tr("Language"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(self.window_.switcher.language))
        self.language.blockSignals(False)
        self.update_permissions()
