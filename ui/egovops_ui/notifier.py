"""New critical alarms raise a tray notification and a sound (on by default at a desk; muted from the desk).

QtMultimedia is not in PySide6-Essentials (it would add PySide6-Addons, ~200 MB), and the X bell
that QApplication.beep() rings is silent on most desktops. So the sound is a short two-tone WAV
written once with the standard library and played by the desktop's own player (PipeWire,
PulseAudio or ALSA, whichever is installed), started detached so the GUI never waits on it; with
no player the bell is the fallback.
"""

from __future__ import annotations

import math
import shutil
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QStandardPaths, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from egovops.overview.alarm_text import localized_message
from egovops.overview.alarms import new_critical
from egovops.overview.service import Overview

PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"))
RATE = 22_050
TONES = ((988.0, 0.18), (0.0, 0.06), (784.0, 0.18), (0.0, 0.06), (988.0, 0.18), (0.0, 0.06), (784.0, 0.18))


def alarm_wav(folder: Path) -> Path:
    """The alarm sound (written once): alternating tones, as a desk alarm sounds, faded at each edge."""
    path = folder / "critical-alarm.wav"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    frames = bytearray()
    for frequency, seconds in TONES:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 200)  # no click at the edges
            frames += struct.pack("<h", int(0.5 * 32767 * fade * math.sin(2 * math.pi * frequency * i / RATE)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


def player() -> list[str] | None:
    for command in PLAYERS:
        found = shutil.which(command[0])
        if found:
            return [found, *command[1:]]
    return None


class AlarmNotifier(QObject):
    notified = Signal(list)  # alarm ids just announced

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sound = True
        self.rang = 0  # sounds played (or bells rung), for the session's record
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
            self.ring()
        self.notified.emit([a.id for a in fresh])

    def ring(self) -> None:
        self.rang += 1
        command = player()
        if command is None:
            QApplication.beep()
            return
        cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
                     or Path.home() / ".cache" / "egovops")
        QProcess.startDetached(command[0], [*command[1:], str(alarm_wav(cache))])
