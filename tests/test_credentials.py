"""Credential profiles against a real Secret Service; no secret may reach the store."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest

from egovops.credentials.keyring_store import SERVICE
from tests.fixtures.store import keyring_entry as entry

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

COMMUNITY = "c0mmun1ty-Secret-7781"
AUTH_KEY = "authKey-Secret-4412"
PRIV_KEY = "privKey-Secret-9903"
SSH_PASSWORD = "sshPass-Secret-1234"


def _all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.stores("sqlite")  # scans the store's file and its WAL byte by byte for the secrets
def test_v2c_v3_and_ssh_profiles_round_trip_through_the_keyring(cli, data_dir: Path, database) -> None:
    assert cli("credentials", "add", "city-v2c", "--kind", "snmp-v2c", "--secret-stdin", input=COMMUNITY + "\n").returncode == 0
    done = cli(
        "credentials", "add", "core-v3", "--kind", "snmp-v3", "--user", "opsv3",
        "--auth-protocol", "SHA-256", "--priv-protocol", "AES-128", "--secret-stdin",
        input=f"{AUTH_KEY}\n{PRIV_KEY}\n",
    )
    assert done.returncode == 0, done.stderr
    assert cli("credentials", "add", "ssh-ops", "--kind", "ssh", "--user", "netops", "--secret-stdin", input=SSH_PASSWORD + "\n").returncode == 0

    assert keyring.get_password(SERVICE, entry(database, "city-v2c", "community")) == COMMUNITY
    assert keyring.get_password(SERVICE, entry(database, "core-v3", "auth_key")) == AUTH_KEY
    assert keyring.get_password(SERVICE, entry(database, "core-v3", "priv_key")) == PRIV_KEY
    assert keyring.get_password(SERVICE, entry(database, "ssh-ops", "password")) == SSH_PASSWORD

    listed = json.loads(cli("credentials", "list", "--json").stdout)
    assert {p["name"]: p["kind"] for p in listed} == {"city-v2c": "snmp-v2c", "core-v3": "snmp-v3", "ssh-ops": "ssh"}
    v3 = next(p for p in listed if p["name"] == "core-v3")
    assert (v3["user"], v3["auth_protocol"], v3["priv_protocol"]) == ("opsv3", "SHA-256", "AES-128")

    assert cli("demo", "init", "--devices", "20").returncode == 0
    for export in ("inv.csv", "inv.yaml"):
        assert cli("inventory", "export", str(data_dir / "exports" / export)).returncode == 0
    assert (data_dir / "logs" / "egovops.log").exists()
    stored = _all_bytes_under(data_dir)  # the SQLite file with its WAL, logs, exports
    assert b"city-v2c" in stored  # the scan does read the store: profile names are there
    for secret in (COMMUNITY, AUTH_KEY, PRIV_KEY, SSH_PASSWORD):
        assert secret.encode() not in stored
    assert COMMUNITY not in cli("credentials", "list").stdout


def test_resolve_returns_masked_secrets(database) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile

    service = CredentialService(database)
    service.add(build_profile("p1", "snmp-v2c", {}), {"community": COMMUNITY})
    resolved = service.resolve("p1")
    assert resolved.secret("community").reveal() == COMMUNITY
    assert COMMUNITY not in repr(resolved)


def test_remove_deletes_the_secret_from_the_keyring(cli, database) -> None:
    cli("credentials", "add", "gone", "--kind", "snmp-v2c", "--secret-stdin", input="x-secret\n")
    assert cli("credentials", "remove", "gone").returncode == 0
    assert keyring.get_password(SERVICE, entry(database, "gone", "community")) is None
    assert json.loads(cli("credentials", "list", "--json").stdout) == []


def test_missing_secret_on_stdin_is_an_error_that_stores_nothing(cli) -> None:
    done = cli("credentials", "add", "half", "--kind", "snmp-v3", "--user", "u", "--secret-stdin", input="only-auth\n")
    assert done.returncode == 1
    assert "priv_key" in done.stderr
    assert json.loads(cli("credentials", "list", "--json").stdout) == []


def test_no_secure_backend_is_refused_with_advice(cli) -> None:
    done = cli(
        "credentials", "add", "x", "--kind", "snmp-v2c", "--secret-stdin", input="s\n",
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert done.returncode == 1
    assert "No secure keyring backend" in done.stderr and "gnome-keyring" in done.stderr
    assert json.loads(cli("credentials", "list", "--json").stdout) == []


def test_two_data_folders_keep_their_own_secrets(cli, tmp_path: Path, secret_service) -> None:
    """Entries are named by the store's UUID: adding "city" in a second folder once replaced the first's."""
    other = tmp_path / "other-province"
    assert cli("credentials", "add", "city", "--kind", "snmp-v2c", "--secret-stdin",
               input="first-folder-secret\n").returncode == 0
    second = cli("--data-dir", str(other), "credentials", "add", "city", "--kind", "snmp-v2c", "--secret-stdin",
                 input="second-folder-secret\n")
    assert second.returncode == 0, second.stderr
    from egovops.credentials import CredentialService
    from egovops.storage.database import open_database

    for folder, expected in ((cli.data_dir, "first-folder-secret"), (other, "second-folder-secret")):
        db = open_database(folder / "egovops.sqlite3")
        try:
            assert CredentialService(db).resolve("city").secret("community").reveal() == expected
        finally:
            db.close()


def test_entries_named_by_profile_only_are_moved_on_upgrade(database, secret_service) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.keyring_store import legacy_entry
    from egovops.credentials.profiles import build_profile

    CredentialService(database).add(build_profile("old", "snmp-v2c", {}), {"community": "placeholder"})
    backend = keyring.get_keyring()
    # What an earlier version left: the secret under the profile's name only, none under the store's.
    backend.set_password(SERVICE, legacy_entry("old", "community"), "legacy-secret")
    backend.delete_password(SERVICE, entry(database, "old", "community"))
    with database.write() as conn:
        from egovops.storage.tables.procedures import store_identity

        conn.execute(store_identity.update().values(legacy_keyring_moved=False))
    assert CredentialService(database).resolve("old").secret("community").reveal() == "legacy-secret"
    assert backend.get_password(SERVICE, entry(database, "old", "community")) == "legacy-secret"
    # Moved once: a later change of the legacy entry (another, older store) does not leak in.
    backend.set_password(SERVICE, legacy_entry("old", "community"), "someone-elses")
    backend.delete_password(SERVICE, entry(database, "old", "community"))
    with pytest.raises(Exception, match="holds no community"):
        CredentialService(database).resolve("old")
