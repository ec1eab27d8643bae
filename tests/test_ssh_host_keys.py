"""Host keys against real OpenSSH sshd: unknown keys need explicit trust, changed keys are refused."""

from __future__ import annotations

import pytest

from egovops.credentials import CredentialService
from egovops.ssh import HostKeyChangedError, HostKeyUnknownError, KnownHostsStore, OfferedHostKey, open_session
from tests.fixtures.sshd import KEY_PASSPHRASE, LabDevice, add_ssh_profile

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]


def test_unknown_key_is_refused_before_login_and_nothing_is_stored(sshd, ssh_credentials, database) -> None:
    known = KnownHostsStore(database)
    device = sshd.device("H3C-OK")
    logins_before = len(sshd.server("H3C-OK").command_log("H3C-OK"))
    with pytest.raises(HostKeyUnknownError) as refused:
        open_session(device, ssh_credentials.key_only, known)
    error = refused.value
    assert error.fingerprint == sshd.server("H3C-OK").fingerprint  # what ssh-keygen -lf prints
    assert (error.host, error.port, error.key_type) == ("127.0.0.1", device.ssh_port, "ssh-ed25519")
    # the console shows it too
    assert "H3C-OK" in str(error) and error.fingerprint in str(error) and "--" not in str(error)
    assert known.keys() == []
    # The emulator never ran a command: no shell was opened on an unverified server.
    assert len(sshd.server("H3C-OK").command_log("H3C-OK")) == logins_before


def test_explicit_trust_stores_the_key_and_later_logins_need_no_decision(sshd, ssh_credentials, database) -> None:
    known = KnownHostsStore(database)
    device = sshd.device("HW-OK")
    with open_session(device, ssh_credentials.key_only, known, trust_new_host_key=True, operator="zhang.wei") as session:
        assert "sysname HW-OK" in session.run("display current-configuration")
    [stored] = known.keys()
    assert (stored.host, stored.port, stored.key_type) == ("127.0.0.1", device.ssh_port, "ssh-ed25519")
    assert stored.fingerprint_sha256 == sshd.server("HW-OK").fingerprint
    assert stored.trusted_by == "zhang.wei" and stored.first_seen > 0
    with open_session(device, ssh_credentials.key_only, known) as session:
        assert session.hostname == "HW-OK"
    assert len(known.keys()) == 1


def test_a_trust_callback_sees_the_fingerprint_and_can_decline(sshd, ssh_credentials, database) -> None:
    known = KnownHostsStore(database)
    seen: list[OfferedHostKey] = []

    def decline(offered: OfferedHostKey) -> bool:
        seen.append(offered)
        return False

    with pytest.raises(HostKeyUnknownError):
        open_session(sshd.device("CISCO-OK"), ssh_credentials.key_only, known, trust_new_host_key=decline)
    assert [(o.device, o.fingerprint) for o in seen] == [("CISCO-OK", sshd.server("CISCO-OK").fingerprint)]
    with open_session(sshd.device("CISCO-OK"), ssh_credentials.key_only, known, trust_new_host_key=lambda o: True):
        pass
    assert [k.fingerprint_sha256 for k in known.keys()] == [seen[0].fingerprint]


def test_changed_key_is_refused_with_both_fingerprints_even_with_trust(sshd_lab, database) -> None:
    [placed] = sshd_lab.start([LabDevice("AH-INT-CORE-01", "huawei")])
    server = sshd_lab.servers[0]
    credentials = add_ssh_profile(CredentialService(database), "lab", sshd_lab.client_key, {"passphrase": KEY_PASSPHRASE})
    known = KnownHostsStore(database)
    with open_session(placed.device(), credentials, known, trust_new_host_key=True):
        pass
    old = server.fingerprint

    server.restart_with_new_host_key()
    new = server.fingerprint
    assert new != old
    for trust in (False, True):
        with pytest.raises(HostKeyChangedError) as refused:
            open_session(placed.device(), credentials, known, trust_new_host_key=trust)
        assert (refused.value.old_fingerprint, refused.value.new_fingerprint) == (old, new)
        assert old in str(refused.value) and new in str(refused.value) and "AH-INT-CORE-01" in str(refused.value)
    assert [k.fingerprint_sha256 for k in known.keys()] == [old]

    # The operator verified the new key out of band: forget the old one, then trust the new one.
    assert known.forget("127.0.0.1", placed.port) == 1
    with open_session(placed.device(), credentials, known, trust_new_host_key=True) as session:
        assert session.hostname == "AH-INT-CORE-01"
    assert [k.fingerprint_sha256 for k in known.keys()] == [new]
