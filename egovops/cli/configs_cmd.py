"""``egovops configs``: stored configuration versions (secrets already masked), and their diffs."""

from __future__ import annotations

import time
from pathlib import Path

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.output import emit_json, emit_table
from egovops.configs import ConfigStore
from egovops.i18n import tr
from egovops.paths import write_private


def _when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


@click.group(help=tr("Configuration versions kept by the backup procedure (secrets masked)."))
def configs() -> None:
    pass


@configs.command("list", help=tr("Devices with stored configurations, or the versions of one device."))
@click.argument("device", required=False)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, device: str | None, as_json: bool) -> None:
    store = ConfigStore(app.database)
    if device is None:
        rows = store.devices()
        if as_json:
            emit_json([{"device": d, "latest": v, "taken_at": t} for d, v, t in rows])
        else:
            emit_table([tr("device"), tr("latest version"), tr("taken at")], [[d, v, _when(t)] for d, v, t in rows])
        return
    versions = store.versions(device)
    if not versions:
        store.show(device)  # raises the clear "no configuration of DEVICE" error
    if as_json:
        emit_json([{"version": v.version, "taken_at": v.taken_at, "run_id": v.run_id, "command": v.source_command, "digest": v.digest}
                   for v in versions])
    else:
        emit_table([tr("version"), tr("taken at"), tr("run"), tr("command")],
                   [[v.version, _when(v.taken_at), v.run_id, v.source_command] for v in versions])


@configs.command("show", help=tr("Print a stored configuration (latest by default), secrets masked."))
@click.argument("device")
@click.option("--version", "version", type=int, help=tr("Version number (default: the latest)."))
@click.option("--output", type=click.Path(dir_okay=False), help=tr("Write it to this file instead."))
@pass_app
def show_command(app: AppContext, device: str, version: int | None, output: str | None) -> None:
    found = ConfigStore(app.database).show(device, version)
    if output:
        write_private(Path(output), found.text)  # a backup copy: masked, and still the owner's only
        click.echo(tr("version {v} of {device} written to {path}", v=found.version, device=device, path=output))
    else:
        click.echo(found.text, nl=False)


@configs.command("diff", help=tr("Unified diff between two versions (default: the latest against the one before)."))
@click.argument("device")
@click.option("--from", "old", type=int, help=tr("Older version."))
@click.option("--to", "new", type=int, help=tr("Newer version (default: the latest)."))
@pass_app
def diff_command(app: AppContext, device: str, old: int | None, new: int | None) -> None:
    diff = ConfigStore(app.database).diff(device, old, new)
    click.echo(diff if diff else tr("no differences"), nl=not diff)


commands = [configs]
