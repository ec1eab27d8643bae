"""Screenshots of the duty log, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.duty_log [OUT_DIR]

On a fresh demo province with the usual outage (Hefei's extranet aggregation switch down): a night
shift that acknowledged the root alarm, dry-ran a configuration backup and left notes. The console
opens on the handover (handover-<lang>.png, and scrolled to its end); then the next engineer starts a shift and writes a
note (desk-<lang>.png). PNGs go to /tmp/shots/duty_log/.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from egovops.accounts import Operator, Role
from egovops.duty import DutyService
from egovops.overview.service import OverviewService
from egovops.procedures import ProcedureRunner, RunRequest, RunServices, discover
from egovops.storage.database import Database
from egovops_ui.duty_log.page import DutyLogPage
from egovops_ui.testing import open_console
from scripts.screenshots.common import ROOT, demo_store, shoot_each_language, write_outage


def night_shift(db: Database) -> None:
    night = Operator("zhao.lei", Role.ENGINEER, "local")
    duty = DutyService(db)
    duty.start(night, at=time.time() - 8 * 3600)
    write_outage(db)
    root = next(a for a in OverviewService(db).alarm_repo.list(active_only=True) if a.device == ROOT)
    OverviewService(db).acknowledge([root.id], night, "已电话通知合肥电信，光缆抢修中")
    services = RunServices(db, night, Path(tempfile.mkdtemp(prefix="egovops-duty-runs-")))
    ProcedureRunner(discover(), services).run(RunRequest("config-backup", f"{ROOT},HF-C01-EXT-AS01", dry_run=True))
    duty.note(night, "23:40 合肥外网汇聚交换机 HF-EXT-AGG-01 失联，下辖 9 个县断开，已报电信抢修。")
    duty.note(night, "芜湖外网汇聚 CPU 持续偏高，明早请跟进。")
    duty.end(night)


def shoot(out: Path, lang: str) -> None:
    console = open_console(demo_store(300, night_shift), lang)
    window = console.window
    console.wait_for(lambda: isinstance(window.tabs.currentWidget(), DutyLogPage) and window.tabs.currentWidget().view is not None,
                     what="the duty log")
    page: DutyLogPage = window.tabs.currentWidget()  # type: ignore[assignment]
    console.shoot(out / f"handover-{lang}.png")
    bar = page.summary_view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the procedures and other actions, further down
    console.shoot(out / f"handover-end-{lang}.png")
    page.start_button.click()
    console.wait_for(lambda: page.view.current is not None, what="the new shift")
    page.note_edit.setPlainText("已接班。合肥外网汇聚仍未恢复，08:30 跟进电信工单。")
    page.add_note_button.click()
    console.wait_for(lambda: len(page.view.notes) == 1, what="the note")
    page._pick(page.shift_picker.findData(page.view.current.id))
    console.wait_for(lambda: page.view.summary is not None and page.view.summary.shift.id == page.view.current.id,
                     what="the new shift's summary")
    console.shoot(out / f"desk-{lang}.png")
    console.close()


if __name__ == "__main__":
    sys.exit(shoot_each_language("duty_log", shoot))
