"""``egovops run PROCEDURE --targets SELECTOR``: one procedure over many devices, audited.

Results print as each device finishes; Ctrl-C cancels the run (targets not yet started are
skipped, running ones stop at their next check). Exit code 0 when no target failed, 1 otherwise.
"""

from __future__ import annotations

import signal
import sys
from typing import Any

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.errors import ValidationError
from egovops.i18n import tr, value_name
from egovops.procedures import (
    CancelToken,
    ProcedureRunner,
    RunCallbacks,
    RunRequest,
    RunServices,
    TargetOutcome,
    discover,
)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError(tr("--param {pair!r} is not KEY=VALUE", pair=pair))
        values[key.strip()] = value
    return values


def _print_outcome(outcome: TargetOutcome) -> None:
    click.echo(f"{outcome.device}\t{value_name('status', outcome.status.value)}\t{outcome.message}", err=True)


@click.command("run", help=tr("Run a maintenance procedure on the devices a selector chooses."))
@click.argument("procedure")
@click.option("--targets", "selector", required=True,
              help=tr("Devices: names (wildcards allowed) or key:value with key name, site, network, role, vendor, tag; 'all' for every device."))
@click.option("--param", "params", multiple=True, metavar="K=V", help=tr("A procedure parameter (repeatable)."))
@click.option("--dry-run", is_flag=True, help=tr("Validate and show what would be done; no device is contacted."))
@click.option("--yes", "confirmed", is_flag=True, help=tr("Confirm a disruptive procedure."))
@click.option("--trust-new-host-key", is_flag=True, help=tr("Trust (and remember) SSH host keys not seen before. A changed key is always refused."))
@click.option("--concurrency", type=click.IntRange(1, 1000), help=tr("Devices worked on at once (default 32)."))
@click.option("--timeout", type=click.FloatRange(1, 3600), help=tr("Seconds allowed per device (default: the procedure's)."))
@click.option("--ssh-profile", help=tr("SSH credential profile (default: the device's own profile)."))
@click.option("--snmp-profile", help=tr("SNMP credential profile (default: the device's own profile)."))
@click.option("--json", "as_json", is_flag=True)
@operator_options
@pass_app
def run_command(
    app: AppContext, procedure: str, selector: str, params: tuple[str, ...], dry_run: bool, confirmed: bool,
    trust_new_host_key: bool, concurrency: int | None, timeout: float | None, ssh_profile: str | None,
    snmp_profile: str | None, as_json: bool, operator_login: tuple[str | None, bool],
) -> None:
    operator = current_operator(app, operator_login)
    services = RunServices(
        app.database, operator, app.data_dir / "runs", trust_new_host_key=trust_new_host_key,
        ssh_profile=ssh_profile, snmp_profile=snmp_profile, credential_service=app.credentials,
    )
    registry = discover()
    runner = ProcedureRunner(registry, services, RunCallbacks(on_result=None if as_json else _print_outcome))
    request = RunRequest(procedure, selector, _params(params), dry_run=dry_run, confirmed=confirmed,
                         concurrency=concurrency, timeout=timeout)
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        report = runner.run(request, cancel)
    finally:
        signal.signal(signal.SIGINT, previous)
    if as_json:
        emit_json(report.as_dict())
    else:
        _print_report(report.as_dict())
    sys.exit(0 if report.all_ok else 1)


def _print_report(report: dict[str, Any]) -> None:
    emit_table([tr("device"), tr("status"), tr("message")],
               [[t["device"], value_name("status", t["status"]), t["message"]] for t in report["targets"]])
    counts = report["counts"]
    click.echo(tr("{procedure}: {ok} ok, {failed} failed, {skipped} skipped{dry}; run {run_id}, audit row {audit}",
                  procedure=report["procedure"], ok=counts["ok"], failed=counts["failed"], skipped=counts["skipped"],
                  dry=tr(" (dry run)") if report["dry_run"] else "", run_id=report["run_id"], audit=report["audit_id"]))
    if any(t.get("data", {}).get("error") == "HostKeyUnknownError" for t in report["targets"]):
        click.echo(tr("Some devices offered unknown SSH host keys: after verifying their fingerprints, run again with --trust-new-host-key."),
                   err=True)
    for key, value in report["summary"].items():
        click.echo(f"  {value_name('summary', key)}{tr(': ')}{summary_value(key, value)}")


def summary_value(key: str, value: Any) -> str:
    """A procedure's summary value for people: item ids named, lists and mappings spelled out."""
    if value is None:
        return "-"
    if isinstance(value, dict):
        named = (value_name("baseline_item", str(k)) if key == "failures_by_item" else value_name("summary", str(k))
                 for k in value)
        pairs = zip(named, value.values(), strict=True)
        return tr(", ").join(f"{name} {summary_value(key, v)}" for name, v in pairs) or "-"
    if isinstance(value, (list, tuple)):
        return tr(", ").join(summary_value(key, v) for v in value) or "-"
    return str(value)


commands = [run_command]
