"""What the device view's header shows: inventory facts joined with the last polled status.

The credential profile appears by NAME only; its secrets stay in the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from egovops.inventory.model import Device
from egovops.polling.model import Board, DeviceStatus


@dataclass(frozen=True)
class DeviceSummary:
    name: str
    vendor: str
    model: str
    os: str
    uptime_s: float | None
    address: str
    snmp_port: int
    ssh_port: int
    site: str
    network: str
    role: str
    security_domain: str
    protection_level: int | None
    owner_unit: str
    contact: str
    credential_profile: str
    state: str = "unknown"
    state_since: float | None = None
    last_poll: float | None = None
    reach_method: str | None = None
    cpu_percent: float | None = None
    mem_percent: float | None = None
    error: str | None = None
    reasons: tuple[str, ...] = field(default_factory=tuple)
    version: str = ""
    serial: str = ""
    temperature_c: float | None = None
    boards: tuple[Board, ...] = ()
    discovered: tuple[str, ...] = ()  # identity fields shown from polling: the inventory leaves them empty

    @property
    def addresses(self) -> str:
        """One line an operator can read and copy: the address and its management ports."""
        return f"{self.address} (SNMP {self.snmp_port}, SSH {self.ssh_port})"

    @property
    def site_path(self) -> list[str]:
        return self.site.split("/")


def summarise(device: Device, status: DeviceStatus | None) -> DeviceSummary:
    """The inventory's vendor and model as the operator entered them; where the operator left one
    empty, what polling identified, listed in ``discovered`` so the view can say so."""
    polled = status or DeviceStatus(device.name)
    discovered = tuple(f for f in ("vendor", "model") if not getattr(device, f) and getattr(polled, f))
    discovered += tuple(f for f in ("os", "version", "serial") if getattr(polled, f))  # the inventory has no such field
    return DeviceSummary(
        name=device.name, vendor=device.vendor or polled.vendor, model=device.model or polled.model, os=polled.os,
        uptime_s=polled.uptime_s, address=device.address, snmp_port=device.snmp_port, ssh_port=device.ssh_port,
        site=device.site, network=device.network, role=device.role.value, security_domain=device.security_domain,
        protection_level=device.protection_level, owner_unit=device.owner_unit, contact=device.contact,
        credential_profile=device.credential_profile,
        state=polled.state if status else "unknown", state_since=polled.since, last_poll=polled.polled_at or None,
        reach_method=polled.reach_method, cpu_percent=polled.cpu_percent, mem_percent=polled.mem_percent,
        error=polled.error, reasons=tuple(polled.reasons), version=polled.version, serial=polled.serial,
        temperature_c=polled.temperature_c, boards=tuple(polled.boards), discovered=discovered,
    )


def format_uptime(seconds: float | None) -> str:
    """``3d 02:00:00`` — days then clock time, the way device CLIs print uptime."""
    if seconds is None:
        return "—"
    whole = int(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{days}d {hours:02d}:{minutes:02d}:{secs:02d}"
