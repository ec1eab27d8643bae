"""``egovops signin`` / ``egovops signout``: the command line's identity on a shared store.

On a shared (PostgreSQL) store the OS user is nobody once the store has local accounts: the
commands that follow ``signin`` act as the account until ``signout`` or the end of the session
(one duty shift). The password comes from a hidden prompt or ``--password-stdin``; the session
token goes to the OS keyring (egovops.accounts.cli_session), never to a variable or a file.
"""

from __future__ import annotations

import time

import click

from egovops.accounts import cli_session
from egovops.accounts.signin import SESSION_SECONDS
from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import read_password
from egovops.errors import ValidationError
from egovops.i18n import tr, value_name


def _shared_only(app: AppContext) -> None:
    if not app.database.is_shared:
        raise ValidationError(tr("this store is this desk's own file and trusts the OS user; "
                                 "to act as a local account use --operator NAME"))


@click.command("signin", help=tr("Sign in to the shared store with a local account until signout or the end of "
                                 "the shift."))
@click.argument("name")
@click.option("--password-stdin", is_flag=True,
              help=tr("Read the account's password from the first line of standard input."))
@pass_app
def signin(app: AppContext, name: str, password_stdin: bool) -> None:
    _shared_only(app)
    password = read_password(password_stdin, tr("Password for {name}: ", name=name))
    operator = cli_session.sign_in(app.database, name, password)
    until = time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() + SESSION_SECONDS))
    click.echo(tr("signed in as {name} ({role}) until {until}", name=operator.name,
                  role=value_name("operator_role", operator.role.value), until=until))


@click.command("signout", help=tr("End this desk's sign-in to the shared store."))
@pass_app
def signout(app: AppContext) -> None:
    _shared_only(app)
    operator = cli_session.sign_out(app.database)
    if operator is None:
        click.echo(tr("nobody was signed in"))
    else:
        click.echo(tr("{name} signed out", name=operator.name))


commands = [signin, signout]
