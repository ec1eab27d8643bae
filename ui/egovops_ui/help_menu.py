"""The Help menu: the documentation (opened from the installed tree, no network needed on an
intranet desk) and About with the version, so a call to the help desk can say which one runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

import egovops

SOURCE_TREE = Path(egovops.__file__).resolve().parents[1]


def docs_location() -> Path | None:
    """The documentation shipped with this installation: docs/ (its index), else the README."""
    for candidate in (SOURCE_TREE / "docs" / "index.md", SOURCE_TREE / "docs" / "README.md", SOURCE_TREE / "docs",
                      SOURCE_TREE / "README.md"):
        if candidate.exists():
            return candidate
    return None


def version() -> str:
    return egovops.__version__


class HelpMenu(QMenu):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpMenu")
        self.docs_action = QAction(self)
        self.docs_action.setObjectName("docsAction")
        self.docs_action.triggered.connect(self.open_docs)
        self.about_action = QAction(self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        self.addActions([self.docs_action, self.about_action])
        self.about: QMessageBox | None = None
        self.retranslate()

    def open_docs(self) -> bool:
        found = docs_location()
        return found is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(found)))

    def about_text(self) -> str:
        found = docs_location()
        where = (self.tr("Documentation: {path}").format(path=found) if found
                 else self.tr("No documentation is installed with this copy."))
        about = self.tr("egovops {version} — operations console for the provincial e-government network.")
        return about.format(version=version()) + "\n\n" + where

    def show_about(self) -> None:
        self.about = QMessageBox(QMessageBox.Icon.Information, self.tr("About egovops"), self.about_text(),
                                 parent=self.parentWidget())
        self.about.setObjectName("aboutBox")
        self.about.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.docs_action.setText(self.tr("&Documentation"))
        self.about_action.setText(self.tr("&About egovops"))
