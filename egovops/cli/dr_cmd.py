"""``egovops dr``: disaster-recovery readiness — centres, DR peers, drills and the verdict.

Marking centres and peers and recording drills take the engineer role and go to the audit trail:
a drill's alarms are kept out of availability, so who declared one, over what, must be traceable.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.dr.model import OUTCOMES, Drill, Readiness, outcome_name, role_name, verdict_name
from egovops.dr.service import DrService
from egovops.duty.shifts import when
from egovops.i18n import tr, value_name
from egovops.inventory.model import DrRole
from egovops.inventory.sites import normalise_path

ROLES = [r.value for r in DrRole]


@click.group(help=tr("Disaster-recovery readiness: centres, DR peers, drills and the verdict."))
def dr() -> None:
    pass


@dr.group("centre", help=tr("Mark sites as production or DR centres."))
def centre() -> None:
    pass


@centre.command("set", help=tr("Mark a site as a centre in a role (--role none: no longer a centre)."))
@click.argument("site")
@click.option("--role", type=click.Choice([*ROLES, "none"]), required=True)
@operator_options
@pass_app
@operator_errors
def centre_set(app: AppContext, site: str, role: str, operator_login: tuple[str | None, bool]) -> None:
    path = normalise_path(site)
    DrService(app.database).set_centre(current_operator(app, operator_login), path, None if role == "none" else role)
    click.echo(tr("{site} is now: {role}", site=path, role=role_name(role) if role != "none" else tr("not a centre")))


@dr.group("peer", help=tr("Name the DR peer of a production device."))
def peer() -> None:
    pass


@peer.command("set", help=tr("Name PEER a DR peer of DEVICE (their backups are compared for drift)."))
@click.argument("device")
@click.argument("peer_name", metavar="PEER")
@click.option("--remove", is_flag=True, help=tr("Remove the pairing instead."))
@operator_options
@pass_app
@operator_errors
def peer_set(app: AppContext, device: str, peer_name: str, remove: bool,
             operator_login: tuple[str | None, bool]) -> None:
    changed = DrService(app.database).set_peer(current_operator(app, operator_login), device, peer_name, remove)
    if remove:
        click.echo(tr("{peer} is no longer a DR peer of {device}", peer=peer_name, device=device) if changed
                   else tr("{peer} was not a DR peer of {device}", peer=peer_name, device=device))
    else:
        click.echo(tr("{peer} is a DR peer of {device}", peer=peer_name, device=device))


def readiness_json(r: Readiness) -> dict[str, Any]:
    return {
        "at": r.at, "verdict": r.verdict, "reasons": [dict(x.to_json(), text=x.text()) for x in r.reasons],
        "centres": [dataclasses.asdict(c) for c in r.centres],
        "links": [dict(dataclasses.asdict(x), utilisation=x.utilisation, headroom_bps=x.headroom_bps) for x in r.links],
        "drift": [{k: v for k, v in dataclasses.asdict(d).items()} for d in r.drift],
        "last_drill": dataclasses.asdict(r.last_drill) if r.last_drill else None,
        "history": [{"at": h.at, "verdict": h.verdict, "reasons": [x.text() for x in h.reasons]} for h in r.history],
    }


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


def _show(r: Readiness) -> None:
    click.echo(tr("DR readiness: {verdict}", verdict=verdict_name(r.verdict)))
    for reason in r.reasons:
        click.echo(f"  - {reason.text()}")
    click.echo("")
    emit_table([tr("centre"), tr("role"), tr("core devices up"), tr("redundant pairs whole"), tr("uplinks up"),
                tr("verdict")],
               [(c.path, role_name(c.role), f"{len(c.core) - len(c.down)}/{len(c.core)}", f"{c.pairs_whole}/{c.pairs}",
                 f"{c.uplinks - len(c.uplinks_down)}/{c.uplinks}", verdict_name(c.verdict)) for c in r.centres])
    click.echo("")
    emit_table([tr("inter-centre link"), tr("centres"), tr("state"), tr("utilisation"), tr("latency")],
               [(x.label, f"{x.a_centre} — {x.b_centre}", value_name("state", x.state), _percent(x.utilisation),
                 tr("not measured") if x.latency_ms is None else f"{x.latency_ms:.1f} ms") for x in r.links])
    if r.drift:
        click.echo("")
        emit_table([tr("device"), tr("DR peer"), tr("differing lines"), tr("backups")],
                   [(d.device, d.peer, d.changed_lines, f"v{d.device_version or '-'} / v{d.peer_version or '-'}")
                    for d in r.drift])
    click.echo("")
    drill = r.last_drill
    click.echo(tr("last drill: {what}", what=tr("none") if drill is None else
                  f"{when(drill.started_at)} {outcome_name(drill.outcome)} ({', '.join(drill.scope)})"))


@dr.command("status", help=tr("The DR readiness verdict with its reasons, centres, links, drift and last drill."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def status_command(app: AppContext, as_json: bool) -> None:
    # Read-only: the verdict's history is kept by the collector (and a console showing the tab).
    result = DrService(app.database).readiness(record=False)
    if as_json:
        emit_json(readiness_json(result))
    else:
        _show(result)


@dr.command("drift", help=tr("The differences between a device's latest backup and its DR peer's."))
@click.argument("device")
@pass_app
@operator_errors
def drift_command(app: AppContext, device: str) -> None:
    found = [d for d in DrService(app.database).readiness(record=False).drift if device in (d.device, d.peer)]
    if not found:
        raise click.ClickException(tr("{device} has no DR peer", device=device))
    for d in found:
        click.echo(d.diff or tr("{device} and {peer}: no drift", device=d.device, peer=d.peer))


@dr.group("drill", help=tr("DR drills: their alarms are drill alarms, kept out of availability."))
def drill() -> None:
    pass


@drill.command("start", help=tr("Start a drill over sites (with all below them) and devices."))
@click.option("--scope", "scope", multiple=True, required=True,
              help=tr("A site path or a device name; repeat for more."))
@click.option("--notes", default="")
@operator_options
@pass_app
@operator_errors
def drill_start(app: AppContext, scope: tuple[str, ...], notes: str, operator_login: tuple[str | None, bool]) -> None:
    wanted = [normalise_path(s) if "/" in s else s.strip() for s in scope]
    drill_id = DrService(app.database).start_drill(current_operator(app, operator_login), wanted, notes)
    click.echo(tr("drill {id} started", id=drill_id))


@drill.command("end", help=tr("End the running drill with its outcome."))
@click.option("--outcome", type=click.Choice(OUTCOMES), required=True)
@click.option("--notes", default="")
@operator_options
@pass_app
@operator_errors
def drill_end(app: AppContext, outcome: str, notes: str, operator_login: tuple[str | None, bool]) -> None:
    ended = DrService(app.database).end_drill(current_operator(app, operator_login), outcome, notes)
    click.echo(tr("drill {id} ended: {outcome}", id=ended.id, outcome=outcome_name(ended.outcome)))


def drill_json(service: DrService, d: Drill) -> dict[str, Any]:
    return dict(dataclasses.asdict(d), drill_alarms=[a[0] for a in service.drill_alarms(d)])


@drill.command("list", help=tr("List drills, newest first, with the alarms each caused."))
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def drill_list(app: AppContext, limit: int, as_json: bool) -> None:
    service = DrService(app.database)
    drills = service.drills(limit)
    if as_json:
        emit_json([drill_json(service, d) for d in drills])
        return
    emit_table([tr("id"), tr("started"), tr("ended"), tr("scope"), tr("outcome"), tr("drill alarms"), tr("notes")],
               [(d.id, when(d.started_at), when(d.ended_at) if d.ended_at else "", ", ".join(d.scope),
                 outcome_name(d.outcome), len(service.drill_alarms(d)), d.notes) for d in drills])


commands = [dr]
