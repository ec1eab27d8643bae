"""``egovops maintenance``: planned work, excluded from availability reports.

Planning or removing a window takes the engineer role (``--operator`` signs in to a local account,
else the OS user's account is used) and goes to the audit trail: a window removes downtime from
the figures a unit is evaluated on, so who excluded what, and why, must be traceable.
"""

from __future__ import annotations

import re
import time
from datetime import datetime

import click

from egovops.availability.maintenance import RECURRENCES, MaintenanceWindow
from egovops.availability.periods import parse_day, system_zone, zone, zone_name
from egovops.cli.context import AppContext, pass_app
from egovops.availability.planning import AvailabilityPlanner
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.inventory.sites import normalise_path
from egovops.reports.formatting import duration as show_duration
from egovops.availability.repo import AvailabilityRepository

_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$")


def parse_duration(text: str) -> float:
    """``90m``, ``4h``, ``1d``, ``2h30m`` → seconds."""
    found = _DURATION.match(text.strip().lower())
    if not found or not any(found.groups()):
        raise ValidationError(tr("{text!r} is not a duration like 90m, 4h, 1d or 2h30m", text=text))
    days, hours, minutes = (int(g or 0) for g in found.groups())
    return float(days * 86400 + hours * 3600 + minutes * 60)


def parse_local(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise ValidationError(tr("{text!r} is not a local time like 2026-10-03 22:00", text=text)) from None


def _scope(app: AppContext, device: str | None, site: str | None, network: str | None) -> tuple[str, str]:
    chosen = [(k, v) for k, v in (("device", device), ("site", site), ("network", network)) if v]
    if len(chosen) != 1:
        raise click.UsageError(tr("name exactly one of --device, --site or --network"))
    kind, value = chosen[0]
    if kind == "device":
        app.inventory.device(value)  # raises NotFoundError naming the device
    elif kind == "site":
        value = normalise_path(value)
        if value not in {s.path for s in app.inventory.sites()}:
            raise NotFoundError(tr("no site {path!r}", path=value))
    elif value not in app.inventory.network_names():
        raise NotFoundError(tr("no network {name!r}", name=value))
    return kind, value


@click.group(help=tr("Maintenance windows: planned work, excluded from availability."))
def maintenance() -> None:
    pass


@maintenance.command("add", help=tr("Plan a maintenance window for a device, a site (and all below it) or a network."))
@click.option("--device")
@click.option("--site", help=tr("Site path, e.g. 安徽省/合肥市/肥东县."))
@click.option("--network")
@click.option("--start", "start_text", required=True, help=tr("Local start time, e.g. \"2026-10-03 22:00\"."))
@click.option("--end", "end_text", help=tr("Local end time (or give --duration)."))
@click.option("--duration", "duration_text", help=tr("Length, e.g. 90m, 4h, 1d."))
@click.option("--repeat", type=click.Choice(RECURRENCES), default="once", show_default=True)
@click.option("--until", "until_text", help=tr("Last day a repeating window may start."))
@click.option("--reason", required=True)
@click.option("--tz", "tz_name", help=tr("Time zone of the times given (default: the system's)."))
@click.option("--json", "as_json", is_flag=True)
@operator_options
@pass_app
@operator_errors
def add_command(app: AppContext, device: str | None, site: str | None, network: str | None, start_text: str,
                end_text: str | None, duration_text: str | None, repeat: str, until_text: str | None,
                reason: str, tz_name: str | None, as_json: bool, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    kind, scope = _scope(app, device, site, network)
    tz = zone(tz_name) if tz_name else system_zone()
    starts = parse_local(start_text)
    if (end_text is None) == (duration_text is None):
        raise click.UsageError(tr("give either --end or --duration"))
    if end_text is not None:
        length = parse_local(end_text).replace(tzinfo=tz).timestamp() - starts.replace(tzinfo=tz).timestamp()
    else:
        length = parse_duration(duration_text or "")
    name = zone_name(tz)
    window = MaintenanceWindow(
        kind, scope, starts, length, reason, name, repeat, parse_day(until_text) if until_text else None,
        created_by=operator.label(), created_at=time.time(),
    )
    window_id = AvailabilityPlanner(app.database).add_window(operator, window)  # role check and audit row
    if as_json:
        emit_json({"id": window_id})
    else:
        click.echo(tr("maintenance window {id} added for {kind} {scope}", id=window_id, kind=tr(kind), scope=scope))


@maintenance.command("list", help=tr("List maintenance windows."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def list_command(app: AppContext, as_json: bool) -> None:
    windows = AvailabilityRepository(app.database).windows()
    if as_json:
        emit_json([
            {"id": w.id, "scope_kind": w.scope_kind, "scope": w.scope, "starts": w.starts.isoformat(), "tz": w.tz,
             "duration": w.duration, "repeat": w.recurrence, "until": w.until.isoformat() if w.until else None,
             "reason": w.reason, "created_by": w.created_by, "created_at": w.created_at}
            for w in windows
        ])
        return
    emit_table(
        [tr("id"), tr("applies to"), tr("starts"), tr("duration"), tr("repeat"), tr("reason"), tr("created by")],
        [(w.id, f"{tr(w.scope_kind)} {w.scope}", f"{w.starts:%Y-%m-%d %H:%M} {w.tz}", show_duration(w.duration),
          w.describe_repeat(), w.reason, w.created_by) for w in windows],
    )


@maintenance.command("remove", help=tr("Remove a maintenance window by its id."))
@click.argument("window_id", type=int)
@operator_options
@pass_app
@operator_errors
def remove_command(app: AppContext, window_id: int, operator_login: tuple[str | None, bool]) -> None:
    AvailabilityPlanner(app.database).remove_window(current_operator(app, operator_login), window_id)
    click.echo(tr("maintenance window {id} removed", id=window_id))


commands = [maintenance]
