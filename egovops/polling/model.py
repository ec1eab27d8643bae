"""What one poll of one device produced: plain data passed from the pollers to state, alarms and store."""

from __future__ import annotations

from dataclasses import dataclass, field

STATES = ("up", "degraded", "down", "unreachable", "unknown")


@dataclass
class InterfaceStatus:
    index: int
    name: str = ""
    alias: str = ""
    if_type: int | None = None
    speed_bps: int | None = None
    admin_status: int | None = None  # 1 up, 2 down, 3 testing
    oper_status: int | None = None  # 1 up, 2 down, … 7 lowerLayerDown
    in_octets: int | None = None
    out_octets: int | None = None
    in_errors: int | None = None
    out_errors: int | None = None
    in_discards: int | None = None
    out_discards: int | None = None
    counter_bits: int = 64
    uptime_cs: int | None = None
    sampled_at: float = 0.0
    in_bps: float | None = None
    out_bps: float | None = None
    errors_ps: float | None = None
    discards_ps: float | None = None


@dataclass(frozen=True)
class Board:
    """One board (slot, stack member, CPU) of a chassis, as its vendor table reports it."""

    name: str
    cpu_percent: float | None = None
    mem_percent: float | None = None
    temperature_c: float | None = None
    index: str = ""  # the row of the vendor table


@dataclass
class DeviceStatus:
    """The device as last seen. ``state`` is decided by ``polling.state`` from the rest."""

    name: str
    state: str = "unknown"
    reachable: bool | None = None
    reach_method: str | None = None  # "icmp" or "snmp"
    uptime_s: float | None = None
    uptime_cs: int | None = None
    sys_descr: str = ""
    sys_object_id: str = ""
    sys_name: str = ""
    vendor: str = ""
    model: str = ""
    os: str = ""
    cpu_percent: float | None = None
    mem_percent: float | None = None
    temperature_c: float | None = None
    boards: list[Board] = field(default_factory=list)  # chassis and stacks: each board's own figures
    version: str = ""  # software version, from sysDescr
    serial: str = ""  # the chassis's entPhysicalSerialNum
    error: str | None = None
    error_kind: str | None = None  # timeout, auth, malformed, credentials, other
    polled_at: float = 0.0
    since: float | None = None  # when the current state began
    reasons: list[str] = field(default_factory=list)
    interfaces: list[InterfaceStatus] = field(default_factory=list)
    root_cause: str | None = None  # set by a classifier for "unreachable"
    measured_interfaces: bool = False  # this cycle read the interfaces (else they are carried over)
    measured_health: bool = False
    bridging: list[str] = field(default_factory=list)  # workstation only: addresses in both networks
