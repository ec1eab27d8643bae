"""``egovops network``: the intranet, the extranet and departmental business networks."""

from __future__ import annotations

from dataclasses import replace

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.output import emit_json, emit_table
from egovops.errors import ValidationError
from egovops.i18n import stored_text, tr, value_name
from egovops.inventory.model import MigrationState, Network, NetworkKind
from egovops.inventory.validation import check_cidrs, check_network_name


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


def _cidrs(values: tuple[str, ...]) -> tuple[str, ...]:
    try:
        return check_cidrs(values)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


@network.command("set", help=tr("Declare or change a network: NAME is intranet, extranet or private:<name>."))
@click.argument("name")
@click.option("--cidr", "cidrs", multiple=True, help=tr("An address range of the network (repeat for more)."))
@click.option("--migration", type=click.Choice([s.value for s in MigrationState]))
@click.option("--description")
@pass_app
def set_command(app: AppContext, name: str, cidrs: tuple[str, ...], migration: str | None, description: str | None) -> None:
    try:
        name = check_network_name(name)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    existing = {n.name: n for n in app.inventory.networks()}
    kind = NetworkKind(name.split(":", 1)[0])
    current = existing.get(name, Network(name, kind))
    if kind is NetworkKind.PRIVATE and current.migration_state is None and migration is None:
        migration = MigrationState.PLANNED.value
    updated = replace(
        current,
        cidrs=_cidrs(cidrs) if cidrs else current.cidrs,
        migration_state=MigrationState(migration) if migration else current.migration_state,
        description=description if description is not None else current.description,
    )
    if kind is not NetworkKind.PRIVATE and updated.migration_state is not None:
        raise ValidationError(tr("only private networks have a migration state"))
    app.inventory.save_network(updated)
    click.echo(tr("network {name} saved", name=name))


commands = [network]

