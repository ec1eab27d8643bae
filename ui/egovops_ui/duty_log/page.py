"""The duty log tab: who is on duty, start/take over/end a shift, notes, and a shift's handover summary.

Every read and write runs on ``session.tasks``; the page only shows a ``DeskView`` and asks the
core (``DutyService``) to act, which also refuses what the operator's role may not do. It reloads
on the session's change notice: its own writes, another writer's and a poll's come the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from egovops.duty import DutyService, HandoverSummary, Shift, to_markdown, write_summary
from egovops.duty.desk import DeskView, desk_view
from egovops.duty.export import role_name
from egovops.duty.shifts import when
from egovops.storage.changes import Changes
from egovops_ui.duty_log.notes_panel import NotesPanel

if TYPE_CHECKING:
    from egovops_ui.session import ConsoleSession


class DutyLogPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dutyLogPage")
        self.session = session
        self.service = DutyService(session.database)
        self.view: DeskView | None = None
        self.chosen: int | None = None  # the shift whose summary is shown; None: the one handed over
        self._asked = 0  # loads may finish out of order on the pool: only the latest one is shown
        self._build()
        self.retranslate()
        session.changed.connect(self._changed)
        session.operatorKnown.connect(self._operator_known)
        self.reload()

    # -- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.status = QLabel(self)
        self.status.setObjectName("dutyStatus")
        self.status.setWordWrap(True)
        self.start_button, self.take_over_button, self.end_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.start_button.clicked.connect(lambda: self._act(self.service.start, False))
        self.take_over_button.clicked.connect(lambda: self._act(self.service.start, True))
        self.end_button.clicked.connect(lambda: self._act(self.service.end))
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        for button in (self.start_button, self.take_over_button, self.end_button):
            top.addWidget(button)

        self.notes_box = NotesPanel(self)
        self.notes, self.note_edit, self.add_note_button = self.notes_box.table, self.notes_box.edit, self.notes_box.add_button
        self.add_note_button.clicked.connect(self._add_note)

        self.summary_box = QGroupBox(self)
        self.shift_label = QLabel(self.summary_box)
        self.shift_picker = QComboBox(self.summary_box)
        self.shift_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shift_picker.activated.connect(self._pick)
        self.refresh_button, self.export_button = QPushButton(self.summary_box), QPushButton(self.summary_box)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self._ask_export)
        row = QHBoxLayout()
        for widget in (self.shift_label, self.shift_picker):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.export_button)
        self.summary_view = QTextBrowser(self.summary_box)
        self.summary_view.setObjectName("handoverSummary")
        summary_layout = QVBoxLayout(self.summary_box)
        summary_layout.addLayout(row)
        summary_layout.addWidget(self.summary_view, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.notes_box)
        splitter.addWidget(self.summary_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.message = QLabel(self)
        self.message.setObjectName("dutyMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # -- loading and showing --------------------------------------------------------------------
    def reload(self) -> None:
        operator = self.session.operator
        if operator is None:  # the session learns who is operating shortly after start
            self._enable(None)
            return
        self._asked += 1
        asked = self._asked
        self.session.tasks.run(desk_view, self.service, operator, self.chosen,
                               owner=self, on_done=lambda view: self._loaded(asked, view), on_error=self._failed)

    def _loaded(self, asked: int, view: DeskView) -> None:
        if asked == self._asked:
            self.show_view(view)

    def _operator_known(self, _operator: object) -> None:
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes & Changes.DUTY:
            self.reload()
            return
        # Alarms raised or cleared, procedures run: an open shift's summary runs up to now.
        summary = self.view.summary if self.view is not None else None
        if changes & (Changes.ALARMS | Changes.AUDIT) and self.isVisible() and summary is not None and summary.shift.is_open:
            self.reload()

    def show_view(self, view: DeskView) -> None:
        self.view = view
        self._enable(view)
        self._show_status(view)
        self.notes_box.show_notes(view.notes)
        self._fill_picker(view)
        self._show_summary(view.summary)

    def _enable(self, view: DeskView | None) -> None:
        self.start_button.setEnabled(bool(view and view.may_start))
        self.take_over_button.setEnabled(bool(view and view.may_take_over))
        self.end_button.setEnabled(bool(view and view.may_end))
        self.notes_box.set_writable(bool(view and view.may_note))
        self.export_button.setEnabled(bool(view and view.summary))
        if view is None:
            self.status.setText(self.tr("Waiting to learn who is operating…"))

    def _show_status(self, view: DeskView) -> None:
        shift = view.current
        if shift is None:
            self.status.setText(self.tr("Nobody is on duty. Start your shift to take notes."))
        else:
            self.status.setText(self.tr("On duty: %1 (%2) since %3 — shift %4").replace("%1", shift.operator)
                                .replace("%2", role_name(shift.role)).replace("%3", when(shift.started_at)).replace("%4", str(shift.id)))

    def shift_title(self, shift: Shift) -> str:
        end = when(shift.ended_at)[11:16] if shift.ended_at is not None else self.tr("open")
        return f"{shift.id} · {shift.operator} · {when(shift.started_at)[:16]} – {end}"

    def _fill_picker(self, view: DeskView) -> None:
        self.shift_picker.clear()
        for shift in view.shifts:
            self.shift_picker.addItem(self.shift_title(shift), shift.id)
        if view.summary is not None:
            self.shift_picker.setCurrentIndex(self.shift_picker.findData(view.summary.shift.id))

    def _show_summary(self, summary: HandoverSummary | None) -> None:
        if summary is None:
            self.summary_view.setPlainText(self.tr("No shift has been started yet: there is nothing to hand over."))
        else:
            self.summary_view.setMarkdown(to_markdown(summary))  # the core's text, in the console's language

    def _pick(self, index: int) -> None:
        self.chosen = self.shift_picker.itemData(index)
        self.reload()

    # -- acting ------------------------------------------------------------------------------------
    def _act(self, action: Callable[..., Any], *args: Any) -> None:
        operator = self.session.operator
        if operator is None:
            return
        self.message.clear()
        self.session.tasks.run(action, operator, *args, owner=self, on_done=lambda _result: None,
                               on_error=self._failed)  # shown on the change notice

    def _add_note(self) -> None:
        text = self.note_edit.toPlainText()
        operator = self.session.operator
        if operator is None:
            return
        self.message.clear()
        self.session.tasks.run(self.service.note, operator, text, owner=self, on_done=self._noted,
                               on_error=self._failed)

    def _noted(self, _note: object) -> None:
        self.note_edit.clear()  # the note itself appears on the change notice

    def _ask_export(self) -> None:
        if self.view is None or self.view.summary is None:
            return
        filters = ";;".join([self.tr("Markdown (*.md)"), self.tr("Plain text (*.txt)"), self.tr("CSV (*.csv)")])
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(documents) / f"handover-{self.view.summary.shift.id}.md")  # not the program's folder
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export handover summary"), suggested, filters)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the shown summary to ``path`` (format from its suffix) in the background."""
        if self.view is None or self.view.summary is None:
            return
        self.session.tasks.run(write_summary, self.view.summary, path, owner=self,
                               on_done=lambda _kind: self._exported(path), on_error=self._failed)

    def _exported(self, path: Path) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Handover summary exported to %1").replace("%1", str(path)))

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(str(exc))

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start my shift"))
        self.take_over_button.setText(self.tr("Take over the shift"))
        self.end_button.setText(self.tr("End the shift"))
        self.notes_box.retranslate()
        self.summary_box.setTitle(self.tr("Handover summary"))
        self.shift_label.setText(self.tr("Shift:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export…"))
        if self.view is not None:
            self.show_view(self.view)
        else:
            self._enable(None)
