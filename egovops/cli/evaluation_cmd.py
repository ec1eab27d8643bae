"""``egovops report evaluation``: the supervisor's monthly evaluation pack (PDF, CSV or JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.i18n import tr

FORMATS = ("pdf", "csv", "json")


@click.command(
    "evaluation",
    help=tr("The monthly evaluation pack: a scorecard per owner unit, city or county with weights, ranking and trend."),
)
@click.option("--period", "kind", type=click.Choice(("month",)), default="month", show_default=True)
@click.option("--month", help=tr("The month, e.g. 2026-11 (default: the last complete month)."))
@click.option("--by", type=click.Choice(("unit", "city", "county")), default="unit", show_default=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), help=tr("Default: from the extension of --out."))
@click.option(
    "--weights",
    "weights_file",
    type=click.Path(dir_okay=False, exists=True),
    help=tr("A weights file like the shipped one (resources evaluation/weights.json)."),
)
@click.option(
    "--weight",
    "overrides",
    multiple=True,
    metavar="MEASURE=POINTS",
    help=tr("Change one weight, e.g. --weight availability=40 (the weights must still add up to 100)."),
)
@click.option("--json", "as_json", is_flag=True, help=tr("Also print the scorecard as JSON on standard output."))
@click.option("--tz", "tz_name", help=tr("Time zone of the month (default: the system's)."))
@operator_options
@pass_app
@operator_errors
def evaluation_command(
    app: AppContext,
    kind: str,
    month: str | None,
    by: str,
    out: str,
    fmt: str | None,
    weights_file: str | None,
    overrides: tuple[str, ...],
    as_json: bool,
    tz_name: str | None,
    operator_login: tuple[str | None, bool],
) -> None:
    path = Path(out)
    chosen = fmt or path.suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise click.BadParameter(
            tr("the file name must end in {formats}", formats=", ".join(f".{f}" for f in FORMATS)), param_hint="--out"
        )
    # Imported here: numpy and matplotlib would otherwise slow down every egovops command.
    from egovops.availability.periods import period_containing, zone
    from egovops.evaluation.cli_support import parse_month, previous_month
    from egovops.evaluation.export import as_dict, write_csv, write_json
    from egovops.evaluation.repo import EvaluationRepository
    from egovops.evaluation.scorecard import evaluate
    from egovops.evaluation.weights import load_weights

    stored = None if weights_file else EvaluationRepository(app.database, None).stored_weights()
    weights = load_weights(Path(weights_file) if weights_file else None, overrides, stored)
    tz = zone(tz_name)
    period = period_containing(kind, parse_month(month) if month else previous_month(tz), tz)
    ev = evaluate(
        app.database,
        period,
        by,
        weights,
        app.data_dir / "runs",
        generated_by=current_operator(app, operator_login).label(),
    )
    for note in ev.notes:
        click.echo(note, err=True)
    if chosen == "pdf":
        from egovops.evaluation.pdf import write_pdf

        write_pdf(ev, path)
    elif chosen == "csv":
        write_csv(ev, path)
    else:
        write_json(ev, path)
    if as_json:
        click.echo(json.dumps(as_dict(ev), ensure_ascii=False, indent=1))
    ranked = [s for s in ev.units if s.rank]
    click.echo(
        tr(
            "{path}: {period}, {n} groups ranked, best {best}, worst {worst}",
            path=path,
            period=period.label,
            n=len(ranked),
            best=ranked[0].key if ranked else "-",
            worst=ranked[-1].key if ranked else "-",
        ),
        err=as_json,
    )


@click.command(
    "evaluation-weights",
    help=tr(
        "Show the evaluation weights in force, or change them for everyone on this store (supervisor role): "
        "egovops report evaluation-weights --set availability=35 --set coverage=0"
    ),
)
@click.option(
    "--set", "changes", multiple=True, metavar="MEASURE=POINTS", help=tr("A new weight; the sum must stay 100.")
)
@click.option("--reset", is_flag=True, help=tr("Back to the shipped weights (then --set, if given)."))
@operator_options
@pass_app
@operator_errors
def weights_command(
    app: AppContext, changes: tuple[str, ...], reset: bool, operator_login: tuple[str | None, bool]
) -> None:
    from egovops.evaluation.formatting import weights_line
    from egovops.evaluation.settings import current_weights, set_weights

    if changes or reset:
        weights = set_weights(app.database, current_operator(app, operator_login), changes, reset)
    else:
        weights = current_weights(app.database)
    click.echo(weights_line(weights))
