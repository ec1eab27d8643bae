"""Walking every device's LLDP, CDP and interface tables over SNMP, in parallel.

The only module of the topology area that talks to devices. A device that does not answer is
reported with the reason and left out: its links are then neither confirmed nor marked missing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping, Sequence

from egovops.inventory.model import Device
from egovops.snmp import SnmpClient, SnmpError, SnmpTarget
from egovops.topology import cdp, identifiers as ids, lldp
from egovops.topology.links import Candidate, DiscoveredLink, resolve
from egovops.topology.matching import DeviceIndex
from egovops.topology.neighbours import DeviceView, Interface
from egovops.topology.walking import walk_table

IF_DESCR = "1.3.6.1.2.1.2.2.1.2"
IF_SPEED = "1.3.6.1.2.1.2.2.1.5"
IF_PHYS_ADDRESS = "1.3.6.1.2.1.2.2.1.6"
IF_OPER_STATUS = "1.3.6.1.2.1.2.2.1.8"
IF_NAME = "1.3.6.1.2.1.31.1.1.1.1"
IF_HIGH_SPEED = "1.3.6.1.2.1.31.1.1.1.15"
IF_ALIAS = "1.3.6.1.2.1.31.1.1.1.18"
SYS_NAME = "1.3.6.1.2.1.1.5.0"
IF_COLUMNS = (IF_NAME, IF_DESCR, IF_ALIAS, IF_PHYS_ADDRESS, IF_HIGH_SPEED, IF_SPEED, IF_OPER_STATUS)
OPER_STATUS = {1: "up", 2: "down", 3: "testing", 4: "unknown", 5: "dormant", 6: "notPresent", 7: "lowerLayerDown"}
PARALLEL_DEVICES = 32


@dataclass
class Discovery:
    views: list[DeviceView] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # device → why it could not be walked
    links: list[DiscoveredLink] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    remote_only: set[str] = field(default_factory=set)  # devices whose own tables came from an earlier walk

    @property
    def walked(self) -> set[str]:
        return {view.device for view in self.views}


def interfaces_from(columns: dict[str, list[tuple[str, object]]]) -> dict[int, Interface]:
    by_index: dict[int, dict[str, object]] = {}
    for column, rows in columns.items():
        for oid, value in rows:
            tail = oid[len(column) + 1:]
            if tail.isdigit():
                by_index.setdefault(int(tail), {})[column] = value
    found = {}
    for index, row in by_index.items():
        high = row.get(IF_HIGH_SPEED)
        speed = high if isinstance(high, int) and high > 0 else None
        if speed is None and isinstance(row.get(IF_SPEED), int):
            speed = int(row[IF_SPEED]) // 1_000_000 or None  # type: ignore[call-overload]
        descr = ids.text(row.get(IF_DESCR, b""))
        found[index] = Interface(
            index=index,
            name=ids.text(row.get(IF_NAME, b"")) or descr or str(index),
            descr=descr,
            alias=ids.text(row.get(IF_ALIAS, b"")),
            mac=ids.mac(ids.as_bytes(row.get(IF_PHYS_ADDRESS, b""))) or "",
            speed_mbps=speed,
            oper_status=OPER_STATUS.get(row.get(IF_OPER_STATUS), "") if isinstance(row.get(IF_OPER_STATUS), int) else "",  # type: ignore[call-overload]
        )
    return found


async def walk_device(client: SnmpClient, target: SnmpTarget) -> DeviceView:
    """Everything discovery needs from one device; raises SnmpError if it does not answer."""
    view = DeviceView(target.name)
    name = await client.aget(target, [SYS_NAME], missing_ok=True, raw=True)
    view.sys_name = ids.text(name.get(SYS_NAME, b""))
    local_rows = await walk_table(client, target, lldp.LLDP_LOCAL)
    _subtype, view.chassis_id, lldp_name, view.addresses = lldp.local_identity(local_rows)
    view.sys_name = view.sys_name or lldp_name
    view.local_ports = lldp.local_ports(local_rows, view.problems)
    view.neighbours = lldp.remote_table(await walk_table(client, target, lldp.LLDP_REMOTE), view.problems)
    view.neighbours += cdp.cache_table(await walk_table(client, target, cdp.CDP_CACHE), view.problems)
    columns = {column: await walk_table(client, target, column) for column in IF_COLUMNS}
    view.interfaces = interfaces_from(columns)
    return view


async def walk_neighbours(client: SnmpClient, target: SnmpTarget, known: DeviceView) -> DeviceView:
    """Only the remote tables (lldpRemTable, cdpCacheTable) of a device whose own identity, ports
    and interfaces ``known`` holds from an earlier full walk: a handful of requests, not dozens."""
    view = replace(known, neighbours=[], problems=[])
    view.neighbours = lldp.remote_table(await walk_table(client, target, lldp.LLDP_REMOTE), view.problems)
    view.neighbours += cdp.cache_table(await walk_table(client, target, cdp.CDP_CACHE), view.problems)
    return view


# (devices done, devices in all, the device just done); called on the SNMP loop's thread, so it
# must return at once (print a line, or hand the numbers to the GUI thread through a queued signal).
Progress = Callable[[int, int, str], None]


async def _walk_all(client: SnmpClient, targets: Sequence[SnmpTarget], result: Discovery,
                    known: Mapping[str, DeviceView], progress: Progress | None) -> None:
    gate = asyncio.Semaphore(PARALLEL_DEVICES)
    done = [0]

    async def one(target: SnmpTarget) -> None:
        async with gate:
            try:
                if target.name in known:
                    result.views.append(await walk_neighbours(client, target, known[target.name]))
                    result.remote_only.add(target.name)
                else:
                    result.views.append(await walk_device(client, target))
            except SnmpError as exc:
                result.failures[target.name] = exc.detail
            done[0] += 1
            if progress is not None:
                progress(done[0], len(targets), target.name)

    await client.aregister(targets)
    await asyncio.gather(*(one(t) for t in targets))


def discover(client: SnmpClient, devices: Sequence[Device], targets: Sequence[SnmpTarget], skipped: dict[str, str] | None = None,
             progress: Progress | None = None, known: Mapping[str, DeviceView] | None = None) -> Discovery:
    """Walk ``targets`` and turn their neighbour tables into links between ``devices``. Devices in
    ``known`` have only their remote tables read (the rest is taken from ``known``)."""
    result = Discovery(failures=dict(skipped or {}))
    client.snmp_loop.run(_walk_all(client, list(targets), result, known or {}, progress))
    result.views.sort(key=lambda v: v.device)
    result.links, result.candidates = resolve(result.views, DeviceIndex.build(devices, result.views))
    return result
