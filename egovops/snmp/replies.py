"""Reading pysnmp's error indications and PDU error statuses as the project's errors."""

from __future__ import annotations

from typing import Any, Sequence

from pysnmp.proto import errind

from egovops.snmp.errors import SnmpAuthError, SnmpError, SnmpMalformedReply, SnmpNoSuchObject, SnmpTimeout
from egovops.snmp.target import SnmpTarget

_AUTH_FAILURES = (
    errind.UnknownUserName, errind.WrongDigest, errind.DecryptionError, errind.AuthenticationError,
    errind.AuthenticationFailure, errind.UnsupportedSecurityLevel, errind.UnknownSecurityName,
    errind.UnsupportedAuthProtocol, errind.UnsupportedPrivProtocol, errind.NotInTimeWindow,
    errind.UnknownEngineID, errind.NoAuthentication, errind.NoEncryption,
)
_MALFORMED = (errind.ParseError, errind.DeserializationError, errind.DataMismatch, errind.OidNotIncreasing, errind.EmptyResponse)
_AUTH_HINTS = {
    errind.UnknownUserName: "the agent does not know SNMPv3 user {user!r}",
    errind.WrongDigest: "wrong SNMPv3 authentication key or protocol for user {user!r}",
    errind.DecryptionError: "wrong SNMPv3 privacy key or protocol for user {user!r}",
    errind.UnsupportedSecurityLevel: "the agent does not accept this security level for user {user!r}",
}


def check_indication(target: SnmpTarget, indication: Any) -> None:
    if not indication:
        return
    if isinstance(indication, errind.RequestTimedOut):
        hint = "agent down, wrong community or port filtered" if target.version != "3" else "agent down or port filtered"
        raise SnmpTimeout(target.name, f"no response from {target.address}:{target.port} after {target.retries + 1} tries of {target.timeout:g} s ({hint})")
    for kind, text in _AUTH_HINTS.items():
        if isinstance(indication, kind):
            raise SnmpAuthError(target.name, "authentication failed: " + text.format(user=target.user))
    if isinstance(indication, _AUTH_FAILURES):
        raise SnmpAuthError(target.name, f"authentication failed for user {target.user!r}: {indication}")
    if isinstance(indication, _MALFORMED) or indication == "badResponse":
        raise SnmpMalformedReply(target.name, str(indication))
    raise SnmpError(target.name, str(indication))


def check_status(target: SnmpTarget, status: Any, index: Any, names: Sequence[Any]) -> None:
    code = int(status or 0)
    if code == 0:
        return
    position = int(index or 0)
    oid = ".".join(str(n) for n in names[position - 1]) if 0 < position <= len(names) else "?"
    text = status.prettyPrint() if hasattr(status, "prettyPrint") else str(code)
    if code == 2:  # noSuchName: how v1 agents say an OID does not exist
        raise SnmpNoSuchObject(target.name, [oid])
    raise SnmpError(target.name, f"the agent answered {text} (at {oid})")
