"""``egovops console``: the desktop console. Qt is imported only here, inside the command."""

from __future__ import annotations

import subprocess
import sys
import time
from typing import TYPE_CHECKING, Callable

import click

from egovops.cli.context import AppContext, pass_app
from egovops.errors import EgovopsError
from egovops.i18n import tr

if TYPE_CHECKING:
    from egovops.events.runtime import Listening

DEMO_DEVICES = 300


def _ensure_demo(app: AppContext) -> None:
    """A fresh store gets the demo province; a store that already holds devices is left alone."""
    from egovops.accounts import AccountService
    from egovops.demo.inventory import create_demo

    if app.inventory.count_devices() == 0:
        # Through the same service as `demo init`: role-checked and on the audit trail.
        create_demo(app.database, AccountService(app.database).os_operator(), DEMO_DEVICES)
        click.echo(tr("demo province created: {devices} devices", devices=DEMO_DEVICES))


def _start_demo_network(app: AppContext) -> tuple[Callable[[], None], bool]:
    """Start ``egovops demo run --detach`` in the background unless the demo already runs.

    Returns a function that waits until the agents answer (raising if they did not start), to run
    on the poller's thread, and whether this console started the network (and so stops it).
    """
    from egovops.demo.runner import demo_dir, read_state

    if read_state(app.data_dir) is not None:
        return (lambda: None), False
    log_path = demo_dir(app.data_dir) / "console-demo.log"
    with open(log_path, "w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "egovops", "--data-dir", str(app.data_dir), "demo", "run", "--detach"],
            stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
        )

    def wait() -> None:
        if process.wait() != 0:
            tail = log_path.read_text("utf-8", "replace").strip()[-600:]
            raise EgovopsError(tr("the demo network did not start: {log}", log=tail))

    return wait, True


def _demo_receivers(app: AppContext) -> Listening | None:
    """The demo devices' traps and syslog (demo fault, chaos) into the Events tab and the alarms."""
    from egovops.demo.listen import demo_receivers

    try:
        return demo_receivers(app.database, app.credentials)
    except EgovopsError as exc:  # e.g. no keyring for the demo community: the demo runs, deaf
        click.echo(tr("warning: {problem}", problem=exc), err=True)
        return None


@click.command("console", help=tr("Open the desktop console (map, site tree, alarm desk)."))
@click.option("--demo", is_flag=True, help=tr("Create the demo province if the store is empty, start the demo network and poll it."))
@click.option("--lang", type=click.Choice(["zh_CN", "en"]), default=None, help=tr("Language of the console (default: last choice, else the system locale)."))
@pass_app
def console(app: AppContext, demo: bool, lang: str | None) -> None:
    started = time.monotonic()
    try:
        from egovops_ui.app import run_console
    except ImportError as exc:
        raise click.ClickException(
            tr("the console needs PySide6, which is not installed ({error}); install it with: pip install 'egovops[gui]'", error=exc)
        ) from None
    if not demo:
        raise SystemExit(run_console(app.database, lang, started))
    from egovops.demo.runner import stop_demo
    from egovops.overview.live import LivePolling

    _ensure_demo(app)
    receivers = _demo_receivers(app)
    wait, ours = _start_demo_network(app)
    try:
        code = run_console(app.database, lang, started, LivePolling(app.database, app.data_dir), wait)
    finally:
        if ours:
            stop_demo(app.data_dir)
        if receivers is not None:
            receivers.stop()
    raise SystemExit(code)


commands = [console]
