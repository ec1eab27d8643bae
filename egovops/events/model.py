"""An event as received, parsed and matched: plain data shared by receivers, rules and the store."""

from __future__ import annotations

from dataclasses import dataclass, field

# Syslog severities 0..7 (RFC 5424) onto the alarm severities the rest of the product shows.
SYSLOG_SEVERITY = ("critical", "critical", "critical", "major", "minor", "warning", "info", "info")


@dataclass
class Event:
    received_at: float
    source: str  # the sender's address
    kind: str  # "trap" or "syslog"
    severity: str = "info"
    module: str = ""
    mnemonic: str = ""
    text: str = ""
    sent_at: float | None = None
    varbinds: list[list[str]] | None = None  # traps: [oid, name, value]
    device: str = ""
    device_id: int | None = None
    rule: str = ""
    id: int | None = None
    host: str = ""  # the host name the line gives, not stored (the source address is what counts)
    extra: dict[str, str] = field(default_factory=dict)  # parsed details rules may use, not stored

    def varbind(self, name_or_oid: str) -> str | None:
        """The value of the first varbind whose name or OID is ``name_or_oid`` (or starts with it + '.')."""
        for oid, name, value in self.varbinds or ():
            if name == name_or_oid or oid == name_or_oid or name.startswith(name_or_oid + ".") \
                    or oid.startswith(name_or_oid + "."):
                return value
        return None
