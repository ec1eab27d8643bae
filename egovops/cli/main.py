"""Entry point of the ``egovops`` command.

Exit codes: 0 ok, 1 partial success or validation errors, 2 usage errors (click's own convention).
"""

from __future__ import annotations

import importlib
import sys

import click

from egovops import __version__
from egovops.cli.context import AppContext
from egovops.errors import EgovopsError
from egovops.i18n import tr

# Each module exposes ``commands``: the click commands or groups it adds to the top level.
COMMAND_MODULES = (
    "egovops.cli.inventory_cmd",
    "egovops.cli.network_cmd",
    "egovops.cli.credentials_cmd",
    "egovops.cli.known_hosts_cmd",
    "egovops.cli.demo_cmd",
    "egovops.cli.console_cmd",
    "egovops.cli.plugins_cmd",
    "egovops.cli.run_cmd",
    "egovops.cli.configs_cmd",
    "egovops.cli.audit_cmd",
    "egovops.cli.accounts_cmd",
    "egovops.cli.poll_cmd",
    "egovops.cli.alarms_cmd",
    "egovops.cli.status_cmd",
    "egovops.cli.topology_cmd",
)


@click.group(help=tr("Operations and maintenance console for the province's e-government networks."))
@click.version_option(__version__, prog_name="egovops")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    envvar="EGOVOPS_HOME",
    help=tr("Folder holding the store (default: the per-user data folder; EGOVOPS_HOME also sets it)."),
)
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None) -> None:
    app = AppContext(data_dir)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    for module_name in COMMAND_MODULES:
        for command in importlib.import_module(module_name).commands:
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="egovops", standalone_mode=True)
    except EgovopsError as exc:
        click.echo(tr("error: {message}", message=str(exc)), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
