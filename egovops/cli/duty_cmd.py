"""``egovops duty``: the duty log — shifts, notes and the handover summary for the next engineer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.duty import DutyService, Shift, to_text, write_summary
from egovops.duty.shifts import when
from egovops.errors import NotFoundError
from egovops.i18n import tr, value_name


def shift_json(shift: Shift) -> dict[str, object]:
    return dataclasses.asdict(shift)


def _chosen(service: DutyService, shift_id: int | None) -> Shift:
    shift = service.shift(shift_id)
    if shift is None:
        raise NotFoundError(tr("no duty shift has been started yet"))
    return shift


@click.group(help=tr("The duty log: shifts, notes and the handover summary."))
def duty() -> None:
    pass


@duty.command("start", help=tr("Start your shift at the duty desk."))
@click.option("--take-over", is_flag=True, help=tr("End the open shift of the previous engineer in your name and start yours."))
@operator_options
@pass_app
def start_command(app: AppContext, take_over: bool, operator_login: tuple[str | None, bool]) -> None:
    shift = DutyService(app.database).start(current_operator(app, operator_login), take_over=take_over)
    click.echo(tr("shift {id} started by {who} at {at}", id=shift.id, who=shift.operator, at=when(shift.started_at)))


@duty.command("end", help=tr("End the open shift."))
@operator_options
@pass_app
def end_command(app: AppContext, operator_login: tuple[str | None, bool]) -> None:
    shift = DutyService(app.database).end(current_operator(app, operator_login))
    click.echo(tr("shift {id} of {who} ended at {at}", id=shift.id, who=shift.operator, at=when(shift.ended_at)))


@duty.command("note", help=tr("Write a note in the open shift's log."))
@click.argument("text", nargs=-1, required=True)
@operator_options
@pass_app
def note_command(app: AppContext, text: tuple[str, ...], operator_login: tuple[str | None, bool]) -> None:
    note = DutyService(app.database).note(current_operator(app, operator_login), " ".join(text))
    click.echo(tr("note added to shift {id} at {at}", id=note.shift_id, at=when(note.at)))


@duty.command("list", help=tr("List the latest shifts, newest first."))
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, limit: int, as_json: bool) -> None:
    shifts = DutyService(app.database).shifts(limit)
    if as_json:
        emit_json([shift_json(s) for s in shifts])
        return
    emit_table([tr("id"), tr("on duty"), tr("role"), tr("started"), tr("ended"), tr("ended by")],
               [[s.id, s.operator, value_name("operator_role", s.role), when(s.started_at),
                 when(s.ended_at) if s.ended_at else tr("open"), s.ended_by or ""]
                for s in shifts])


@duty.command("show", help=tr("Show a shift and its notes (default: the open shift, else the latest)."))
@click.option("--shift", "shift_id", type=int, help=tr("The shift's id (see 'duty list')."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def show_command(app: AppContext, shift_id: int | None, as_json: bool) -> None:
    service = DutyService(app.database)
    shift = _chosen(service, shift_id)
    notes = service.notes(shift.id)
    if as_json:
        emit_json(dict(shift_json(shift), notes=[dataclasses.asdict(n) for n in notes]))
        return
    state = tr("open") if shift.is_open else tr("ended {at}", at=when(shift.ended_at))
    click.echo(tr("shift {id}: {who} ({role}) since {since}, {state}", id=shift.id, who=shift.operator, role=value_name("operator_role", shift.role),
                  since=when(shift.started_at), state=state))
    for note in notes:
        click.echo(f"  {when(note.at)}  {note.author}: {note.text}")


@duty.command("handover", help=tr("The handover summary of a shift: alarms, acknowledgements, procedures, notes."))
@click.option("--shift", "shift_id", type=int, help=tr("The shift's id (default: the open shift, else the latest)."))
@click.option("--json", "as_json", is_flag=True)
@click.option("--export", "export_to", type=click.Path(dir_okay=False, path_type=Path),
              help=tr("Write the summary to FILE: .md (Markdown), .txt (plain text) or .csv."))
@pass_app
def handover_command(app: AppContext, shift_id: int | None, as_json: bool, export_to: Path | None) -> None:
    service = DutyService(app.database)
    summary = service.summary(_chosen(service, shift_id))
    if export_to is not None:
        write_summary(summary, export_to)
        click.echo(tr("handover summary of shift {id} written to {path}", id=summary.shift.id, path=export_to), err=as_json)
    if as_json:
        emit_json(dataclasses.asdict(summary))
    elif export_to is None:
        click.echo(to_text(summary), nl=False)


commands = [duty]
