"""Just enough BER for SNMP v1/v2c requests and responses, written out by hand.

pyasn1 took about 0.3 ms per variable binding to decode and encode (most of the simulator's
time: a GETBULK of 64 bindings cost 20 ms), so 1,000 devices under egovops's poller needed more
than the machine's two cores. Here a request is parsed and a response assembled from byte strings,
and each object's encoded OID and constant value are cached by the caller; values computed by
snmpsim's variation modules are still pyasn1 objects, encoded with pyasn1 or the integer path
below.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyasn1.codec.ber import encoder
from pysnmp.proto import rfc1902, rfc1905

SEQUENCE, INTEGER, OCTETS, NULL, OID = 0x30, 0x02, 0x04, 0x05, 0x06
GET, GET_NEXT, RESPONSE, SET, GET_BULK = 0xA0, 0xA1, 0xA2, 0xA3, 0xA5
NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW = b"\x80\x00", b"\x81\x00", b"\x82\x00"
NULL_VALUE = b"\x05\x00"

_INTEGER_TAGS = {  # pyasn1 tagSet -> BER tag byte, for the integer types encoded here
    rfc1902.Integer32.tagSet: 0x02,
    rfc1902.Integer.tagSet: 0x02,
    rfc1902.Counter32.tagSet: 0x41,
    rfc1902.Gauge32.tagSet: 0x42,
    rfc1902.TimeTicks.tagSet: 0x43,
    rfc1902.Counter64.tagSet: 0x46,
}
_EXCEPTIONS = {
    rfc1905.NoSuchObject.tagSet: NO_SUCH_OBJECT,
    rfc1905.NoSuchInstance.tagSet: NO_SUCH_INSTANCE,
    rfc1905.EndOfMibView.tagSet: END_OF_MIB_VIEW,
}


class BerError(ValueError):
    """The datagram is not a well-formed SNMP v1/v2c message."""


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(body),)) + body


def tlv(tag: int, body: bytes) -> bytes:
    return bytes((tag,)) + _length(len(body)) + body


def encode_int(tag: int, value: int) -> bytes:
    """Signed for INTEGER; the unsigned application types get a leading zero when the top bit is set."""
    size = (value.bit_length() + 8) // 8 if value else 1
    return tlv(tag, int(value).to_bytes(size, "big", signed=True))


def encode_oid(arcs: tuple[int, ...]) -> bytes:
    if len(arcs) < 2:
        arcs = tuple(arcs) + (0,) * (2 - len(arcs))
    out = bytearray()
    for arc in (arcs[0] * 40 + arcs[1],) + tuple(arcs[2:]):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out.extend(reversed(chunk))
    return tlv(OID, bytes(out))


def encode_value(value: object) -> bytes:
    """A pyasn1 value (as snmpsim evaluates it) as BER bytes."""
    tag_set = getattr(value, "tagSet", None)
    if tag_set in _EXCEPTIONS:
        return _EXCEPTIONS[tag_set]
    if tag_set in _INTEGER_TAGS:
        return encode_int(_INTEGER_TAGS[tag_set], int(value))  # type: ignore[call-overload]
    return encoder.encode(value)


def _read(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, start of value, end of value) of the TLV at ``pos``."""
    if pos + 2 > len(data):
        raise BerError("truncated")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first & 0x80:
        count = first & 0x7F
        if count == 0 or count > 3 or pos + count > len(data):
            raise BerError("bad length")
        size = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    else:
        size = first
    if pos + size > len(data):
        raise BerError("truncated")
    return tag, pos, pos + size


def _decode_oid(body: bytes) -> tuple[int, ...]:
    if not body:
        raise BerError("empty OID")
    arcs: list[int] = []
    value = 0
    for byte in body:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = arcs[0]
    head = (min(first // 40, 2), first - 40 * min(first // 40, 2))
    return head + tuple(arcs[1:])


@dataclass
class Request:
    version: int
    community: bytes
    pdu: int
    request_id: bytes  # the encoded TLV, echoed back unchanged
    a: int  # error status, or non-repeaters for GETBULK
    b: int  # error index, or max-repetitions
    oids: list[tuple[int, ...]]


def decode_request(data: bytes) -> Request:
    tag, start, end = _read(data, 0)
    if tag != SEQUENCE:
        raise BerError("not a SEQUENCE")
    tag, vs, ve = _read(data, start)
    if tag != INTEGER:
        raise BerError("no version")
    version = int.from_bytes(data[vs:ve], "big", signed=True)
    tag, cs, ce = _read(data, ve)
    if tag != OCTETS:
        raise BerError("no community")
    pdu, ps, pe = _read(data, ce)
    fields = []
    pos = ps
    for _ in range(3):
        tag, s, e = _read(data, pos)
        if tag != INTEGER:
            raise BerError("bad PDU header")
        fields.append((pos, s, e))
        pos = e
    request_id = data[fields[0][0]:fields[0][2]]
    a, b = (int.from_bytes(data[s:e], "big", signed=True) for _p, s, e in fields[1:])
    tag, ls, le = _read(data, pos)
    if tag != SEQUENCE:
        raise BerError("no variable bindings")
    oids = []
    pos = ls
    while pos < le:
        tag, bs, be = _read(data, pos)
        tag, os_, oe = _read(data, bs)
        if tag != OID:
            raise BerError("variable binding without an OID")
        oids.append(_decode_oid(data[os_:oe]))
        pos = be
    return Request(version, data[cs:ce], pdu, request_id, a, b, oids)


def encode_response(request: Request, status: int, index: int, bindings: list[tuple[bytes, bytes]]) -> bytes:
    """``bindings`` are (encoded OID, encoded value) pairs."""
    varbinds = tlv(SEQUENCE, b"".join(tlv(SEQUENCE, oid + value) for oid, value in bindings))
    pdu = tlv(RESPONSE, request.request_id + encode_int(INTEGER, status) + encode_int(INTEGER, index) + varbinds)
    return tlv(SEQUENCE, encode_int(INTEGER, request.version) + tlv(OCTETS, request.community) + pdu)
