"""LLDP-MIB (IEEE 802.1AB) tables, from walked (oid, value) rows to records.

Rows are what ``SnmpClient.walk(…, raw=True)`` returns: octet strings as bytes. A row whose index
does not have the shape the MIB defines is skipped and named in ``problems`` rather than guessed
at: one garbled row must not hide the other neighbours, nor pass silently.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from egovops.topology import identifiers as ids
from egovops.topology.neighbours import LocalPort, Neighbour

LLDP_LOCAL = "1.0.8802.1.1.2.1.3"
LLDP_REMOTE = "1.0.8802.1.1.2.1.4"
_LOC_CHASSIS_SUBTYPE = "1.0.8802.1.1.2.1.3.1.0"
_LOC_CHASSIS_ID = "1.0.8802.1.1.2.1.3.2.0"
_LOC_SYS_NAME = "1.0.8802.1.1.2.1.3.3.0"
_LOC_PORT = "1.0.8802.1.1.2.1.3.7.1."
_LOC_MAN_ADDR = "1.0.8802.1.1.2.1.3.8.1."
_REM = "1.0.8802.1.1.2.1.4.1.1."
_REM_MAN_ADDR = "1.0.8802.1.1.2.1.4.2.1."

Rows = Iterable[tuple[str, object]]


def _suffix(oid: str, prefix: str) -> list[int] | None:
    if not oid.startswith(prefix):
        return None
    try:
        return [int(part) for part in oid[len(prefix):].split(".")]
    except ValueError:
        return None


def _int(value: object) -> int:
    return value if isinstance(value, int) else int(ids.text(value) or 0)


def local_identity(rows: Rows) -> tuple[int, str, str, tuple[str, ...]]:
    """(chassis subtype, chassis ID, sysName, management addresses) of the walked device."""
    values = dict(rows)
    subtype = _int(values.get(_LOC_CHASSIS_SUBTYPE, 0))
    chassis = ids.chassis_id(subtype, values[_LOC_CHASSIS_ID]) if _LOC_CHASSIS_ID in values else ""
    name = ids.text(values.get(_LOC_SYS_NAME, b""))
    addresses = []
    for oid in values:
        index = _suffix(oid, _LOC_MAN_ADDR)  # column.subtype.length.address
        if index and len(index) >= 3:
            address = _address(index[1], index[2:])
            if address and address not in addresses:
                addresses.append(address)
    return subtype, chassis, name, tuple(addresses)


def local_ports(rows: Rows, problems: list[str]) -> dict[int, LocalPort]:
    columns: dict[int, dict[int, object]] = defaultdict(dict)
    for oid, value in rows:
        index = _suffix(oid, _LOC_PORT)
        if index is None:
            continue
        if len(index) != 2:
            problems.append(f"lldpLocPortTable row {oid} has no valid port number")
            continue
        columns[index[1]][index[0]] = value
    ports = {}
    for number, row in columns.items():
        subtype = _int(row.get(2, 0))
        ports[number] = LocalPort(number, subtype, ids.port_id(subtype, row.get(3, b"")), ids.text(row.get(4, b"")))
    return ports


def _address(subtype: int, rest: list[int]) -> str | None:
    """An address from an index: length-prefixed as the MIB says, or bare as some agents send it."""
    if rest and rest[0] == len(rest) - 1:
        prefixed = ids.address_from_index(subtype, rest[1:])
        if prefixed:
            return prefixed
    return ids.address_from_index(subtype, rest)


def remote_table(rows: Rows, problems: list[str]) -> list[Neighbour]:
    """lldpRemTable joined with lldpRemManAddrTable, one record per remote system."""
    columns: dict[tuple[int, int, int], dict[int, object]] = defaultdict(dict)
    addresses: dict[tuple[int, int, int], list[str]] = defaultdict(list)
    for oid, value in rows:
        index = _suffix(oid, _REM)
        if index is not None:
            if len(index) != 4:
                problems.append(f"lldpRemTable row {oid} does not have the index timeMark.localPort.index")
                continue
            columns[(index[1], index[2], index[3])][index[0]] = value
            continue
        index = _suffix(oid, _REM_MAN_ADDR)
        if index is not None and len(index) >= 6:
            key = (index[1], index[2], index[3])
            address = _address(index[4], index[5:])
            if address is None:
                problems.append(f"lldpRemManAddrTable row {oid} carries no readable address")
            elif address not in addresses[key]:
                addresses[key].append(address)
    found = []
    for key in sorted(columns):
        row = columns[key]
        if 5 not in row and 9 not in row:
            problems.append(f"lldpRemTable entry {'.'.join(map(str, key))} has neither chassis ID nor system name")
            continue
        chassis_subtype, port_subtype = _int(row.get(4, 0)), _int(row.get(6, 0))
        found.append(Neighbour(
            protocol="lldp",
            local_port_number=key[1],
            chassis_id=ids.chassis_id(chassis_subtype, row.get(5, b"")),
            chassis_subtype=chassis_subtype,
            port_id=ids.port_id(port_subtype, row.get(7, b"")),
            port_subtype=port_subtype,
            port_desc=ids.text(row.get(8, b"")),
            sys_name=ids.text(row.get(9, b"")),
            sys_desc=ids.text(row.get(10, b"")),
            addresses=tuple(addresses.get(key, ())),
        ))
    return found
