"""A run's record in the audit trail, shown as the store holds it: who, when, what, every target's result."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from egovops.procedures.run_records import CheckedAuditEntry


class AuditRecordDialog(QDialog):
    def __init__(self, entry: CheckedAuditEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditRecordDialog")
        self.entry, self.row = entry, entry.row
        self.fields = QFormLayout()
        self.labels = {key: QLabel(self) for key in ("id", "at", "actor", "action", "subject", "output_digest", "hash")}
        for label in self.labels.values():
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.captions = {key: QLabel(self) for key in self.labels}
        for key, label in self.labels.items():
            self.fields.addRow(self.captions[key], label)
        self.chain = QLabel(self, objectName="auditChain", wordWrap=True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.chain)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self._fill()
        self.retranslate()

    def _fill(self) -> None:
        row = self.row
        values = {
            "id": str(row.id), "at": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(row.at)),
            "actor": f"{row.actor} ({row.role})", "action": row.action, "subject": row.subject,
            "output_digest": row.output_digest, "hash": row.hash,
        }
        for key, text in values.items():
            self.labels[key].setText(text)
        self.details.setPlainText(json.dumps(row.details_dict(), ensure_ascii=False, indent=2, sort_keys=True))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit record {id}").format(id=self.row.id))
        captions = {
            "id": self.tr("Record"), "at": self.tr("Time"), "actor": self.tr("Operator"), "action": self.tr("Action"),
            "subject": self.tr("Procedure"), "output_digest": self.tr("Output digest"), "hash": self.tr("Chain hash"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        problems = self.entry.chain_problems
        if problems:
            self.chain.setText(self.tr("The audit trail's hash chain is broken: {problems}").format(problems="; ".join(problems)))
            self.chain.setStyleSheet("color: #d62f2f; font-weight: bold;")
        else:
            self.chain.setText(self.tr("The audit trail's hash chain verifies, this record included."))
            self.chain.setStyleSheet("color: #2e7d32;")
