"""New critical alarms raise a tray notification and, if the operator wants, a sound."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from egovops.overview.alarm_text import localized_message
from egovops.overview.alarms import new_critical
from egovops.overview.service import Overview


class AlarmNotifier(QObject):
    notified = Signal(list)  # alarm ids just announced

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sound = False
        self._seen: set[int] | None = None  # None until the first overview: what is already open is not news
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.show()

    def show(self, overview: Overview) -> None:
        if self._seen is None:
            self._seen = {a.id for a in overview.alarms}
            return
        fresh = new_critical(overview.alarms, self._seen)
        self._seen.update(a.id for a in overview.alarms)
        if not fresh:
            return
        title = self.tr("{n} new critical alarm(s)").format(n=len(fresh))
        text = "\n".join(f"{a.device}: {localized_message(a.kind, a.message)}" for a in fresh[:5])
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Critical, 15_000)
        if self.sound:
            QApplication.beep()
        self.notified.emit([a.id for a in fresh])
