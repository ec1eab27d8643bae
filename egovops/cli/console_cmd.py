"""``egovops console``: the desktop console. Qt is imported only here, inside the command."""

from __future__ import annotations

import time

import click

from egovops.cli.context import AppContext, pass_app
from egovops.i18n import tr

DEMO_DEVICES = 300


def _ensure_demo(app: AppContext) -> None:
    """A fresh store gets the demo province; a store that already holds devices is left alone."""
    from egovops.demo.inventory import build_demo, store_demo

    if app.inventory.count_devices() == 0:
        store_demo(app.inventory, build_demo(DEMO_DEVICES))
        click.echo(tr("demo province created: {devices} devices", devices=DEMO_DEVICES))


@click.command("console", help=tr("Open the desktop console (map, site tree, alarm desk)."))
@click.option("--demo", is_flag=True, help=tr("Create the demo province first if the store is empty."))
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
    if demo:
        _ensure_demo(app)
    raise SystemExit(run_console(app.database, lang, started))


commands = [console]
