"""Screenshots of the procedure runner, in Chinese and in English, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.runner [OUT_DIR]

On a fresh 300-device demo store with the usual outage: the runner opened on Hefei (the city
selected in the site tree), a dry run of the baseline check with its per-device results
(results-<lang>.png), the run's audit record (audit-<lang>.png), a parameter the form refuses
(form-<lang>.png) and the confirmation asked before a configuration is saved (confirm-<lang>.png).
Dry runs contact no device, so no server is needed. PNGs go to /tmp/shots/runner/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from egovops.accounts import Operator, Role
from egovops_ui.runner.panel import RunnerPanel
from egovops_ui.testing import open_console
from scripts.screenshots.common import CITY, demo_store, shoot_each_language, write_outage


def shoot(out: Path, lang: str) -> None:
    console = open_console(demo_store(300, write_outage), lang)
    window, session = console.window, console.session
    console.wait_for(lambda: session.operator is not None, what="the operator")
    window.sites.select(CITY)
    next(a for a in window.menus["tools"].actions() if a.objectName() == "runProcedureAction").trigger()
    panel = window.tabs.currentWidget()
    assert isinstance(panel, RunnerPanel)
    console.wait_for(lambda: panel.registry is not None and panel.preview is not None, what="the procedures")
    panel.select_procedure("baseline-check")
    panel.setup.dry_run.setChecked(True)
    console.wait_for(lambda: panel.setup.run_button.isEnabled(), what="the run button")
    panel.setup.run_button.click()
    console.wait_for(lambda: panel.report is not None, what="the dry run's report", timeout=60)
    panel.results.table.selectRow(2)
    # The whole screen each time: the audit record and the confirmation are windows of their own.
    console.shoot(out / f"results-{lang}.png", screen=True)

    panel.results.audit_button.click()
    console.wait_for(lambda: panel.audit_dialog is not None and panel.audit_dialog.isVisible(), what="the audit record")
    panel.audit_dialog.move(window.x() + 380, window.y() + 160)
    console.shoot(out / f"audit-{lang}.png", screen=True)
    panel.audit_dialog.close()

    panel.setup.form.editor("max_idle_minutes").setText("0")
    console.shoot(out / f"form-{lang}.png", screen=True)
    panel.setup.form.editor("max_idle_minutes").setText("15")

    session.operator = Operator(session.operator.name, Role.ENGINEER, "os")
    panel.select_procedure("save-config")
    panel.setup.dry_run.setChecked(False)
    console.wait_for(lambda: panel.setup.run_button.isEnabled(), what="the run button")
    panel.setup.run_button.click()
    console.wait_for(lambda: panel.confirmation is not None and panel.confirmation.isVisible(), what="the confirmation")
    console.shoot(out / f"confirm-{lang}.png", screen=True)
    panel.confirmation.reject()
    console.close()


if __name__ == "__main__":
    sys.exit(shoot_each_language("runner", shoot))
