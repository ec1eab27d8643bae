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

# Command name -> the module that defines it (its ``commands`` list holds a command of that name).
# Modules are imported only when their command runs: several pull in pysnmp, matplotlib or Qt, and
# an operator's `egovops inventory list` must not wait for them.
COMMAND_MODULES = {
    "inventory": "egovops.cli.inventory_cmd",
    "network": "egovops.cli.network_cmd",
    "credentials": "egovops.cli.credentials_cmd",
    "known-hosts": "egovops.cli.known_hosts_cmd",
    "demo": "egovops.cli.demo_cmd",
    "report": "egovops.cli.report_cmd",
    "maintenance": "egovops.cli.maintenance_cmd",
    "plugins": "egovops.cli.plugins_cmd",
    "run": "egovops.cli.run_cmd",
    "configs": "egovops.cli.configs_cmd",
    "audit": "egovops.cli.audit_cmd",
    "accounts": "egovops.cli.accounts_cmd",
    "topology": "egovops.cli.topology_cmd",
    "poll": "egovops.cli.poll_cmd",
    "alarms": "egovops.cli.alarms_cmd",
    "status": "egovops.cli.status_cmd",
    "polling": "egovops.cli.polling_cmd",
    "console": "egovops.cli.console_cmd",
    "duty": "egovops.cli.duty_cmd",
    "store": "egovops.cli.store_cmd",
    "signin": "egovops.cli.signin_cmd",
    "signout": "egovops.cli.signin_cmd",
    "collector": "egovops.cli.collector_cmd",
    "collectors": "egovops.cli.collectors_cmd",
    "notify": "egovops.cli.notify_cmd",
    "events": "egovops.cli.events_cmd",
    "dr": "egovops.cli.dr_cmd",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (``--help`` imports them all)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(module_name)
        return next(c for c in module.commands if c.name == cmd_name)


@click.group(cls=LazyGroup, help=tr("Operations and maintenance console for the province's e-government networks."))
@click.version_option(__version__, prog_name="egovops")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    envvar="EGOVOPS_HOME",
    help=tr("Folder holding the store (default: the per-user data folder; EGOVOPS_HOME also sets it)."),
)
@click.option(
    "--database",
    metavar="URL",
    envvar="EGOVOPS_DATABASE",
    help=tr("A shared store: postgresql://USER@HOST:PORT/DATABASE (default: the SQLite file in the data folder; "
            "EGOVOPS_DATABASE also sets it). The password, if any, comes from the OS keyring."),
)
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, database: str | None) -> None:
    app = AppContext(data_dir, database or None)
    ctx.obj = app
    ctx.call_on_close(app.close)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="egovops", standalone_mode=True)
    except EgovopsError as exc:
        click.echo(tr("error: {message}", message=str(exc)), err=True)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the machine around the core failed: one line, never a traceback
        from egovops.cli.failures import describe

        click.echo(tr("error: {message}", message=describe(exc)), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
