"""The console's own workstation as a device, fed by psutil instead of SNMP.

Its interfaces, counters, CPU and memory are shown like any device's. It is also checked for the
one thing a console must never do in an e-government network: hold addresses in both the
intranet's and the extranet's ranges at once, i.e. bridge the two (a critical security alarm).
"""

from __future__ import annotations

import ipaddress
import platform
import socket
import time

import psutil

from egovops.inventory.model import WORKSTATION_TAG, Device, DeviceRole, Network, NetworkKind
from egovops.polling.interfaces import add_rates
from egovops.polling.model import DeviceStatus, InterfaceStatus

TAG = WORKSTATION_TAG


def workstation_name() -> str:
    return f"console-{socket.gethostname()}"


def workstation_device(site: str, network: str) -> Device:
    return Device(name=workstation_name(), address="127.0.0.1", network=network, site=site, role=DeviceRole.OTHER,
                  vendor=platform.system().lower(), model=platform.machine(), tags=(TAG,))


def is_workstation(device: Device) -> bool:
    """The console's own row: read through psutil, never over SNMP (it has no credential profile)."""
    return TAG in device.tags


def addresses() -> dict[str, list[str]]:
    """IPv4 and IPv6 addresses of every interface, by interface name."""
    found: dict[str, list[str]] = {}
    for name, entries in psutil.net_if_addrs().items():
        for entry in entries:
            if entry.family in (socket.AF_INET, socket.AF_INET6):
                found.setdefault(name, []).append(entry.address.split("%", 1)[0])
    return found


def bridging(by_interface: dict[str, list[str]], networks: list[Network]) -> list[str]:
    """Descriptions of the addresses that put the workstation in both the intranet and the extranet.

    Empty when it is in at most one of them. Loopback addresses never count: every machine has them.
    """
    ranges = {kind: [ipaddress.ip_network(c, strict=False) for n in networks if n.kind is kind for c in n.cidrs]
              for kind in (NetworkKind.INTRANET, NetworkKind.EXTRANET)}
    hits: dict[NetworkKind, list[str]] = {NetworkKind.INTRANET: [], NetworkKind.EXTRANET: []}
    for interface, addrs in by_interface.items():
        for text in addrs:
            address = ipaddress.ip_address(text)
            if address.is_loopback:
                continue
            for kind, nets in ranges.items():
                if any(address in net for net in nets):
                    hits[kind].append(f"{interface} {text}")
    if hits[NetworkKind.INTRANET] and hits[NetworkKind.EXTRANET]:
        return [f"intranet: {h}" for h in hits[NetworkKind.INTRANET]] + [f"extranet: {h}" for h in hits[NetworkKind.EXTRANET]]
    return []


def _interfaces(now: float) -> list[InterfaceStatus]:
    stats, counters = psutil.net_if_stats(), psutil.net_io_counters(pernic=True)
    found = []
    for name in sorted(stats):
        try:
            index = socket.if_nametoindex(name)
        except OSError:
            index = len(found) + 1
        st, io = stats[name], counters.get(name)
        found.append(InterfaceStatus(
            index=index, name=name, speed_bps=st.speed * 1_000_000 if st.speed else None,
            admin_status=1 if st.isup else 2, oper_status=1 if st.isup else 2,
            in_octets=io.bytes_recv if io else None, out_octets=io.bytes_sent if io else None,
            in_errors=io.errin if io else None, out_errors=io.errout if io else None,
            in_discards=io.dropin if io else None, out_discards=io.dropout if io else None,
            counter_bits=64, uptime_cs=None, sampled_at=now,
        ))
    return found


def read_workstation(previous: DeviceStatus | None, networks: list[Network], now: float | None = None) -> DeviceStatus:
    now = time.time() if now is None else now
    status = DeviceStatus(name=workstation_name(), polled_at=now, reachable=True, reach_method="local")
    status.sys_name = socket.gethostname()
    status.sys_descr = f"{platform.system()} {platform.release()} {platform.machine()}"
    status.vendor, status.os, status.model = "workstation", f"{platform.system()} {platform.release()}", platform.machine()
    status.uptime_s = now - psutil.boot_time()
    status.cpu_percent = psutil.cpu_percent(interval=None)
    status.mem_percent = psutil.virtual_memory().percent
    status.interfaces = _interfaces(now)
    add_rates(status.interfaces, {i.index: i for i in (previous.interfaces if previous else [])})
    status.measured_interfaces = status.measured_health = True
    status.bridging = bridging(addresses(), networks)
    return status
