"""``egovops accounts``: local accounts for shared ops-centre desktops (admins only may change them)."""

from __future__ import annotations

import time

import click

from egovops.accounts import AccountService, Role
from egovops.accounts.signin import SignIn
from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options, read_password
from egovops.cli.output import emit_json, emit_table
from egovops.errors import ValidationError
from egovops.i18n import tr, value_name


@click.group(help=tr("Local accounts and their roles (operator, engineer, supervisor, admin)."))
def accounts() -> None:
    pass


@accounts.command("add", help=tr("Add or change a local account; its password is asked (or read from stdin)."))
@click.argument("name")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--new-password-stdin", is_flag=True, help=tr("Read the new account's password from standard input (after the operator's, if any)."))
@operator_options
@pass_app
def add_command(app: AppContext, name: str, role: str, new_password_stdin: bool, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    password = read_password(new_password_stdin, tr("New password for {name}: ", name=name))
    if not new_password_stdin and read_password(False, tr("Repeat it: ")) != password:
        raise ValidationError(tr("the two passwords differ"))
    AccountService(app.database).add(operator, name, role, password)
    click.echo(tr("account {name} saved with role {role}", name=name, role=role))


@accounts.command("remove", help=tr("Remove a local account."))
@click.argument("name")
@operator_options
@pass_app
def remove_command(app: AppContext, name: str, operator_login: tuple[str | None, bool]) -> None:
    AccountService(app.database).remove(current_operator(app, operator_login), name)
    click.echo(tr("account {name} removed", name=name))


@accounts.command("unlock", help=tr("Lift the lock on an account after failed sign-ins, before it ends."))
@click.argument("name")
@operator_options
@pass_app
def unlock_command(app: AppContext, name: str, operator_login: tuple[str | None, bool]) -> None:
    if SignIn(app.database).unlock_account(current_operator(app, operator_login), name):
        click.echo(tr("account {name} unlocked", name=name))
    else:
        click.echo(tr("account {name} was not locked", name=name))


@accounts.command("list", help=tr("List local accounts (never their password hashes)."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, as_json: bool) -> None:
    found = AccountService(app.database).accounts()
    if as_json:
        emit_json([{"name": a.name, "role": a.role.value, "created_at": a.created_at, "disabled": a.disabled} for a in found])
        return
    emit_table([tr("account"), tr("role"), tr("created")],
               [[a.name, value_name("operator_role", a.role.value),
                 time.strftime("%Y-%m-%d", time.localtime(a.created_at))] for a in found])


@accounts.command("whoami", help=tr("Who egovops takes you for, and with which role."))
@operator_options
@pass_app
def whoami_command(app: AppContext, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    click.echo(f"{operator.label()} ({value_name('operator_role', operator.role.value)})")


commands = [accounts]
