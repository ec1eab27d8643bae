"""The console's sign-in dialog and its Ctrl+L lock screen (issue 17 item 6), with real accounts
in a real store; the checks themselves are the core's (tests/test_accounts_signin.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from egovops.accounts import AccountService, Operator, Role
from egovops.accounts.signin import SignIn
from egovops.audit.repo import AuditRepository
from egovops.storage.database import Database
from egovops_ui import testing
from egovops_ui.app import _signed_in
from egovops_ui.main_window import MainWindow
from egovops_ui.session import ConsoleSession
from egovops_ui.signin_dialog import SignInDialog

PASSWORD = "Desk#Shift2026"
WAIT_MS = 10_000


def with_accounts(database: Database) -> Database:
    accounts = AccountService(database)
    accounts.add(accounts.os_operator(), "chen", "admin", PASSWORD)
    chen = Operator("chen", Role.ADMIN, "local")
    accounts.add(chen, "olga", "operator", PASSWORD)
    accounts.add(chen, "li", "engineer", PASSWORD)
    return database


def actions_since(database: Database, since: int) -> list[tuple[str, str]]:
    return [(r.actor, r.action) for r in AuditRepository(database).rows(since)]


def head(database: Database) -> int:
    found = AuditRepository(database).head()
    return found[0] if found else 0


def sign_in_with(qtbot: QtBot, form, name: str, password: str) -> None:  # type: ignore[no-untyped-def]
    form.name_edit.setText(name)
    form.password_edit.setText(password)
    qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.button.isEnabled(), timeout=WAIT_MS)


def test_the_dialog_says_why_a_sign_in_failed_and_accepts_the_right_password(qtbot: QtBot, database: Database) -> None:
    with_accounts(database)
    dialog = SignInDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.form.button, Qt.MouseButton.LeftButton)
    assert dialog.form.message.text() == "Enter the account name and its password."
    sign_in_with(qtbot, dialog.form, "olga", "Desk#Shift2025")
    assert dialog.form.message.text() == "sign-in as olga failed: unknown account or wrong password"
    assert dialog.isVisible() and dialog.form.password_edit.text() == ""
    sign_in_with(qtbot, dialog.form, "olga", PASSWORD)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert dialog.operator == Operator("olga", Role.OPERATOR, "local")
    assert [a for _, a in actions_since(database, 0)][-2:] == ["account.sign-in-failed", "account.sign-in"]


def test_an_embedded_store_opens_without_a_sign_in(qtbot: QtBot, database: Database) -> None:
    with_accounts(database)
    session = ConsoleSession(database)
    assert _signed_in(database, session) and session.operator is None  # the OS user, found at start()


def answer_the_dialog(qtbot: QtBot, answer) -> QTimer:  # type: ignore[no-untyped-def]
    """Once the modal sign-in dialog is up, ``answer(dialog)``: exec() blocks the test until then."""
    timer = QTimer()
    timer.setInterval(50)

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        dialog = shown[0] if shown else None
        if dialog is not None:
            timer.stop()
            answer(dialog)

    timer.timeout.connect(look)
    timer.start()
    return timer


@pytest.mark.stores("postgresql")
def test_a_shared_store_asks_who_signs_in_before_the_window(qtbot: QtBot, database: Database) -> None:
    with_accounts(database)
    quit_ = answer_the_dialog(qtbot, lambda dialog: dialog.quit_button.click())
    assert not _signed_in(database, ConsoleSession(database))  # the console then exits: nothing shown
    del quit_

    def sign_in(dialog: SignInDialog) -> None:
        dialog.form.name_edit.setText("li")
        dialog.form.password_edit.setText(PASSWORD)
        dialog.form.button.click()

    timer = answer_the_dialog(qtbot, sign_in)
    session = ConsoleSession(database)
    assert _signed_in(database, session) and session.operator == Operator("li", Role.ENGINEER, "local")
    del timer


@pytest.fixture
def locked_desk(qtbot: QtBot, outage) -> MainWindow:  # type: ignore[no-untyped-def]
    database = with_accounts(outage.database)
    console = testing.open_console(database, "en", refresh_ms=60_000, start=False)
    qtbot.addWidget(console.window)
    console.session.set_operator(SignIn(database).sign_in("olga", PASSWORD))
    with qtbot.waitSignal(console.session.overviewChanged, timeout=WAIT_MS):
        console.session.start()
    yield console.window
    console.session.stop()


def test_ctrl_l_hides_the_console_and_refresh_goes_on(qtbot: QtBot, locked_desk: MainWindow) -> None:
    window, lock = locked_desk, locked_desk.lock
    database = window.session.database
    before = head(database)
    assert lock.action.isEnabled() and lock.action in window.file_menu.actions()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked() and lock.screen.isVisible()
    assert lock.screen.geometry() == window.rect()  # covers menus, docks and tabs
    assert not window.menuBar().isEnabled()
    assert [a.text() for a in window.findChildren(QAction) if a.isEnabled()] == []  # no shortcut gets through
    assert not window.centralWidget().isEnabled() and not window.alarm_dock.isEnabled()
    for _ in range(6):  # nor does Tab
        qtbot.keyClick(QApplication.focusWidget() or lock.form.name_edit, Qt.Key.Key_Tab)
        assert lock.screen.isAncestorOf(QApplication.focusWidget())
    assert lock.form.name_edit.text() == "olga" and "Locked by olga at" in lock.screen.who.text()
    window.resize(window.width() - 100, window.height() - 50)
    qtbot.waitUntil(lambda: lock.screen.geometry() == window.rect(), timeout=WAIT_MS)
    with qtbot.waitSignal(window.session.overviewChanged, timeout=WAIT_MS):  # background refresh continues
        window.session.refresh()
    sign_in_with(qtbot, lock.form, "olga", "Desk#Shift2025")
    assert lock.is_locked() and "wrong password" in lock.form.message.text()
    sign_in_with(qtbot, lock.form, "olga", PASSWORD)
    qtbot.waitUntil(lambda: not lock.is_locked(), timeout=WAIT_MS)
    assert not lock.screen.isVisible() and window.menuBar().isEnabled() and window.refresh_action.isEnabled()
    assert window.centralWidget().isEnabled() and window.alarm_dock.isEnabled()
    assert window.session.operator == Operator("olga", Role.OPERATOR, "local")
    qtbot.waitUntil(lambda: len(actions_since(database, before)) == 3, timeout=WAIT_MS)
    assert actions_since(database, before) == [
        ("local:olga", "session.lock"), ("local:olga", "account.sign-in-failed"), ("local:olga", "session.unlock")]


def test_another_account_unlocks_and_takes_the_desk_over(qtbot: QtBot, locked_desk: MainWindow) -> None:
    window, lock = locked_desk, locked_desk.lock
    database = window.session.database
    before = head(database)
    lock.action.trigger()  # the File menu's item
    assert lock.is_locked()
    with qtbot.waitSignal(window.session.operatorKnown, timeout=WAIT_MS) as known:
        sign_in_with(qtbot, lock.form, "li", PASSWORD)
    assert known.args == [Operator("li", Role.ENGINEER, "local")] and window.session.operator.name == "li"
    qtbot.waitUntil(lambda: len(actions_since(database, before)) == 2, timeout=WAIT_MS)
    assert actions_since(database, before) == [("local:olga", "session.lock"), ("local:li", "session.switch")]


def test_the_os_user_of_an_embedded_store_cannot_lock(qtbot: QtBot, console: MainWindow) -> None:
    qtbot.waitUntil(lambda: console.session.operator is not None, timeout=WAIT_MS)
    assert not console.lock.action.isEnabled()  # nobody could unlock it: there is no password to give
    console.lock.lock()
    assert not console.lock.is_locked()


@pytest.mark.stores("postgresql")
def test_the_console_signs_in_at_start_and_out_when_closed(qtbot: QtBot, database: Database) -> None:
    from egovops_ui.app import run_console

    with_accounts(database)

    def sign_in(dialog: SignInDialog) -> None:
        dialog.form.name_edit.setText("li")
        dialog.form.password_edit.setText(PASSWORD)
        dialog.form.button.click()

    timer = answer_the_dialog(qtbot, sign_in)
    closer = QTimer()
    closer.setInterval(100)

    def close_once_shown() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if shown and shown[0].session.overview is not None:
            closer.stop()
            assert shown[0].session.operator == Operator("li", Role.ENGINEER, "local")
            shown[0].close()

    closer.timeout.connect(close_once_shown)
    closer.start()
    assert run_console(database, "en") == 0
    assert [a for a in actions_since(database, 0) if a[1].startswith("account.sign")][-2:] == [
        ("local:li", "account.sign-in"), ("local:li", "account.sign-out")]
    del timer
