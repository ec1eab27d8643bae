"""The site tree dock: province → city → county → department, each with a state badge and counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeView, QVBoxLayout, QWidget

from egovops.overview.site_tree import SiteNode, SiteTree
from egovops_ui.states import state_colour, state_label

Index = QModelIndex | QPersistentModelIndex
PathRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("site", "down", "degraded", "unreachable", "devices")


def badge(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(colour.darker(140))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class SiteTreeModel(QAbstractItemModel):
    """Read-only model over the core's ``SiteTree``; indexes carry a site number as internal id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree: SiteTree | None = None
        self._paths: list[str] = []
        self._ids: dict[str, int] = {}
        self._badges: dict[str, QIcon] = {}

    def set_tree(self, tree: SiteTree) -> None:
        """Take a new tree: same sites only repaint (expansion kept), different sites reset."""
        paths = [node.path for root in tree.roots for node in root.walk()]
        if self.tree is not None and paths == self._paths:
            self.tree = tree
            self._emit_changed(QModelIndex())
            return
        self.beginResetModel()
        self.tree, self._paths = tree, paths
        self._ids = {p: i + 1 for i, p in enumerate(paths)}
        self.endResetModel()

    def _emit_changed(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, len(COLUMNS) - 1, parent))
            for row in range(rows):
                self._emit_changed(self.index(row, 0, parent))

    def node(self, index: Index) -> SiteNode | None:
        if not index.isValid() or self.tree is None:
            return None
        return self.tree.node(self._paths[index.internalId() - 1])

    def index_of(self, path: str) -> QModelIndex:
        node = self.tree.node(path) if self.tree else None
        return self.createIndex(node.row() if node.parent else self.tree.roots.index(node), 0, self._ids[path]) if node and self.tree else QModelIndex()

    def _children(self, parent: Index) -> list[SiteNode]:
        if self.tree is None:
            return []
        node = self.node(parent)
        return node.children if node else self.tree.roots

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        children = self._children(parent)
        if not (0 <= row < len(children)) or not (0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, self._ids[children[row].path])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_of(node.parent.path)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Site"), self.tr("Down"), self.tr("Degraded"), self.tr("Unreachable"), self.tr("Devices"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "site":
                return node.name
            value = node.total if column == "devices" else node.count(column)
            return str(value) if value or column == "devices" else ""
        if role == Qt.ItemDataRole.DecorationRole and column == "site":
            state = node.state
            if state not in self._badges:
                self._badges[state] = badge(state_colour(state))
            return self._badges[state]
        if role == Qt.ItemDataRole.ForegroundRole and column in ("down", "degraded", "unreachable") and node.count(column):
            return state_colour(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{path}: {state}, {total} devices").format(path=node.path, state=state_label(node.state), total=node.total)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "site":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PathRole:
            return node.path
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._emit_changed(QModelIndex())


class SiteTreePanel(QWidget):
    siteSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SiteTreeModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("siteTreeView")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def set_tree(self, tree: SiteTree) -> None:
        first = self.model.tree is None
        self.model.set_tree(tree)
        if first:
            for root in range(self.model.rowCount()):
                self.view.expand(self.model.index(root, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        path = self.model.data(current, PathRole)
        if path:
            self.siteSelected.emit(path)

    def current_path(self) -> str:
        """The selected site's path ("" when none): screens use it as their default scope."""
        return self.model.data(self.view.currentIndex(), PathRole) or ""

    def select(self, path: str) -> None:
        index = self.model.index_of(path)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
