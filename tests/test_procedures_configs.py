"""Configuration masking, normalisation and versions in a real store."""

from __future__ import annotations

import pytest

from egovops.configs import ConfigStore, mask_secrets, normalise_config
from egovops.errors import NotFoundError
from egovops.storage.database import Database

pytestmark = pytest.mark.stores("sqlite", "postgresql")

SECRET_LINES = {
    "local-user admin password irreversible-cipher $1a$Zq8$wUu": "$1a$Zq8$wUu",
    "local-user admin password cipher %^%#k3y w1th space%^%#": "k3y w1th space",
    "snmp-agent community read cipher %@%@Pub1ic%@%@ mib-view all": "Pub1ic",
    "snmp-agent community write Priv@te123 acl 2000": "Priv@te123",
    "snmp-agent usm-user v3 ops authentication-mode sha cipher AuthK3y privacy-mode aes128 cipher PrivK3y": "AuthK3y",
    " password hash $h$6$H3CSecret": "$h$6$H3CSecret",
    "super password level 3 cipher SuperS3c": "SuperS3c",
    "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqb": "$1$mERr$hx5rVt7rPNoS4wqb",
    "username bob password 7 0822455D0A16": "0822455D0A16",
    "snmp-server community s3cr3tRO RO 10": "s3cr3tRO",
    "snmp-server user ops grp v3 auth sha CiscoAuth priv aes 128 CiscoPriv": "CiscoPriv",
    "ip ospf message-digest-key 1 md5 7 0FOSPF": "0FOSPF",
    "radius-server shared-key cipher RadiusK3y": "RadiusK3y",
    "tacacs-server key 7 TacacsK3y": "TacacsK3y",
    "enable secret level 15 5 ZteEnable": "ZteEnable",
    "username who password ZtePw1 privilege 15": "ZtePw1",
}


@pytest.mark.parametrize("line,secret", SECRET_LINES.items())
def test_every_vendor_secret_form_is_masked(line: str, secret: str) -> None:
    masked = mask_secrets(line + "\n")
    for part in secret.split():
        assert part not in masked
    assert "******" in masked


@pytest.mark.parametrize("line", [
    "password-control login-attempt 3 exceed lock",
    "service password-encryption",
    "rsa peer-public-key lab",
    "sysname HF-CORE-01",
    "interface GigabitEthernet0/0/1",
])
def test_lines_without_secrets_are_left_alone(line: str) -> None:
    assert mask_secrets(line) == line


def test_private_key_blocks_are_masked() -> None:
    text = "crypto key\n-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\nXYZ\n-----END RSA PRIVATE KEY-----\nend\n"
    masked = mask_secrets(text)
    assert "MIIEabc" not in masked and "XYZ" not in masked and masked.endswith("end\n")


def test_volatile_lines_do_not_make_a_new_version() -> None:
    a = "Building configuration...\n! Last configuration change at 10:32:01\nhostname r1\nntp clock-period 17208\n"
    b = "! Last configuration change at 11:00:00\nhostname r1\nntp clock-period 17999\n\n"
    assert normalise_config(a) == normalise_config(b) == "hostname r1\n"


@pytest.mark.stores("sqlite")  # reads the store's file and its WAL byte by byte
def test_versions_diff_and_no_raw_secret_in_the_store(database: Database, data_dir) -> None:
    store = ConfigStore(database)
    first = store.save("HF-CORE-01", "sysname HF\nsnmp-agent community read Pub1ic\n", run_id="r1", command="display current-configuration")
    again = store.save("HF-CORE-01", "sysname HF\nsnmp-agent community read Pub1ic\n", run_id="r2", command="display current-configuration")
    second = store.save("HF-CORE-01", "sysname HF2\nsnmp-agent community read Pub1ic\n", run_id="r3", command="display current-configuration")
    assert (first.version, first.changed) == (1, True)
    assert (again.version, again.changed) == (1, False)
    assert (second.version, second.previous_version) == (2, 1)
    assert "-sysname HF\n+sysname HF2\n" in second.diff
    assert store.diff("HF-CORE-01") == second.diff
    assert [v.version for v in store.versions("HF-CORE-01")] == [1, 2]
    store_bytes = b"".join(f.read_bytes() for f in data_dir.glob("egovops.sqlite3*"))  # with the WAL
    assert b"sysname HF2" in store_bytes and b"Pub1ic" not in store_bytes
    with pytest.raises(NotFoundError, match="version 7"):
        store.show("HF-CORE-01", 7)
