"""The shared store: a PostgreSQL login whose password lives only in the OS keyring.

Against the tests' own PostgreSQL server, where every login but the tests' superuser must pass
scram-sha-256 authentication.
"""

from __future__ import annotations

import json

import pytest

from tests.fixtures.postgres import PostgresServer
from tests.fixtures.store import Cli

PASSWORD = "Desk-pw-7!x"


@pytest.fixture
def desk_url(postgres_server: PostgresServer) -> str:
    """A fresh store, and a login 'desk' that may use it but needs a password to connect."""
    url = postgres_server.fresh_database()
    name = url.rsplit("/", 1)[1]
    role = f"desk_{name}"
    postgres_server.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    postgres_server.sql(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}", database=name)
    return f"postgresql://{role}@127.0.0.1:{postgres_server.port}/{name}"


def assert_one_line_error(done, *expected: str) -> None:  # type: ignore[no-untyped-def]
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    for text in expected:
        assert text in done.stderr


def test_a_password_in_the_url_is_refused_and_never_echoed(cli: Cli, desk_url: str) -> None:
    with_password = desk_url.replace("@", f":{PASSWORD}@", 1)
    done = cli("--database", with_password, "store", "info")
    assert_one_line_error(done, "must not hold a password", "egovops store password")
    assert PASSWORD not in done.stdout + done.stderr


def test_without_a_stored_password_the_login_fails_in_one_line(cli: Cli, desk_url: str, secret_service: None) -> None:
    done = cli("--database", desk_url, "store", "info")
    assert_one_line_error(done, "cannot open the store", "127.0.0.1", "password")


def test_the_password_from_the_keyring_opens_the_store(cli: Cli, desk_url: str, secret_service: None) -> None:
    stored = cli("--database", desk_url, "store", "password", "--secret-stdin", input=PASSWORD + "\n")
    assert stored.returncode == 0, stored.stderr
    done = cli("--database", desk_url, "store", "info", "--json")
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert facts["kind"] == "postgresql" and facts["shared"] is True
    assert facts["location"] == desk_url.replace("postgresql://", "postgresql+psycopg://")
    assert "0009_big_counters" in facts["schema"]
    assert PASSWORD not in stored.stdout + stored.stderr + done.stdout + done.stderr

    # A wrong password stored is a refused login, named in one line; forgetting it removes it.
    cli("--database", desk_url, "store", "password", "--secret-stdin", input="wrong\n")
    assert_one_line_error(cli("--database", desk_url, "store", "info"), "password authentication failed")
    assert cli("--database", desk_url, "store", "password", "--forget").returncode == 0
    assert_one_line_error(cli("--database", desk_url, "store", "password", "--forget"), "no password is stored")


def test_a_server_that_is_not_there_is_named_in_one_line(cli: Cli) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = cli("--database", f"postgresql://desk@127.0.0.1:{port}/egovops", "store", "info", timeout=60)
    assert_one_line_error(done, "cannot open the store", f"127.0.0.1:{port}")


@pytest.mark.parametrize("url,expected", [
    ("postgresql://[::1", "not a database URL"),
    ("mysql://u@h/db", "unsupported database mysql"),
])
def test_a_bad_url_is_named(cli: Cli, url: str, expected: str) -> None:
    assert_one_line_error(cli("--database", url, "store", "info"), expected)


def test_the_embedded_store_is_the_data_folders_file(cli: Cli) -> None:
    done = cli("store", "info", "--json")
    facts = json.loads(done.stdout)
    assert facts["kind"] == "sqlite" and facts["shared"] is False
    assert facts["location"] == str(cli.data_dir / "egovops.sqlite3")
    assert_one_line_error(cli("store", "password", "--secret-stdin", input="x\n"), "no shared store named")
