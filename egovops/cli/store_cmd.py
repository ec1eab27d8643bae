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


commands = [store]
