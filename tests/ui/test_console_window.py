"""The main window on a real store during an outage: site tree counts, map colours, drill-down, search, layers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from egovops.inventory.model import Link
from egovops.storage.inventory_repo import InventoryRepository
from egovops.topology.repo import TopologyRepository
from egovops.topology.service import TopologyService
from egovops_ui.main_window import MainWindow
from egovops_ui.map_items import CROSSING_COLOUR, LINK_LOOKS, link_pen
from egovops_ui.site_tree import PathRole
from egovops_ui.states import STATE_COLOURS
from tests.fixtures.outage import CITY, COUNTIES, DEGRADED, GBIT, ROOT, end_of, link_end, write_interfaces

CORE = "AH-EXT-CORE-01"
from tests.ui.console import refreshed


def _row(window: MainWindow, path: str) -> list[str]:
    model = window.sites.model
    index = model.index_of(path)
    assert index.isValid(), path
    return [model.data(index.siblingAtColumn(c)) for c in range(model.columnCount())]


def _pixel_under(window: MainWindow, device: str) -> str:
    """Render the scene around the device's node and read the colour at its centre."""
    centre = window.map.nodes[device].scenePos()
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    window.map.scene.render(painter, QRectF(image.rect()), QRectF(centre - QPointF(10, 10), centre + QPointF(10, 10)))
    painter.end()
    return image.pixelColor(100, 100).name()


def _colour(state: str, lighter: int = 100) -> str:
    return STATE_COLOURS[state].lighter(lighter).toRgb().name()


def test_site_tree_shows_counts_and_badges(console: MainWindow) -> None:
    assert _row(console, CITY)[:4] == ["合肥市", "1", "", "9"]
    assert _row(console, "安徽省")[:4] == ["安徽省", "1", "1", "9"]
    assert _row(console, "安徽省/芜湖市")[:4] == ["芜湖市", "", "1", ""]
    index = console.sites.model.index_of(CITY)
    assert console.sites.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert console.sites.model.data(index.siblingAtColumn(1), Qt.ItemDataRole.ForegroundRole) == STATE_COLOURS["down"]


def test_map_colours_nodes_by_state_and_drills_into_the_city(qtbot: QtBot, console: MainWindow) -> None:
    assert console.map.scope == "安徽省" and console.map.node_state(ROOT) == "down"
    assert _pixel_under(console, ROOT) == _colour("down")
    assert _pixel_under(console, "AH-EXT-CORE-01") == _colour("up")
    console.map.nodes[ROOT].mouseDoubleClickEvent(None)  # type: ignore[arg-type]  # the operator's double-click
    assert console.map.scope == CITY
    assert console.map.breadcrumb() == ["安徽省", "合肥市"]
    assert all(console.map.node_state(c) == "unreachable" for c in COUNTIES)
    assert _pixel_under(console, COUNTIES[0]) == _colour("unreachable", 125)
    assert {link.state for link in console.map.links} == {"down"}
    assert "HF-EXT-AGG-01" in console.map.tooltip(COUNTIES[0])  # names its root cause
    assert console.sites.view.currentIndex().data(PathRole) == CITY  # the tree follows the map
    crumb = console.map.crumbs.itemAt(0).widget()
    qtbot.mouseClick(crumb, Qt.MouseButton.LeftButton)
    assert console.map.scope == "安徽省"


def test_a_status_update_recolours_without_rebuilding(qtbot: QtBot, console: MainWindow, status_writer) -> None:  # type: ignore[no-untyped-def]
    node = console.map.nodes[ROOT]
    names = [d.name for d in InventoryRepository(status_writer.database).devices()]
    status_writer.cycle(dict.fromkeys(names, "up"))
    refreshed(qtbot, console)
    assert console.map.nodes[ROOT] is node and node.state == "up"
    assert _pixel_under(console, ROOT) == _colour("up")  # the node layer repainted it
    assert {link.look for link in console.map.links} == {"up"}
    assert _row(console, CITY)[1:4] == ["", "", ""]
    assert "120 up, 0 down" in console.status.devices.text()
    assert "0 of 120 failed" in console.status.cycle.text()


def test_search_jumps_to_a_device_in_its_network_and_site(qtbot: QtBot, console: MainWindow) -> None:
    qtbot.keyClicks(console.map.search, "HF-INT-AGG-01")
    qtbot.keyClick(console.map.search, Qt.Key.Key_Return)
    assert console.map.network == "intranet" and console.map.scope == "安徽省"
    assert console.map.nodes["HF-INT-AGG-01"].isSelected()
    assert all(console.map.overview.devices[n].network == "intranet" for n in console.map.nodes)
    assert not console.map.focus_device("NO-SUCH-DEVICE")


def test_layer_switch_from_the_menu(console: MainWindow) -> None:
    console.layer_actions["intranet"].trigger()
    assert console.map.network == "intranet"
    assert ROOT not in console.map.nodes and "AH-INT-CORE-01" in console.map.nodes
    console.layer_actions["extranet"].trigger()
    assert ROOT in console.map.nodes


def test_tooltip_has_address_vendor_state_uptime_unit_contact(console: MainWindow) -> None:
    device = console.map.overview.devices[DEGRADED]
    text = console.map.tooltip(DEGRADED)
    for part in (device.address, device.vendor, device.model, "degraded", "3 d 2 h", device.owner_unit, device.contact):
        assert part in text


def _drag(view, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Press, move with the button held, release: what QTest.mouseMove cannot do with a button down."""
    viewport = view.viewport()
    left = Qt.MouseButton.LeftButton
    for kind, at, buttons in (
        (QEvent.Type.MouseButtonPress, start, left),
        (QEvent.Type.MouseMove, (start + end) / 2, left),
        (QEvent.Type.MouseMove, end, left),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(kind, QPointF(at), QPointF(viewport.mapToGlobal(at)), left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def test_dragging_a_node_pins_it_in_the_stored_layout(qtbot: QtBot, console: MainWindow) -> None:
    view, item = console.map.view, console.map.nodes[ROOT]
    start = view.mapFromScene(item.scenePos())
    with qtbot.waitSignal(console.session.moved, timeout=10_000):
        _drag(view, start, start + QPoint(60, 40))
    assert item.scenePos() != view.mapToScene(start)
    link = next(link for link in console.map.links if item in (link.a, link.b))
    assert link.line().p1() == item.pos() or link.line().p2() == item.pos()  # the link followed
    stored = TopologyRepository(console.session.database).positions()[ROOT]
    assert stored.pinned and (stored.x, stored.y) == (item.x(), item.y()) and stored.layer == "extranet"
    refreshed(qtbot, console)
    assert console.map.overview.positions[ROOT] == (item.x(), item.y())  # the next picture keeps it


def test_every_screen_of_part_two_installs(console) -> None:  # type: ignore[no-untyped-def]
    """A screen that fails is skipped at run time (the map must open), so the test is what catches it."""
    from egovops_ui.screens import SCREEN_MODULES, available_screens

    assert console.screen_errors == {}
    assert len(console.screens) == len(available_screens())
    assert set(available_screens()) <= set(SCREEN_MODULES)


def _pixel_at(window: MainWindow, point: QPointF) -> str:
    """Render 20 scene units around ``point`` into 200 pixels and read the colour at the centre."""
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    window.map.scene.render(painter, QRectF(image.rect()), QRectF(point - QPointF(10, 10), point + QPointF(10, 10)))
    painter.end()
    return image.pixelColor(100, 100).name()


def test_links_show_utilisation_and_state_with_a_tooltip_and_legend(qtbot: QtBot, console: MainWindow) -> None:
    db = console.session.database
    write_interfaces(db, [
        link_end("BB-EXT-AGG-01", end_of(db, "BB-EXT-AGG-01", CORE), GBIT, 900e6, 20e6),
        link_end("MAS-EXT-AGG-01", end_of(db, "MAS-EXT-AGG-01", CORE), GBIT, 10e6, 600e6),
    ])
    refreshed(qtbot, console)
    items = {frozenset((item.a.name, item.b.name)): item for item in console.map.links}
    busy, high, dead = items[frozenset(("BB-EXT-AGG-01", CORE))], items[frozenset(("MAS-EXT-AGG-01", CORE))], items[frozenset((ROOT, CORE))]
    assert (busy.look, high.look, dead.look) == ("critical", "high", "down")
    for item in (busy, high):  # drawn in the band's colour, where the line runs
        # Within a few steps per channel: another link running close by may tint the edge of the line.
        seen, wanted = QColor(_pixel_at(console, item.line().center())), QColor(LINK_LOOKS[item.look][0])
        assert max(abs(seen.red() - wanted.red()), abs(seen.green() - wanted.green()),
                   abs(seen.blue() - wanted.blue())) <= 8, seen.name()
    pens = [link_pen(item.look) for item in (busy, high, items[frozenset(("FY-EXT-AGG-01", CORE))])]
    assert pens[0].widthF() > pens[1].widthF() > pens[2].widthF()  # the busier, the thicker
    assert link_pen(dead.look).style() == Qt.PenStyle.DashLine
    # The operator rests the pointer on the link: the view finds it and shows its tooltip.
    view = console.map.view
    at = view.mapFromScene(busy.line().pointAt(0.4))
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    tip = QToolTip.text()
    for part in ("BB-EXT-AGG-01", CORE, end_of(db, "BB-EXT-AGG-01", CORE), "1 Gbit/s", "90 %"):
        assert part in tip
    assert console.map.link_tooltip_at(busy.line().pointAt(0.4) + QPointF(0, 400), 5.0) == ""  # nowhere near a link
    legend = console.map.legend
    assert legend.isVisible() and [text for _, text in legend.entries][4:7] == ["link under 50 % used", "link 50–80 % used", "link over 80 % used"]
    assert console.map.view.rect().contains(legend.geometry())
    console.map.legend_button.click()  # out of the way of the devices behind it
    assert not legend.isVisible()
    console.map.legend_button.click()
    assert legend.isVisible()


def test_a_cross_network_alarm_appears_on_the_map_at_the_next_refresh(qtbot: QtBot, console: MainWindow) -> None:
    db = console.session.database
    assert console.map.crossings == []
    InventoryRepository(db).save_links([Link("HF-INT-AGG-01", "GigabitEthernet1/0/24", DEGRADED, "GigabitEthernet1/0/24")])
    TopologyService(db).check_cross_network()
    console.map.view.zoom(1.25)
    zoom = console.map.view.transform().m11()
    refreshed(qtbot, console)
    assert console.map.view.transform().m11() == zoom  # redrawn with the crossing, where the operator was
    [crossing] = console.map.crossings
    assert crossing.parentItem() is console.map.nodes[DEGRADED]  # follows the device when dragged
    assert crossing.label.text() == "⚠ HF-INT-AGG-01 (Intranet)"
    assert "HF-INT-AGG-01 port GigabitEthernet1/0/24 (intranet)" in crossing.toolTip()
    # Unmistakable: magenta where the stub leaves the node, at any zoom.
    view = console.map.view
    stub = view.mapFromScene(console.map.nodes[DEGRADED].scenePos()) + QPoint(21, -19)
    assert view.viewport().grab().toImage().pixelColor(stub).name() == CROSSING_COLOUR.name()
    console.map.show_scope("安徽省/芜湖市")  # close up, where names crowd round the switch
    assert [c.label.text() for c in console.map.crossings] == ["⚠ HF-INT-AGG-01 (Intranet)"]
    assert _overlaps(_label_rects(console)) == []  # the warning's text is never covered by a name
    console.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: console.map.legend.entries[-1][1] == "⚠ 内外网串接线缆", timeout=5000)
    refreshed(qtbot, console)
    assert "内外网串接：HF-INT-AGG-01" in console.map.crossing_tooltip(console.map.crossings[0].crossing)


def _label_rects(window: MainWindow) -> dict[str, QRectF]:
    """Every visible site and device name, in viewport pixels."""
    view = window.map.view
    items = [label for label, _ in window.map.site_labels] + [n.label for n in window.map.nodes.values() if n.label is not None]
    items += [crossing.label for crossing in window.map.crossings]
    return {item.text(): item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect()) for item in items if item.isVisible()}


def _overlaps(rects: dict[str, QRectF]) -> list[tuple[str, str]]:
    names = sorted(rects)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if rects[a].intersects(rects[b])]


def test_no_two_names_overlap_at_province_and_city_level(qtbot: QtBot, console: MainWindow) -> None:
    console.resize(1500, 950)
    console.map.view.fit()
    province = _label_rects(console)
    cities = {site.name for _, site in console.map.site_labels if site.drillable}
    assert len(cities) >= 10 and cities <= set(province)  # every city named, none hidden to make room
    assert len(province) >= 0.75 * len(console.map.site_labels)
    assert _overlaps(province) == []
    console.map.show_scope(CITY)
    city = _label_rects(console)
    assert console.map.labels_shown and {"瑶海区", COUNTIES[0]} <= set(city)  # site and device names both
    assert _overlaps(city) == []
    console.map.view.zoom(1 / 1.25)  # and after the operator zooms out
    assert _overlaps(_label_rects(console)) == []


def test_help_menu_links_the_docs_and_shows_the_version(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    import egovops
    from egovops_ui.help_menu import docs_location

    menu = console.help_menu
    assert menu.title() == "&Help" and [a.objectName() for a in menu.actions()] == ["docsAction", "aboutAction"]
    assert docs_location() is not None and docs_location().exists()  # the README at least ships with the tree
    menu.about_action.trigger()
    qtbot.waitUntil(lambda: menu.about is not None and menu.about.isVisible(), timeout=5000)
    assert egovops.__version__ in menu.about.text() and str(docs_location()) in menu.about.text()
    menu.about.accept()
    console.switch_language("zh_CN")
    qtbot.waitUntil(lambda: menu.title() == "帮助(&H)", timeout=5000)
    console.switch_language("en")


def test_exports_are_offered_in_the_documents_folder(console) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QStandardPaths

    from egovops_ui.runner.panel import documents_folder

    expected = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert expected and str(documents_folder()) == expected and documents_folder() != Path.cwd()


def test_province_nodes_are_big_enough_to_click(qtbot: QtBot, console: MainWindow) -> None:
    from egovops_ui.map_items import CLICK_PIXELS

    console.map.view.fit()
    scale = console.map.view.transform().m11()
    assert scale < 0.5  # the whole province: a 20-unit switch alone would be a few pixels
    sites = [n.site for n in console.map.nodes.values()]
    # a city's one switch
    node = next(n for n in console.map.nodes.values() if n.site != "安徽省" and sites.count(n.site) == 1)
    assert node.shape().boundingRect().width() * scale >= CLICK_PIXELS - 0.5
    at = console.map.view.mapFromScene(node.point) + QPoint(5, 0)  # a little beside its centre
    console.map.scene.clearSelection()
    qtbot.mouseClick(console.map.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert node.isSelected(), [type(i).__name__ + getattr(i, "name", "") for i in console.map.view.items(at)]


def test_the_status_bar_warns_in_red_when_no_poller_has_written_for_two_intervals(
        qtbot: QtBot, console: MainWindow) -> None:
    import time

    from egovops.polling.repo import CycleStats, PollingRepository

    assert "Last cycle" in console.status.cycle.text() and console.status.cycle.styleSheet() == ""
    stale = time.time() - 20 * 60  # a poller that last wrote twenty minutes ago, every 60 s before that
    PollingRepository(console.session.database).record_stats(CycleStats(stale, "status", 60.0, 120, 0, 2.0, False))
    refreshed(qtbot, console)
    assert console.status.cycle.text().startswith("No poller has written for 19 min")
    assert "#c62828" in console.status.cycle.styleSheet()
    console.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: console.status.cycle.text().startswith("已 19 分钟无轮询写入"), timeout=5000)
    console.language_actions["en"].trigger()
