"""Screenshots of the procedure runner, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots/runner.py [OUT_DIR]

On a fresh 300-device demo store with the usual outage: the runner opened on Hefei (the city
selected in the site tree), a dry run of the baseline check with its per-device results
(results-<lang>.png), the run's audit record (audit-<lang>.png), a parameter the form refuses
(form-<lang>.png) and the confirmation asked before a configuration is saved (confirm-<lang>.png).
Dry runs contact no device, so no server is needed. PNGs go to /tmp/shots/runner/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
CITY = "安徽省/合肥市"


def prepare(folder: Path) -> Path:
    sys.path.insert(0, str(HERE.parent))
    from console_screenshots import write_outage  # type: ignore[import-not-found]

    from egovops.demo.inventory import build_demo, store_demo
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    path = folder / "egovops.sqlite3"
    db = open_database(path)
    store_demo(InventoryRepository(db), build_demo(300))
    write_outage(db)
    db.close()
    return path


def shoot(store: Path, out: Path, lang: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from egovops.accounts import Operator, Role
    from egovops.storage.database import open_database
    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.main_window import MainWindow
    from egovops_ui.runner.panel import RunnerPanel
    from egovops_ui.session import ConsoleSession

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application(sys.argv[:1])
    switcher = LanguageSwitcher(app)
    switcher.apply(lang)
    session = ConsoleSession(open_database(store))
    window = MainWindow(session, switcher)
    window.resize(1600, 1000)
    window.show()
    session.start()

    def wait_for(check: Callable[[], object], seconds: float = 60.0) -> None:
        end = time.monotonic() + seconds
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for the runner ({lang})")
            app.processEvents()
            time.sleep(0.02)

    def settle(ms: int = 400) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()

    def screen(name: str) -> None:
        settle()
        app.primaryScreen().grabWindow(0).save(str(out / f"{name}-{lang}.png"))  # dialogs are windows of their own

    wait_for(lambda: session.overview is not None and session.operator is not None)
    window.sites.select(CITY)
    next(a for a in window.menus["tools"].actions() if a.objectName() == "runProcedureAction").trigger()
    panel = window.tabs.currentWidget()
    assert isinstance(panel, RunnerPanel)
    wait_for(lambda: panel.registry is not None and panel.preview is not None)
    panel.select_procedure("baseline-check")
    panel.setup.dry_run.setChecked(True)
    wait_for(lambda: panel.setup.run_button.isEnabled())
    panel.setup.run_button.click()
    wait_for(lambda: panel.report is not None)
    panel.results.table.selectRow(2)
    screen("results")

    panel.results.audit_button.click()
    wait_for(lambda: panel.audit_dialog is not None and panel.audit_dialog.isVisible())
    panel.audit_dialog.move(window.x() + 380, window.y() + 160)
    screen("audit")
    panel.audit_dialog.close()

    panel.setup.form.editor("max_idle_minutes").setText("0")
    screen("form")
    panel.setup.form.editor("max_idle_minutes").setText("15")

    session.operator = Operator(session.operator.name, Role.ENGINEER, "os")
    panel.select_procedure("save-config")
    panel.setup.dry_run.setChecked(False)
    wait_for(lambda: panel.setup.run_button.isEnabled())
    panel.setup.run_button.click()
    wait_for(lambda: panel.confirmation is not None and panel.confirmation.isVisible())
    screen("confirm")
    panel.confirmation.reject()
    session.stop()
    QApplication.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/runner")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3 and sys.argv[2] == "--one":  # a child process: one language, one QApplication
        shoot(Path(sys.argv[3]), out, sys.argv[4])
        return 0
    for lang in ("zh_CN", "en"):
        store = prepare(Path(tempfile.mkdtemp(prefix="egovops-runner-shots-")))
        subprocess.run([sys.executable, __file__, str(out), "--one", str(store), lang], check=True, timeout=300)
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
