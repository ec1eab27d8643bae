"""The collector's systemd unit and its start-up wrapper (packaging/systemd/).

``systemd-analyze verify`` checks the unit as systemd would load it; then the wrapper is run the
way the unit runs it (its ``User=``, its ``Environment=`` with the state and runtime directories
systemd would make, the keyring's unlock password as a credential file in
``$CREDENTIALS_DIRECTORY``), with no systemd as PID 1 in this container to do it for us: it stores an
SNMPv3 secret into the service's keyring, then ``egovops collector`` polls a real snmpd on
loopback with that secret, and stops cleanly on SIGTERM.

The interpreter: the .deb's egovops is a self-contained bundle; here a non-root user cannot enter
/root where this venv's Python lives, so the system's Python 3.11 runs the venv's packages
(``site.addsitedir``), a stand-in for /usr/bin/egovops handed to the wrapper in ``EGOVOPS``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from egovops.inventory.model import Device, Network, NetworkKind, Site, SiteKind
from egovops.paths import database_path
from egovops.storage.database import open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.collectors import collectors
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import device_status
from tests.fixtures.snmpd import SnmpdAgent

SYSTEMD = Path(__file__).resolve().parents[1] / "packaging" / "systemd"
UNIT = SYSTEMD / "egovops-collector.service"
WRAPPER = SYSTEMD / "egovops-collector-start"
INSTALLED_WRAPPER = "/usr/lib/egovops/egovops-collector-start"
UNLOCK = "unit-test-unlock-passphrase"  # the credential; what the keyring is encrypted with
V3_USER = "egov-sha"


def service_settings() -> dict[str, list[str]]:
    """The unit's [Service] settings, each key's values in order (Environment= may repeat)."""
    found: dict[str, list[str]] = {}
    section = ""
    for line in UNIT.read_text("utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            found.setdefault(key, []).append(value)
    return found


def analyze(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is not installed: scripts/system-packages.txt lists systemd")
    return subprocess.run(["systemd-analyze", *args], capture_output=True, text=True, timeout=60)


def unit_copy(folder: Path, text: str | None = None) -> Path:
    """The unit with its wrapper at this checkout's path: verify insists that ExecStart exists,
    and the package's /usr/lib/egovops is not installed here. Nothing else changes."""
    text = UNIT.read_text("utf-8") if text is None else text
    assert INSTALLED_WRAPPER in text
    copy = folder / UNIT.name
    copy.write_text(text.replace(INSTALLED_WRAPPER, str(WRAPPER)), "utf-8")
    return copy


def test_the_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    done = analyze("verify", str(unit_copy(tmp_path)))
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_verify_would_catch_a_broken_unit(tmp_path: Path) -> None:
    """What the test above relies on: a misspelt key or a missing program is reported."""
    broken = UNIT.read_text("utf-8").replace("ProtectSystem=strict", "ProtectSytem=strict")
    assert "ProtectSytem" in analyze("verify", str(unit_copy(tmp_path, broken))).stderr
    missing = UNIT.read_text("utf-8").replace("ExecReload=/bin/kill", "ExecReload=/bin/no-such-kill")
    assert "no-such-kill" in analyze("verify", str(unit_copy(tmp_path, missing))).stderr


def test_the_unit_asks_for_what_the_issue_names_and_stays_locked_down(tmp_path: Path) -> None:
    s = service_settings()
    assert s["User"] == ["egovops"] and s["Restart"] == ["on-failure"] and s["ProtectSystem"] == ["strict"]
    assert s["AmbientCapabilities"] == s["CapabilityBoundingSet"] == ["CAP_NET_BIND_SERVICE"]
    assert s["StateDirectory"] == ["egovops"] and s["NoNewPrivileges"] == ["yes"]
    assert s["LoadCredentialEncrypted"][0].startswith("keyring-unlock:")
    assert s["ExecStart"][0].startswith(INSTALLED_WRAPPER + " collector")
    # systemd's own score of the sandbox: 0 (locked down) to 10 (exposed); it fails above 2.5.
    done = analyze("security", "--offline=true", "--threshold=25", str(unit_copy(tmp_path)))
    assert done.returncode == 0, done.stdout[-600:]


@dataclass
class Service:
    """The directories and environment systemd would give the unit's process."""

    user: str
    base: Path
    state: Path  # %S/egovops: StateDirectory=
    env: dict[str, str]

    def run(self, *args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(WRAPPER), *args], input=stdin, capture_output=True, text=True, timeout=timeout,
                              **self.as_unit())  # type: ignore[call-overload]

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([str(WRAPPER), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, **self.as_unit())  # type: ignore[call-overload]

    def as_unit(self) -> dict[str, object]:
        account = pwd.getpwnam(self.user)
        return {"env": self.env, "cwd": self.state, "user": account.pw_uid, "group": account.pw_gid,
                "extra_groups": [], "umask": 0o077}


def _egovops_launcher(folder: Path) -> Path:
    """``-S``: none of the system's own dist-packages (an older cryptography there lacks what
    pysnmp's AES needs); then the venv's site-packages with its .pth files (the editable install)."""
    site_packages = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    launcher = folder / "egovops"
    launcher.write_text(
        "#!/bin/sh\n"
        f"exec /usr/bin/python3.11 -S -c 'import runpy, site, sys; site.addsitedir(\"{site_packages}\"); "
        "sys.argv[0] = \"egovops\"; runpy.run_module(\"egovops\", run_name=\"__main__\")' \"$@\"\n", "utf-8")
    launcher.chmod(0o755)
    return launcher


def _unit_environment(state_root: Path, runtime_root: Path) -> dict[str, str]:
    env: dict[str, str] = {}
    for line in service_settings()["Environment"]:
        for pair in line.split():
            key, value = pair.split("=", 1)
            env[key] = value.replace("%S", str(state_root)).replace("%t", str(runtime_root))
    return env


def _end_leftovers(base: Path) -> None:
    """The private bus and keyring the wrapper started: systemd ends them with the unit's cgroup;
    here, every process whose environment names this test's folder (ours alone), by its id."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if str(base).encode() in environ:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(proc.name), signal.SIGTERM)


@pytest.fixture
def service() -> Iterator[Service]:
    if os.geteuid() != 0:
        pytest.skip("running as the unit's user needs root to create it and switch to it")
    if not Path("/usr/bin/python3.11").exists():
        pytest.skip("the unit's user cannot run this venv's Python under /root, and there is no /usr/bin/python3.11")
    user = service_settings()["User"][0]
    created = False
    try:
        pwd.getpwnam(user)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user], check=True)
        created = True
    account = pwd.getpwnam(user)
    base = Path(tempfile.mkdtemp(prefix="egovops-unit-"))  # under /tmp: the user can reach it
    try:
        env = _unit_environment(base / "state", base / "run")
        state, runtime, credentials = Path(env["EGOVOPS_HOME"]), Path(env["XDG_RUNTIME_DIR"]), base / "credentials"
        for folder in (state, runtime, credentials):
            folder.mkdir(parents=True, mode=0o700)
        (credentials / "keyring-unlock").write_text(UNLOCK, "utf-8")
        (credentials / "keyring-unlock").chmod(0o400)
        env.update(PATH="/usr/bin:/bin", CREDENTIALS_DIRECTORY=str(credentials), EGOVOPS=str(_egovops_launcher(base)),
                   EGOVOPS_UNLOCK_WAIT_S="20", LANG="C.UTF-8")
        for path in [base, *base.rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid)
        yield Service(user, base, state, env)
    finally:
        _end_leftovers(base)
        shutil.rmtree(base, ignore_errors=True)
        if created:
            subprocess.run(["userdel", user], check=False)


def test_the_wrapper_says_in_one_line_what_is_missing(tmp_path: Path) -> None:
    done = subprocess.run([str(WRAPPER), "collector"], capture_output=True, text=True, timeout=30,
                          env={"PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(tmp_path)})
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "CREDENTIALS_DIRECTORY" in done.stderr
    env = {"PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(tmp_path), "CREDENTIALS_DIRECTORY": str(tmp_path)}
    done = subprocess.run([str(WRAPPER), "collector"], capture_output=True, text=True, timeout=30, env=env)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "keyring-unlock is missing" in done.stderr


def _lab_device(service: Service, snmpd: SnmpdAgent) -> None:
    """The collector's store (SQLite in its state directory), written before the user owns it."""
    db = open_database(database_path(service.state))
    try:
        repo = InventoryRepository(db)
        repo.save_network(Network("extranet", NetworkKind.EXTRANET))
        repo.save_site(Site("安徽省", SiteKind.PROVINCE))
        repo.save_devices([Device("LAB-SNMPD-01", "127.0.0.1", "extranet", "安徽省", snmp_port=snmpd.port,
                                  credential_profile="lab-v3")])
    finally:
        db.close()
    account = pwd.getpwnam(service.user)
    for path in [service.state, *service.state.rglob("*")]:
        os.chown(path, account.pw_uid, account.pw_gid)


def _polled(service: Service) -> tuple[float | None, str | None]:
    """The lab device's uptime (from SNMP: none unless the agent answered) and its state and reasons."""
    db = open_database(database_path(service.state))
    try:
        with db.read() as conn:
            row = conn.execute(select(device_status.c.uptime_s, device_status.c.state, device_status.c.reasons)
                               .join(devices, devices.c.id == device_status.c.device_id)).first()
        return (row.uptime_s, f"{row.state}: {row.reasons}") if row else (None, None)
    finally:
        db.close()


def test_the_collector_runs_as_the_unit_runs_it_with_its_keyring_unlocked(service: Service,
                                                                          snmpd: SnmpdAgent) -> None:
    auth_key, priv_key = snmpd.v3_users[V3_USER][1], snmpd.v3_users[V3_USER][3]
    _lab_device(service, snmpd)
    # The administrator's step: the SNMPv3 secrets into the service's own keyring, through the wrapper.
    added = service.run("credentials", "add", "lab-v3", "--kind", "snmp-v3", "--user", V3_USER,
                        "--auth-protocol", "sha", "--priv-protocol", "aes-128", "--secret-stdin",
                        stdin=f"{auth_key}\n{priv_key}\n")
    assert added.returncode == 0, added.stderr
    keyrings = Path(service.env["XDG_DATA_HOME"]) / "keyrings"
    assert keyrings.stat().st_uid == pwd.getpwnam(service.user).pw_uid
    files = [p for p in service.base.rglob("*") if p.is_file() and p.parent.name != "credentials"]
    on_disk = b"".join(p.read_bytes() for p in files)
    assert priv_key.encode() not in on_disk and UNLOCK.encode() not in on_disk  # no plaintext secret on disk

    collector = service.start("collector", "--name", "unit-test")
    try:
        deadline = time.monotonic() + 90
        while _polled(service)[0] is None and collector.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        uptime, state = _polled(service)
        if uptime is None:
            collector.terminate()
            pytest.fail(f"not polled ({state}); the collector said: {collector.communicate(timeout=20)[0][-3000:]}")
        # SNMPv3 answered, with the secrets from the keyring.
        assert uptime > 0 and state is not None and state.startswith("up:")
        # The wrapper became the collector: the unit's main process, so SIGTERM and SIGHUP reach it.
        assert "egovops" in Path(f"/proc/{collector.pid}/cmdline").read_bytes().decode(errors="replace")
        collector.send_signal(signal.SIGTERM)
        assert collector.wait(timeout=20) == 0
    finally:
        if collector.poll() is None:
            collector.kill()
            collector.wait()
    db = open_database(database_path(service.state))
    try:
        with db.read() as conn:
            assert conn.scalar(select(collectors.c.stopped_at).where(collectors.c.name == "unit-test")) is not None
    finally:
        db.close()


def test_a_wrong_unlock_password_stops_the_start_in_one_line(service: Service) -> None:
    assert service.run("credentials", "list").returncode == 0  # the keyring is made with the right one
    credential = Path(service.env["CREDENTIALS_DIRECTORY"]) / "keyring-unlock"
    credential.chmod(0o600)
    credential.write_text("not-the-password", "utf-8")
    service.env["EGOVOPS_UNLOCK_WAIT_S"] = "3"
    done = service.run("credentials", "list", timeout=60)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "still locked" in done.stderr and done.stdout == ""
