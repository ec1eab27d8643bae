"""Which emulated device to be: vendor, name, ports, and which baseline items it deliberately fails.

The weaknesses are the usual findings of a graded-protection (等级保护 2.0) assessment of network
devices, so the baseline procedure has devices that pass and devices that fail each item.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

VENDORS = ("huawei", "h3c", "cisco", "ruijie", "zte")

WEAKNESSES = {
    "telnet": "telnet server on and allowed on the VTY lines",
    "snmp-v2c-weak": "SNMP v2c enabled with the community 'public'",
    "no-ntp": "no NTP server configured",
    "no-syslog": "no syslog (log host) configured",
    "no-idle-timeout": "VTY idle timeout switched off",
    "no-lockout": "no lockout after failed logins, no password complexity",
    "unused-ports-up": "unused ports left enabled",
}


@dataclass(frozen=True)
class DeviceSpec:
    vendor: str
    hostname: str
    ports: int = 8
    used_ports: int = 4
    weaknesses: frozenset[str] = field(default_factory=frozenset)
    clock_offset: float = 0.0  # seconds the device's clock is ahead of the real one

    def __post_init__(self) -> None:
        if self.vendor not in VENDORS:
            raise ValueError(f"vendor {self.vendor!r} is not one of {', '.join(VENDORS)}")
        unknown = set(self.weaknesses) - set(WEAKNESSES)
        if unknown:
            raise ValueError(f"unknown weakness {', '.join(sorted(unknown))}; known: {', '.join(WEAKNESSES)}")

    def weak(self, name: str) -> bool:
        return name in self.weaknesses

    def token(self, purpose: str, length: int = 16) -> str:
        """A stable pseudo-random string per device (cipher texts, strong communities, serials)."""
        return hashlib.sha256(f"{self.vendor}/{self.hostname}/{purpose}".encode()).hexdigest()[:length]


def parse_weaknesses(text: str) -> frozenset[str]:
    """``"telnet,no-ntp"``, ``"all"`` or ``""``."""
    names = {part.strip() for part in text.split(",") if part.strip()}
    return frozenset(WEAKNESSES) if "all" in names else frozenset(names)
