"""Installs the duty log: "Duty log" in the Tools menu, and the handover shown to the next engineer.

Once the session knows who is operating, the shift they take over from is looked up in the
background; if there is one, the duty log opens as a tab with its summary (no dialog to dismiss).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from egovops.accounts.identity import Operator
from egovops.duty import DutyService, Shift
from egovops_ui.duty_log.page import DutyLogPage

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

log = logging.getLogger(__name__)
TAB_KEY = "duty-log"


class DutyLogScreen(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.page: DutyLogPage | None = None
        self.handover: Shift | None = None  # the shift handed over to this operator at start, if any
        self.action = window.menus["tools"].addAction("")
        self.action.setObjectName("openDutyLog")
        self.action.triggered.connect(self.open)
        # ConsoleSession learns its operator from a background task after start.
        if window.session.operator is not None:
            self._look_up_handover(window.session.operator)
        else:
            window.session.operatorKnown.connect(self._look_up_handover)
        self.retranslate()

    def _look_up_handover(self, operator: Operator) -> None:
        service = DutyService(self.window.session.database)
        self.window.session.tasks.run(service.handed_over_to, operator, owner=self.window, on_done=self._show_handover,
                                      on_error=lambda exc: log.error("duty log: handover not read: %s", exc))

    def _show_handover(self, shift: Shift | None) -> None:
        self.handover = shift
        if shift is None:
            return
        self.open()
        self.window.status.showMessage(self.handover_message(shift), 15_000)

    def handover_message(self, shift: Shift) -> str:
        return self.tr("Handover: the summary of shift %1 by %2 is in the Duty log tab").replace("%1", str(shift.id)).replace("%2", shift.operator)

    def open(self) -> DutyLogPage:
        page = self.window.open_tab(TAB_KEY, self.title(), lambda: DutyLogPage(self.window.session, self.window))
        if page is not self.page:
            self.page = page  # type: ignore[assignment]
            page.destroyed.connect(self._closed)
        else:
            page.reload()  # type: ignore[attr-defined]
        return page  # type: ignore[return-value]

    def _closed(self) -> None:
        self.page = None

    def title(self) -> str:
        return self.tr("Duty log")

    def retranslate(self) -> None:
        self.action.setText(self.tr("Duty log…"))
        if self.page is not None:
            self.page.retranslate()
            self.window.set_tab_title(self.page, self.title())


def install(window: "MainWindow") -> DutyLogScreen:
    return DutyLogScreen(window)
