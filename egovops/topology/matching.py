"""Which inventory device a neighbour is: by chassis ID, then system name, then address.

The index is built from the inventory (names, management addresses) and from what discovery
learnt from each device it walked (its own chassis ID, sysName, LLDP management addresses,
interface MACs), so a neighbour matches even when its hostname differs from its inventory name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from egovops.inventory.model import Device
from egovops.topology import identifiers as ids
from egovops.topology.neighbours import DeviceView, Neighbour


@dataclass
class DeviceIndex:
    by_chassis: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    by_address: dict[str, str] = field(default_factory=dict)
    by_mac: dict[str, str] = field(default_factory=dict)  # interface MACs: weaker than a chassis ID

    @classmethod
    def build(cls, devices: Iterable[Device], views: Iterable[DeviceView]) -> "DeviceIndex":
        index = cls()
        for device in devices:
            index.by_name.setdefault(ids.system_name(device.name), device.name)
            index.by_address.setdefault(device.address, device.name)
        for view in views:
            if view.chassis_id:
                index.by_chassis.setdefault(view.chassis_id.lower(), view.device)
            if view.sys_name:
                index.by_name.setdefault(ids.system_name(view.sys_name), view.device)
            for address in view.addresses:
                index.by_address.setdefault(address, view.device)
            for iface in view.interfaces.values():
                if iface.mac and iface.mac != "00:00:00:00:00:00":
                    index.by_mac.setdefault(iface.mac, view.device)
        return index

    def match(self, neighbour: Neighbour) -> tuple[str, str] | None:
        """(device name, what matched) for a neighbour, or None for a stranger."""
        chassis = neighbour.chassis_id.lower()
        if chassis and chassis in self.by_chassis:
            return self.by_chassis[chassis], "chassis-id"
        for name in (neighbour.sys_name, neighbour.chassis_id if neighbour.protocol == "cdp" else ""):
            key = ids.system_name(name) if name else ""
            if key and key in self.by_name:
                return self.by_name[key], "sys-name"
        for address in neighbour.addresses:
            if address in self.by_address:
                return self.by_address[address], "address"
        if chassis and chassis in self.by_mac:
            return self.by_mac[chassis], "interface-mac"
        return None
