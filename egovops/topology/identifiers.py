"""Turning the octet strings of LLDP and CDP into comparable text: MACs, addresses, names.

Agents disagree on encodings: a chassis ID of subtype macAddress is six octets on most devices
but printable text ("8c:60:4f:19:16:7c") on Nexus; strings are NUL-padded or GBK. Everything is
normalised here so that the same device seen from two neighbours yields the same key.
"""

from __future__ import annotations

import ipaddress
import re

from egovops.snmp.values import decode_text

# LLDP-MIB LldpChassisIdSubtype / LldpPortIdSubtype values that carry a MAC or a network address.
CHASSIS_MAC, CHASSIS_ADDRESS = 4, 5
PORT_MAC, PORT_ADDRESS, PORT_NAME, PORT_LOCAL = 3, 4, 5, 7

_MAC_TEXT = re.compile(r"^([0-9a-f]{2}[:\-]){5}[0-9a-f]{2}$|^([0-9a-f]{4}\.){2}[0-9a-f]{4}$|^[0-9a-f]{12}$")


def as_bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if value is None:
        return b""
    return str(value).encode("ascii")


def text(value: object) -> str:
    """Printable text of an octet string (UTF-8 or GBK, NUL padding dropped), else its hex."""
    raw = as_bytes(value)
    decoded = decode_text(raw)
    if isinstance(decoded, str):
        return decoded.strip().strip('"').strip()
    return raw.hex()


def mac(raw: bytes) -> str | None:
    """``aa:bb:cc:dd:ee:ff`` from six octets or from any usual text spelling of a MAC."""
    if len(raw) == 6:
        return ":".join(f"{b:02x}" for b in raw)
    decoded = decode_text(raw)
    if isinstance(decoded, str):
        candidate = decoded.strip().lower()
        if _MAC_TEXT.match(candidate):
            digits = re.sub(r"[^0-9a-f]", "", candidate)
            return ":".join(digits[i:i + 2] for i in range(0, 12, 2))
    return None


def network_address(raw: bytes) -> str | None:
    """An LLDP networkAddress: one octet of IANA address family, then the address."""
    if len(raw) == 5 and raw[0] == 1:
        return str(ipaddress.IPv4Address(raw[1:]))
    if len(raw) == 17 and raw[0] == 2:
        return str(ipaddress.IPv6Address(raw[1:]))
    return None


def chassis_id(subtype: int, value: object) -> str:
    raw = as_bytes(value)
    if subtype == CHASSIS_MAC:
        return mac(raw) or text(raw)
    if subtype == CHASSIS_ADDRESS:
        return network_address(raw) or text(raw)
    return text(raw)


def port_id(subtype: int, value: object) -> str:
    raw = as_bytes(value)
    if subtype == PORT_MAC:
        return mac(raw) or text(raw)
    if subtype == PORT_ADDRESS:
        return network_address(raw) or text(raw)
    return text(raw)


def address_from_index(subtype: int, octets: list[int]) -> str | None:
    """A management address carried in a table index (IANA family, then the octets)."""
    if subtype == 1 and len(octets) == 4:
        return ".".join(str(o) for o in octets)
    if subtype == 2 and len(octets) == 16:
        return str(ipaddress.IPv6Address(bytes(octets)))
    if subtype == 6 and len(octets) == 6:
        return ":".join(f"{o:02x}" for o in octets)
    return None


def system_name(name: str) -> str:
    """A name to compare: lower case, without a domain or a CDP serial suffix "(SSI1837…)"."""
    cleaned = re.sub(r"\(.*\)$", "", name.strip()).strip().lower()
    if cleaned and not _looks_like_address(cleaned):
        cleaned = cleaned.split(".", 1)[0]
    return cleaned


def _looks_like_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True
