"""The command line's identity on a shared (PostgreSQL) store: ``signin`` keeps a session token in
the OS keyring, later commands act as that account, ``signout`` ends it; without it a write is
refused. Real PostgreSQL, real Secret Service, real subprocesses."""

from __future__ import annotations

import pytest

from egovops.accounts import AccountService, Operator, Role
from egovops.accounts.cli_session import SERVICE
from egovops.audit.repo import AuditRepository
from egovops.keyring_access import secure_backend
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid
from egovops.storage.tables.signin import account_sessions

pytestmark = pytest.mark.stores("postgresql")

PASSWORD = "Desk#Shift2026"


@pytest.fixture
def shared_desk(database: Database, secret_service: None) -> Database:
    accounts = AccountService(database)
    first = accounts.os_operator()  # no accounts yet: whoever reaches the store sets up its first admin
    accounts.add(first, "chen", "admin", PASSWORD)
    accounts.add(Operator("chen", Role.ADMIN, "local"), "olga", "operator", PASSWORD)  # the OS user no longer can
    return database


def token_in_keyring(database: Database) -> str | None:
    return secure_backend(fresh=True).get_password(SERVICE, store_uuid(database))


def set_network(cli):  # type: ignore[no-untyped-def]
    return cli("network", "set", "extranet", "--description", "x")


def test_a_write_is_refused_until_someone_signs_in(cli, shared_desk: Database) -> None:
    refused = set_network(cli)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    last = refused.stderr.strip().splitlines()[-1]
    assert last.endswith("sign in with a local account first ('egovops signin NAME', or --operator NAME)"), last
    assert cli("accounts", "whoami").returncode == 1


def test_signin_acts_as_the_account_until_signout(cli, shared_desk: Database) -> None:
    signed = cli("signin", "olga", "--password-stdin", input=PASSWORD + "\n")
    assert signed.returncode == 0 and "signed in as olga (operator) until" in signed.stdout, signed.stderr
    token = token_in_keyring(shared_desk)
    with shared_desk.read() as conn:
        stored = [tuple(r) for r in conn.execute(account_sessions.select())]
    assert token and len(stored) == 1 and token not in repr(stored)  # the store has its hash only
    assert cli("accounts", "whoami").stdout.strip() == "local:olga (operator)"

    refused = set_network(cli)  # the operator role, checked in the core as from the console
    assert refused.returncode == 1 and "local:olga (operator) may not change networks" in refused.stderr
    assert cli("signin", "chen", "--password-stdin", input=PASSWORD + "\n").returncode == 0
    assert set_network(cli).returncode == 0

    out = cli("signout")
    assert out.returncode == 0 and out.stdout.strip() == "chen signed out"
    assert token_in_keyring(shared_desk) is None
    assert set_network(cli).returncode == 1
    assert cli("signout").stdout.strip() == "nobody was signed in"
    trail = [(r.actor, r.action) for r in AuditRepository(shared_desk).rows()]
    start = trail.index(("local:olga", "account.sign-in"))
    assert trail[start:] == [
        ("local:olga", "account.sign-in"), ("local:olga", "network.refused"), ("local:chen", "account.sign-in"),
        ("local:chen", "network.set"), ("local:chen", "account.sign-out"),
    ]


def test_a_wrong_password_is_one_line_and_leaves_nobody_signed_in(cli, shared_desk: Database) -> None:
    done = cli("signin", "olga", "--password-stdin", input="Desk#Shift2025\n")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "error: sign-in as olga failed: unknown account or wrong password", done.stderr
    assert token_in_keyring(shared_desk) is None


def test_signin_on_the_embedded_store_says_the_os_user_is_trusted(cli) -> None:
    done = cli("signin", "olga", "--password-stdin", input=PASSWORD + "\n")
    assert done.returncode == 1 and "trusts the OS user" in done.stderr and "Traceback" not in done.stderr
