"""What the runner lends every target's context: store, keyring, known hosts, SNMP client.

Credentials are resolved once per profile per run (one keyring read, not one per device) and kept
only as ``Secret`` objects in memory for the run's duration.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from egovops.accounts.identity import Operator
from egovops.configs.store import ConfigStore
from egovops.credentials.profiles import CredentialKind
from egovops.credentials.service import CredentialService, ResolvedCredentials
from egovops.errors import CredentialError
from egovops.i18n import tr
from egovops.inventory.model import Device
from egovops.storage.database import Database

if TYPE_CHECKING:
    from egovops.ssh.budget import OutputBudget

# False: refuse unknown host keys; True: trust them (--trust-new-host-key); or a callable the
# console uses to ask the operator with the fingerprint shown.
TrustDecision = Union[bool, Callable[[Any], bool]]


@dataclass(frozen=True)
class SshLimits:
    connect_timeout: float = 10.0
    auth_timeout: float = 15.0
    command_timeout: float = 60.0
    max_output_bytes: int = 32 * 1024 * 1024
    run_output_bytes: int = 256 * 1024 * 1024  # all of a run's sessions together (ssh/budget.py)


@dataclass
class RunServices:
    database: Database
    operator: Operator
    artefact_root: Path
    trust_new_host_key: TrustDecision = False
    ssh_profile: str | None = None
    snmp_profile: str | None = None
    ssh_limits: SshLimits = field(default_factory=SshLimits)
    credential_service: CredentialService | None = None
    _resolved: dict[str, ResolvedCredentials] = field(default_factory=dict)
    _profile_names: list[tuple[str, CredentialKind]] | None = None
    output_budget: OutputBudget | None = None  # made from ssh_limits on first use: one per run
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def run_budget(self) -> OutputBudget:
        """The SSH output budget every session of this run shares."""
        # Imported here: egovops.ssh pulls in paramiko, which the console must not load at start.
        from egovops.ssh.budget import OutputBudget

        with self._lock:
            if self.output_budget is None:
                self.output_budget = OutputBudget(self.ssh_limits.run_output_bytes)
            return self.output_budget

    @cached_property
    def credentials(self) -> CredentialService:
        return self.credential_service or CredentialService(self.database)

    @cached_property
    def configs(self) -> ConfigStore:
        return ConfigStore(self.database)

    @cached_property
    def known_hosts(self) -> Any:
        from egovops.ssh import KnownHostsStore  # paramiko is loaded only by runs that use SSH

        return KnownHostsStore(self.database)

    def host_key_decision(self) -> TrustDecision:
        """The caller's decision on unknown host keys, with every key trusted recorded in the audit trail."""
        decide = self.trust_new_host_key
        if decide is False:
            return False
        from egovops.audit.log import AuditLog

        audit = AuditLog(self.database)

        def audited(offered: Any) -> bool:
            trusted = decide(offered) if callable(decide) else bool(decide)
            if trusted:
                audit.record(actor=self.operator.label(), role=self.operator.role.value, action="ssh.trust-host-key",
                             subject=offered.device, details={"host": offered.host, "port": offered.port,
                                                              "key_type": offered.key_type, "fingerprint": offered.fingerprint})
            return trusted

        return audited

    @cached_property
    def snmp_client(self) -> Any:
        from egovops.snmp import SnmpClient

        return SnmpClient()

    def credentials_for(self, device: Device, kinds: tuple[CredentialKind, ...], explicit: str | None) -> ResolvedCredentials:
        """The run's explicit profile for this kind, else the device's own profile if it is of this
        kind, else the only profile of this kind there is. A device's own profile is usually its SNMP
        one (polling needs it first), so an SSH procedure must not fail just for that."""
        name = explicit or device.credential_profile
        resolved = self._resolve(name) if name else None
        if resolved is not None and (explicit or resolved.profile.kind in kinds):
            if resolved.profile.kind not in kinds:
                raise CredentialError(tr("{device}: credential profile {name} is {kind}, not {wanted}",
                                         device=device.name, name=name, kind=kind_label(resolved.profile.kind),
                                         wanted=" / ".join(kind_label(k) for k in kinds)))
            return resolved
        fitting = self._profiles_of(kinds)
        if len(fitting) == 1:
            return self._resolve(fitting[0])
        wanted = " / ".join(kind_label(k) for k in kinds)
        if not fitting:
            raise CredentialError(tr("{device}: there is no {wanted} credential profile; add one in the credential profiles",
                                     device=device.name, wanted=wanted))
        raise CredentialError(tr("{device}: its own credential profile is not {wanted} and several {wanted} profiles exist ({names}): "
                                 "choose the one for this run", device=device.name, wanted=wanted,
                                 names=", ".join(fitting)))

    def _resolve(self, name: str) -> ResolvedCredentials:
        with self._lock:
            if name not in self._resolved:
                self._resolved[name] = self.credentials.resolve(name)
            return self._resolved[name]

    def _profiles_of(self, kinds: tuple[CredentialKind, ...]) -> list[str]:
        with self._lock:
            if self._profile_names is None:
                self._profile_names = [(p.name, p.kind) for p in self.credentials.profiles()]
            return sorted(name for name, kind in self._profile_names if kind in kinds)


def kind_label(kind: CredentialKind) -> str:
    return {CredentialKind.SSH: tr("SSH"), CredentialKind.SNMP_V2C: tr("SNMP v2c"),
            CredentialKind.SNMP_V3: tr("SNMP v3")}[kind]
