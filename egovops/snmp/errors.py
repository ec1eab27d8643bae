"""Errors of the SNMP access layer, each naming the device it concerns.

pysnmp reports failures as "error indications", PDU error statuses and exceptions of its own; the
client translates all of them into these so that the poller, the command line and the console see
one family of errors. Messages never contain a community or a key.
"""

from __future__ import annotations

from egovops.errors import EgovopsError


class SnmpError(EgovopsError):
    """An SNMP request to ``device`` failed; ``detail`` says how."""

    def __init__(self, device: str, detail: str) -> None:
        super().__init__(f"SNMP to {device}: {detail}")
        self.device = device
        self.detail = detail


class SnmpTimeout(SnmpError):
    """No answer within the timeout and retries (dead agent, wrong community, filtered port)."""


class SnmpAuthError(SnmpError):
    """The agent rejected the SNMPv3 user, its keys or its security level."""


class SnmpNoSuchObject(SnmpError):
    """The agent does not implement the requested OID(s)."""

    def __init__(self, device: str, oids: list[str]) -> None:
        super().__init__(device, "no such object: " + ", ".join(oids))
        self.oids = oids


class SnmpMalformedReply(SnmpError):
    """The agent answered something that is not a sane reply to the request."""

    def __init__(self, device: str, detail: str) -> None:
        super().__init__(device, detail)
        # Said as such, not as "SNMP to …": `egovops status` counts devices by this prefix.
        self.args = (f"{MALFORMED_PREFIX} {device}: {detail}",)


MALFORMED_PREFIX = "malformed reply from"
