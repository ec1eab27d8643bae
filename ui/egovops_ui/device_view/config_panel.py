"""The configuration tab: the stored (masked) versions of this device's configuration, and the
unified diff of any two, coloured the way a reviewer reads a patch."""

from __future__ import annotations

from html import escape
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from egovops.configs.store import ConfigStore
from egovops.device_detail.formatting import format_time
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.diff, 1)
        self.compare.clicked.connect(self.show_diff)
        self.versions: list[ConfigVersion] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.old_caption.setText(self.tr("Older:"))
        self.new_caption.setText(self.tr("Newer:"))
        self.compare.setText(self.tr("Show differences"))
        self.set_versions(self.versions)

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
        self.diffShown.emit(diff)

    def _failed(self, exc: BaseException) -> None:
        self.diff.setPlainText(str(exc))
