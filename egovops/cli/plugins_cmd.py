"""``egovops plugins``: the installed procedures and the plugins that failed to load."""

from __future__ import annotations

from typing import Any

import click

from egovops.cli.output import emit_json, emit_table
from egovops.i18n import tr, value_name
from egovops.procedures import LoadedProcedure, discover


def _describe(p: LoadedProcedure) -> dict[str, Any]:
    m = p.manifest
    return {
        "id": m.id, "version": m.version, "risk": m.risk.value, "name": m.name(), "names": dict(m.names),
        "description": m.description(), "timeout": m.timeout,
        "targets": {"vendors": list(m.targets.vendors), "roles": list(m.targets.roles), "networks": list(m.targets.networks)},
        "parameters": [
            {"name": s.name, "type": s.type, "default": s.default, "required": s.required, "description": s.description,
             "choices": list(s.choices), "minimum": s.minimum, "maximum": s.maximum, "secret": s.secret}
            for s in m.parameters
        ],
        "source": p.source,
    }


@click.group(help=tr("Maintenance procedures (plugins)."))
def plugins() -> None:
    pass


@plugins.command("list", help=tr("List installed procedures and report plugins that failed to load."))
@click.option("--json", "as_json", is_flag=True)
def list_command(as_json: bool) -> None:
    registry = discover()
    problems = [{"entry_point": p.entry_point, "source": p.source, "stage": p.stage, "message": p.message} for p in registry.problems]
    if as_json:
        emit_json({"procedures": [_describe(p) for p in registry.all()], "problems": problems})
        return
    emit_table(
        [tr("id"), tr("version"), tr("risk"), tr("name"), tr("vendors")],
        [[p.manifest.id, p.manifest.version, value_name("risk", p.manifest.risk.value), p.manifest.name(), ",".join(p.manifest.targets.vendors) or "*"]
         for p in registry.all()],
    )
    for problem in problems:
        click.echo(tr("plugin {name} not loaded ({stage}): {message}", name=problem["source"], stage=problem["stage"], message=problem["message"]), err=True)


@plugins.command("show", help=tr("Show a procedure's manifest: risk, targets, parameters."))
@click.argument("procedure")
@click.option("--json", "as_json", is_flag=True)
def show_command(procedure: str, as_json: bool) -> None:
    found = _describe(discover().get(procedure))
    if as_json:
        emit_json(found)
        return
    click.echo(f"{found['id']} {found['version']} — {found['name']} [{found['risk']}]")
    if found["description"]:
        click.echo(found["description"])
    emit_table([tr("parameter"), tr("type"), tr("default"), tr("description")],
               [[s["name"], s["type"], s["default"], s["description"]] for s in found["parameters"]])


commands = [plugins]
