"""``egovops report``: availability reports for supervisors (PDF, PNG, SVG, CSV, JSON)."""

from __future__ import annotations

from pathlib import Path

import click

from egovops.availability.grouping import GROUPINGS
from egovops.availability.periods import PERIOD_KINDS, Period, custom_period, parse_day, period_containing, zone
from egovops.availability.planning import AvailabilityPlanner
from egovops.availability.repo import AvailabilityRepository
from egovops.cli.context import AppContext, pass_app
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.i18n import tr
from egovops.reports import CHARTS, FORMATS
from egovops.reports.formatting import percent, sla_mark, view_name

GROUP_CHOICES = ("device", "county", "city", "unit", "network", "role", "level", "province")
assert set(GROUP_CHOICES) == set(GROUPINGS)


def choose_period(app: AppContext, first: str | None, last: str | None, kind: str | None, at: str | None,
                  tz_name: str | None) -> Period:
    tz = zone(tz_name)
    if first or last:
        if kind:
            raise click.UsageError(tr("give either --period or --from/--to, not both"))
        if not first or not last:
            raise click.UsageError(tr("give --from and --to, or --period"))
        return custom_period(parse_day(first), parse_day(last), tz)
    if kind and at:
        return period_containing(kind, parse_day(at), tz)
    # No date: the last complete period if it holds data (what a monthly report is about), else
    # the last period that does; the reader is told which and why.
    from egovops.availability.default_period import default_period

    choice = default_period(app.database, kind or "month", tz)
    if choice.note:
        click.echo(choice.note, err=True)
    return choice.period


@click.group(help=tr("Reports for supervisors."))
def report() -> None:
    pass


@report.command("availability", help=tr(
    "Availability by device, county, city, unit, network, role or protection level. The format "
    "follows the extension of --out: .pdf (full report), .png/.svg (a chart), .csv (Excel), .json."))
@click.option("--from", "first", help=tr("First day, e.g. 2026-10-01 (local time)."))
@click.option("--to", "last", help=tr("Last day, included."))
@click.option("--period", "kind", type=click.Choice(PERIOD_KINDS),
              help=tr("A calendar period instead of --from/--to (default: month)."))
@click.option("--at", help=tr("A day inside the --period (default: the last complete one with data, else the last one with data)."))
@click.option("--by", type=click.Choice(GROUP_CHOICES), default="city", show_default=True)
@click.option("--view", type=click.Choice(("service", "device")), default="service", show_default=True)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True))
@click.option("--chart", "chart_name", type=click.Choice(CHARTS), default="bar", show_default=True,
              help=tr("The chart written to .png/.svg."))
@click.option("--sla", type=float, help=tr("SLA target in percent (default: the stored one, else 99.9)."))
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--tz", "tz_name", help=tr("Time zone of the period (default: the system's, e.g. Asia/Shanghai)."))
@operator_options
@pass_app
@operator_errors
def availability_command(app: AppContext, first: str | None, last: str | None, kind: str | None, at: str | None,
                         by: str, view: str, out: str, chart_name: str, sla: float | None, top: int,
                         tz_name: str | None, operator_login: tuple[str | None, bool]) -> None:
    path = Path(out)
    if path.suffix.lower() not in FORMATS:
        raise click.BadParameter(tr("the file name must end in {formats}", formats=", ".join(FORMATS)), param_hint="--out")
    # Imported here: numpy and matplotlib would otherwise slow down every egovops command.
    from egovops.availability.report import ReportRequest, report_from_store
    from egovops.reports.export import write_report

    period = choose_period(app, first, last, kind, at, tz_name)
    target = sla if sla is not None else AvailabilityRepository(app.database).sla_target()
    req = ReportRequest(period, by=by, view=view, sla=target, top=top)
    result = report_from_store(app.database, req, generated_by=current_operator(app, operator_login).label())
    for note in result.notes:
        click.echo(note, err=True)
    write_report(result, path, chart_name)
    total = result.total.view(view)
    click.echo(tr(
        "{path}: {period}, {view} {availability} (SLA {sla}% {verdict}), monitored coverage {coverage}",
        path=path, period=period.label, view=view_name(view), availability=percent(total.availability),
        sla=f"{target:g}", verdict=sla_mark(total.sla_met), coverage=percent(result.total.coverage, 1),
    ))


@report.command("sla", help=tr("Show the SLA target, or set it (supervisor role): egovops report sla 99.9"))
@click.argument("percent_value", required=False, type=float)
@operator_options
@pass_app
@operator_errors
def sla_command(app: AppContext, percent_value: float | None, operator_login: tuple[str | None, bool]) -> None:
    planner = AvailabilityPlanner(app.database)
    if percent_value is not None:
        planner.set_sla_target(current_operator(app, operator_login), percent_value)  # role check and audit row
    click.echo(tr("SLA target: {sla}%", sla=f"{planner.sla_target():g}"))


# The evaluation pack (issue 22) lives in its own module; registered here so it sits under `report`.
from egovops.cli.evaluation_cmd import evaluation_command, weights_command  # noqa: E402

report.add_command(evaluation_command)
report.add_command(weights_command)

commands = [report]
