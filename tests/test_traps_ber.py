"""The v1/v2c fast path reads what net-snmp's snmptrap sends exactly as pysnmp does, and hands
everything else (informs, v3, broken packets) back to pysnmp."""

from __future__ import annotations

import os
import socket
import subprocess

import pytest
from pyasn1.codec.ber import decoder
from pysnmp.proto import api, rfc1902
from pysnmp.proto.proxy import rfc2576

from egovops.events.ber import community_trap, octets_text

VARBINDS = ["1.3.6.1.2.1.2.2.1.1.3", "i", "-3", "1.3.6.1.2.1.2.2.1.5.3", "u", "4294967295",
            "1.3.6.1.2.1.2.2.1.10.3", "c", "123456", "1.3.6.1.2.1.31.1.1.1.6.3", "C", "18446744073709551615",
            "1.3.6.1.2.1.1.3.0", "t", "987654", "1.3.6.1.2.1.4.20.1.1.10.0.0.1", "a", "10.0.0.1",
            "1.3.6.1.2.1.1.2.0", "o", "1.3.6.1.4.1.2011.2.23.1", "1.3.6.1.2.1.2.2.1.2.3", "s", "GigabitEthernet0/0/3",
            "1.3.6.1.2.1.31.1.1.1.18.3", "s", "至合肥市政务外网", "1.3.6.1.2.1.2.2.1.6.3", "x", "00 E0 FC 01 02 03",
            "1.3.6.1.2.1.31.1.1.1.18.4", "x", "BA CF B7 CA CA D0 D5 FE CE F1 CD E2 CD F8"]  # GBK 合肥市政务外网

V1_VARBINDS = VARBINDS[:9] + VARBINDS[12:]  # SNMPv1 has no Counter64 (pysnmp refuses the whole trap)


def captured(*args: str) -> bytes:
    """The datagram net-snmp sends for these snmptrap arguments."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:
        sink.bind(("127.0.0.1", 0))
        sink.settimeout(10)
        subprocess.run(["snmptrap", *args[:4], f"127.0.0.1:{sink.getsockname()[1]}", *args[4:]], check=True,
                       capture_output=True, timeout=15, env=dict(os.environ, MIBS=""))
        return sink.recv(65535)


def pysnmp_reading(raw: bytes) -> tuple[bytes, list[tuple[str, str]]]:
    version = int(api.decodeMessageVersion(raw))
    module = api.PROTOCOL_MODULES[version]
    message, _ = decoder.decode(raw, asn1Spec=module.Message())
    pdu = module.apiMessage.get_pdu(message)
    community = bytes(module.apiMessage.get_community(message))
    if version == api.SNMP_VERSION_1:
        pdu = rfc2576.v1_to_v2(pdu, snmpTrapCommunity=community)
    rows = [(str(oid), ".".join(map(str, bytes(v))) if isinstance(v, rfc1902.IpAddress)
             else octets_text(bytes(v)) if isinstance(v, rfc1902.OctetString) else v.prettyPrint())
            for oid, v in api.PROTOCOL_MODULES[api.SNMP_VERSION_2C].apiPDU.get_varbinds(pdu)]
    return community, rows


@pytest.mark.parametrize("args", [
    ["-v", "2c", "-c", "public", "", "1.3.6.1.6.3.1.1.5.3", *VARBINDS],
    ["-v", "1", "-c", "public", "1.3.6.1.4.1.2011", "127.0.0.1", "2", "0", "", *V1_VARBINDS],  # generic linkDown
    ["-v", "1", "-c", "public", "1.3.6.1.4.1.2011.5.25.219", "127.0.0.1", "6", "17", "", *V1_VARBINDS],
])
def test_the_fast_path_reads_a_trap_as_pysnmp_does(args) -> None:
    raw = captured(*args)
    fast = community_trap(raw)
    assert fast is not None
    community, rows = fast
    expected_community, expected = pysnmp_reading(raw)
    assert community == expected_community == b"public"
    # pysnmp leaves snmpTrapAddress and the other RFC 3584 extras in a different order: same set.
    assert sorted(rows) == sorted(expected)
    assert rows[1][0] == "1.3.6.1.6.3.1.1.4.1.0"
    assert dict(rows)["1.3.6.1.2.1.31.1.1.1.18.3"] == "至合肥市政务外网"
    assert dict(rows)["1.3.6.1.2.1.2.2.1.6.3"] == "00:e0:fc:01:02:03"
    assert dict(rows)["1.3.6.1.2.1.31.1.1.1.18.4"] == "合肥市政务外网"


def test_anything_else_goes_to_pysnmp() -> None:
    good = captured("-v", "2c", "-c", "public", "", "1.3.6.1.6.3.1.1.5.1")
    assert community_trap(good) is not None
    for broken in (good[:-1], good[:10], b"", b"\x30\x84\xff\xff\xff\xff", good[:2] + b"\x02\x01\x03" + good[5:]):
        assert community_trap(broken) is None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:  # an inform asks for an answer: pysnmp's
        sink.bind(("127.0.0.1", 0))
        sink.settimeout(10)
        informer = subprocess.Popen(["snmpinform", "-v", "2c", "-c", "public", "-t", "1", "-r", "0",
                                     f"127.0.0.1:{sink.getsockname()[1]}", "", "1.3.6.1.6.3.1.1.5.1"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, MIBS=""))
        inform = sink.recv(65535)
        informer.wait(15)
    assert community_trap(inform) is None
