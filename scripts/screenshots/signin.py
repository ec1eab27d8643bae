"""Screenshots of the sign-in dialog and the Ctrl+L lock screen, in Chinese and in English.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.signin [OUT_DIR]

On a demo province with the usual outage and three local accounts: the sign-in dialog after a
wrong password (signin-<lang>.png), then the console signed in as zhao.lei and locked with Ctrl+L,
after a wrong password at the lock screen (lock-<lang>.png). The store is a SQLite file here (the
dialog looks the same on PostgreSQL, where it is shown at start; its location line differs).
PNGs go to /tmp/shots/signin/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from egovops.accounts import AccountService, Operator, Role
from egovops.accounts.signin import SignIn
from egovops.storage.database import Database, open_database
from egovops_ui.app import LanguageSwitcher, create_application
from egovops_ui.signin_dialog import SignInDialog, SignInForm
from egovops_ui.testing import open_console, private_settings, settle, wait_for
from scripts.screenshots.common import demo_store, shoot_each_language, write_outage

PASSWORD = "Duty#Desk2026"


def accounts(db: Database) -> None:
    service = AccountService(db)
    service.add(service.os_operator(), "chen.admin", "admin", PASSWORD)
    admin = Operator("chen.admin", Role.ADMIN, "local")
    service.add(admin, "zhao.lei", "engineer", PASSWORD)
    service.add(admin, "qian.li", "operator", PASSWORD)


def wrong_password(form: SignInForm, name: str) -> None:
    form.name_edit.setText(name)
    form.password_edit.setText("not-the-password")
    form.submit()
    wait_for(lambda: form.button.isEnabled(), what="the refusal")


def shoot(out: Path, lang: str) -> None:
    private_settings()
    db = open_database(demo_store(300, write_outage, accounts))
    app = create_application([])
    LanguageSwitcher(app).apply(lang)
    dialog = SignInDialog(db)
    dialog.show()
    wrong_password(dialog.form, "zhao.lei")
    settle()
    dialog.grab().save(str(out / f"signin-{lang}.png"))
    dialog.close()

    console = open_console(db, lang, start=False)
    console.session.set_operator(SignIn(db).sign_in("zhao.lei", PASSWORD))
    shown: list[object] = []
    console.session.overviewChanged.connect(shown.append)
    console.session.start()
    console.wait_for(lambda: shown, what="the first overview")
    console.window.lock.action.trigger()  # Ctrl+L's action: Xvfb without a window manager activates no window
    console.wait_for(console.window.lock.is_locked, what="the lock screen")
    wrong_password(console.window.lock.form, "zhao.lei")
    console.shoot(out / f"lock-{lang}.png")
    console.close()
    db.close()


if __name__ == "__main__":
    sys.exit(shoot_each_language("signin", shoot))
