"""Which interface a port ID means, on the reporting device and on the neighbour.

LLDP port IDs are interface names on most switches, but may be a MAC, a local number or an
abbreviation ("Eth1/21" for "Ethernet1/21", "GE0/0/1" for "GigabitEthernet0/0/1"); CDP gives
names. Names are compared in a canonical spelling; failing that, the port description, the MAC
and the interface index are tried, in that order.
"""

from __future__ import annotations

import re
from typing import Mapping

from egovops.topology import identifiers as ids
from egovops.topology.neighbours import Interface, LocalPort, Neighbour

# Abbreviations of interface types as Huawei, H3C, Ruijie, ZTE and Cisco print them.
_TYPES = {
    "gigabitethernet": "ge", "gigaethernet": "ge", "gi": "ge", "ge": "ge", "gei": "ge", "gei-": "ge",
    "ten-gigabitethernet": "xe", "xgigabitethernet": "xe", "tengigabitethernet": "xe", "tengige": "xe", "te": "xe", "xge": "xe", "xgei": "xe",
    "fortygige": "40ge", "fortygigabitethernet": "40ge", "fo": "40ge",
    "hundredgige": "100ge", "hundredgigabitethernet": "100ge", "hu": "100ge", "hge": "100ge",
    "fastethernet": "fe", "fa": "fe", "fe": "fe",
    "ethernet": "eth", "eth": "eth", "et": "eth",
    "eth-trunk": "agg", "bridge-aggregation": "agg", "port-channel": "agg", "po": "agg", "aggregateport": "agg", "ag": "agg",
    "vlanif": "vlan", "vlan-interface": "vlan", "vlan": "vlan",
    "mgmt": "mgmt", "meth": "mgmt", "m-gigabitethernet": "mgmt",
}
_SPLIT = re.compile(r"^([a-z][a-z\-]*?)-?(\d.*)$")


def canonical(name: str) -> str:
    """One spelling per interface: "GE0/0/1", "GigabitEthernet 0/0/1" → "ge0/0/1"."""
    compact = name.strip().lower().replace(" ", "")
    match = _SPLIT.match(compact)
    if not match:
        return compact
    kind, rest = match.groups()
    return _TYPES.get(kind, _TYPES.get(kind + "-", kind)) + rest


def find_interface(interfaces: Mapping[int, Interface], *labels: str) -> Interface | None:
    """The interface one of ``labels`` names (tried in order), by ifName, ifDescr or ifAlias."""
    by_name: dict[str, Interface] = {}
    for iface in sorted(interfaces.values(), key=lambda i: i.index, reverse=True):
        for spelling in (iface.alias, iface.descr, iface.name):  # ifName wins ties: set last
            if spelling:
                by_name[canonical(spelling)] = iface
    for label in labels:
        if label and canonical(label) in by_name:
            return by_name[canonical(label)]
    return None


def local_interface(interfaces: Mapping[int, Interface], ports: Mapping[int, LocalPort], neighbour: Neighbour) -> str:
    """The reporting device's own interface that the neighbour is seen on."""
    if neighbour.protocol == "cdp":  # CDP indexes by ifIndex
        iface = interfaces.get(neighbour.local_port_number)
        return iface.name if iface else str(neighbour.local_port_number)
    port = ports.get(neighbour.local_port_number)
    if port is not None:
        named = find_interface(interfaces, port.port_id, port.desc)
        if named:
            return named.name
        if port.id_subtype == ids.PORT_MAC:
            by_mac = next((i for i in interfaces.values() if i.mac and i.mac == port.port_id), None)
            if by_mac:
                return by_mac.name
    iface = interfaces.get(neighbour.local_port_number)  # many agents number ports by ifIndex
    if iface:
        return iface.name
    if port is not None:
        return port.port_id if port.id_subtype in (ids.PORT_NAME, ids.PORT_LOCAL) else (port.desc or port.port_id)
    return str(neighbour.local_port_number)


def remote_interface(neighbour: Neighbour, interfaces: Mapping[int, Interface] | None) -> str:
    """The neighbour's interface, in its own ifName spelling when we walked it too."""
    if interfaces:
        named = find_interface(interfaces, neighbour.port_id, neighbour.port_desc)
        if named:
            return named.name
        if neighbour.port_subtype == ids.PORT_MAC:
            by_mac = next((i for i in interfaces.values() if i.mac == neighbour.port_id), None)
            if by_mac:
                return by_mac.name
        if neighbour.port_subtype == ids.PORT_LOCAL and neighbour.port_id.isdigit() and int(neighbour.port_id) in interfaces:
            return interfaces[int(neighbour.port_id)].name
    desc = neighbour.port_desc.removesuffix(" Interface")  # H3C and Huawei describe ports so
    if neighbour.port_subtype in (ids.PORT_MAC, ids.PORT_ADDRESS) or (neighbour.port_id.isdigit() and desc):
        return desc or neighbour.port_id
    if neighbour.port_id and len(desc) > len(neighbour.port_id) and desc.startswith(neighbour.port_id):
        return desc  # a port ID cut short by a fixed-size field ("Ten-GigabitEther")
    return neighbour.port_id or desc
