"""A device picker, a "Test" button and the outcome: trying a credential profile on one device.

Used under the profile list (the stored profile) and in the profile form (the profile as typed,
before it is saved). The probe runs on a worker thread; an unknown SSH host key is asked about
with the console's fingerprint dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from egovops.credential_probe import CredentialProbe, ProbeResult
from egovops.credentials.profiles import CredentialProfile
from egovops_ui.host_key_prompt import HostKeyPrompt
from egovops_ui.settings_dialogs.common import StatusLine, error_text, operator_of

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

# Called on the worker thread: the profile to try and the secrets typed for it (may be empty).
ProfileSource = Callable[[CredentialProbe], tuple[CredentialProfile, Mapping[str, str]]]


class ProbeRow(QWidget):
    finished = Signal(object)  # ProbeResult

    def __init__(self, window: "MainWindow", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.last_result: ProbeResult | None = None
        self.host_keys = HostKeyPrompt(self)
        self.device_label = QLabel(self)
        self.device = QComboBox(self, objectName="testDevice")
        self.device.setEditable(True)  # thousands of devices: type to find one
        self.device.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.button = QPushButton(self, objectName="testProfile")
        self.result = StatusLine(self)
        self.result.setObjectName("testResult")
        row = QHBoxLayout()
        row.addWidget(self.device_label)
        row.addWidget(self.device, 1)
        row.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.result)

    def set_devices(self, names: list[str]) -> None:
        current = self.device.currentText()
        self.device.clear()
        self.device.addItems(names)
        self.device.setCurrentText(current)

    def start(self, source: ProfileSource) -> bool:
        """Try the profile ``source`` gives on the chosen device; False when nothing was started."""
        device, operator = self.device.currentText().strip(), operator_of(self.window_)
        if operator is None:
            return False
        if not device:
            self.result.show_error(self.tr("Choose a device to test the profile against."))
            return False
        probe = CredentialProbe(self.window_.session.database, operator)

        def run() -> ProbeResult:  # worker thread: keyring, store and network
            profile, typed = source(probe)
            return probe.run(profile, typed, device, trust_new_host_key=self.host_keys)

        self.button.setEnabled(False)
        self.last_result = None
        self.result.show_busy(self.tr("Testing on {device}…").format(device=device))
        self.window_.session.tasks.run_long(run, owner=self, on_done=self._tested, on_error=self._failed)
        return True

    def _tested(self, result: ProbeResult) -> None:
        self.button.setEnabled(True)
        self.last_result = result
        words = {
            "ok": self.tr("OK: {device} answered ({detail}) in {seconds:.1f} s"),
            "timeout": self.tr("Timeout: {device} did not answer. {detail}"),
            "auth": self.tr("Authentication failed on {device}. {detail}"),
            "host-key": self.tr("Host key not trusted for {device}. {detail}"),
            "error": self.tr("Failed on {device}. {detail}"),
        }
        text = words[result.outcome].format(device=result.device, detail=result.detail, seconds=result.seconds)
        (self.result.show_ok if result.ok else self.result.show_error)(text)
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.result.show_error(error_text(exc))

    def retranslate(self) -> None:
        self.device_label.setText(self.tr("Device"))
        self.button.setText(self.tr("Test"))
        self.device.lineEdit().setPlaceholderText(self.tr("device name"))
        self.button.setToolTip(self.tr("SNMP: read sysName; SSH: log in. Runs in the background."))
