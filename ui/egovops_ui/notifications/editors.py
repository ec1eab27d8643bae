"""Editors of who is told: recipients (people and groups), rules, and the on-call rota.

Thin views over ``egovops.notify``: every change goes through ``NotifyConfig`` (the engineer role,
the audit trail) on the session's task pool; a refusal or a bad value is shown in the page's status
line, as the command line prints it. Tables reload on a NOTIFICATIONS change notice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egovops.notify.config import NotifyConfig
from egovops.notify.model import Recipient, RotaEntry, Rule
from egovops.notify.repo import NotifyRepository
from egovops.notify.text import levels, names, pairs
from egovops.storage.changes import Changes
from egovops_ui.session import ConsoleSession


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return table


def _fill(table: QTableWidget, rows: list[tuple[Any, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


def _text(table: QTableWidget, row: int) -> str:
    item = table.item(row, 0)
    return item.text() if item is not None else ""


class EditorPage(QWidget):
    """The three editors stacked: a table and a form each."""

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notifyEditors")
        self.session = session
        self.status = QLabel(self)
        self.status.setObjectName("notifyEditorStatus")
        self.recipients = _table(self, 6)
        self.rules = _table(self, 5)
        self.rota = _table(self, 6)
        self.headings = [QLabel(self) for _ in range(3)]
        # Recipient form
        self.r_name, self.r_addresses, self.r_members = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.r_operator, self.r_quiet = QLineEdit(self), QLineEdit(self)
        self.r_language = QComboBox(self)
        self.r_language.addItems(["zh_CN", "en"])
        self.r_save, self.r_remove = QPushButton(self), QPushButton(self)
        # Rule form
        self.u_name, self.u_levels, self.u_severities, self.u_site = (QLineEdit(self) for _ in range(4))
        self.u_after = QDoubleSpinBox(self)
        self.u_after.setRange(1, 24 * 60)
        self.u_after.setValue(15)
        self.u_save, self.u_remove = QPushButton(self), QPushButton(self)
        # Rota form
        self.o_recipient, self.o_site = QComboBox(self), QLineEdit(self)
        self.o_level = QSpinBox(self)
        self.o_level.setRange(1, 9)
        self.o_from = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.o_from.setCalendarPopup(True)
        self.o_add, self.o_end = QPushButton(self), QPushButton(self)
        self.forms = [QFormLayout(), QFormLayout(), QFormLayout()]
        self._layout()
        self.r_save.clicked.connect(self.save_recipient)
        self.r_remove.clicked.connect(lambda: self._remove("recipient", self.recipients))
        self.u_save.clicked.connect(self.save_rule)
        self.u_remove.clicked.connect(lambda: self._remove("rule", self.rules))
        self.o_add.clicked.connect(self.add_rota)
        self.o_end.clicked.connect(self.end_rota)
        session.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        sections = (
            (self.recipients, self.forms[0], [self.r_name, self.r_addresses, self.r_members, self.r_operator,
                                              self.r_quiet, self.r_language], (self.r_save, self.r_remove)),
            (self.rules, self.forms[1], [self.u_name, self.u_levels, self.u_severities, self.u_site, self.u_after],
             (self.u_save, self.u_remove)),
            (self.rota, self.forms[2], [self.o_recipient, self.o_site, self.o_level, self.o_from],
             (self.o_add, self.o_end)),
        )
        for heading, (table, form, fields, buttons) in zip(self.headings, sections, strict=True):
            layout.addWidget(heading)
            row = QHBoxLayout()
            row.addWidget(table, 3)
            side = QVBoxLayout()
            for field in fields:
                form.addRow(QLabel(self), field)
            side.addLayout(form)
            for button in buttons:
                side.addWidget(button)
            side.addStretch(1)
            row.addLayout(side, 2)
            layout.addLayout(row)
        layout.addWidget(self.status)

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        repo = NotifyRepository(self.session.database)
        self.session.tasks.run(lambda: (repo.recipients(), repo.rules(), repo.rota()), owner=self,
                               on_done=self._loaded, on_error=self._failed)

    def _loaded(self, found: tuple[list[Recipient], list[Rule], list[RotaEntry]]) -> None:
        recipients, rules, rota = found
        _fill(self.recipients, [(r.name, self._kind(r.kind), "; ".join(f"{k}={v}" for k, v in r.addresses.items()),
                                 ", ".join(r.members), r.operator, r.quiet_hours) for r in recipients])
        _fill(self.rules, [(r.name, " | ".join(", ".join(level) for level in r.levels), ", ".join(r.severities),
                            r.site, f"{r.escalate_after_s / 60:g}") for r in rules])
        _fill(self.rota, [(e.id, e.site, e.level, e.recipient, QDateTime.fromSecsSinceEpoch(int(e.starts_at))
                           .toString("yyyy-MM-dd HH:mm"),
                           "" if e.ends_at is None else QDateTime.fromSecsSinceEpoch(int(e.ends_at))
                           .toString("yyyy-MM-dd HH:mm")) for e in rota])
        current = self.o_recipient.currentText()
        self.o_recipient.clear()
        self.o_recipient.addItems([r.name for r in recipients])
        self.o_recipient.setCurrentText(current)

    def _changed(self, changes: Changes) -> None:
        if changes & Changes.NOTIFICATIONS and self.isVisible():
            self.reload()

    # -- writing -----------------------------------------------------------------------------
    def _write(self, change: Callable[[NotifyConfig, Any], object], done: str) -> None:
        operator = self.session.operator
        if operator is None:
            return
        config = NotifyConfig(self.session.database)
        self.session.tasks.run(lambda: change(config, operator), owner=self,
                               on_done=lambda _result: self._done(done), on_error=self._failed)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def save_recipient(self) -> None:
        try:
            members = names(self.r_members.text())
            recipient = Recipient(self.r_name.text().strip(), "group" if members else "person",
                                  self.r_language.currentText(), self.r_operator.text().strip(),
                                  pairs([p for p in self.r_addresses.text().split(";") if p.strip()],
                                        self.tr("Addresses")), members, self.r_quiet.text().strip())
        except Exception as exc:  # noqa: BLE001 - a typing mistake is shown, not raised into Qt
            self._failed(exc)
            return
        self._write(lambda c, by: c.save_recipient(by, recipient), self.tr("Recipient saved."))

    def save_rule(self) -> None:
        rule = Rule(self.u_name.text().strip(), levels(self.u_levels.text()), names(self.u_severities.text()),
                    site=self.u_site.text().strip(), escalate_after_s=self.u_after.value() * 60,
                    repeat_s=self.u_after.value() * 60)
        self._write(lambda c, by: c.save_rule(by, rule), self.tr("Rule saved."))

    def add_rota(self) -> None:
        entry = RotaEntry(self.o_site.text().strip(), self.o_level.value(), self.o_recipient.currentText(),
                          float(self.o_from.dateTime().toSecsSinceEpoch()))
        self._write(lambda c, by: c.add_rota(by, entry), self.tr("Rota entry added."))

    def end_rota(self) -> None:
        row = self.rota.currentRow()
        if row < 0:
            return
        entry_id = int(_text(self.rota, row))
        at = float(QDateTime.currentDateTime().toSecsSinceEpoch())
        self._write(lambda c, by: c.end_rota(by, entry_id, at), self.tr("Rota entry ended."))

    def _remove(self, what: str, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            return
        name = _text(table, row)
        self._write(lambda c, by: c.remove(by, what, name), self.tr("Removed."))

    # -- words -------------------------------------------------------------------------------
    def _kind(self, kind: str) -> str:
        return {"person": self.tr("person"), "group": self.tr("group")}.get(kind, kind)

    def retranslate(self) -> None:
        titles = (self.tr("Recipients"), self.tr("Rules"), self.tr("On-call rota"))
        for heading, text in zip(self.headings, titles, strict=True):
            heading.setText(f"<b>{text}</b>")
        self.recipients.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Addresses"),
                                                   self.tr("Members"), self.tr("Desk name"), self.tr("Quiet hours")])
        self.rules.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Levels"), self.tr("Severities"),
                                              self.tr("Site"), self.tr("Escalate after (min)")])
        self.rota.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Site"), self.tr("Level"), self.tr("Recipient"),
                                             self.tr("From"), self.tr("Until")])
        labels = ((self.tr("Name"), self.tr("Addresses"), self.tr("Group of"), self.tr("Desk name"),
                   self.tr("Quiet hours"), self.tr("Language")),
                  (self.tr("Name"), self.tr("Levels"), self.tr("Severities"), self.tr("Site"),
                   self.tr("Escalate after (min)")),
                  (self.tr("Recipient"), self.tr("Site"), self.tr("Level"), self.tr("From")))
        for form, texts in zip(self.forms, labels, strict=True):
            for i, text in enumerate(texts):
                item = form.itemAt(i, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    label.setText(text)
        self.r_addresses.setPlaceholderText(self.tr("mail=zhang@example.gov.cn; sms=13800000000"))
        self.r_members.setPlaceholderText(self.tr("names, comma-separated (a group)"))
        self.r_quiet.setPlaceholderText("22:00-07:00")
        self.u_levels.setPlaceholderText(self.tr("oncall | oncall:2 | supervisor"))
        self.u_severities.setPlaceholderText(self.tr("critical, major (empty: any)"))
        self.o_site.setPlaceholderText(self.tr("安徽省/合肥市 (empty: everywhere)"))
        for button, text in ((self.r_save, self.tr("Save recipient")), (self.r_remove, self.tr("Remove selected")),
                             (self.u_save, self.tr("Save rule")), (self.u_remove, self.tr("Remove selected")),
                             (self.o_add, self.tr("Put on call")), (self.o_end, self.tr("End selected now"))):
            button.setText(text)
