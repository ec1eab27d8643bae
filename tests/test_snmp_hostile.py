"""Agents that answer wrongly: reported as malformed replies (and counted by ``egovops status``),
never as "no response" and never with a library traceback; long text values cut before storage."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyasn1.codec.ber import decoder, encoder
from pysnmp.proto import api

from egovops.credentials.profiles import Secret
from egovops.snmp import SnmpClient, SnmpLoop, SnmpMalformedReply
from egovops.snmp.target import SnmpTarget
from egovops.snmp.values import MAX_TEXT_CHARS

SYS_DESCR = "1.3.6.1.2.1.1.1.0"
V2C = api.PROTOCOL_MODULES[api.SNMP_VERSION_2C]


def _answer(data: bytes, wrong_id: bool = False, text: str = "ok") -> bytes:
    """A v2c response to ``data`` (optionally with another request-id), each value ``text``."""
    message, _ = decoder.decode(data, asn1Spec=V2C.Message())
    request = V2C.apiMessage.get_pdu(message)
    response = V2C.apiPDU.get_response(request)
    if wrong_id:
        V2C.apiPDU.set_request_id(response, int(V2C.apiPDU.get_request_id(request)) + 7)
    V2C.apiPDU.set_varbinds(response,
                            [(oid, V2C.OctetString(text.encode("utf-8")))
                             for oid, _ in V2C.apiPDU.get_varbinds(request)])
    out = V2C.Message()
    V2C.apiMessage.set_defaults(out)
    V2C.apiMessage.set_community(out, V2C.apiMessage.get_community(message))
    V2C.apiMessage.set_pdu(out, response)
    return encoder.encode(out)


def fake_agent(reply: Callable[[bytes], bytes]) -> tuple[socket.socket, int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                data, peer = sock.recvfrom(65535)
            except OSError:
                return
            sock.sendto(reply(data), peer)

    threading.Thread(target=serve, daemon=True).start()
    return sock, sock.getsockname()[1]


@pytest.fixture
def client() -> Iterator[SnmpClient]:
    loop = SnmpLoop("hostile-tests").start()
    yield SnmpClient(loop)
    loop.stop()


def _target(port: int) -> SnmpTarget:
    return SnmpTarget("AH-ODD-01", "127.0.0.1", port, community=Secret("public"), timeout=0.5, retries=0)


def test_a_reply_with_a_wrong_request_id_is_malformed_not_silence(client: SnmpClient) -> None:
    sock, port = fake_agent(lambda data: _answer(data, wrong_id=True))
    try:
        with pytest.raises(SnmpMalformedReply) as caught:
            client.get(_target(port), [SYS_DESCR])
    finally:
        sock.close()
    assert str(caught.value).startswith("malformed reply from AH-ODD-01: ") and "request-id" in str(caught.value)


def test_a_60_kb_text_value_is_cut_before_anyone_stores_it(client: SnmpClient) -> None:
    sock, port = fake_agent(lambda data: _answer(data, text="描" * 20_000))  # 60 KB of UTF-8
    try:
        value = client.get(_target(port), [SYS_DESCR])[SYS_DESCR]
    finally:
        sock.close()
    assert isinstance(value, str) and len(value) == MAX_TEXT_CHARS and value.endswith("…")


FUZZER = """
import random, socket, sys, threading
from tests.test_snmp_hostile import _answer, fake_agent, _target
from egovops.snmp import SnmpClient, SnmpError, SnmpLoop
rnd = random.Random(int(sys.argv[1]))
def corrupt(data):
    wire = bytearray(_answer(data))
    for _ in range(rnd.randint(1, 3)):
        wire[rnd.randrange(2, len(wire))] = rnd.randrange(256)
    return bytes(wire)
sock, port = fake_agent(corrupt)
loop = SnmpLoop().start()
client = SnmpClient(loop)
kinds = {}
for _ in range(int(sys.argv[2])):
    try:
        client.get(_target(port), ["1.3.6.1.2.1.1.1.0"])
        kind = "ok"
    except SnmpError as exc:
        kind = type(exc).__name__
    kinds[kind] = kinds.get(kind, 0) + 1
loop.stop()
print(kinds)
"""


def test_corrupted_replies_never_print_a_library_traceback() -> None:
    done = subprocess.run([sys.executable, "-c", FUZZER, "7", "80"], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "pyasn1" not in done.stderr, done.stderr[-3000:]
    kinds = eval(done.stdout.strip().splitlines()[-1])  # our own subprocess's dict
    # it answered: never "no response"
    assert kinds.get("SnmpTimeout", 0) == 0 and kinds.get("SnmpMalformedReply", 0) > 40, kinds


def test_egovops_status_counts_devices_that_answered_malformed(cli, database, secret_service) -> None:
    from egovops.credentials import CredentialService
    from egovops.credentials.profiles import build_profile
    from egovops.inventory.model import Device
    from egovops.storage.inventory_repo import InventoryRepository

    sock, port = fake_agent(lambda data: _answer(data, wrong_id=True))
    try:
        CredentialService(database).add(build_profile("v2c", "snmp-v2c", {}), {"community": "public"})
        InventoryRepository(database).save_devices(
            [Device("AH-ODD-01", "127.0.0.1", "intranet", "安徽省/合肥市", snmp_port=port, credential_profile="v2c")])
        polled = cli("poll", "--once", "--json")
    finally:
        sock.close()
    assert "Traceback" not in polled.stderr
    odd = next(d for d in json.loads(polled.stdout) if d["name"] == "AH-ODD-01")
    assert odd["error"].startswith("malformed reply from AH-ODD-01")
    status = cli("status", "--json")
    assert json.loads(status.stdout)["malformed_replies"] == ["AH-ODD-01"]
    assert "malformed SNMP replies in the last poll: 1 device(s): AH-ODD-01" in cli("status").stdout
