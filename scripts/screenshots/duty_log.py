"""Screenshots of the duty log, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/screenshots/duty_log.py [OUT_DIR]

On a fresh demo province with the usual outage (Hefei's extranet aggregation switch down): a night
shift that acknowledged the root alarm, dry-ran a configuration backup and left notes. The console
opens on the handover (handover-<lang>.png, and scrolled to its end); then the next engineer starts a shift and writes a
note (desk-<lang>.png). PNGs go to /tmp/shots/duty_log/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def prepare(folder: Path) -> Path:
    sys.path.insert(0, str(HERE.parent))
    from console_screenshots import ROOT, write_outage  # type: ignore[import-not-found]

    from egovops.accounts import Operator, Role
    from egovops.demo.inventory import build_demo, store_demo
    from egovops.duty import DutyService
    from egovops.overview.service import OverviewService
    from egovops.procedures import ProcedureRunner, RunRequest, RunServices, discover
    from egovops.storage.database import open_database
    from egovops.storage.inventory_repo import InventoryRepository

    path = folder / "egovops.sqlite3"
    db = open_database(path)
    store_demo(InventoryRepository(db), build_demo(300))
    night = Operator("zhao.lei", Role.ENGINEER, "local")
    duty = DutyService(db)
    duty.start(night, at=time.time() - 8 * 3600)
    write_outage(db)
    root = next(a for a in OverviewService(db).alarm_repo.list(active_only=True) if a.device == ROOT)
    OverviewService(db).acknowledge([root.id], night, "已电话通知合肥电信，光缆抢修中")
    services = RunServices(db, night, folder / "runs")
    ProcedureRunner(discover(), services).run(RunRequest("config-backup", f"{ROOT},HF-C01-EXT-AS01", dry_run=True))
    duty.note(night, "23:40 合肥外网汇聚交换机 HF-EXT-AGG-01 失联，下辖 9 个县断开，已报电信抢修。")
    duty.note(night, "芜湖外网汇聚 CPU 持续偏高，明早请跟进。")
    duty.end(night)
    db.close()
    return path


def shoot(store: Path, out: Path, lang: str) -> None:
    from PySide6.QtCore import QSettings
    from egovops.storage.database import open_database
    from egovops_ui.app import LanguageSwitcher, create_application
    from egovops_ui.duty_log.page import DutyLogPage
    from egovops_ui.main_window import MainWindow
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

    def wait_for(check, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for the duty log ({lang})")
            app.processEvents()
            time.sleep(0.02)

    wait_for(lambda: isinstance(window.tabs.currentWidget(), DutyLogPage) and window.tabs.currentWidget().view is not None)
    page: DutyLogPage = window.tabs.currentWidget()  # type: ignore[assignment]
    wait_for(lambda: session.overview is not None)
    time.sleep(0.3)
    app.processEvents()
    window.grab().save(str(out / f"handover-{lang}.png"))
    bar = page.summary_view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the procedures and other actions, further down
    app.processEvents()
    window.grab().save(str(out / f"handover-end-{lang}.png"))
    page.start_button.click()
    wait_for(lambda: page.view.current is not None)
    page.note_edit.setPlainText("已接班。合肥外网汇聚仍未恢复，08:30 跟进电信工单。")
    page.add_note_button.click()
    wait_for(lambda: len(page.view.notes) == 1)
    page._pick(page.shift_picker.findData(page.view.current.id))
    wait_for(lambda: page.view.summary is not None and page.view.summary.shift.id == page.view.current.id)
    app.processEvents()
    window.grab().save(str(out / f"desk-{lang}.png"))
    session.stop()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots/duty_log")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3 and sys.argv[2] == "--one":  # a child process: one language, one QApplication
        shoot(Path(sys.argv[3]), out, sys.argv[4])
        return 0
    for lang in ("zh_CN", "en"):
        store = prepare(Path(tempfile.mkdtemp(prefix="egovops-duty-shots-")))
        subprocess.run([sys.executable, __file__, str(out), "--one", str(store), lang], check=True, timeout=300)
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
