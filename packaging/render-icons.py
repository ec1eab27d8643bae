"""Renders icons/egovops.svg to the PNG (Linux, 256 px) and ICO (Windows) the installers carry.

    python packaging/render-icons.py     # run after changing the SVG; the results are committed
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "egovops.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 (QPainter on images needs the GUI application)
    ok = render(256).save(str(ICONS / "egovops-256.png")) and render(256).save(str(ICONS / "egovops.ico"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
