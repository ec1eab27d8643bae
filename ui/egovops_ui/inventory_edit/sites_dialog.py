"""The sites dialog: the hierarchy as a tree, with add below, rename and remove for the chosen site.

It asks (signals) and shows (``set_sites``, ``show_message``); the screen does the work on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from egovops.inventory.model import Site, SiteKind
from egovops.inventory_edit.sites import default_kind

PATH = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #b00020;"


class SitesDialog(QDialog):
    addRequested = Signal(str, str, str)  # parent path ("" for a new root), name, kind
    renameRequested = Signal(str, str)  # path, new name
    removeRequested = Signal(str)  # path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inventorySitesDialog")
        self._sites: dict[str, Site] = {}
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        header = self.tree.header()
        header.setStretchLastSection(False)  # the site names take the room; kind and count stay narrow
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._chosen)
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in SiteKind:
            self.kind.addItem("", kind.value)
        self.add_button, self.rename_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._add)
        self.rename_button.clicked.connect(self._rename)
        self.remove_button.clicked.connect(self._remove)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.name_label, self.kind_label = QLabel(), QLabel()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.kind_label, self.kind)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(720, 640)
        self.retranslate()

    def set_sites(self, rows: list[tuple[Site, int]], select: str = "") -> None:
        """Sites with the devices in each (and below it): a site with devices cannot be removed."""
        keep = select or self.current_path()
        sites = [site for site, _ in rows]
        held = {site.path: n for site, n in rows}
        self.held = held
        self._sites = {s.path: s for s in sites}
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for site in sorted(sites, key=lambda s: s.path):
            parent = items.get(site.parent_path or "")
            item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self.tree)
            item.setText(0, site.name)
            item.setData(0, PATH, site.path)
            item.setData(1, PATH, site.kind.value)
            item.setText(2, str(held[site.path]))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[site.path] = item
        self._items = items
        self._retranslate_kinds()
        self.tree.expandToDepth(0)
        if keep in items:
            self.tree.setCurrentItem(items[keep])
            self.tree.scrollToItem(items[keep])
        self._chosen()

    def select(self, path: str) -> None:
        item = getattr(self, "_items", {}).get(path)
        if item is not None:
            self.tree.setCurrentItem(item)

    def current_path(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, PATH)) if item is not None else ""

    def site_paths(self) -> list[str]:
        return sorted(self._sites)

    def _chosen(self, *_: object) -> None:
        chosen = self._sites.get(self.current_path())
        self.kind.setCurrentIndex(self.kind.findData(default_kind(chosen).value))
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(chosen is not None)

    def _add(self) -> None:
        self.addRequested.emit(self.current_path(), self.name.text(), str(self.kind.currentData()))

    def _rename(self) -> None:
        self.renameRequested.emit(self.current_path(), self.name.text())

    def _remove(self) -> None:
        self.removeRequested.emit(self.current_path())

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def kind_names(self) -> dict[str, str]:
        return {
            "province": self.tr("province"), "city": self.tr("city"), "county": self.tr("county"),
            "department": self.tr("department"), "datacentre": self.tr("data centre"),
        }

    def _retranslate_kinds(self) -> None:
        names = self.kind_names()
        for item in getattr(self, "_items", {}).values():
            item.setText(1, names[str(item.data(1, PATH))])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sites"))
        self.tree.setHeaderLabels([self.tr("Site"), self.tr("Kind"), self.tr("Devices")])
        self.name_label.setText(self.tr("Name"))
        self.kind_label.setText(self.tr("Kind of a new site"))
        self.add_button.setText(self.tr("Add below the chosen site"))
        self.rename_button.setText(self.tr("Rename the chosen site"))
        self.remove_button.setText(self.tr("Remove the chosen site…"))
        self.name.setPlaceholderText(self.tr("name of the new site, or the new name"))
        names = self.kind_names()
        for index in range(self.kind.count()):
            self.kind.setItemText(index, names[str(self.kind.itemData(index))])
        self._retranslate_kinds()
