"""``egovops audit``: verify the hash chain (naming every bad row), list, export."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from egovops.accounts.guard import authorize
from egovops.audit import AuditLog, export_rows, read_export, verify_store
from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.i18n import tr
from egovops.audit.repo import AuditRepository


@click.group(help=tr("The audit trail of procedures and device actions."))
def audit() -> None:
    pass


@audit.command("verify", help=tr("Check the audit trail's hash chain; exit 1 and name each bad row if it was changed."))
@click.option("--against", type=click.Path(exists=True, dir_okay=False),
              help=tr("Also check every row of an earlier .jsonl export kept elsewhere (catches a rewritten chain)."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def verify_command(app: AppContext, against: str | None, as_json: bool) -> None:
    verdict = verify_store(app.database, read_export(Path(against)) if against else None)
    if as_json:
        emit_json({"ok": verdict.ok, "rows_checked": verdict.rows_checked,
                   "problems": [{"row": p.row_id, "kind": p.kind, "message": p.message} for p in verdict.problems]})
    elif verdict.ok:
        click.echo(tr("audit trail intact: {n} rows checked", n=verdict.rows_checked))
    else:
        for problem in verdict.problems:
            click.echo(problem.message, err=True)
        click.echo(tr("audit trail BROKEN: {n} problem(s) in {rows} rows", n=len(verdict.problems), rows=verdict.rows_checked), err=True)
    sys.exit(0 if verdict.ok else 1)


@audit.command("list", help=tr("The newest audit rows."))
@click.option("--limit", type=click.IntRange(1, 100000), default=30)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, limit: int, as_json: bool) -> None:
    rows = AuditRepository(app.database).recent(limit)
    if as_json:
        emit_json([{**r.as_dict(), "details": r.details_dict()} for r in rows])
        return
    emit_table([tr("row"), tr("time"), tr("who"), tr("role"), tr("action"), tr("subject")],
               [[r.id, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(r.at)), r.actor, r.role, r.action, r.subject] for r in rows])


@audit.command("export", help=tr("Write the audit trail to FILE (.jsonl keeps the hashes for offline checks, .csv for Excel)."))
@click.argument("file", type=click.Path(dir_okay=False))
@operator_options
@pass_app
def export_command(app: AppContext, file: str, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    authorize(AuditLog(app.database), operator, "audit.export", Path(file).name)  # a refusal is on record too
    repo = AuditRepository(app.database)
    count = export_rows(repo.rows(), repo.head(), Path(file))
    AuditLog(app.database).record(actor=operator.label(), role=operator.role.value, action="audit.export",
                                  subject=Path(file).name, details={"rows": count})
    click.echo(tr("{n} audit rows written to {path}", n=count, path=file))


commands = [audit]
