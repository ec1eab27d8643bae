"""``egovops events`` on both stores: listen to real senders, list, export, retention, one-line errors."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egovops.events.model import Event
from egovops.events.repo import EventRepository
from egovops.inventory.model import Device

pytestmark = pytest.mark.stores("sqlite", "postgresql")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_listen_stores_traps_and_syslog_and_list_shows_them(cli, database, inventory, secret_service) -> None:
    inventory.save_devices([Device(name="hf-core-1", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    trap_port, syslog_port = free_port(), free_port()
    env = dict(os.environ, EGOVOPS_HOME=str(cli.data_dir), **({"EGOVOPS_DATABASE": cli.database_url}
                                                               if cli.database_url else {}))
    listener = subprocess.Popen([sys.executable, "-m", "egovops", "events", "listen", "--host", "127.0.0.1",
                                 "--trap-port", str(trap_port), "--syslog-port", str(syslog_port), "--no-poll",
                                 "--seconds", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert listener.stdout is not None
        first = listener.stdout.readline()
        assert f"127.0.0.1:{trap_port}" in first, first + listener.stderr.read() if listener.stderr else ""
        listener.stdout.readline()
        subprocess.run(["snmptrap", "-v", "2c", "-c", "public", f"127.0.0.1:{trap_port}", "",
                        "1.3.6.1.6.3.1.1.5.1"], check=True, env=dict(os.environ, MIBS=""), timeout=15)
        subprocess.run(["logger", "--server", "127.0.0.1", "--port", str(syslog_port), "--tcp", "--rfc5424",
                        "-t", "sshd", "认证失败 for admin"], check=True, timeout=15)
        deadline = time.monotonic() + 10
        while len(EventRepository(database).list()) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.terminate()
        _out, err = listener.communicate(timeout=30)
    assert listener.returncode == 0, err
    listed = json.loads(cli("events", "list", "--json").stdout)
    kinds = sorted((e["kind"], e["device"]) for e in listed)
    # No v2c profile holds "public": the trap is counted as a wrong community, not stored.
    assert kinds == [("syslog", "hf-core-1")]
    assert listed[0]["text"] == "认证失败 for admin"
    counted = json.loads(cli("events", "counters", "--json").stdout)
    assert [(c["source"], c["counter"], c["count"]) for c in counted] == [("127.0.0.1", "bad_auth", 1)]


def listen(cli, trap_port: int) -> subprocess.Popen[str]:  # type: ignore[no-untyped-def]
    env = dict(os.environ, EGOVOPS_HOME=str(cli.data_dir), **({"EGOVOPS_DATABASE": cli.database_url}
                                                               if cli.database_url else {}))
    listener = subprocess.Popen([sys.executable, "-m", "egovops", "events", "listen", "--host", "127.0.0.1",
                                 "--trap-port", str(trap_port), "--no-syslog", "--no-poll", "--seconds", "60"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert listener.stdout is not None and f"127.0.0.1:{trap_port}" in listener.stdout.readline()
    return listener


V3 = ["-v", "3", "-u", "egov-trap", "-l", "authPriv", "-a", "SHA-256", "-A", "egov-auth-key-9", "-x", "AES", "-X"]


def test_v3_credentials_come_from_the_profiles_and_engine_ids_from_the_store(cli, database, inventory,
                                                                             secret_service) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile

    service = CredentialService(database)
    service.add(build_profile("v2c", "snmp-v2c", {}), {"community": "egov-community"})
    service.add(build_profile("v3", "snmp-v3", {"user": "egov-trap", "auth_protocol": "SHA-256",
                                                "priv_protocol": "AES-128"}),
                {"auth_key": "egov-auth-key-9", "priv_key": "egov-priv-key-9"})
    inventory.save_devices([Device(name="hf-core-3", address="127.0.0.1", network="intranet", site="安徽省/合肥市",
                                   credential_profile="v3")])
    assert cli("events", "engine-id", "hf-core-3", "0x8000000001AABBCC").returncode == 0
    port = free_port()
    listener = listen(cli, port)
    env = dict(os.environ, MIBS="")
    try:
        for tool, options in (("snmptrap", [*V3, "egov-priv-key-9", "-e", "0x8000000001AABBCC"]),
                              ("snmpinform", [*V3, "egov-priv-key-9", "-t", "3", "-r", "0"]),
                              ("snmptrap", ["-v", "2c", "-c", "egov-community"]),
                              ("snmptrap", ["-v", "1", "-c", "egov-community"]),
                              ("snmptrap", [*V3, "wrong-priv-key", "-e", "0x8000000001AABBCC"])):
            v1 = "1" in options[:2]
            trap = ["1.3.6.1.4.1.8072", "127.0.0.1", "0", "0", ""] if v1 else ["", "1.3.6.1.6.3.1.1.5.2"]
            done = subprocess.run([tool, *options, f"127.0.0.1:{port}", *trap], capture_output=True, text=True, env=env,
                                  timeout=15)
            assert done.returncode == 0, (options, done.stderr)
        deadline = time.monotonic() + 10
        while len(EventRepository(database).list()) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.terminate()
        listener.communicate(timeout=30)
    found = EventRepository(database).list()
    assert sorted(e.mnemonic for e in found) == ["coldStart", "warmStart", "warmStart", "warmStart"]
    assert {e.device for e in found} == {"hf-core-3"}
    assert [(c.counter, c.count) for c in EventRepository(database).counters()] == [("bad_auth", 1)]


def test_list_filters_export_and_retention(cli, database, tmp_path: Path) -> None:
    repo = EventRepository(database)
    now = time.time()
    repo.store([Event(now - 3 * 86400, "127.0.0.5", "syslog", "major", "IFNET", "LINK_STATE", "=cmd|' /C calc'!A0"),
                Event(now - 60, "127.0.0.5", "trap", "info", "SNMPv2-MIB", "coldStart", "", rule="reboot")])
    table = cli("events", "list", "--since", "1h", env={"LANG": "en_US.UTF-8"})
    assert table.returncode == 0 and "coldStart" in table.stdout and "LINK_STATE" not in table.stdout
    assert "127.0.0.5" in table.stdout  # an unknown source shows its address
    assert json.loads(cli("events", "list", "--grep", "calc", "--json").stdout)[0]["mnemonic"] == "LINK_STATE"
    out = tmp_path / "events.csv"
    done = cli("events", "export", "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["id", "received_at", "sent_at"] and [r[8] for r in rows[1:]] == ["LINK_STATE", "coldStart"]
    assert rows[1][10] == "'=cmd|' /C calc'!A0"  # a formula is text in a spreadsheet
    shown = cli("events", "retention")
    assert shown.returncode == 0 and "180" in shown.stdout and shown.stderr == ""
    lowered = cli("events", "retention", "90")
    assert lowered.returncode == 0 and "90" in lowered.stdout and "Art. 21" in lowered.stderr
    assert EventRepository(database).retention_days() == 90


@pytest.mark.parametrize(("args", "message"), [
    (["events", "list", "--since", "yesterday"], "'yesterday' is not a local time"),
    (["events", "retention", "0"], "retention must be at least 1 day"),
    (["events", "engine-id", "nosuch", "0x8000000001020304"], "no device"),
    (["events", "engine-id", "nosuch", "xyz"], "is not an engine ID"),
    (["events", "listen", "--rules", "/nonexistent/rules.yaml", "--seconds", "1"], "events rules: cannot read"),
])
def test_bad_input_is_one_line_and_exit_1(cli, database, args, message) -> None:
    done = cli(*args, env={"LANG": "en_US.UTF-8"})
    assert done.returncode == 1 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_port_in_use_is_one_line(cli, database) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as held:
        held.bind(("127.0.0.1", 0))
        port = held.getsockname()[1]
        done = cli("events", "listen", "--host", "127.0.0.1", "--trap-port", str(port), "--no-syslog", "--no-poll",
                   "--seconds", "1", env={"LANG": "en_US.UTF-8"})
    assert done.returncode == 1 and "cannot listen on 127.0.0.1" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_listen_learns_a_v3_devices_engine_id_and_then_takes_its_traps(cli, database, inventory, snmpd,
                                                                       secret_service) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile
    from tests.fixtures.snmpd import V3_USERS

    auth, auth_key, priv, priv_key = V3_USERS["egov-sha256"]
    CredentialService(database).add(build_profile("v3", "snmp-v3", {"user": "egov-sha256", "auth_protocol": auth,
                                                                    "priv_protocol": priv}),
                                    {"auth_key": auth_key, "priv_key": priv_key})
    inventory.save_devices([Device(name="hf-core-5", address="127.0.0.1", snmp_port=snmpd.port, network="intranet",
                                   site="安徽省/合肥市", credential_profile="v3")])
    reference = subprocess.run(["snmpget", "-On", "-Ovq", "-Ox", *snmpd.net_snmp_args("3", "egov-sha256"),
                                f"127.0.0.1:{snmpd.port}", "1.3.6.1.6.3.10.2.1.1.0"], capture_output=True, text=True,
                               check=True, timeout=15, env=dict(os.environ, MIBS=""))
    engine_id = "".join(reference.stdout.split()).strip("\"").lower()  # net-snmp prints the octets in hex
    port = free_port()
    listener = listen(cli, port)
    try:
        assert EventRepository(database).engine_ids() == {"hf-core-5": engine_id}
        done = subprocess.run(["snmptrap", *snmpd.net_snmp_args("3", "egov-sha256"), "-e", f"0x{engine_id}",
                               f"127.0.0.1:{port}", "", "1.3.6.1.6.3.1.1.5.1"], capture_output=True, text=True,
                              env=dict(os.environ, MIBS=""), timeout=15)
        assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 10
        while not EventRepository(database).list() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.terminate()
        listener.communicate(timeout=30)
    (event,) = EventRepository(database).list()
    assert (event.device, event.mnemonic) == ("hf-core-5", "coldStart")
