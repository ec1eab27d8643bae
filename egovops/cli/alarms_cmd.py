"""``egovops alarms``: list alarms, acknowledge one with the operator's name and a comment."""

from __future__ import annotations

import time

import click

from egovops.audit.log import AuditLog
from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.i18n import tr, value_name
from egovops.overview.alarm_text import kind_label, localized_message
from egovops.overview.alarms import group_by_root
from egovops.storage.alarms_repo import Alarm, AlarmRepository


def _when(at: float | None) -> str:
    return "" if at is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


def alarm_json(a: Alarm) -> dict[str, object]:
    return dict(a.__dict__)


@click.group(help=tr("Alarms raised by polling."))
def alarms() -> None:
    pass


@alarms.command("list", help=tr("List alarms, newest first."))
@click.option("--active", "active_only", is_flag=True, help=tr("Only alarms still active."))
@click.option("--device", help=tr("Only this device's alarms."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, active_only: bool, device: str | None, as_json: bool) -> None:
    found = AlarmRepository(app.database).list(active_only=active_only, device=device)
    # Root cause first, the alarms it explains (suppressed by root-cause analysis) right under it.
    groups = group_by_root(found)  # type: ignore[arg-type]
    if as_json:
        emit_json([dict(alarm_json(a), suppressed_count=sum(1 for f in g.folded if f.suppressed)) if a is g.root else alarm_json(a)
                   for g in groups for a in [g.root, *g.folded]])
        return
    rows = []
    for g in groups:
        for a in [g.root, *g.folded]:
            under = a is not g.root
            rows.append([a.id, value_name("severity", a.severity), ("  └ " if under else "") + a.device, kind_label(a.kind), a.subject,
                         tr("active") if a.active else tr("cleared"), a.count,
                         "" if under else sum(1 for f in g.folded if f.suppressed) or "", _when(a.last_seen),
                         a.acked_by or "",
                         localized_message(a.kind, a.message)])
    emit_table(
        [tr("id"), tr("severity"), tr("device"), tr("kind"), tr("subject"), tr("state"), tr("count"), tr("suppressed"),
         tr("last seen"), tr("acknowledged"), tr("message")],
        rows,
    )


@alarms.command("ack", help=tr("Acknowledge alarm ID with a comment."))
@click.argument("alarm_id", type=int)
@click.option("--comment", required=True, help=tr("Why, or what is being done about it."))
@operator_options
@pass_app
def ack_command(app: AppContext, alarm_id: int, comment: str, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    audit = AuditLog(app.database)
    with audit.change():  # the acknowledgement and its audit row: all or none
        alarm = AlarmRepository(app.database).acknowledge(alarm_id, operator.label(), comment, time.time())
        audit.record(actor=operator.label(), role=operator.role.value, action="alarm.ack",
                     subject=alarm.device, details={"alarm": alarm.id, "kind": alarm.kind, "comment": comment})
    click.echo(tr("alarm {id} acknowledged by {who}", id=alarm.id, who=alarm.acked_by))


commands = [alarms]
