"""Every command fails with one line and an exit code, never a traceback, when the machine around
it is wrong: a read-only data folder, a store file that is not a store, a missing output folder,
a keyring backend forced to one that cannot be loaded. The damaged store is never modified."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Commands an operator runs every day, read-only and writing, across the command groups.
COMMANDS = [
    ["inventory", "list"], ["network", "list"], ["credentials", "list"], ["audit", "verify"], ["alarms", "list"],
    ["status"], ["accounts", "whoami"], ["polling", "show"], ["configs", "list"], ["duty", "list"],
    ["maintenance", "list"], ["report", "sla"], ["topology", "show"], ["known-hosts", "list"],
    ["network", "set", "extranet", "--description", "x"], ["duty", "start"],
]


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def _run(args: list[str], home: Path, readonly: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, EGOVOPS_HOME=str(home), **env)
    command = [sys.executable, "-m", "egovops", *args]
    if readonly and os.geteuid() == 0:
        # root ignores permission bits: a read-only bind mount in a private mount namespace is what
        # an operator's read-only (or full, or remounted) disk looks like to the process.
        script = f'mount --bind "{home}" "{home}" && mount -o remount,ro,bind "{home}" && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=full_env, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made = {}
    readonly = tmp_path_factory.mktemp("readonly")
    if os.geteuid() != 0:
        readonly.chmod(0o555)
    made["readonly"] = readonly
    corrupt = tmp_path_factory.mktemp("corrupt")
    (corrupt / "egovops.sqlite3").write_bytes(b"This is not a SQLite database, but an operator's note.\n" * 200)
    made["corrupt"] = corrupt
    yield made
    readonly.chmod(0o755)
    shutil.rmtree(readonly, ignore_errors=True)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_read_only_data_folder_is_one_line(args: list[str], homes: dict[str, Path]) -> None:
    line = _one_line_error(_run(args, homes["readonly"], readonly=True))
    assert str(homes["readonly"]) in line and ("Read-only" in line or "ermission" in line)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_corrupt_store_is_one_line_and_left_untouched(args: list[str], homes: dict[str, Path]) -> None:
    store = homes["corrupt"] / "egovops.sqlite3"
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    line = _one_line_error(_run(args, homes["corrupt"]))
    assert "damaged or not an egovops store" in line
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_a_missing_output_folder_is_one_line(cli, tmp_path: Path) -> None:
    from egovops.configs import ConfigStore
    from egovops.storage.database import open_database

    db = open_database(cli.data_dir / "egovops.sqlite3")
    ConfigStore(db).save("HF-CORE", "sysname HF-CORE\n", run_id="r", command="display current-configuration")
    db.close()
    missing = tmp_path / "no-such-folder" / "HF-CORE.cfg"
    for args in (["configs", "show", "HF-CORE", "--output", str(missing)],
                 ["audit", "export", str(missing.with_suffix(".jsonl"))],
                 ["inventory", "export", "/proc/no-such-folder/x.csv"]):
        done = cli(*args)
        line = _one_line_error(subprocess.CompletedProcess(args, done.returncode, done.stdout, done.stderr))
        assert "no-such-folder" in line
    written = tmp_path / "HF-CORE.cfg"
    assert cli("configs", "show", "HF-CORE", "--output", str(written)).returncode == 0
    assert written.read_text("utf-8") == "sysname HF-CORE\n" and (written.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("backend", ["no.such.module.Keyring", "keyring.backends.fail.Keyring"])
def test_a_forced_keyring_backend_is_one_line(backend: str, cli) -> None:
    done = cli("credentials", "add", "p1", "--kind", "snmp-v2c", "--secret-stdin", input="public\n",
               env={"PYTHON_KEYRING_BACKEND": backend})
    line = _one_line_error(subprocess.CompletedProcess([], done.returncode, done.stdout, done.stderr))
    assert "keyring" in line.lower()
