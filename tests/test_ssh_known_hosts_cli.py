"""``egovops known-hosts list|forget`` on a store where a real sshd's key was trusted."""

from __future__ import annotations

import json

import pytest

from egovops.ssh import KnownHostsStore, open_session

pytestmark = pytest.mark.usefixtures("secret_service")


def test_list_shows_the_trusted_key_and_forget_removes_it(sshd, ssh_credentials, database, cli) -> None:
    device = sshd.device("ZTE-OK")
    with open_session(device, ssh_credentials.key_only, KnownHostsStore(database), trust_new_host_key=True, operator="li.na"):
        pass
    listed = json.loads(cli("known-hosts", "list", "--json").stdout)
    assert [(k["host"], k["port"], k["fingerprint"], k["trusted_by"]) for k in listed] == [
        ("127.0.0.1", device.ssh_port, sshd.server("ZTE-OK").fingerprint, "li.na")]
    assert sshd.server("ZTE-OK").fingerprint in cli("known-hosts", "list").stdout

    done = cli("known-hosts", "forget", f"127.0.0.1:{device.ssh_port}")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("known-hosts", "list", "--json").stdout) == []
    again = cli("known-hosts", "forget", f"127.0.0.1:{device.ssh_port}")
    assert again.returncode == 1 and f"127.0.0.1:{device.ssh_port}" in again.stderr
    bad = cli("known-hosts", "forget", "NO-SUCH-DEVICE")
    assert bad.returncode == 1 and "NO-SUCH-DEVICE" in bad.stderr
