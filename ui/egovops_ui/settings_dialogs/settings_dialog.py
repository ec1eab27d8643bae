"""The Settings dialog: polling, per-site/device overrides, thresholds, SLA target and language,
maintenance windows.

Everything is read in the background when the dialog opens; "Save" hands polling, overrides,
thresholds and the SLA target to the core together (it checks ranges and roles and audits each change);
maintenance windows and the language apply as soon as they are chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from egovops.accounts.identity import Operator
from egovops.availability.planning import SLA_ROLE, AvailabilityPlanner
from egovops.polling.settings import PollingSettings
from egovops.polling.settings_edit import EDIT_ROLE, PollingSettingsEditor
from egovops_ui.settings_dialogs.common import StatusLine, error_text, may, operator_of
from egovops_ui.settings_dialogs.general_tab import GeneralTab
from egovops_ui.settings_dialogs.maintenance_tab import MaintenanceTab
from egovops_ui.settings_dialogs.overrides_tab import OverridesTab
from egovops_ui.settings_dialogs.polling_tab import PollingTab, ThresholdsTab

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow


@dataclass(frozen=True)
class Stored:
    polling: PollingSettings
    sla: float


@dataclass(frozen=True)
class Saved:
    polling_changes: dict[str, Any]
    sla_changed: bool


class SettingsDialog(QDialog):
    def __init__(self, window: "MainWindow", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.window_ = window
        self.editor = PollingSettingsEditor(window.session.database)
        self.planner = AvailabilityPlanner(window.session.database)
        self.stored: Stored | None = None
        self.tabs = QTabWidget(self)
        self.polling, self.thresholds = PollingTab(self), ThresholdsTab(self)
        self.overrides = OverridesTab(window, self)
        self.general, self.maintenance = GeneralTab(window, self), MaintenanceTab(window, self)
        for tab in (self.polling, self.overrides, self.thresholds, self.general, self.maintenance):
            self.tabs.addTab(tab, "")
        self.status = StatusLine(self)
        self.status.setObjectName("settingsStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Windows are planned and removed on their own tab at once: "Save" there would mislead.
        self.tabs.currentChanged.connect(lambda i: self.save_button.setVisible(self.tabs.widget(i) is not self.maintenance))
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.status)
        outer.addWidget(self.buttons)
        self.resize(820, 600)  # the overrides table: six columns with English headers
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        self.save_button.setEnabled(False)
        self.window_.session.tasks.run(self._read, owner=self, on_done=self._show, on_error=self._failed)
        self.maintenance.reload()
        self.overrides.load_scopes()

    def _read(self) -> Stored:  # worker thread
        return Stored(self.editor.load(), self.planner.sla_target())

    def _show(self, stored: Stored) -> None:
        self.stored = stored
        self.polling.show_settings(stored.polling)
        self.thresholds.show_settings(stored.polling)
        self.overrides.show_overrides(stored.polling.overrides)
        self.general.show_sla(stored.sla)
        self.save_button.setEnabled(may(self.window_, EDIT_ROLE) or may(self.window_, SLA_ROLE))

    def edited(self) -> PollingSettings:
        assert self.stored is not None
        edited = self.thresholds.apply_to(self.polling.apply_to(self.stored.polling))
        return replace(edited, overrides={k: dict(v) for k, v in self.overrides.overrides.items()})

    def save(self) -> None:
        operator = operator_of(self.window_)
        if operator is None or self.stored is None:
            return
        self.save_button.setEnabled(False)
        self.status.show_busy(self.tr("Saving…"))
        self.window_.session.tasks.run(self._write, operator, self.edited(), round(self.general.sla.value(), 3),
                                       owner=self, on_done=self._saved, on_error=self._failed)

    def _write(self, operator: Operator, polling: PollingSettings, sla: float) -> Saved:  # worker thread
        changes = self.editor.save(operator, polling) if polling != self.editor.load() else {}
        return Saved(changes, self.planner.set_sla_target(operator, sla))

    def _saved(self, saved: Saved) -> None:
        count = len(saved.polling_changes) + int(saved.sla_changed)
        self.status.show_ok(self.tr("Saved {n} change(s).").format(n=count) if count else self.tr("Nothing changed."))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.stored is not None)
        self.status.show_error(error_text(exc))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, text in enumerate((self.tr("Polling"), self.tr("Per site and device"), self.tr("Thresholds"),
                                      self.tr("SLA and language"), self.tr("Maintenance windows"))):
            self.tabs.setTabText(index, text)
        for tab in (self.polling, self.overrides, self.thresholds, self.general, self.maintenance):
            tab.retranslate()
