"""``egovops network``: the intranet, the extranet and departmental business networks."""

from __future__ import annotations

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.i18n import stored_text, tr, value_name
from egovops.inventory.model import MigrationState
from egovops.inventory.validation import check_network_name
from egovops.inventory_edit.networks import save_network


@click.group(help=tr("Networks and their address ranges."))
def network() -> None:
    pass


@network.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    found = app.inventory.networks()
    if as_json:
        emit_json([
            {"name": n.name, "kind": n.kind.value, "cidrs": list(n.cidrs),
             "migration_state": n.migration_state.value if n.migration_state else None, "description": n.description}
            for n in found
        ])
        return
    rows = [(n.name, value_name("network", n.kind.value), ",".join(n.cidrs),
             value_name("migration", n.migration_state.value) if n.migration_state else "", stored_text(n.description)) for n in found]
    emit_table([tr("name"), tr("kind"), tr("address ranges"), tr("migration"), tr("description")], rows)


@network.command("set", help=tr("Declare or change a network: NAME is intranet, extranet or private:<name>."))
@click.argument("name")
@click.option("--cidr", "cidrs", multiple=True, help=tr("An address range of the network (repeat for more)."))
@click.option("--migration", type=click.Choice([s.value for s in MigrationState]))
@click.option("--description")
@operator_options
@pass_app
def set_command(app: AppContext, name: str, cidrs: tuple[str, ...], migration: str | None, description: str | None,
                operator_login: tuple[str | None, bool]) -> None:
    try:
        check_network_name(name)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    saved = save_network(app.database, current_operator(app, operator_login), name, cidrs, migration, description)
    click.echo(tr("network {name} saved", name=saved.name))


commands = [network]

