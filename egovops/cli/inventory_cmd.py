"""``egovops inventory``: import, export, list and show devices."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table, fail
from egovops.i18n import tr, value_name
from egovops.inventory import csv_io, yaml_io
from egovops.inventory.model import Device
from egovops.inventory.validation import device_to_row
from egovops.inventory_edit.audited_import import import_inventory
from egovops.inventory_edit.importer import ImportReport


@click.group(help=tr("The province's devices, sites and networks."))
def inventory() -> None:
    pass


def _print_report(report: ImportReport) -> None:
    if report.file_error:
        click.echo(tr("{file}: {error}", file=report.file, error=report.file_error), err=True)
        return
    for warning in report.warnings:
        click.echo(tr("warning: {message}", message=warning), err=True)
    for p in report.problems:
        where = tr("row {row}", row=p.row) + (f", {p.column}" if p.column else "")
        click.echo(f"{report.file}: {where}: {p.reason}", err=True)
    verb = tr("would import") if report.dry_run else tr("imported")
    click.echo(
        tr(
            "{verb}: {added} added, {updated} updated, {rejected} rows rejected of {rows} (encoding {encoding})",
            verb=verb, added=report.added, updated=report.updated, rejected=report.rejected_rows,
            rows=report.rows, encoding=report.encoding,
        )
    )


@inventory.command("import", help=tr("Import devices from a CSV (UTF-8 or GBK) or YAML file."))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help=tr("Check the file and report; change nothing."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print the report as JSON."))
@operator_options
@pass_app
@operator_errors
def import_command(app: AppContext, file: Path, dry_run: bool, as_json: bool,
                   operator_login: tuple[str | None, bool]) -> None:
    # The console's path too: role check, refusal and import audited (a file may add sites).
    report = import_inventory(app.database, current_operator(app, operator_login), file, create_sites=True,
                              dry_run=dry_run).report
    if as_json:
        emit_json(report.as_dict())
    else:
        _print_report(report)
    if not report.ok:
        raise SystemExit(1)


@inventory.command("export", help=tr("Export the inventory; the format (.csv or .yaml) follows the file name."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def export_command(app: AppContext, file: Path) -> None:
    repo = app.inventory
    devices = repo.devices()
    suffix = file.suffix.lower()
    file.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        csv_io.write_csv(file, (device_to_row(d) for d in devices))
    elif suffix in (".yaml", ".yml"):
        file.write_text(yaml_io.dump(repo.networks(), repo.sites(), devices, repo.links()), encoding="utf-8")
    else:
        fail(tr("unknown export format {suffix!r}: use .csv or .yaml", suffix=suffix), 2)
    click.echo(tr("exported {n} devices to {file}", n=len(devices), file=file))


def _device_dict(device: Device) -> dict[str, object]:
    data = asdict(device)
    data["role"] = device.role.value
    data["tags"] = list(device.tags)
    return data


@inventory.command("list", help=tr("List devices, optionally below a site or in one network."))
@click.option("--site", help=tr("Site path, e.g. 安徽省/合肥市"))
@click.option("--network", help=tr("intranet, extranet or private:<name>"))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, site: str | None, network: str | None, as_json: bool) -> None:
    devices = app.inventory.devices(site=site, network=network)
    if as_json:
        emit_json([_device_dict(d) for d in devices])
        return
    headers = [tr("name"), tr("address"), tr("network"), tr("site"), tr("vendor"), tr("model"), tr("role")]
    emit_table(headers, [(d.name, d.address, value_name("network", d.network), d.site, d.vendor, d.model,
                          value_name("device_role", d.role.value))
                         for d in devices])


@inventory.command("show", help=tr("Show one device."))
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@pass_app
def show_command(app: AppContext, name: str, as_json: bool) -> None:
    data = _device_dict(app.inventory.device(name))
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        shown = ";".join(value) if isinstance(value, list) else ("" if value is None else value)
        click.echo(f"{tr(key)}: {shown}")


commands = [inventory]
