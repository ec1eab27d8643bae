"""Inventory editing through the console's widgets, on the demo store with its outage (real store, real audit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from egovops.accounts.service import AccountService
from egovops.accounts.roles import Role
from egovops.configs.store import ConfigStore
from egovops.audit.repo import AuditRepository
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui.inventory_edit.screen import InventoryEditScreen
from egovops_ui.main_window import MainWindow
from tests.fixtures.outage import CITY, ROOT
from tests.ui.console import WAIT_MS, open_console

NEW = "HF-GOV-AS-99"


def screen_of(window: MainWindow) -> InventoryEditScreen:
    return next(s for s in window.screens if isinstance(s, InventoryEditScreen))


def ready(qtbot: QtBot, window: MainWindow) -> InventoryEditScreen:
    qtbot.waitUntil(lambda: window.session.operator is not None, timeout=WAIT_MS)
    screen = screen_of(window)
    screen.update_rights()
    return screen


def last_audit(window: MainWindow):  # type: ignore[no-untyped-def]
    return AuditRepository(window.session.database).recent(1)[0]


def audited(qtbot: QtBot, window: MainWindow, action: str):  # type: ignore[no-untyped-def]
    """The newest audit row, once it is of ``action``: the change itself is committed (and the map
    told) before the service appends its audit row."""
    def newest():  # type: ignore[no-untyped-def]
        rows = AuditRepository(window.session.database).recent(1)
        return rows[0] if rows and rows[0].action == action else None
    qtbot.waitUntil(lambda: newest() is not None, timeout=WAIT_MS)
    return newest()


def open_add_dialog(qtbot: QtBot, screen: InventoryEditScreen):  # type: ignore[no-untyped-def]
    screen.add_action.trigger()
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible(), timeout=WAIT_MS)
    return screen.dialog


def save(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_inventory_menu_holds_the_editing_actions(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    texts = [a.text() for a in console.menus["inventory"].actions() if not a.isSeparator()]
    assert texts == ["&Add device…", "&Edit device…", "&Remove device…", "&Sites…", "&Import CSV…"]
    assert all(a.isEnabled() for a in screen.edit_actions())  # the OS user of a store without accounts is admin


def test_adding_a_device_through_the_dialog(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    dialog = open_add_dialog(qtbot, screen)
    qtbot.keyClicks(dialog.name, NEW)
    qtbot.keyClicks(dialog.address, "127.31.9.9")
    dialog.network.setCurrentIndex(dialog.network.findData("extranet"))
    dialog.select_site(CITY)
    dialog.role.setCurrentIndex(dialog.role.findData("access"))
    dialog.vendor.setCurrentText("ruijie")
    dialog.level.setCurrentIndex(dialog.level.findData("3"))
    dialog.owner_unit.setText("合肥市政务服务中心")  # QTest types Latin-1 only
    dialog.contact.setText("陈静 0551-63300000")
    with qtbot.waitSignal(console.session.overviewChanged, timeout=WAIT_MS):
        save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)  # closed once the save returned
    stored = InventoryRepository(console.session.database).device(NEW)
    assert (stored.site, stored.vendor, stored.protection_level, stored.snmp_port) == (CITY, "ruijie", 3, 161)
    assert NEW in console.session.overview.devices  # the map and tree see it after the refresh
    row = audited(qtbot, console, "inventory.device.add")
    assert (row.action, row.subject, row.role) == ("inventory.device.add", NEW, "admin")
    assert "added" in console.status.currentMessage()


def test_problems_are_shown_next_to_their_fields_and_nothing_is_stored(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    dialog = open_add_dialog(qtbot, screen)
    qtbot.keyClicks(dialog.name, ROOT)  # taken
    qtbot.keyClicks(dialog.address, "300.1.2.3")
    dialog.sites.setCurrentItem(None)
    before = InventoryRepository(console.session.database).count_devices()
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.problem_text("address") != "", timeout=WAIT_MS)
    assert "300.1.2.3" in dialog.problem_text("address")
    assert "already exists" in dialog.problem_text("name")
    assert "required" in dialog.problem_text("site")
    assert dialog.problem_text("network") == "" and dialog.isVisible()
    assert InventoryRepository(console.session.database).count_devices() == before


def test_editing_a_device_chosen_by_name(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    screen.edit_action.trigger()
    picker = screen.picker
    assert picker is not None and picker.isVisible()
    picker.combo.setCurrentText(ROOT)
    picker.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible(), timeout=WAIT_MS)
    dialog = screen.dialog
    assert dialog.name.text() == ROOT and dialog.name.isReadOnly() and dialog.site_path() == CITY
    dialog.contact.setText("值班室 0551-12345")
    with qtbot.waitSignal(console.session.overviewChanged, timeout=WAIT_MS):
        save(qtbot, dialog)
    assert InventoryRepository(console.session.database).device(ROOT).contact == "值班室 0551-12345"
    row = audited(qtbot, console, "inventory.device.edit")
    assert row.action == "inventory.device.edit" and list(row.details_dict()["changes"]) == ["contact"]


def test_the_device_menu_edits_the_device_whose_tab_is_in_front(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    console.open_tab(f"device:{ROOT}", ROOT, QWidget)  # a device tab is titled with the device's name
    screen.edit_shown_action.trigger()
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible(), timeout=WAIT_MS)
    assert screen.dialog.editing == ROOT
    screen.dialog.reject()
    console.show_map()
    screen.edit_shown_action.trigger()  # no device in front: ask which one
    assert screen.picker is not None and screen.picker.isVisible()


def test_removal_says_what_goes_and_what_stays(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    ConfigStore(console.session.database).save(ROOT, "sysname X\n", run_id="r1", command="display current-configuration")
    screen.remove_device(ROOT)
    qtbot.waitUntil(lambda: screen.removal.confirm is not None and screen.removal.confirm.isVisible(), timeout=WAIT_MS)
    box = screen.removal.confirm
    assert ROOT in box.text()
    info = box.informativeText()
    assert "1 alarms" in info and "1 state changes" in info and "1 stored configuration versions" in info
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    assert InventoryRepository(console.session.database).device(ROOT)  # still there
    screen.remove_device(ROOT)
    qtbot.waitUntil(lambda: screen.removal.confirm.isVisible(), timeout=WAIT_MS)
    remove = next(b for b in screen.removal.confirm.buttons() if b.text() == "Remove")
    with qtbot.waitSignal(console.session.overviewChanged, timeout=WAIT_MS):
        remove.click()
    assert ROOT not in console.session.overview.devices
    assert len(ConfigStore(console.session.database).versions(ROOT)) == 1
    assert audited(qtbot, console, "inventory.device.remove").subject == ROOT


def test_sites_add_rename_and_refuse_removing_a_site_with_devices(qtbot: QtBot, console: MainWindow) -> None:
    screen = ready(qtbot, console)
    screen.sites_action.trigger()
    dialog = screen.sites.dialog
    qtbot.waitUntil(lambda: CITY in dialog.site_paths(), timeout=WAIT_MS)
    held = len(InventoryRepository(console.session.database).devices(site=CITY))
    assert dialog.held[CITY] == held
    dialog.select(CITY)
    assert dialog.tree.currentItem().text(2) == str(held)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: "still holds" in dialog.message.text(), timeout=WAIT_MS)
    assert CITY in dialog.message.text() and (screen.sites.confirm is None or not screen.sites.confirm.isVisible())
    dialog.select(CITY)
    assert dialog.kind.currentData() == "county"  # the hierarchy's next level is offered
    dialog.name.setText("新站区")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: f"{CITY}/新站区" in dialog.site_paths(), timeout=WAIT_MS)
    assert dialog.current_path() == f"{CITY}/新站区"
    dialog.name.setText("新站高新区")
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: f"{CITY}/新站高新区" in dialog.site_paths(), timeout=WAIT_MS)
    dialog.select(f"{CITY}/新站高新区")
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: screen.sites.confirm is not None and screen.sites.confirm.isVisible(), timeout=WAIT_MS)
    remove = next(b for b in screen.sites.confirm.buttons() if b.text() == "Remove")
    remove.click()
    qtbot.waitUntil(lambda: f"{CITY}/新站高新区" not in dialog.site_paths(), timeout=WAIT_MS)
    actions = [r.action for r in AuditRepository(console.session.database).recent(3)]
    assert sorted(actions) == ["inventory.site.add", "inventory.site.remove", "inventory.site.rename"]


HEADER = "name,address,snmp_port,ssh_port,network,site,vendor,model,role,security_domain,protection_level,owner_unit,contact,credential_profile,tags"
ROWS = [
    HEADER,
    "CH-GOV-AS-01,127.32.0.1,,,extranet,安徽省/巢湖市,huawei,S5735,access,接入域,2,巢湖市数据资源局,周敏,,",  # new site
    "CH-GOV-AS-02,300.0.0.1,,,extranet,安徽省/巢湖市,huawei,S5735,access,,2,,,,",  # bad address
    "CH-GOV-AS-03,127.32.0.3,,,extranet,安徽省//巢湖市,huawei,S5735,access,,2,,,,",  # malformed site path
    "CH-GOV-AS-01,127.32.0.4,,,extranet,安徽省/巢湖市,huawei,S5735,access,,2,,,,",  # duplicate name
    "CH-GOV-AS-05,127.32.0.5",  # wrong column count
    f"{ROOT},127.32.0.6,,,extranet,{CITY},huawei,S12708,aggregation,汇聚域,3,合肥市数据资源局,值班室,,",  # update
]


def start_import(qtbot: QtBot, screen: InventoryEditScreen, path: Path, create_sites: bool = False):  # type: ignore[no-untyped-def]
    screen.import_csv(path)
    dialog = screen.import_dialog
    assert dialog.isVisible() and not dialog.create_sites.isChecked()  # new sites only when asked for
    dialog.create_sites.setChecked(create_sites)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.error is not None, timeout=WAIT_MS)
    return dialog


def test_gbk_csv_with_malformed_rows_lists_every_problem(qtbot: QtBot, console: MainWindow, tmp_path: Path) -> None:
    screen = ready(qtbot, console)
    path = tmp_path / "巢湖资产.csv"
    path.write_bytes("\r\n".join(ROWS).encode("gbk"))
    count = InventoryRepository(console.session.database).count_devices()
    dialog = start_import(qtbot, screen, path, create_sites=True)
    problems = dialog.problems()
    assert [(row, column) for row, column, _ in problems] == [("3", "address"), ("4", "site"), ("5", "name"), ("6", "")]
    assert "duplicate" in problems[2][2] and "fields" in problems[3][2]
    summary = dialog.summary.text()
    assert "2 of 6 rows stored (1 devices added, 1 updated)" in summary and "GBK" in summary and "4 rows were rejected" in summary
    assert "安徽省/巢湖市" in dialog.details.text()  # the new site is named
    assert "Devices added: CH-GOV-AS-01" in dialog.details.text()
    assert f"{ROOT} (address, snmp_port, ssh_port, vendor, model," in dialog.details.text()  # and what the update replaced
    repo = InventoryRepository(console.session.database)
    assert repo.count_devices() == count + 1 and repo.device(ROOT).address == "127.32.0.6"
    assert last_audit(console).action == "inventory.import"


def test_by_default_a_site_not_in_the_tree_is_a_rejected_row(qtbot: QtBot, console: MainWindow, tmp_path: Path) -> None:
    screen = ready(qtbot, console)
    path = tmp_path / "巢湖资产.csv"
    path.write_bytes("\r\n".join(ROWS).encode("gbk"))
    dialog = start_import(qtbot, screen, path)
    assert dialog.problems()[0][:2] == ("2", "site") and "not in the site tree" in dialog.problems()[0][2]
    assert "1 of 6 rows stored (0 devices added, 1 updated)" in dialog.summary.text()
    assert "安徽省/巢湖市" not in {s.path for s in InventoryRepository(console.session.database).sites()}


def test_an_unreadable_file_stores_nothing(qtbot: QtBot, console: MainWindow, tmp_path: Path) -> None:
    screen = ready(qtbot, console)
    path = tmp_path / "wrong.csv"
    path.write_text("hostname,ip\nA,127.0.0.1\n", encoding="utf-8")
    count = InventoryRepository(console.session.database).count_devices()
    start_import(qtbot, screen, path)
    assert screen.import_dialog.summary.text().startswith("Nothing was stored: required columns missing: name, address")
    assert InventoryRepository(console.session.database).count_devices() == count


def test_an_operator_sees_the_actions_greyed_and_the_core_refuses(qtbot: QtBot, outage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Once local accounts exist, an OS user without one is an operator (egovops.accounts.identity).
    accounts = AccountService(outage.database)
    accounts.add(accounts.os_operator(), "duty-admin", "admin", "Adm1n#2026!")
    window = open_console(qtbot, outage.database)
    try:
        screen = ready(qtbot, window)
        assert window.session.operator.role is Role.OPERATOR
        window.menus["inventory"].aboutToShow.emit()
        assert not any(a.isEnabled() for a in screen.edit_actions())
        assert "engineer" in screen.add_action.toolTip()
        path = tmp_path / "ok.csv"
        path.write_text("\n".join(ROWS[:2]), encoding="utf-8")
        start_import(qtbot, screen, path)  # reached anyway (e.g. a stale menu): the core says no
        assert "may not edit the inventory" in screen.import_dialog.summary.text()
        assert "CH-GOV-AS-01" not in {d.name for d in InventoryRepository(outage.database).devices()}
    finally:
        window.session.stop()


def test_in_chinese_the_menu_the_fields_and_the_core_problems_are_chinese(qtbot: QtBot, outage) -> None:  # type: ignore[no-untyped-def]
    window = open_console(qtbot, outage.database, "zh_CN")
    try:
        screen = ready(qtbot, window)
        assert screen.add_action.text() == "添加设备(&A)…" and screen.sites_action.text() == "站点(&S)…"
        dialog = open_add_dialog(qtbot, screen)
        assert dialog.labels["protection_level"].text() == "等保级别" and dialog.level.itemText(3) == "第三级"
        dialog.address.setText("300.1.2.3")
        save(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.problem_text("address") != "", timeout=WAIT_MS)
        assert dialog.problem_text("address") == "地址 '300.1.2.3' 无效"
        assert dialog.problem_text("name") == "必填值为空"
    finally:
        window.session.stop()
        window.switcher.apply("en")


def test_an_edit_the_fingerprint_cannot_see_still_reaches_the_overview(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    """A changed owner contact keeps every count and id: the session must reload the inventory."""
    from dataclasses import replace

    from egovops.storage.inventory_repo import InventoryRepository

    session = console.session
    name = next(iter(session.overview.devices))
    repo = InventoryRepository(session.database)
    device = next(d for d in repo.devices() if d.name == name)
    with qtbot.waitSignal(session.overviewChanged, timeout=10_000):
        repo.save_devices([replace(device, contact="0551-99990000")])  # its change notice makes the session reload
    assert session.overview.devices[name].contact == "0551-99990000"
