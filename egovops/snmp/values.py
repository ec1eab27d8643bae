"""Turning pysnmp's ASN.1 values into plain Python values.

Octet strings arrive as bytes. Most are text, but Chinese devices answer sysDescr, ifAlias and
similar in GBK rather than UTF-8, and MAC addresses and engine IDs are binary; so text is decoded
as UTF-8, then GBK, and anything that is not printable either way stays ``bytes``.
"""

from __future__ import annotations

from typing import Any, Union

from pyasn1.type import univ
from pysnmp.proto import rfc1155, rfc1902, rfc1905

from egovops.snmp import ber

SnmpValue = Union[int, str, bytes, None]

# The longest text kept from an agent's value. sysDescr, ifAlias and LLDP names are at most a few
# hundred characters on every vendor's firmware; a hostile or broken agent once stored a
# 15,000-character sysDescr from one 60 KB reply. Longer values are cut here, before anything
# stores or shows them, and end with "…" so a reader sees they were cut.
MAX_TEXT_CHARS = 1024

_MISSING = (rfc1905.NoSuchObject, rfc1905.NoSuchInstance, rfc1905.EndOfMibView)


def is_missing(value: object) -> bool:
    """True for the v2c exception values noSuchObject, noSuchInstance and endOfMibView (pysnmp's
    objects, or the fast path's (tag, payload) values: snmp/fastpath.py)."""
    if type(value) is tuple:
        return value[0] in ber.MISSING_TAGS
    return isinstance(value, _MISSING)


def _printable(text: str) -> bool:
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)


def decode_text(raw: bytes) -> str | bytes:
    """Text as UTF-8 or GBK if it is printable in one of them, else the bytes unchanged."""
    stripped = raw.rstrip(b"\x00")  # some agents pad DisplayStrings with NULs
    for encoding in ("utf-8", "gbk"):
        try:
            text = stripped.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _printable(text):
            return text
    return raw


def _capped(value: str | bytes) -> str | bytes:
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
        return value[:MAX_TEXT_CHARS - 1] + "…"
    return value[:MAX_TEXT_CHARS] if isinstance(value, bytes) else value


def to_python(value: object, raw: bool = False) -> SnmpValue:
    """A plain value: int for all integer types, str/bytes for octet strings, dotted str for OIDs.

    ``raw`` keeps every octet string as bytes (MAC addresses, LLDP chassis IDs: binary values
    that happen to be printable GBK must not turn into text). Takes pysnmp's objects and the fast
    path's (tag, payload) values alike, with the same results (tests/test_snmp_fastpath.py).
    """
    if type(value) is tuple:
        return _fast_value(value, raw)
    if is_missing(value) or isinstance(value, univ.Null):
        return None
    if isinstance(value, (rfc1902.IpAddress, rfc1155.IpAddress)):  # v1's is not a subclass of v2c's
        return ".".join(str(b) for b in value.asOctets())
    if isinstance(value, univ.OctetString):
        octets = value.asOctets()
        if raw:
            return octets[:MAX_TEXT_CHARS]
        return _capped(decode_text(octets[:MAX_TEXT_CHARS * 4]))  # 4: the widest UTF-8 character
    if isinstance(value, univ.ObjectIdentifier):
        return ".".join(str(n) for n in value)
    if isinstance(value, univ.Integer):
        return int(value)
    raise TypeError(f"unexpected SNMP value type {type(value).__name__}")


_INTEGER_TAGS = frozenset((ber.INTEGER, ber.COUNTER32, ber.GAUGE32, ber.TIME_TICKS, ber.COUNTER64))


def _fast_value(value: tuple[int, Any], raw: bool) -> SnmpValue:
    tag, payload = value
    if tag in _INTEGER_TAGS:
        return payload
    if tag == ber.OCTETS or tag == ber.OPAQUE:
        octets: bytes = payload
        if raw:
            return octets[:MAX_TEXT_CHARS]
        return _capped(decode_text(octets[:MAX_TEXT_CHARS * 4]))
    if tag == ber.IP_ADDRESS:
        return ".".join(str(b) for b in payload)
    if tag == ber.OID:
        return ".".join(str(n) for n in payload)
    return None  # Null and the v2c exception values
