"""``egovops known-hosts list|forget`` on a store where a real sshd's key was trusted."""

from __future__ import annotations

import json

import pytest

from egovops.ssh import KnownHostsStore, open_session
from egovops.audit.repo import AuditRepository

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]


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

    # Both decisions are on record, with who made them and which fingerprint.
    trail = [(r.action, r.actor, r.subject, r.details_dict()) for r in AuditRepository(database).rows()]
    subject = f"127.0.0.1:{device.ssh_port}"
    fingerprint = sshd.server("ZTE-OK").fingerprint
    assert ("ssh.host-key.trust", "li.na", subject) in [t[:3] for t in trail]
    assert [t[3]["fingerprint"] for t in trail if t[0] == "ssh.host-key.trust"] == [fingerprint]
    assert [t[3]["fingerprints"] for t in trail if t[0] == "ssh.host-key.forget" and t[2] == subject] == [[fingerprint]]
    assert cli("audit", "verify").returncode == 0
