"""The open shift's notes: a table of what was written, and a box to write the next one."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QHeaderView, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from egovops.duty import Note
from egovops.duty.shifts import when


class NotesPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.edit = QPlainTextEdit(self)
        self.edit.setMaximumHeight(90)
        self.add_button = QPushButton(self)
        # Enter alone starts a new line in the note; Ctrl+Enter adds it, as in a chat window.
        QShortcut(QKeySequence("Ctrl+Return"), self.edit, activated=self.add_button.click)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.edit)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_notes(self, notes: Iterable[Note]) -> None:
        rows = list(notes)
        self.table.setRowCount(len(rows))
        for row, note in enumerate(rows):
            for column, text in enumerate((when(note.at), note.author, note.text)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def set_writable(self, writable: bool) -> None:
        self.edit.setEnabled(writable)
        self.add_button.setEnabled(writable)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Notes of the open shift"))
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Author"), self.tr("Note")])
        self.edit.setPlaceholderText(self.tr("What the next engineer should know…"))
        self.add_button.setText(self.tr("Add note"))
