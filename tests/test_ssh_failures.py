"""What goes wrong, against real sshd and a server that accepts TCP and never answers."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from egovops.inventory.model import Device
from egovops.ssh import (
    KnownHostsStore, SshAuthError, SshConnectError, SshError, SshOutputTooLarge, SshTimeoutError, open_session,
)
from egovops.credentials import CredentialService
from tests.fixtures.sshd import ENABLE_SECRET, KEY_PASSPHRASE, LabDevice, add_ssh_profile, free_ports, keygen

pytestmark = pytest.mark.usefixtures("secret_service")


def _backup(device: Device, credentials, known: KnownHostsStore, connect_timeout: float) -> tuple[str, str, float]:
    started = time.monotonic()
    try:
        with open_session(device, credentials, known, trust_new_host_key=True, connect_timeout=connect_timeout) as s:
            s.run(s.profile.show_running)
        return device.name, "ok", time.monotonic() - started
    except SshError as exc:
        return device.name, f"{type(exc).__name__}: {exc}", time.monotonic() - started


def test_a_hung_server_costs_only_its_own_connect_timeout(sshd, ssh_credentials, database, hung_server) -> None:
    known = KnownHostsStore(database)
    hung = Device("AH-HUNG-01", "127.0.0.1", "intranet", "安徽省", ssh_port=hung_server.port, vendor="huawei")
    targets = [hung] + [sshd.device(n) for n in ("HW-OK", "H3C-OK", "CISCO-OK", "RUIJIE-OK", "ZTE-OK")]
    with ThreadPoolExecutor(len(targets)) as pool:
        # The hung target gets a short timeout; the others a generous one, so a loaded CI machine
        # cannot make them time out too.
        results = {name: (outcome, took) for name, outcome, took in pool.map(
            lambda d: _backup(d, ssh_credentials.key_only, known, 3.0 if d is hung else 30.0), targets)}
    outcome, took = results.pop("AH-HUNG-01")
    assert outcome.startswith("SshTimeoutError") and "AH-HUNG-01" in outcome and "connect" in outcome
    assert 2.8 <= took < 6.0
    assert {name: r[0] for name, r in results.items()} == {name: "ok" for name in results}


def test_command_timeout_names_the_command_and_closes_the_session(sshd, ssh_credentials, database) -> None:
    with open_session(sshd.device("HW-OK"), ssh_credentials.key_only, KnownHostsStore(database), trust_new_host_key=True) as s:
        started = time.monotonic()
        with pytest.raises(SshTimeoutError) as late:
            s.run("ping -c 10 10.0.0.1", timeout=1.0)
        assert time.monotonic() - started < 2.5
        assert late.value.stage == "command" and "ping -c 10" in str(late.value) and "HW-OK" in str(late.value)
        assert not s.is_open


def test_output_cap_stops_reading(sshd, ssh_credentials, database) -> None:
    known = KnownHostsStore(database)
    with open_session(sshd.device("CISCO-OK"), ssh_credentials.key_only, known, trust_new_host_key=True, max_output_bytes=800) as s:
        assert "Cisco IOS" in s.run("show version")
        with pytest.raises(SshOutputTooLarge) as big:
            s.run("show running-config")
    assert big.value.limit == 800 and "CISCO-OK" in str(big.value) and "show running-config" in str(big.value)


def test_unauthorised_key_and_wrong_passphrase_are_auth_errors_without_the_secret(sshd, ssh_credentials, database, tmp_path: Path) -> None:
    known = KnownHostsStore(database)
    stranger = keygen(tmp_path / "stranger", "stranger-Passphrase-77")
    creds = add_ssh_profile(ssh_credentials.service, "stranger", stranger, {"passphrase": "stranger-Passphrase-77"})
    with pytest.raises(SshAuthError) as refused:
        open_session(sshd.device("HW-OK"), creds, known, trust_new_host_key=True)
    assert "HW-OK" in str(refused.value) and "stranger-Passphrase-77" not in str(refused.value)

    wrong = add_ssh_profile(ssh_credentials.service, "wrong-pass", sshd.lab.client_key, {"passphrase": "not-it-Passphrase"})
    with pytest.raises(SshAuthError) as undecryptable:
        open_session(sshd.device("HW-OK"), wrong, known, trust_new_host_key=True)
    assert str(sshd.lab.client_key) in str(undecryptable.value) and "not-it-Passphrase" not in str(undecryptable.value)


def test_closed_port_is_a_connect_error(database, ssh_credentials) -> None:
    [port] = free_ports(1)
    device = Device("AH-GONE-01", "127.0.0.1", "intranet", "安徽省", ssh_port=port, vendor="h3c")
    with pytest.raises(SshConnectError) as refused:
        open_session(device, ssh_credentials.key_only, KnownHostsStore(database), connect_timeout=2)
    assert "AH-GONE-01" in str(refused.value) and str(port) in str(refused.value)


def test_no_secret_reaches_the_store(sshd, ssh_credentials, database, data_dir: Path) -> None:
    known = KnownHostsStore(database)
    with open_session(sshd.device("CISCO-EN"), ssh_credentials.with_enable, known, trust_new_host_key=True) as s:
        s.run("show running-config")
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert len(known.keys()) == 1
    for secret in (KEY_PASSPHRASE, ENABLE_SECRET):
        assert secret.encode() not in stored


def test_a_server_stuck_in_authentication_costs_the_auth_timeout(sshd_lab, database) -> None:
    # OpenSSH asks an AuthorizedKeysCommand about the key; one that never answers wedges the login.
    [placed] = sshd_lab.start([LabDevice("AH-STUCK-01", "h3c")],
                              extra_config=("AuthorizedKeysFile none", "AuthorizedKeysCommand /bin/sleep 60",
                                            "AuthorizedKeysCommandUser root"))
    credentials = add_ssh_profile(CredentialService(database), "lab", sshd_lab.client_key, {"passphrase": KEY_PASSPHRASE})
    started = time.monotonic()
    with pytest.raises(SshTimeoutError) as late:
        open_session(placed.device(), credentials, KnownHostsStore(database), trust_new_host_key=True, auth_timeout=2.0)
    assert late.value.stage == "auth" and "AH-STUCK-01" in str(late.value)
    assert 1.8 <= time.monotonic() - started < 8.0


def test_the_lab_refuses_a_port_another_server_holds(sshd_lab) -> None:
    # A running demo (or anything) on a device's port must not be mistaken for the lab's sshd.
    import socket

    squatter = socket.socket()
    squatter.bind(("127.20.9.9", 0))
    squatter.listen(1)
    try:
        with pytest.raises(RuntimeError, match="Bind to port"):
            sshd_lab.start([LabDevice("A-01", "huawei"), LabDevice("B-01", "h3c", address="127.20.9.9", port=squatter.getsockname()[1])])
    finally:
        squatter.close()


def test_sessions_of_a_run_share_one_output_budget(sshd, ssh_credentials, database) -> None:
    """The per-session cap let 32 flooding devices hold 1.12 GB; a run's sessions now share one budget."""
    from egovops.ssh import OutputBudget, SshRunBudgetExceeded

    known = KnownHostsStore(database)
    budget = OutputBudget(64 * 1024)
    with open_session(sshd.device("CISCO-OK"), ssh_credentials.key_only, known, trust_new_host_key=True,
                      output_budget=budget) as first:
        config = first.run("show running-config")
        assert "hostname" in config and budget.in_use == 0  # given back when the read ended
        assert budget.take(budget.total - 100)  # other sessions of the run hold nearly all of it
        with open_session(sshd.device("HW-OK"), ssh_credentials.key_only, known, trust_new_host_key=True,
                          output_budget=OutputBudget()) as other:
            assert other.run("display version")  # another run's budget is its own
        with pytest.raises(SshRunBudgetExceeded) as spent:
            first.run("show running-config")
        assert "CISCO-OK" in str(spent.value) and str(budget.total) in str(spent.value)
        assert not first.is_open
    budget.give_back(budget.total - 100)
    assert budget.in_use == 0  # nothing leaked by the failed read
