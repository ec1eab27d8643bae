"""Creating or editing one credential profile. Secret fields are write-only.

The form never asks the keyring for a stored secret, so there is nothing to show back: on edit an
empty secret field means "keep the stored one". Typed secrets leave the widgets as soon as the
save is handed to the core, and the fields are cleared whatever the outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from egovops.credentials.editing import CredentialEditor
from egovops.credentials.profiles import AUTH_PROTOCOLS, PRIV_PROTOCOLS, CredentialKind, CredentialProfile, build_profile
from egovops.errors import EgovopsError
from egovops_ui.settings_dialogs.common import StatusLine, error_text, operator_of
from egovops_ui.settings_dialogs.probe_row import ProbeRow

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

SECRET_FIELDS = ("community", "auth_key", "priv_key", "password", "passphrase", "enable_password")


class ProfileForm(QDialog):
    saved = Signal(str)  # the profile's name

    def __init__(self, window: "MainWindow", profile: CredentialProfile | None = None, devices: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialProfileForm")
        self.window_, self.editing = window, profile is not None
        self.editor = CredentialEditor(window.session.database)
        self.name = QLineEdit(self, objectName="profileName")
        self.kind = QComboBox(self, objectName="profileKind")
        for kind in CredentialKind:
            self.kind.addItem(kind.value, kind.value)
        self.user = QLineEdit(self, objectName="profileUser")
        self.auth_protocol = QComboBox(self, objectName="profileAuthProtocol")
        self.auth_protocol.addItems(list(AUTH_PROTOCOLS))
        self.priv_protocol = QComboBox(self, objectName="profilePrivProtocol")
        self.priv_protocol.addItems(list(PRIV_PROTOCOLS))
        self.key_file = QLineEdit(self, objectName="profileKeyFile")
        self.browse = QPushButton(self, clicked=self._browse)
        self.secrets: dict[str, QLineEdit] = {}
        for field in SECRET_FIELDS:
            edit = QLineEdit(self, objectName=f"secret_{field}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)  # never shown, never copied out
            self.secrets[field] = edit
        self.labels: dict[str, QLabel] = {}
        self.status = StatusLine(self)
        self.probe = ProbeRow(window, self)  # try the profile as typed, before it is stored
        self.probe.set_devices(devices or [])
        self.probe.button.clicked.connect(self.test)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        if profile is not None:
            self._show(profile)
        self.kind.currentIndexChanged.connect(self._update_rows)
        self.priv_protocol.currentIndexChanged.connect(self._update_rows)
        self.key_file.textChanged.connect(self._update_rows)
        self.retranslate()
        self._update_rows()

    def _layout(self) -> None:
        self.form = QFormLayout()
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_file, 1)
        key_row.addWidget(self.browse)
        key_widget = QWidget(self)
        key_widget.setLayout(key_row)
        key_row.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[str, QWidget]] = [
            ("name", self.name), ("kind", self.kind), ("user", self.user), ("auth_protocol", self.auth_protocol),
            ("priv_protocol", self.priv_protocol), ("key_file", key_widget),
        ] + [(f, self.secrets[f]) for f in SECRET_FIELDS]
        for key, widget in rows:
            self.labels[key] = QLabel(self)
            self.form.addRow(self.labels[key], widget)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addWidget(self.hint)
        outer.addWidget(self.probe)
        outer.addWidget(self.status)
        outer.addWidget(self.buttons)
        self.resize(520, 0)

    def _show(self, profile: CredentialProfile) -> None:
        self.name.setText(profile.name)
        self.name.setReadOnly(True)  # a rename would orphan the keyring entries
        self.kind.setCurrentIndex(self.kind.findData(profile.kind.value))
        settings = profile.settings
        self.user.setText(settings.get("user", ""))
        self.auth_protocol.setCurrentText(settings.get("auth_protocol", "SHA"))
        self.priv_protocol.setCurrentText(settings.get("priv_protocol", "AES-128"))
        self.key_file.setText(settings.get("key_file", ""))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("SSH private key"))
        if path:
            self.key_file.setText(path)

    def profile(self) -> CredentialProfile:
        """The profile as typed, validated by the core (its messages name the bad field)."""
        return build_profile(self.name.text(), self.kind.currentData(), {
            "user": self.user.text().strip(), "auth_protocol": self.auth_protocol.currentText(),
            "priv_protocol": self.priv_protocol.currentText(), "key_file": self.key_file.text().strip(),
        })

    def typed_secrets(self) -> dict[str, str]:
        return {field: edit.text() for field, edit in self.secrets.items() if edit.text()}

    def _wanted_fields(self) -> tuple[str, ...]:
        kind = CredentialKind(self.kind.currentData())
        settings = {"priv_protocol": self.priv_protocol.currentText(), "key_file": self.key_file.text().strip()}
        probe = CredentialProfile("form", kind, {k: v for k, v in settings.items() if v})
        return probe.secret_fields() + probe.optional_secret_fields()

    def _update_rows(self) -> None:
        kind = self.kind.currentData()
        visible = {"name", "kind", *self._wanted_fields()}
        if kind != CredentialKind.SNMP_V2C.value:
            visible.add("user")
        if kind == CredentialKind.SNMP_V3.value:
            visible |= {"auth_protocol", "priv_protocol"}
        if kind == CredentialKind.SSH.value:
            visible.add("key_file")
        for key, label in self.labels.items():
            self.form.setRowVisible(label, key in visible)

    def save(self) -> None:
        operator = operator_of(self.window_)
        if operator is None:
            self.status.show_error(self.tr("The operator is not known yet; try again in a moment."))
            return
        try:
            profile = self.profile()
        except EgovopsError as exc:
            self.status.show_error(error_text(exc))
            return
        typed = self.typed_secrets()
        self.clear_secrets()
        self.buttons.setEnabled(False)
        self.status.show_busy(self.tr("Saving…"))
        self.window_.session.tasks.run(self.editor.save, operator, profile, typed, self.editing,
                                       owner=self, on_done=lambda _: self._saved(profile.name), on_error=self._failed)

    def test(self) -> None:
        """The profile and secrets as typed; empty secret fields fall back to the stored ones."""
        try:
            profile = self.profile()
        except EgovopsError as exc:
            self.status.show_error(error_text(exc))
            return
        typed = self.typed_secrets()
        self.status.clear()
        self.probe.start(lambda _probe: (profile, typed))

    def clear_secrets(self) -> None:
        for edit in self.secrets.values():
            edit.clear()

    def _saved(self, name: str) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(name)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.show_error(error_text(exc))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit credential profile") if self.editing else self.tr("New credential profile"))
        texts = {
            "name": self.tr("Name"), "kind": self.tr("Kind"), "user": self.tr("User"),
            "auth_protocol": self.tr("Authentication protocol"), "priv_protocol": self.tr("Privacy protocol"),
            "key_file": self.tr("Private key file"), "community": self.tr("Community"),
            "auth_key": self.tr("Authentication key"), "priv_key": self.tr("Privacy key"),
            "password": self.tr("Password"), "passphrase": self.tr("Key passphrase"),
            "enable_password": self.tr("Enable/super password (optional)"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.browse.setText(self.tr("Browse…"))
        keep = self.tr("stored — leave empty to keep")
        for field, edit in self.secrets.items():
            edit.setPlaceholderText(keep if self.editing else "")
        self.probe.retranslate()
        self.hint.setText(self.tr("Secrets go straight to the system keyring; they are never stored in the "
                                  "database and never shown again."))
