"""Notifications sent by net-snmp's snmptrap/snmpinform to the receiver: v1, v2c, informs, v3."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator

import pytest

from egovops.events.model import Event
from egovops.events.traps import TrapReceiver, TrapUser

ENGINE_ID = "8000000001020304"
USER = TrapUser("egov-trap", "SHA", "egov-auth-key-1", "AES-128", "egov-priv-key-1")
NAMES = {"1.3.6.1.6.3.1.1.5.3": "IF-MIB::linkDown", "1.3.6.1.2.1.2.2.1.1": "IF-MIB::ifIndex"}
LINK_DOWN = ["1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.2", "i", "2"]


class Heard:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.rejected: list[str] = []
        self.cond = threading.Condition()

    def event(self, event: Event) -> None:
        with self.cond:
            self.events.append(event)
            self.cond.notify_all()

    def reject(self, source: str) -> None:
        with self.cond:
            self.rejected.append(source)
            self.cond.notify_all()

    def wait(self, what: str, count: int, timeout: float = 5.0) -> list[object]:
        with self.cond:
            assert self.cond.wait_for(lambda: len(getattr(self, what)) >= count, timeout), (self.events, self.rejected)
            return list(getattr(self, what))


@pytest.fixture
def receiver() -> Iterator[tuple[TrapReceiver, Heard]]:
    heard = Heard()
    users = [USER, TrapUser(**{**USER.__dict__, "engine_id": ENGINE_ID})]
    found = TrapReceiver(heard.event, heard.reject, ["public"], users, NAMES, "127.0.0.1", 0)
    found.start()
    yield found, heard
    found.stop()


def send(tool: str, port: int, options: list[str], trap: list[str] = LINK_DOWN) -> subprocess.CompletedProcess[str]:
    """``tool`` with ``options`` to the receiver: uptime now, then ``trap`` (its OID and varbinds)."""
    wait = ["-t", "2", "-r", "0"] if tool == "snmpinform" else []
    return subprocess.run([tool, "-On", *wait, *options, f"127.0.0.1:{port}", "", *trap],
                          capture_output=True, text=True, timeout=15, env=dict(os.environ, MIBS=""))


V3 = ["-v", "3", "-u", USER.user, "-l", "authPriv", "-a", "SHA", "-A", "egov-auth-key-1", "-x", "AES", "-X",
      "egov-priv-key-1"]


@pytest.mark.parametrize(("tool", "options"), [
    ("snmptrap", ["-v", "2c", "-c", "public"]),
    ("snmpinform", ["-v", "2c", "-c", "public"]),
    ("snmptrap", [*V3, "-e", ENGINE_ID]),
    ("snmpinform", V3),
])
def test_v2c_and_v3_traps_and_informs_are_received(receiver, tool, options) -> None:
    found, heard = receiver
    done = send(tool, found.port, options)
    assert done.returncode == 0, done.stderr  # an inform not answered fails here
    (event,) = heard.wait("events", 1)
    assert (event.kind, event.module, event.mnemonic, event.source) == ("trap", "IF-MIB", "linkDown", "127.0.0.1")
    assert event.varbind("IF-MIB::ifIndex") == "2" and heard.rejected == []


def test_v1_trap_becomes_a_v2_link_down() -> None:
    heard = Heard()
    found = TrapReceiver(heard.event, heard.reject, ["public"], [], NAMES, "127.0.0.1", 0)
    found.start()
    try:
        done = subprocess.run(["snmptrap", "-v", "1", "-c", "public", f"127.0.0.1:{found.port}", "1.3.6.1.4.1.8072",
                               "127.0.0.1", "2", "0", "", "1.3.6.1.2.1.2.2.1.1.7", "i", "7"],
                              capture_output=True, text=True, timeout=15, env=dict(os.environ, MIBS=""))
        assert done.returncode == 0, done.stderr
        (event,) = heard.wait("events", 1)
        assert event.mnemonic == "linkDown" and event.varbind("IF-MIB::ifIndex") == "7"
    finally:
        found.stop()


@pytest.mark.parametrize("options", [
    ["-v", "2c", "-c", "wrong"],
    [*V3[:-1], "wrong-priv-key", "-e", ENGINE_ID],
    [*V3[:9], "wrong-auth-key", *V3[10:], "-e", ENGINE_ID],
    [*V3, "-e", "8000000001999999"],  # an engine ID no device has
])
def test_wrong_community_or_keys_are_counted_not_received(receiver, options) -> None:
    found, heard = receiver
    send("snmptrap", found.port, options)
    assert heard.wait("rejected", 1) == ["127.0.0.1"]
    send("snmptrap", found.port, ["-v", "2c", "-c", "public"])  # then a good one: all before it is seen
    heard.wait("events", 1)
    assert len(heard.events) == 1 and heard.rejected == ["127.0.0.1"]
