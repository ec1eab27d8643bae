"""Trying a credential profile against one device: SNMP get sysName (v2c/v3) or an SSH login.

The profile is tried as the operator typed it, before it is saved: a secret field left empty falls
back to the one stored in the keyring. The outcome is one of a few words the console can show
(ok, timeout, auth, host-key, error) with the device named; a test reaches a device, so it goes to
the audit trail like every other action that does.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Union

from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.credentials.profiles import CredentialKind, CredentialProfile, Secret
from egovops.credentials.service import CredentialService, ResolvedCredentials
from egovops.errors import EgovopsError, NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

SYS_NAME = "1.3.6.1.2.1.1.5.0"
OUTCOMES = ("ok", "timeout", "auth", "host-key", "error")
TrustDecision = Union[bool, Callable[[Any], bool]]

_client_lock = threading.Lock()
_client: Any = None


def _snmp_client() -> Any:
    """One client for every probe of the process: each client keeps its engines until the loop stops."""
    global _client
    from egovops.snmp import SnmpClient  # pysnmp only when SNMP is tried

    with _client_lock:
        if _client is None or not _client.snmp_loop.running:  # a stopped loop takes its engines along
            _client = SnmpClient()
        return _client


@dataclass(frozen=True)
class ProbeResult:
    device: str
    profile: str
    outcome: str  # one of OUTCOMES
    detail: str  # the sysName or hostname on success, else what went wrong (never a secret)
    seconds: float

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


class CredentialProbe:
    def __init__(self, database: Database, operator: Operator, service: CredentialService | None = None) -> None:
        self.db = database
        self.operator = operator
        self.service = service or CredentialService(database)
        self.inventory = InventoryRepository(database)
        self.audit = AuditLog(database)

    def credentials(self, profile: CredentialProfile, typed: Mapping[str, str]) -> ResolvedCredentials:
        """Typed secrets first, the keyring's for fields left empty; every required one present."""
        found: dict[str, Secret] = {}
        stored_profile = self._stored(profile.name)
        for field in profile.secret_fields() + profile.optional_secret_fields():
            value = typed.get(field) or (self.service.secrets.get(profile.name, field) if stored_profile else None)
            if value:
                found[field] = Secret(value)
        missing = [f for f in profile.secret_fields() if f not in found]
        if missing:
            raise ValidationError(tr("profile {name!r} needs {fields}", name=profile.name, fields=", ".join(missing)))
        return ResolvedCredentials(profile, found)

    def _stored(self, name: str) -> bool:
        try:
            self.service.profile(name)
        except NotFoundError:
            return False
        return True

    def run(self, profile: CredentialProfile, typed: Mapping[str, str], device_name: str,
            trust_new_host_key: TrustDecision = False, timeout: float = 3.0) -> ProbeResult:
        device = self.inventory.device(device_name)  # NotFoundError names it
        credentials = self.credentials(profile, typed)
        started = time.monotonic()
        if profile.kind is CredentialKind.SSH:
            outcome, detail = self._ssh(device, credentials, trust_new_host_key, timeout)
        else:
            outcome, detail = self._snmp(device, credentials, timeout)
        result = ProbeResult(device.name, profile.name, outcome, detail, time.monotonic() - started)
        self.audit.record(actor=self.operator.label(), role=self.operator.role.value, action="credentials.test",
                          subject=device.name, details={"profile": profile.name, "kind": profile.kind.value,
                                                        "outcome": outcome, "detail": detail})
        return result

    def _snmp(self, device: Any, credentials: ResolvedCredentials, timeout: float) -> tuple[str, str]:
        from egovops.snmp import SnmpAuthError, SnmpTimeout, target_from_credentials

        try:
            target = target_from_credentials(device, credentials, timeout, 1)
            answer = _snmp_client().get(target, [SYS_NAME])
        except SnmpTimeout as exc:
            return "timeout", str(exc)
        except SnmpAuthError as exc:
            return "auth", str(exc)
        except EgovopsError as exc:
            return "error", str(exc)
        return "ok", str(answer.get(SYS_NAME, ""))

    def _ssh(self, device: Any, credentials: ResolvedCredentials, trust: TrustDecision, timeout: float) -> tuple[str, str]:
        from egovops.ssh import HostKeyChangedError, HostKeyUnknownError, KnownHostsStore, SshAuthError, SshTimeoutError, open_session

        try:
            with open_session(device, credentials, KnownHostsStore(self.db), trust_new_host_key=trust,
                              connect_timeout=timeout, auth_timeout=timeout * 2, command_timeout=timeout * 2,
                              operator=self.operator.label()) as session:
                return "ok", session.hostname or device.name
        except SshTimeoutError as exc:
            return "timeout", str(exc)
        except SshAuthError as exc:
            return "auth", str(exc)
        except (HostKeyUnknownError, HostKeyChangedError) as exc:
            return "host-key", str(exc)
        except EgovopsError as exc:
            return "error", str(exc)
