"""Vendor sessions over real sshd: prompts, paging switched off per vendor, privilege, CLI errors."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from egovops.ssh import KnownHostsStore, SshAuthError, SshCommandError, open_session
from egovops.simulator.naming import interface_name
from tests.fixtures.sshd import ENABLE_SECRET, KEY_PASSPHRASE

pytestmark = pytest.mark.usefixtures("secret_service")

PAGING_OFF = {
    "HW-OK": "screen-length 0 temporary",
    "H3C-OK": "screen-length disable",
    "CISCO-OK": "terminal length 0",
    "RUIJIE-OK": "terminal length 0",
    "ZTE-OK": "terminal length 0",
}
SHOW_RUNNING = {"huawei": "display current-configuration", "h3c": "display current-configuration"}


@pytest.mark.parametrize("name", sorted(PAGING_OFF))
def test_each_vendor_gets_its_paging_command_and_whole_configuration(sshd, ssh_credentials, database, name: str) -> None:
    device = sshd.device(name)
    log_before = len(sshd.server(name).command_log(name))
    with open_session(device, ssh_credentials.key_only, KnownHostsStore(database), trust_new_host_key=True) as session:
        config = session.run(SHOW_RUNNING.get(device.vendor, "show running-config"))
        assert session.hostname == name and session.vendor == device.vendor
        sock = session._transport.sock
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    received = sshd.server(name).command_log(name)[log_before:]
    assert received[0] == PAGING_OFF[name]
    # Longer than a screen, so it arrived whole only because paging was off: no pager left in it.
    lines = config.split("\n")
    assert len(lines) > 24 and "More" not in config
    assert f"interface {interface_name(device.vendor, 8)}" in config
    assert not lines[0].endswith(SHOW_RUNNING.get(device.vendor, "show running-config"))  # echo removed
    assert lines[-1] in ("return", "end")  # the prompt after it was removed


@pytest.mark.parametrize(("name", "paging_on", "show"), [
    ("HW-OK", "screen-length 24 temporary", "display current-configuration"),
    ("CISCO-OK", "terminal length 24", "show running-config"),
])
def test_pager_is_answered_when_paging_is_back_on(sshd, ssh_credentials, database, name, paging_on, show) -> None:
    with open_session(sshd.device(name), ssh_credentials.key_only, KnownHostsStore(database), trust_new_host_key=True) as s:
        whole = s.run(show)
        s.run(paging_on)
        assert s.run(show) == whole


def test_rejected_command_raises_naming_device_and_reply(sshd, ssh_credentials, database) -> None:
    with open_session(sshd.device("H3C-OK"), ssh_credentials.key_only, KnownHostsStore(database), trust_new_host_key=True) as s:
        assert "Unrecognized command" in s.run("display nonsense", check=False)
        with pytest.raises(SshCommandError) as rejected:
            s.run("display nonsense")
    assert "H3C-OK" in str(rejected.value) and "display nonsense" in str(rejected.value)
    assert "Unrecognized command" in rejected.value.reply


def test_enable_password_raises_privilege_on_cisco(sshd, ssh_credentials, database) -> None:
    known = KnownHostsStore(database)
    with open_session(sshd.device("CISCO-EN"), ssh_credentials.with_enable, known, trust_new_host_key=True) as s:
        assert s.prompt_line.endswith(b"CISCO-EN#")
        assert "hostname CISCO-EN" in s.run("show running-config")
    with open_session(sshd.device("CISCO-EN"), ssh_credentials.key_only, known) as s:
        with pytest.raises(SshCommandError):  # unprivileged: the device refuses the command
            s.run("show running-config")
    assert ENABLE_SECRET not in sshd.server("CISCO-EN").command_log("CISCO-EN")  # never logged as a command


def test_super_password_on_huawei_and_a_wrong_one_is_an_auth_error(sshd, ssh_credentials, database) -> None:
    known = KnownHostsStore(database)
    with open_session(sshd.device("HW-SUPER"), ssh_credentials.with_enable, known, trust_new_host_key=True) as s:
        assert "sysname HW-SUPER" in s.run("display current-configuration")
    wrong = ssh_credentials.service
    from egovops.credentials.profiles import build_profile

    wrong.add(build_profile("bad-enable", "ssh", {"user": sshd.lab.user, "key_file": str(sshd.lab.client_key)}),
              {"passphrase": KEY_PASSPHRASE, "enable_password": "not-the-secret"})
    with pytest.raises(SshAuthError) as refused:
        open_session(sshd.device("CISCO-EN"), wrong.resolve("bad-enable"), known, trust_new_host_key=True)
    assert "CISCO-EN" in str(refused.value) and "not-the-secret" not in str(refused.value)


def test_demo_devices_are_served_at_their_own_loopback_address(sshd_lab, database) -> None:
    from egovops.credentials import CredentialService
    from egovops.demo.inventory import build_demo
    from egovops.simulator.lab import lab_devices_for
    from tests.fixtures.sshd import add_ssh_profile

    demo = [d for d in build_demo(12).devices if d.vendor in ("huawei", "h3c", "cisco")][:2]
    wanted = [replace(d, port=0) for d in lab_devices_for(demo)]  # the demo's ports may be taken here
    placed = sshd_lab.start(wanted)
    credentials = add_ssh_profile(CredentialService(database), "lab", sshd_lab.client_key, {"passphrase": KEY_PASSPHRASE})
    for lab_device, inventory_device in zip(placed, demo):
        assert lab_device.address == inventory_device.address != "127.0.0.1"
        with open_session(lab_device.device(), credentials, KnownHostsStore(database), trust_new_host_key=True) as s:
            assert s.hostname == inventory_device.name
    assert sorted(k.host for k in KnownHostsStore(database).keys()) == sorted(d.address for d in demo)


def test_a_rejected_paging_command_falls_back_to_answering_the_pager(sshd, ssh_credentials, database) -> None:
    # A Huawei device recorded as H3C gets Comware's 'screen-length disable', which VRP rejects.
    known = KnownHostsStore(database)
    with open_session(sshd.device("HW-OK"), ssh_credentials.key_only, known, trust_new_host_key=True) as s:
        whole = s.run("display current-configuration")
    mislabelled = replace(sshd.device("HW-OK"), vendor="h3c")
    with open_session(mislabelled, ssh_credentials.key_only, known) as s:
        assert s.run("display current-configuration") == whole
    assert "screen-length disable" in sshd.server("HW-OK").command_log("HW-OK")
