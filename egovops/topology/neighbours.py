"""What a device says about itself and its neighbours, as plain records.

``DeviceView`` is everything discovery learns from one device over SNMP: its own LLDP identity,
its interfaces (IF-MIB) and the neighbours in its LLDP and CDP caches. The parsers that fill it
are in ``lldp`` and ``cdp``; nothing here knows about SNMP or the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Interface:
    index: int
    name: str
    descr: str = ""
    alias: str = ""
    mac: str = ""
    speed_mbps: int | None = None
    oper_status: str = ""  # IF-MIB ifOperStatus spelled out: up, down, testing, …


@dataclass(frozen=True)
class LocalPort:
    """A row of lldpLocPortTable: how the device names its port in the LLDP frames it sends."""

    number: int
    id_subtype: int
    port_id: str
    desc: str


@dataclass(frozen=True)
class Neighbour:
    """One neighbour as one device reports it (an lldpRemTable row, or a cdpCacheTable row)."""

    protocol: str  # "lldp" or "cdp"
    local_port_number: int  # lldpRemLocalPortNum, or the ifIndex for CDP
    chassis_id: str = ""
    chassis_subtype: int = 0
    port_id: str = ""
    port_subtype: int = 0
    port_desc: str = ""
    sys_name: str = ""
    sys_desc: str = ""
    addresses: tuple[str, ...] = ()


@dataclass
class DeviceView:
    device: str
    sys_name: str = ""
    chassis_id: str = ""
    addresses: tuple[str, ...] = ()
    interfaces: dict[int, Interface] = field(default_factory=dict)
    local_ports: dict[int, LocalPort] = field(default_factory=dict)
    neighbours: list[Neighbour] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows that could not be read, named
