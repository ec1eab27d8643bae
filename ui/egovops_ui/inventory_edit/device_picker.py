"""Choosing a device by name for Edit and Remove: type a few letters, the completer finds the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class DevicePicker(QDialog):
    chosen = Signal(str)

    def __init__(self, names: list[str], current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryDevicePicker")
        self.names = set(names)
        self.combo = QComboBox(editable=True)
        self.combo.addItems(names)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(names, self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.combo.setCurrentText(current if current in self.names else "")
        self.prompt, self.problem = QLabel(), QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.combo, self.problem, self.buttons):
            layout.addWidget(widget)
        self.resize(460, 160)

    def set_texts(self, title: str, prompt: str) -> None:
        self.setWindowTitle(title)
        self.prompt.setText(prompt)

    def _accept(self) -> None:
        name = self.combo.currentText().strip()
        if name not in self.names:
            self.problem.setText(self.tr("No device named {name} in the inventory.").replace("{name}", name))
            return
        self.accept()
        self.chosen.emit(name)
