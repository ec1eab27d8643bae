"""``egovops store``: which store this command line uses, and the shared store's password.

The password of a PostgreSQL login lives only in this machine's OS keyring, under the login's
user, server and database (``egovops.storage.database.keyring_account``); it is read from a hidden
prompt or standard input, never from an argument, a URL or a file.
"""

from __future__ import annotations

import getpass
import sys

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.output import emit_json, emit_table
from egovops.credentials.keyring_store import KeyringSecrets
from egovops.errors import KeyringUnavailableError, ValidationError
from egovops.i18n import tr
from egovops.storage.database import KEYRING_SERVICE, keyring_account, parse_location
from egovops.storage.migrate import current_heads


@click.group(help=tr("The store: where it is, and the shared store's password in the OS keyring."))
def store() -> None:
    pass


@store.command("info", help=tr("Show which store this command line uses."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def info_command(app: AppContext, as_json: bool) -> None:
    db = app.database
    schema = sorted(current_heads(db.engine))
    facts = {
        "kind": db.engine.dialect.name,
        "location": db.location,
        "shared": db.is_shared,
        "schema": schema,
    }
    if as_json:
        emit_json(facts)
        return
    emit_table([tr("field"), tr("value")], [
        [tr("kind"), facts["kind"]],
        [tr("location"), facts["location"]],
        [tr("shared"), tr("yes") if facts["shared"] else tr("no")],
        [tr("schema"), " ".join(schema)],
    ])


@store.command("password", help=tr("Keep the shared store's password in the OS keyring (or --forget it)."))
@click.option("--secret-stdin", is_flag=True, help=tr("Read the password from standard input (one line)."))
@click.option("--forget", is_flag=True, help=tr("Remove the stored password."))
@pass_app
def password_command(app: AppContext, secret_stdin: bool, forget: bool) -> None:
    # Never opens the store: the password is what it needs to be opened.
    if not app.database_override:
        raise ValidationError(tr("no shared store named: give --database postgresql://USER@HOST:PORT/DATABASE "
                                 "or set EGOVOPS_DATABASE"))
    url = parse_location(app.database_override)
    if url.get_backend_name() == "sqlite" or not url.username:
        raise ValidationError(tr("a password belongs to a PostgreSQL login: the URL needs a user name"))
    backend = KeyringSecrets().backend  # refuses a missing or plaintext keyring
    account = keyring_account(url)
    if forget:
        try:
            backend.delete_password(KEYRING_SERVICE, account)
        except Exception:  # keyring raises PasswordDeleteError when there is none
            raise ValidationError(tr("no password is stored for {account}", account=account)) from None
        click.echo(tr("password for {account} removed from the keyring", account=account))
        return
    if secret_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = getpass.getpass(tr("Password for {account}", account=account) + ": ")
    if not value:
        raise ValidationError(tr("the password is empty"))
    try:
        backend.set_password(KEYRING_SERVICE, account, value)
    except Exception as exc:
        raise KeyringUnavailableError(tr("the keyring refused to store the password: {kind}",
                                         kind=type(exc).__name__)) from None
    click.echo(tr("password for {account} stored in the keyring", account=account))


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n:.0f} B"
        n /= 1024
    return ""  # not reached


@store.command("volume", help=tr("Rows and bytes a day of the time series on this store, measured and scaled "
                                 "to a province."))
@click.option("--devices", type=click.IntRange(min=1), default=5000, show_default=True,
              help=tr("Devices polled."))
@click.option("--interfaces", type=click.IntRange(min=1), default=48, show_default=True,
              help=tr("Interfaces sampled per device."))
@click.option("--interval", type=click.FloatRange(min=1), default=300.0, show_default=True,
              help=tr("Seconds between two samples of an interface or a device."))
@click.option("--sample-devices", type=click.IntRange(min=1, max=200), default=4, show_default=True,
              help=tr("Devices whose day of samples is written to a scratch store to measure."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def volume_command(app: AppContext, devices: int, interfaces: int, interval: float, sample_devices: int,
                   as_json: bool) -> None:
    from sqlalchemy.exc import DBAPIError

    from egovops.polling.volume import Province, measure

    province = Province(devices, interfaces, interval)
    try:
        found = measure(app.database, province, sample_devices,
                        progress=lambda table: click.echo(tr("measuring {table}…", table=table), err=True))
    except DBAPIError as exc:  # e.g. a login that may not create the scratch schema
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise ValidationError(tr("cannot measure on this store: {reason}", reason=reason)) from None
    year = sum(v.bytes_per_day for v in found if v.table.endswith("_hourly")) * 365
    if as_json:
        emit_json({"kind": app.database.engine.dialect.name, "devices": devices, "interfaces": interfaces,
                   "interval_s": interval, "hourly_bytes_per_year": year,
                   "tables": [{"table": v.table, "rows_per_day": v.rows_per_day, "bytes_per_row": v.bytes_per_row,
                               "bytes_per_day": v.bytes_per_day} for v in found]})
        return
    emit_table([tr("table"), tr("rows a day"), tr("bytes a row"), tr("a day")], [
        [v.table, f"{v.rows_per_day:,.0f}", f"{v.bytes_per_row:.1f}", _size(v.bytes_per_day)] for v in found
    ])
    click.echo(tr("a year of hourly rollups: {size}", size=_size(year)))


commands = [store]
