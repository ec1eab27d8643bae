"""The few BER primitives of community-based SNMP, and the response PDU read without pyasn1.

Profiling a walk (issue 21) put about two thirds of the client's CPU in pyasn1's generic decoder:
it builds a typed object for every tag, length and value. A v1/v2c response is a handful of
fixed fields and a list of (OID, value) pairs, read here in a few microseconds per varbind.

The reader is deliberately narrow and at least as strict as pyasn1 with pysnmp's types: anything
it does not recognise raises ``BerError`` and the client lets pysnmp handle the exchange, so a
stricter-than-needed rule here costs time, never a different answer. tests/test_snmp_ber_fuzz.py
checks this against pyasn1 on mutated real replies. The trap receiver (egovops.events.ber) uses
the same primitives.
"""

from __future__ import annotations

from typing import NamedTuple

SEQUENCE, INTEGER, OCTETS, NULL, OID = 0x30, 0x02, 0x04, 0x05, 0x06
IP_ADDRESS, COUNTER32, GAUGE32, TIME_TICKS, OPAQUE, COUNTER64 = 0x40, 0x41, 0x42, 0x43, 0x44, 0x46
NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW = 0x80, 0x81, 0x82
GET, GET_NEXT, RESPONSE, GET_BULK = 0xA0, 0xA1, 0xA2, 0xA5
MISSING_TAGS = frozenset((NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW))

# pysnmp's value types and their ranges (rfc1902): pyasn1 rejects a value outside them, so must we.
_INT32 = (-(2**31), 2**31 - 1)
_UNSIGNED32 = (0, 2**32 - 1)
_RANGES = {INTEGER: _INT32, COUNTER32: _UNSIGNED32, GAUGE32: _UNSIGNED32, TIME_TICKS: _UNSIGNED32,
           COUNTER64: (0, 2**64 - 1)}
_V1_TAGS = frozenset((INTEGER, OCTETS, NULL, OID, IP_ADDRESS, COUNTER32, GAUGE32, TIME_TICKS, OPAQUE))
_V2_TAGS = _V1_TAGS | {COUNTER64} | MISSING_TAGS
_MAX_OCTETS = 65535  # rfc1902.OctetString's size constraint

Payload = int | bytes | tuple[int, ...] | None
Value = tuple[int, Payload]  # (BER tag, decoded payload): the fast path's value, see values.plain


class BerError(ValueError):
    pass


class Response(NamedTuple):
    version: int  # 0 = v1, 1 = v2c
    community: bytes
    request_id: int
    error_status: int
    error_index: int
    varbinds: list[tuple[tuple[int, ...], Value]]


def tlv(data: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, start of the value, end of the value) of the element at ``pos``; definite lengths only."""
    if pos + 2 > end:
        raise BerError("truncated")
    tag, first = data[pos], data[pos + 1]
    if tag & 0x1F == 0x1F:
        raise BerError("multi-byte tag")
    pos += 2
    if first & 0x80:
        count = first & 0x7F
        if not 0 < count <= 4 or pos + count > end:
            raise BerError("bad length")
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    else:
        length = first
    if pos + length > end:
        raise BerError("truncated")
    return tag, pos, pos + length


def items(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """Every element between ``start`` and ``end`` (the contents of a constructed element)."""
    found = []
    while start < end:
        element = tlv(data, start, end)
        found.append(element)
        start = element[2]
    return found


def oid_arcs(raw: bytes) -> tuple[int, ...]:
    """An OID's arcs; rejects what pyasn1 rejects (empty, unfinished arc, 0x80 padding)."""
    arcs: list[int] = []
    value = 0
    fresh = True
    for byte in raw:
        if fresh and byte == 0x80:
            raise BerError("OID arc padded with 0x80")
        value = (value << 7) | (byte & 0x7F)
        fresh = not byte & 0x80
        if fresh:
            arcs.append(value)
            value = 0
    if not arcs or not fresh:
        raise BerError("bad OID")
    first = min(arcs[0] // 40, 2)
    return (first, arcs[0] - 40 * first, *arcs[1:])


def oid_text(raw: bytes) -> str:
    return ".".join(map(str, oid_arcs(raw)))


def integer(raw: bytes) -> int:
    if not raw:
        raise BerError("empty integer")
    return int.from_bytes(raw, "big", signed=True)


# -- encoding (requests) ----------------------------------------------------------------------

def encode(tag: int, payload: bytes) -> bytes:
    size = len(payload)
    if size < 0x80:
        return bytes((tag, size)) + payload
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + payload


def encode_integer(value: int) -> bytes:
    return encode(INTEGER, value.to_bytes(value.bit_length() // 8 + 1, "big", signed=True))


def encode_oid(arcs: tuple[int, ...]) -> bytes:
    if len(arcs) < 2:
        raise BerError("an OID needs two arcs")
    out = bytearray()
    for arc in (arcs[0] * 40 + arcs[1], *arcs[2:]):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return encode(OID, bytes(out))


_NULL_VALUE = bytes((NULL, 0))


def encode_request(version: int, community: bytes, pdu: int, request_id: int, names: list[tuple[int, ...]],
                   repetitions: int = 0) -> bytes:
    """A GET, GETNEXT or GETBULK message (GETBULK: no non-repeaters, ``repetitions`` per name)."""
    bindings = b"".join(encode(SEQUENCE, encode_oid(name) + _NULL_VALUE) for name in names)
    second = encode_integer(0)
    third = encode_integer(repetitions if pdu == GET_BULK else 0)
    body = encode_integer(request_id) + second + third + encode(SEQUENCE, bindings)
    return encode(SEQUENCE, encode_integer(version) + encode(OCTETS, community) + encode(pdu, body))


# -- decoding (responses) ---------------------------------------------------------------------

def _value(tag: int, raw: bytes, allowed: frozenset[int]) -> Value:
    if tag not in allowed:
        raise BerError(f"value tag {tag:#x}")
    if tag in _RANGES:
        number = integer(raw)
        low, high = _RANGES[tag]
        if not low <= number <= high:
            raise BerError("integer out of range")
        return tag, number
    if tag == OID:
        return tag, oid_arcs(raw)
    if tag == NULL or tag in MISSING_TAGS:
        if raw:
            raise BerError("non-empty null")
        return tag, None
    if tag == IP_ADDRESS and len(raw) != 4:
        raise BerError("IpAddress is not 4 octets")
    if len(raw) > _MAX_OCTETS:
        raise BerError("octet string too long")
    return tag, bytes(raw)


def _varbinds(data: bytes, start: int, end: int, allowed: frozenset[int]) -> list[tuple[tuple[int, ...], Value]]:
    rows = []
    for tag, s, e in items(data, start, end):
        if tag != SEQUENCE:
            raise BerError("varbind is not a sequence")
        pair = items(data, s, e)
        if len(pair) != 2 or pair[0][0] != OID:
            raise BerError("varbind is not (OID, value)")
        (_, os_, oe), (value_tag, vs, ve) = pair
        rows.append((oid_arcs(data[os_:oe]), _value(value_tag, data[vs:ve], allowed)))
    return rows


def _integers(data: bytes, fields: list[tuple[int, int, int]]) -> list[int]:
    if any(tag != INTEGER for tag, _, _ in fields):
        raise BerError("header field is not an integer")
    return [integer(data[s:e]) for _, s, e in fields]


def decode_response(data: bytes) -> Response:
    """A v1/v2c Response-PDU, every field checked; ``BerError`` for anything else."""
    tag, start, end = tlv(data, 0, len(data))
    if tag != SEQUENCE or end != len(data):
        raise BerError("not one message")
    fields = items(data, start, end)
    if len(fields) != 3 or fields[1][0] != OCTETS or fields[2][0] != RESPONSE:
        raise BerError("not a community response")
    (version,) = _integers(data, fields[:1])
    if version not in (0, 1):
        raise BerError("not SNMPv1 or v2c")
    pdu = items(data, fields[2][1], fields[2][2])
    if len(pdu) != 4 or pdu[3][0] != SEQUENCE:
        raise BerError("not a response PDU")
    request_id, status, index = _integers(data, pdu[:3])
    if not _INT32[0] <= request_id <= _INT32[1] or not 0 <= status <= 18 or not 0 <= index <= 2**31 - 1:
        raise BerError("header out of range")
    allowed = _V1_TAGS if version == 0 else _V2_TAGS
    rows = _varbinds(data, pdu[3][1], pdu[3][2], allowed)
    return Response(version, data[fields[1][1]:fields[1][2]], request_id, status, index, rows)
