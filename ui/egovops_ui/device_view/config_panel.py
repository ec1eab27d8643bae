"""The configuration tab: the stored (masked) versions of this device's configuration, and the
unified diff of any two, coloured the way a reviewer reads a patch; beside it, the configuration
changes the device itself reported (syslog events the rules call config-change or
config-command), those between the two versions compared in bold: who changed what, and when."""

from __future__ import annotations

from html import escape
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from egovops.configs.store import ConfigStore
from egovops.device_detail.formatting import format_time
from egovops.events.model import Event
from egovops.events.repo import EventRepository
from egovops.storage.database import Database
from egovops.storage.procedures_repo import ConfigVersion

LINE_STYLES = (("+++", "color:#555555"), ("---", "color:#555555"), ("@@", "color:#1565c0"),
               ("+", "color:#1b6e2e;background:#e3f6e6"), ("-", "color:#a31515;background:#fbe4e4"))


def diff_html(diff: str) -> str:
    lines = []
    for line in diff.splitlines():
        style = next((css for prefix, css in LINE_STYLES if line.startswith(prefix)), "")
        lines.append(f'<span style="{style}">{escape(line) or "&nbsp;"}</span>' if style else escape(line))
    return '<pre style="margin:0">' + "\n".join(lines) + "</pre>"


class ConfigPanel(QWidget):
    diffShown = Signal(str)  # the diff text shown

    def __init__(self, run: Callable[..., None], database: Database, device: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run, self.database, self.device = run, database, device
        self.old, self.new = QComboBox(self), QComboBox(self)
        self.compare = QPushButton(self)
        self.compare.setObjectName("configCompare")
        self.note = QLabel(self)
        self.diff = QTextEdit(self)
        self.diff.setObjectName("configDiff")
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.old_caption, self.new_caption = QLabel(self), QLabel(self)
        bar = QHBoxLayout()
        for widget in (self.old_caption, self.old, self.new_caption, self.new, self.compare):
            bar.addWidget(widget)
        bar.addWidget(self.note, 1)
        self.reported_box = QGroupBox(self)
        self.reported = QTableWidget(0, 3, self.reported_box)
        self.reported.setObjectName("configReported")
        self.reported.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reported.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reported.verticalHeader().hide()
        self.reported.setWordWrap(False)
        self.reported.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(self.reported_box).addWidget(self.reported)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.diff)
        splitter.addWidget(self.reported_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.compare.clicked.connect(self.show_diff)
        self.versions: list[ConfigVersion] = []
        self.changes: list[Event] = []
        self.span: tuple[float, float] | None = None  # (after, up to) the versions compared
        self.retranslate()
        self.reload_changes()

    def retranslate(self) -> None:
        self.old_caption.setText(self.tr("Older:"))
        self.new_caption.setText(self.tr("Newer:"))
        self.compare.setText(self.tr("Show differences"))
        self.reported_box.setTitle(self.tr("Changes the device reported"))
        self.reported.setHorizontalHeaderLabels([self.tr("Received"), self.tr("Message"), self.tr("Text")])
        self.set_versions(self.versions)
        self.show_changes(self.changes)

    def reload_changes(self) -> None:
        self._run(EventRepository(self.database).config_changes, self.device, on_done=self.show_changes,
                  on_error=self._failed)

    def show_changes(self, changes: list[Event]) -> None:
        self.changes = list(changes)
        self.reported.setRowCount(len(self.changes))
        for row, event in enumerate(self.changes):
            inside = self.span is not None and self.span[0] < event.received_at <= self.span[1]
            what = f"{event.module}/{event.mnemonic}" if event.module else event.mnemonic
            for column, text in enumerate((format_time(event.received_at), what, event.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(event.text)
                font = item.font()
                font.setBold(inside)
                item.setFont(font)
                self.reported.setItem(row, column, item)
        self.reported.resizeColumnToContents(0)
        self.reported.resizeColumnToContents(1)
        if not self.changes:
            self.reported.setRowCount(1)
            self.reported.setItem(0, 2, QTableWidgetItem(self.tr("none received (the device's syslog comes "
                                                                 "to the collector's receiver)")))

    def reported_between(self) -> list[Event]:
        """The reported changes in the span of the versions compared (shown in bold)."""
        return [e for e in self.changes if self.span is not None and self.span[0] < e.received_at <= self.span[1]]

    def set_versions(self, versions: list[ConfigVersion]) -> None:
        self.versions = list(versions)
        kept = (self.old.currentData(), self.new.currentData())
        for combo in (self.old, self.new):
            combo.clear()
            for v in reversed(self.versions):
                combo.addItem(self.tr("v{n} — {time}").format(n=v.version, time=format_time(v.taken_at)), v.version)
        if len(self.versions) >= 2:  # by default the latest change: the newest against the one before
            self.new.setCurrentIndex(max(0, self.new.findData(kept[1])) if kept[1] else 0)
            self.old.setCurrentIndex(self.old.findData(kept[0]) if kept[0] else 1)
        self.compare.setEnabled(bool(self.versions))
        if not self.versions:
            self.note.setText(self.tr("No configuration stored yet: run the configuration backup procedure."))
        else:
            self.note.setText(self.tr("{n} versions stored").format(n=len(self.versions)))

    def show_diff(self) -> None:
        old, new = self.old.currentData(), self.new.currentData()
        if new is None:
            return
        if old == new:
            old = None if new <= 1 else new - 1
        self._run(ConfigStore(self.database).diff, self.device, old, new, on_done=self._shown, on_error=self._failed)

    def _shown(self, diff: str) -> None:
        self.diff.setHtml(diff_html(diff) if diff else escape(self.tr("The two versions are identical.")))
        taken = {v.version: v.taken_at for v in self.versions}
        old, new = self.old.currentData(), self.new.currentData()
        if old == new:
            old = None if new is None or new <= 1 else new - 1
        if new in taken:  # after the older version was taken, up to when the newer one was
            self.span = (taken.get(old, 0.0) if old is not None else 0.0, taken[new])
        self.show_changes(self.changes)
        self.diffShown.emit(diff)

    def _failed(self, exc: BaseException) -> None:
        self.diff.setPlainText(str(exc))
