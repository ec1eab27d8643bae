"""``egovops plugins``: the installed procedures and the plugins that failed to load.

``list`` reads manifests only and imports no plugin code; ``show`` imports the one procedure it
shows, so a plugin that cannot be imported says so there; ``check`` imports every plugin.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from egovops.cli.output import emit_json, emit_table
from egovops.i18n import tr, value_name
from egovops.procedures import DiscoveryProblem, ListedProcedure, PluginLoadError, discover


def _describe(p: ListedProcedure) -> dict[str, Any]:
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


def _problem_rows(problems: list[DiscoveryProblem]) -> list[dict[str, str]]:
    return [{"entry_point": p.entry_point, "source": p.source, "stage": p.stage, "message": p.message} for p in problems]


def _echo_problems(problems: list[dict[str, str]]) -> None:
    for problem in problems:
        click.echo(tr("plugin {name} not loaded ({stage}): {message}", name=problem["source"], stage=problem["stage"], message=problem["message"]), err=True)


@plugins.command("list", help=tr("List installed procedures and report plugins that failed to load."))
@click.option("--json", "as_json", is_flag=True)
def list_command(as_json: bool) -> None:
    registry = discover()  # manifests only: listing imports no plugin code
    problems = _problem_rows(registry.problems)
    if as_json:
        emit_json({"procedures": [_describe(p) for p in registry.all()], "problems": problems})
        return
    emit_table(
        [tr("id"), tr("version"), tr("risk"), tr("name"), tr("vendors")],
        [[p.manifest.id, p.manifest.version, value_name("risk", p.manifest.risk.value), p.manifest.name(), ",".join(p.manifest.targets.vendors) or "*"]
         for p in registry.all()],
    )
    _echo_problems(problems)


@plugins.command("check", help=tr("Import every installed plugin and report those that fail; exit code 1 if any does."))
@click.option("--json", "as_json", is_flag=True)
def check_command(as_json: bool) -> None:
    registry = discover()
    problems = _problem_rows(registry.check())
    if as_json:
        emit_json({"checked": [p.manifest.id for p in registry.all()], "problems": problems})
    else:
        _echo_problems(problems)
        if not problems:
            click.echo(tr("{n} plugins imported without a problem", n=len(registry.all())))
    sys.exit(1 if problems else 0)


@plugins.command("show", help=tr("Show a procedure's manifest: risk, targets, parameters."))
@click.argument("procedure")
@click.option("--json", "as_json", is_flag=True)
def show_command(procedure: str, as_json: bool) -> None:
    registry = discover()
    found = _describe(registry.listed(procedure))
    try:
        registry.get(procedure)  # shown in detail: its code is imported now, and a failure said
    except PluginLoadError as exc:
        found["problem"] = str(exc)
    if as_json:
        emit_json(found)
    else:
        _show_text(found)
    if "problem" in found:
        click.echo(found["problem"], err=True)
        sys.exit(1)


def _show_text(found: dict[str, Any]) -> None:
    click.echo(f"{found['id']} {found['version']} — {found['name']} [{found['risk']}]")
    if found["description"]:
        click.echo(found["description"])
    emit_table([tr("parameter"), tr("type"), tr("default"), tr("description")],
               [[s["name"], s["type"], s["default"], s["description"]] for s in found["parameters"]])


commands = [plugins]
