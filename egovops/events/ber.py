"""SNMPv1 and v2c traps decoded without pysnmp: the receiver's fast path.

Measured (benchmarks/events_receive.py): pysnmp's notification receiver takes about 1,000
messages/s on one core, most of it in pyasn1's generic decoding, where net-snmp's snmptrapd takes
3,000–5,000. A trap of community-based SNMP is a handful of BER fields, so these two PDU types
are read here in a few microseconds; everything else (informs, which need an answer, and SNMPv3
with its USM) still goes to pysnmp, and so does anything this decoder does not understand.
v1 traps become v2 varbinds as RFC 3584 §3.1 says (and as pysnmp does). The BER primitives are
the SNMP client's (egovops.snmp.ber), shared with its fast path for responses.
"""

from __future__ import annotations

from egovops.snmp import ber
from egovops.snmp.ber import BerError

_tlv, _items, _oid = ber.tlv, ber.items, ber.oid_text
_SEQUENCE, _INTEGER, _OCTETS, _NULL, _OID = ber.SEQUENCE, ber.INTEGER, ber.OCTETS, ber.NULL, ber.OID
_IP = ber.IP_ADDRESS

SYS_UPTIME_0 = "1.3.6.1.2.1.1.3.0"
SNMP_TRAP_OID_0 = "1.3.6.1.6.3.1.1.4.1.0"
SNMP_TRAP_ADDRESS_0 = "1.3.6.1.6.3.18.1.3.0"
SNMP_TRAP_COMMUNITY_0 = "1.3.6.1.6.3.18.1.4.0"
SNMP_TRAP_ENTERPRISE_0 = "1.3.6.1.6.3.1.1.4.3.0"
GENERIC_TRAPS = "1.3.6.1.6.3.1.1.5"
_UNSIGNED = {ber.COUNTER32, ber.GAUGE32, ber.TIME_TICKS, ber.COUNTER64}
_EXCEPTIONS = {ber.NO_SUCH_OBJECT: "noSuchObject", ber.NO_SUCH_INSTANCE: "noSuchInstance",
               ber.END_OF_MIB_VIEW: "endOfMibView"}
_V1_TRAP, _V2_TRAP = 0xA4, 0xA7
__all__ = ["BerError", "community_trap", "octets_text"]


def octets_text(raw: bytes) -> str:
    """Text when it is text (UTF-8, else GBK), else the octets in hex (a MAC address, an engine ID)."""
    try:
        return raw.decode("utf-8") if all(b >= 0x20 or b in (9, 10, 13) for b in raw) else raw.hex(":")
    except UnicodeDecodeError:
        return raw.decode("gbk", errors="replace")


def _value(tag: int, raw: bytes) -> str:
    if tag == _INTEGER:
        return str(int.from_bytes(raw, "big", signed=True))
    if tag == _OCTETS:
        return octets_text(raw)
    if tag == _OID:
        return _oid(raw)
    if tag == _IP and len(raw) == 4:
        return ".".join(map(str, raw))
    if tag in _UNSIGNED:
        return str(int.from_bytes(raw, "big"))
    if tag == _NULL:
        return ""
    if tag in _EXCEPTIONS:
        return _EXCEPTIONS[tag]
    return raw.hex(":")  # Opaque and anything newer: shown, never guessed


def _varbinds(data: bytes, start: int, end: int) -> list[tuple[str, str]]:
    rows = []
    for tag, s, e in _items(data, start, end):
        if tag != _SEQUENCE:
            raise BerError("varbind is not a sequence")
        (oid_tag, os_, oe), (value_tag, vs, ve) = _items(data, s, e)
        if oid_tag != _OID:
            raise BerError("varbind name is not an OID")
        rows.append((_oid(data[os_:oe]), _value(value_tag, data[vs:ve])))
    return rows


def _v1_as_v2(data: bytes, fields: list[tuple[int, int, int]], community: bytes) -> list[tuple[str, str]]:
    (_, es, ee), (_, as_, ae), (_, gs, ge), (_, ss, se), (_, ts, te), (_, vs, ve) = fields
    enterprise, generic = _oid(data[es:ee]), int.from_bytes(data[gs:ge], "big", signed=True)
    specific = int.from_bytes(data[ss:se], "big", signed=True)
    trap_oid = f"{GENERIC_TRAPS}.{generic + 1}" if 0 <= generic < 6 else f"{enterprise}.0.{specific}"
    return [(SYS_UPTIME_0, str(int.from_bytes(data[ts:te], "big"))), (SNMP_TRAP_OID_0, trap_oid),
            *_varbinds(data, vs, ve), (SNMP_TRAP_ADDRESS_0, _value(_IP, data[as_:ae])),
            (SNMP_TRAP_COMMUNITY_0, octets_text(community)), (SNMP_TRAP_ENTERPRISE_0, enterprise)]


def community_trap(data: bytes) -> tuple[bytes, list[tuple[str, str]]] | None:
    """(community, v2 varbinds as (OID, text)) of a v1 or v2c trap; None for anything else (an
    inform, SNMPv3, a request) or anything this decoder cannot read: pysnmp's to handle."""
    try:
        tag, start, end = _tlv(data, 0, len(data))
        if tag != _SEQUENCE:
            return None
        (vtag, vs, ve), (ctag, cs, ce), (ptag, ps, pe) = _items(data, start, end)
        version = int.from_bytes(data[vs:ve], "big")
        if vtag != _INTEGER or ctag != _OCTETS or (version, ptag) not in ((0, _V1_TRAP), (1, _V2_TRAP)):
            return None
        community, fields = data[cs:ce], _items(data, ps, pe)
        if version == 0:
            return community, _v1_as_v2(data, fields, community)
        if len(fields) != 4:
            return None
        return community, _varbinds(data, fields[3][1], fields[3][2])
    except (BerError, ValueError):
        return None
