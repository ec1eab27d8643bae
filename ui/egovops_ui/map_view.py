"""The province map: devices of one network within a site scope, drill-down with breadcrumb, search."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QGraphicsScene, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget,
)

from egovops.overview.alarms import AlarmRecord
from egovops.overview.health import DeviceHealth
from egovops.overview.link_load import crossnet_alarms, state_and_look
from egovops.overview.map_model import DRILL_DEPTH, MapCrossing, MapScene, MapSite, drill_target
from egovops.overview.service import Overview
from egovops_ui.map_canvas import ZOOM_STEP, MapView
from egovops_ui.map_items import CrossingItem, LinkItem, NodeItem, SiteLabel
from egovops_ui.map_labels import place_map_labels
from egovops_ui.map_layers import LinkLayer, NodeLayer
from egovops_ui.map_legend import MapLegend
from egovops_ui.map_tips import crossing_text, crossing_tip, device_tip, link_tip
from egovops_ui.states import network_label

NETWORKS = ("extranet", "intranet")
LABEL_SCALE = 0.9  # view scale from which device names are drawn
CLICKABLE_NODES = 2000  # up to this many nodes each keeps a pointer target of CLICK_PIXELS at any zoom


class MapPanel(QWidget):
    deviceOpened = Signal(str)  # double-click on a device with nothing to drill into (device view: part 2)
    scopeChanged = Signal(str)
    deviceMoved = Signal(str, float, float)  # the operator dragged a node: the session stores it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: Overview | None = None
        self.scope = ""
        self.network = NETWORKS[0]
        self.depth = DRILL_DEPTH  # levels of sites below the scope that the map shows
        self.nodes: dict[str, NodeItem] = {}
        self.links: list[LinkItem] = []
        self.crossings: list[CrossingItem] = []
        self._shown_alarms: list[AlarmRecord] = []  # the alarms the scene was drawn with
        self.site_labels: list[tuple[SiteLabel, MapSite]] = []
        self._centre = (0.0, 0.0)
        self.scene = QGraphicsScene(self)
        # Items move only when dragged; a BSP index rebuilt on every such change costs more than it saves.
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.node_layer, self.link_layer = NodeLayer(), LinkLayer()
        self.view = MapView(self.scene, self, self.link_tooltip_at)
        self.legend = MapLegend(self.view)
        self.view.setObjectName("mapView")
        self.view.zoomed.connect(self._zoomed)
        self.labels_shown = False
        self.crumbs = QHBoxLayout()
        self.layer = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(self.completer)
        self.zoom_in, self.zoom_out, self.fit = QToolButton(self), QToolButton(self), QToolButton(self)
        self.legend_button = QToolButton(self)
        self.legend_button.setCheckable(True)
        self.legend_button.setChecked(True)
        bar = QHBoxLayout()
        bar.addLayout(self.crumbs)
        bar.addStretch(1)
        for widget in (self.layer, self.search, self.zoom_in, self.zoom_out, self.fit, self.legend_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.layer.currentIndexChanged.connect(self._layer_chosen)
        self.search.returnPressed.connect(lambda: self.focus_device(self.search.text().strip()))
        self.completer.activated.connect(self.focus_device)
        self.zoom_in.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.fit.clicked.connect(self.view.fit)
        self.legend_button.toggled.connect(self.legend.setVisible)  # it can hide devices in a corner
        self.retranslate()

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.layer.blockSignals(True)
        self.layer.clear()
        for network in NETWORKS:
            self.layer.addItem(network_label(network), network)
        self.layer.setCurrentIndex(NETWORKS.index(self.network))
        self.layer.blockSignals(False)
        self.search.setPlaceholderText(self.tr("Find device…"))
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.fit.setText(self.tr("Fit"))
        self.fit.setToolTip(self.tr("Fit the map to the window"))
        self.legend_button.setText(self.tr("Legend"))
        self.legend_button.setToolTip(self.tr("Show or hide the map legend"))
        self.legend.retranslate()

    # -- data -----------------------------------------------------------------------------------
    def set_overview(self, overview: Overview) -> None:
        """New data: same inventory only recolours; otherwise the scene is rebuilt."""
        same_inventory = self.overview is not None and self.overview.devices is overview.devices
        scope = self.scope
        if same_inventory and self.nodes and self._same_crossings(overview):
            self.overview = overview
            self.apply_overview(overview)
            return
        self.overview = overview
        if not self.scope or overview.site_tree.node(self.scope) is None:
            self.scope = overview.site_tree.roots[0].path if overview.site_tree.roots else ""
        self.completer.model().setStringList(sorted(overview.devices))  # type: ignore[attr-defined]
        # Same place (a cross-network alarm came or went, or the inventory changed): the operator's
        # zoom and position stay; a new place is fitted to the window.
        self.rebuild(keep_view=bool(self.nodes) and self.scope == scope)

    def set_network(self, network: str) -> None:
        if network in NETWORKS and network != self.network:
            self.network = network
            self.layer.setCurrentIndex(NETWORKS.index(network))
            self.rebuild()

    def _layer_chosen(self, index: int) -> None:
        self.set_network(self.layer.itemData(index))

    def show_scope(self, path: str) -> None:
        if self.overview is None or self.overview.site_tree.node(path) is None or path == self.scope:
            return
        self.scope = path
        self.rebuild()
        self.scopeChanged.emit(path)

    def current_scene(self) -> MapScene | None:
        if self.overview is None or not self.scope:
            return None
        return self.overview.map_scene(self.scope, self.network, self.depth)

    def rebuild(self, keep_view: bool = False) -> None:
        scene_data = self.current_scene()
        transform, centre = self.view.transform(), self.view.mapToScene(self.view.viewport().rect().center())
        self._shown_alarms = self.overview.alarms if self.overview is not None else []
        self.scene.clear()
        self.node_layer, self.link_layer = NodeLayer(), LinkLayer()
        self.scene.addItem(self.node_layer)
        self.scene.addItem(self.link_layer)
        self.nodes, self.links, self.crossings, self.site_labels = {}, [], [], []
        self.labels_shown = False
        if scene_data is None:
            return
        for node in scene_data.nodes:
            item = NodeItem(node, self.tooltip, self._open, self._moved, self._dragging)
            self.scene.addItem(item)
            self.nodes[node.device] = item
        for link in scene_data.links:
            item = LinkItem(self.nodes[link.a], self.nodes[link.b], link)
            self.nodes[link.a].links.append(item)
            self.nodes[link.b].links.append(item)
            self.links.append(item)
        for crossing in scene_data.crossings:
            self.crossings.append(CrossingItem(self.nodes[crossing.device], crossing, self._crossing_text(crossing), self.crossing_tooltip(crossing)))
        for site in scene_data.sites:
            label = SiteLabel(site.path, site.name, site.x, site.y, self.show_scope if site.drillable else None)
            self.scene.addItem(label)
            self.site_labels.append((label, site))
        self._centre = scene_data.centre
        self._repaint_layers()
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-200, -200, 200, 200))
        self._set_breadcrumb(scene_data.breadcrumb)
        if keep_view:
            self.view.setTransform(transform)
            self.view.centerOn(centre)
            self.view.zoomed.emit(transform.m11())  # names placed (and device names shown) for this zoom
        else:
            self.view.fit()

    def _same_crossings(self, overview: Overview) -> bool:
        """Cross-network cables come with the inventory, their alarms with a check: a new alarm redraws."""
        return crossnet_alarms(overview.alarms) == crossnet_alarms(self._shown_alarms)

    def apply_overview(self, overview: Overview) -> None:
        """A status update: recolour nodes and links (state and utilisation) without rebuilding the scene."""
        self.apply_health(overview.health, overview.loads)

    def apply_health(self, health: dict[str, DeviceHealth], loads: dict | None = None) -> None:
        """Recolour every node and link from a status update, without rebuilding the scene."""
        for name, item in self.nodes.items():
            h = health.get(name)
            state = h.state if h else "unknown"
            if state != item.state:
                item.set_state(state)
        loads = loads or {}
        for link in self.links:
            if link.ends is not None:
                link.state, link.look = state_and_look(link.a.state, link.b.state, loads.get(link.ends[0]), loads.get(link.ends[1]))
        self._repaint_layers()

    def _repaint_layers(self) -> None:
        self.node_layer.refresh(self.nodes.values())
        self.link_layer.refresh(self.links, self.node_layer.bounds)

    def _dragging(self, node: NodeItem) -> None:
        self._repaint_layers()

    def _selection_changed(self) -> None:
        try:
            self.node_layer.set_selected([item for item in self.scene.selectedItems() if isinstance(item, NodeItem)])
        except RuntimeError:
            pass  # the scene is being cleared: its layer went with it

    def place_labels(self) -> None:
        """Site names, and device names when zoomed in, with no two overlapping at this zoom."""
        place_map_labels(self.view.viewportTransform(), self.site_labels, self.nodes, self.scope, self.labels_shown, self._centre,
                         [crossing.label for crossing in self.crossings], [link.qline for link in self.links])

    def _zoomed(self, scale: float) -> None:
        """Device names only once they can be read; 5,000 names at province scale would be noise."""
        shown = scale >= LABEL_SCALE
        if len(self.nodes) <= CLICKABLE_NODES:
            for item in self.nodes.values():
                item.set_scale(scale)
        if shown != self.labels_shown:
            self.labels_shown = shown
            for item in self.nodes.values():
                item.show_label(shown)
        self.place_labels()

    def _set_breadcrumb(self, paths: list[str]) -> None:
        while self.crumbs.count():
            widget = self.crumbs.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for i, path in enumerate(paths):
            button = QPushButton(("› " if i else "") + path.rsplit("/", 1)[-1], self)
            button.setFlat(True)
            button.setObjectName("crumb")
            button.setEnabled(path != self.scope)
            button.clicked.connect(lambda _=False, p=path: self.show_scope(p))
            self.crumbs.addWidget(button)

    def breadcrumb(self) -> list[str]:
        return [self.crumbs.itemAt(i).widget().text().lstrip("› ") for i in range(self.crumbs.count())]

    # -- interaction ----------------------------------------------------------------------------
    def _open(self, name: str) -> None:
        if self.overview is None:
            return
        target = drill_target(self.overview.site_tree, self.scope, self.overview.devices[name].site)
        if target is not None:
            self.show_scope(target)
        else:
            self.deviceOpened.emit(name)

    def _moved(self, name: str, x: float, y: float) -> None:
        self.deviceMoved.emit(name, x, y)

    def focus_device(self, name: str) -> bool:
        """Show the device's site and network, select and centre it. False if no such device."""
        if self.overview is None or name not in self.overview.devices:
            return False
        device = self.overview.devices[name]
        parent = device.site.rsplit("/", 1)[0] if "/" in device.site else device.site
        if self.network != device.network:
            self.network = device.network
            self.layer.blockSignals(True)
            self.layer.setCurrentIndex(NETWORKS.index(device.network) if device.network in NETWORKS else 0)
            self.layer.blockSignals(False)
            self.scope = ""
        if name not in self.nodes or self.scope != parent:
            self.scope = parent
            self.rebuild()
            self.scopeChanged.emit(parent)
        item = self.nodes.get(name)
        if item is None:
            return False
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.centerOn(item)
        return True

    def tooltip(self, name: str) -> str:
        return device_tip(self.overview, name)

    def link_at(self, point: QPointF, reach: float) -> LinkItem | None:
        """The link nearest ``point`` within ``reach`` scene units (asked only when a tooltip is due)."""
        x, y = point.x(), point.y()
        best = min(self.links, key=lambda link: link.distance(x, y), default=None)
        return best if best is not None and best.distance(x, y) <= reach else None

    def link_tooltip_at(self, point: QPointF, reach: float) -> str:
        link = self.link_at(point, reach)
        return self.link_tooltip(link) if link is not None else ""

    def link_tooltip(self, item: LinkItem) -> str:
        return link_tip(self.overview, item)

    def _crossing_text(self, crossing: MapCrossing) -> str:
        return crossing_text(crossing)

    def crossing_tooltip(self, crossing: MapCrossing) -> str:
        return crossing_tip(crossing)

    def node_state(self, name: str) -> str | None:
        item = self.nodes.get(name)
        return item.state if item else None

    def visible_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()
