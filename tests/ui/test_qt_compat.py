"""The console survives PySide6 6.12.0's lost references on Python 3.11 (see egovops_ui.qt_compat)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

HAMMER = textwrap.dedent(
    """
    import sys
    import egovops_ui  # applies the work-around
    from PySide6.QtCore import QObject, QRectF, Signal
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

    app = QApplication([])

    class Node(QGraphicsItem):
        def boundingRect(self):
            return QRectF(0, 0, 10, 10)

        def paint(self, painter, option, widget=None):
            painter.drawEllipse(self.boundingRect())

    class Source(QObject):
        changed = Signal(object)

    scene, source = QGraphicsScene(), Source()
    for _ in range(50):
        scene.addItem(Node())
    source.changed.connect(lambda value: None)
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    # Far more than the ~5,000 references None and ~600 True start with on Python 3.11.
    for _ in range(400):  # 20,000 Python paints and 2,000 emits
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        for _ in range(5):
            source.changed.emit(True)
    print("survived", egovops_ui.qt_compat.APPLIED)
    """
)


def test_painting_and_emitting_for_long_does_not_abort_the_interpreter() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", HAMMER], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
