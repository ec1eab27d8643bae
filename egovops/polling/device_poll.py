"""One poll of one device: reachability, system group, identity, interfaces, health.

Every failure becomes part of the returned status (error and error_kind), never an exception:
one bad device must not break a cycle of thousands.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import replace

from egovops.errors import EgovopsError
from egovops.inventory.model import Device
from egovops.polling.health import read_health
from egovops.polling.identify import chassis_model, identify
from egovops.polling.interfaces import StaticColumns, add_rates, read_interfaces
from egovops.polling.model import DeviceStatus
from egovops.polling.oids import (
    ENT_CLASS_CHASSIS,
    ENT_PHYSICAL_CLASS,
    ENT_PHYSICAL_DESCR,
    ENT_PHYSICAL_MODEL,
    ENT_PHYSICAL_NAME,
    ENT_PHYSICAL_SERIAL,
    SYS_DESCR,
    SYS_NAME,
    SYS_OBJECT_ID,
    SYS_UPTIME,
    SYSTEM,
)
from egovops.polling.reachability import Pinger
from egovops.snmp import SnmpAuthError, SnmpClient, SnmpError, SnmpMalformedReply, SnmpTarget, SnmpTimeout
from egovops.snmp.values import SnmpValue

STATUS, INTERFACES, HEALTH = "status", "interfaces", "health"


def error_kind(exc: Exception) -> str:
    if isinstance(exc, SnmpTimeout):
        return "timeout"
    if isinstance(exc, SnmpAuthError):
        return "auth"
    if isinstance(exc, SnmpMalformedReply):
        return "malformed"
    if isinstance(exc, SnmpError):
        return "other"
    return "credentials"


async def _chassis(client: SnmpClient, target: SnmpTarget, vendor: str) -> tuple[str, str]:
    """(model, serial number) of the first ENTITY-MIB chassis; ("", "") without one."""
    columns = await client.awalk_columns(target, [ENT_PHYSICAL_CLASS])
    chassis = [i for i, v in columns[ENT_PHYSICAL_CLASS].items() if v == ENT_CLASS_CHASSIS]
    if not chassis:
        return "", ""
    oids = [f"{col}.{chassis[0]}"
            for col in (ENT_PHYSICAL_MODEL, ENT_PHYSICAL_DESCR, ENT_PHYSICAL_NAME, ENT_PHYSICAL_SERIAL)]
    got = await client.aget(target, oids, missing_ok=True)
    model, descr, name, serial = (_text(got.get(oid)) for oid in oids)
    return chassis_model(vendor, model, descr, name), serial


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    # TopSec quotes its serial ('"Q1610474303'): quotes and NULs are no part of a serial number.
    return value.strip().strip('\x00"').strip() if isinstance(value, str) else ""


def identify_known(status: DeviceStatus, previous: DeviceStatus | None) -> bool:
    """Vendor, model, OS and version from what is known without asking the device again (the
    previous poll while sysObjectID and sysDescr are unchanged, else the identify table); True
    when nothing is left to ask the device. A new sysDescr (a software upgrade) identifies anew."""
    if (previous is not None and previous.vendor and previous.sys_object_id == status.sys_object_id
            and previous.sys_descr == status.sys_descr):
        for field in ("vendor", "model", "os", "version", "serial"):
            setattr(status, field, getattr(previous, field))
        return True
    found = identify(status.sys_object_id, status.sys_descr)
    status.vendor, status.model, status.os, status.version = found.vendor, found.model or found.family, found.os, found.version
    return not found.model_from_entity


async def _identify(client: SnmpClient, target: SnmpTarget, status: DeviceStatus, previous: DeviceStatus | None) -> None:
    if identify_known(status, previous):
        return
    found = identify(status.sys_object_id, status.sys_descr)
    try:
        model, status.serial = await _chassis(client, target, status.vendor)
        if not status.serial and found.serial_oids:
            got = await client.aget(target, list(found.serial_oids), missing_ok=True)
            status.serial = next((s for s in (_text(got.get(o)) for o in found.serial_oids) if s), "")
    except SnmpError:
        return  # no ENTITY-MIB: the model stays what sysDescr said, not an error of the device
    # A sure model from sysDescr or the sysObjectID table stays unless the vendor's chassis is surer.
    if model and (found.entity_first or not found.model):
        status.model = model


async def poll_status(
    client: SnmpClient, device: Device, target: SnmpTarget | None, target_error: str | None,
    previous: DeviceStatus | None, pinger: Pinger | None, now: float, extra: Sequence[str] = (),
) -> tuple[DeviceStatus, dict | None]:
    """Reachability and the system group; returns the status and the system values (None: no SNMP).
    ``extra``: scalars asked in the same GET (ifNumber and ifTableLastChange before a walk)."""
    status = DeviceStatus(name=device.name, polled_at=now)
    if previous is not None:  # what this cycle does not measure stays as last measured
        status.interfaces = [replace(i) for i in previous.interfaces]
        status.cpu_percent, status.mem_percent, status.temperature_c = previous.cpu_percent, previous.mem_percent, previous.temperature_c
        status.boards = list(previous.boards)
        for field in ("sys_descr", "sys_object_id", "sys_name", "vendor", "model", "os", "version", "serial"):
            setattr(status, field, getattr(previous, field) or "")
    if target is None:
        status.error, status.error_kind = target_error or "no SNMP target", "credentials"
        return status, None
    ping = asyncio.ensure_future(pinger.ping(device.address, target.timeout)) if pinger is not None else None
    try:
        system = await client.aget(target, [*SYSTEM, *extra], missing_ok=True)
    except SnmpError as exc:
        system = None
        status.error, status.error_kind = str(exc), error_kind(exc)
    rtt = await ping if ping is not None else None
    status.reachable = system is not None or rtt is not None
    # Which method decided: ICMP when it answered, or when it was asked and neither answered.
    status.reach_method = "icmp" if rtt is not None or (pinger is not None and system is None) else "snmp"
    if system is not None:
        status.sys_descr = str(system.get(SYS_DESCR) or "")
        status.sys_object_id = str(system.get(SYS_OBJECT_ID) or "")
        status.sys_name = str(system.get(SYS_NAME) or "")
        uptime = system.get(SYS_UPTIME)
        status.uptime_cs = uptime if isinstance(uptime, int) else None
        status.uptime_s = status.uptime_cs / 100.0 if status.uptime_cs is not None else None
    return status, system


async def poll_details(client: SnmpClient, target: SnmpTarget, status: DeviceStatus, kinds: set[str],
                       previous: DeviceStatus | None, now: float, system: Mapping[str, SnmpValue] | None = None,
                       static: StaticColumns | None = None, static_refresh_s: float = 0.0) -> None:
    """Identity, interfaces and health of a device that answered the system group. With
    ``static``, the interfaces' static columns are walked only when due (``StaticColumns``)."""
    try:
        await _identify(client, target, status, previous)
        if INTERFACES in kinds:
            known = previous.interfaces if previous else []
            fresh = await read_interfaces(client, target, status.name, system or {}, status.uptime_cs, known, now,
                                          static, static_refresh_s)
            add_rates(fresh, {i.index: i for i in (previous.interfaces if previous else [])})
            status.interfaces = fresh
            status.measured_interfaces = True
        if HEALTH in kinds:
            reading = await read_health(client, target, status.vendor)
            status.cpu_percent, status.mem_percent, status.temperature_c = reading.cpu_percent, reading.mem_percent, reading.temperature_c
            status.boards = list(reading.boards)
            status.measured_health = True
    except (SnmpError, EgovopsError) as exc:
        # It answered the system group, so it is reachable; say what failed after that.
        status.error, status.error_kind = str(exc), error_kind(exc)


async def poll_device(
    client: SnmpClient, device: Device, target: SnmpTarget | None, target_error: str | None,
    kinds: set[str], previous: DeviceStatus | None, pinger: Pinger | None, now: float,
) -> DeviceStatus:
    """Both phases for one device (the poller runs them as two phases over all devices)."""
    status, system = await poll_status(client, device, target, target_error, previous, pinger, now)
    if system is not None and target is not None:
        await poll_details(client, target, status, kinds, previous, now)
    return status
