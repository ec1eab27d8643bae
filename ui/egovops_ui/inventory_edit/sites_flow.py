"""The sites dialog's requests carried out on a worker through the core's SiteEditor, answers shown in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from egovops.inventory.model import SiteKind
from egovops.inventory_edit.sites import SiteEditor
from egovops.storage.inventory_edit_repo import SiteUsage
from egovops_ui.inventory_edit.sites_dialog import SitesDialog

if TYPE_CHECKING:
    from egovops_ui.inventory_edit.screen import InventoryEditScreen


class SitesFlow(QObject):
    def __init__(self, screen: InventoryEditScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.editor = SiteEditor(screen.session.database)
        self.dialog: SitesDialog | None = None
        self.confirm: QMessageBox | None = None

    def open(self) -> None:
        if self.dialog is None:
            self.dialog = SitesDialog(self.screen.window)
            self.dialog.addRequested.connect(self._add)
            self.dialog.renameRequested.connect(self._rename)
            self.dialog.removeRequested.connect(self._check_removal)
        self.dialog.open()
        self.reload(self.screen.window.current_site())

    def reload(self, select: str = "") -> None:
        dialog = self.dialog
        if dialog is not None:
            self.screen.session.tasks.run(self.editor.sites_with_devices, owner=dialog, on_done=lambda rows: dialog.set_sites(rows, select),
                                          on_error=self._error)

    def _run(self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None]) -> None:
        operator = self.screen.operator()
        if operator is None:
            self._error(RuntimeError(self.tr("the operator is not known yet; try again in a moment")))
            return
        self.screen.session.tasks.run(fn, operator, *args, owner=self, on_done=then, on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.show_message(str(exc), error=True)

    def _changed(self, message: str, select: str) -> None:
        if self.dialog is not None:
            self.dialog.show_message(message)
            self.dialog.name.clear()
        self.reload(select)

    def _add(self, parent: str, name: str, kind: str) -> None:
        self._run(self.editor.add, parent or None, name, SiteKind(kind), then=lambda site: self._changed(
            self.tr("Site {path} added.").replace("{path}", site.path), site.path))

    def _rename(self, path: str, name: str) -> None:
        self._run(self.editor.rename, path, name, then=lambda new_path: self._changed(
            self.tr("Site {old} is now {new}.").replace("{old}", path).replace("{new}", new_path), new_path))

    def _check_removal(self, path: str) -> None:
        # Asked first so a site that still holds devices is refused before any confirmation.
        self.screen.session.tasks.run(self.editor.removal_check, path,
                                      owner=self, on_done=lambda usage: self._confirm(path, usage),
                                      on_error=self._error)

    def _confirm(self, path: str, usage: SiteUsage) -> None:
        if self.confirm is not None:
            self.confirm.deleteLater()
        box = self.confirm = QMessageBox(self.dialog)
        box.setObjectName("inventorySiteRemoveConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove site"))
        text = self.tr("Remove the site {path} and the {n} empty sites below it?") if usage.sub_sites else self.tr("Remove the site {path}?")
        box.setText(text.replace("{path}", path).replace("{n}", str(usage.sub_sites)))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: button is remove and self._remove(path))
        box.open()

    def _remove(self, path: str) -> None:
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        self._run(self.editor.remove, path, then=lambda count: self._changed(
            self.tr("{n} sites removed: {path} and everything below it.").replace("{n}", str(count)).replace("{path}", path), parent))
