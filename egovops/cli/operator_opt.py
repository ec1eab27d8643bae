"""Who runs a command: ``--operator NAME`` signs in to a local account for this command; else, on
a shared store with accounts, the account signed in with ``egovops signin``; else the OS user.

The password comes from a hidden prompt or, for scripts, the first line of standard input with
``--password-stdin``; never from an argument (shell history, process list).
"""

from __future__ import annotations

import functools
import getpass
import sys
from typing import Any, Callable

import click

from egovops.accounts import AccountService, Operator, cli_session
from egovops.accounts.signin import sign_in_required
from egovops.cli.context import AppContext
from egovops.errors import ValidationError
from egovops.i18n import tr


def operator_options(func: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--operator", "operator_name", envvar="EGOVOPS_OPERATOR",
                  help=tr("Sign in as this local account for this command (default: who signed in with "
                          "'egovops signin' on a shared store, else the OS user)."))
    @click.option("--password-stdin", is_flag=True, help=tr("Read the account's password from the first line of standard input."))
    @functools.wraps(func)
    def wrapper(*args: Any, operator_name: str | None, password_stdin: bool, **kwargs: Any) -> Any:
        kwargs["operator_login"] = (operator_name, password_stdin)
        return func(*args, **kwargs)

    return wrapper


def read_password(from_stdin: bool, prompt: str) -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError(tr("standard input ended before the password was read"))
        return line
    return getpass.getpass(prompt)


def current_operator(app: AppContext, login: tuple[str | None, bool]) -> Operator:
    name, from_stdin = login
    accounts = AccountService(app.database)
    if not name:
        return cli_session.signed_in(app.database) if sign_in_required(app.database) else accounts.os_operator()
    return accounts.sign_in(name, read_password(from_stdin, tr("Password for {name}: ", name=name)))
