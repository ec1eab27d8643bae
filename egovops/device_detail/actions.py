"""What an operator does to one device from its view: poll now, ping, send a CLI command.

Every action that reaches the device is written to the audit trail with who did it, in what role,
and how it went; a refused command is recorded too. Secrets are revealed only inside the SSH and
SNMP layers, at the moment of use.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any, Callable, Union

from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied
from egovops.audit.log import AuditLog
from egovops.configs.masking import mask_secrets
from egovops.credentials.profiles import CredentialKind
from egovops.credentials.service import CredentialService
from egovops.device_detail.commands import check_command
from egovops.errors import CredentialError, EgovopsError
from egovops.i18n import tr
from egovops.polling.reachability import Pinger, icmp_allowed
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

SYS_UPTIME = "1.3.6.1.2.1.1.3.0"
TrustDecision = Union[bool, Callable[[Any], bool]]


@dataclass(frozen=True)
class PingResult:
    device: str
    method: str  # "icmp" or "snmp"
    answered: bool
    rtt_ms: float | None
    detail: str = ""


@dataclass(frozen=True)
class CommandResult:
    device: str
    command: str
    output: str
    seconds: float
    audit_id: int


@dataclass(frozen=True)
class SshLimits:
    connect_timeout: float = 10.0
    auth_timeout: float = 15.0
    command_timeout: float = 30.0
    max_output_bytes: int = 4 * 1024 * 1024  # a pane of text, not a backup


class DeviceActions:
    def __init__(self, database: Database, operator: Operator, credentials: CredentialService | None = None) -> None:
        self.db = database
        self.operator = operator
        self.credentials = credentials or CredentialService(database)
        self.audit = AuditLog(database)
        self.inventory = InventoryRepository(database)

    def _record(self, action: str, device: str, details: dict[str, Any], output: str | None = None) -> int:
        row = self.audit.record(actor=self.operator.label(), role=self.operator.role.value, action=action,
                                subject=device, details=details, output=output)
        return row.id

    # -- poll now ---------------------------------------------------------------------------------
    def poll_now(self, name: str) -> Any:
        """One full poll of this device (status, interfaces, health), stored like any cycle."""
        from egovops.polling.poller import Poller  # the SNMP stack, only when a poll is asked for
        from egovops.topology.poller_hook import attach

        self.inventory.device(name)  # a clear "no device named …" before anything is sent
        self._record("poll.once", name, {"devices": [name], "from": "device view"})
        poller = Poller(self.db, credentials=self.credentials)
        attach(poller)
        result = poller.run_cycle(names=[name], label="device view")
        return next((s for s in result.statuses if s.name == name), None)

    # -- ping -------------------------------------------------------------------------------------
    def ping(self, name: str, timeout: float = 2.0) -> PingResult:
        """ICMP echo where this OS lets an unprivileged process send it, else an SNMP sysUpTime get."""
        device = self.inventory.device(name)
        result = self._icmp(name, device.address, timeout) if icmp_allowed() else self._snmp(device, timeout)
        self._record("device.ping", name, {"method": result.method, "answered": result.answered,
                                           "rtt_ms": result.rtt_ms, "address": device.address})
        return result

    @staticmethod
    def _icmp(name: str, address: str, timeout: float) -> PingResult:
        async def once() -> float | None:
            pinger = Pinger()
            try:
                return await pinger.ping(address, timeout)
            finally:
                pinger.close()

        rtt = asyncio.run(once())
        return PingResult(name, "icmp", rtt is not None, None if rtt is None else rtt * 1000.0,
                          "" if rtt is not None else tr("no echo reply within {s:g} s", s=timeout))

    def _snmp(self, device: Any, timeout: float) -> PingResult:
        from egovops.snmp import SnmpClient, target_from_credentials

        if not device.credential_profile:
            return PingResult(device.name, "snmp", False, None, tr("no credential profile is set, so SNMP cannot be asked"))
        try:
            target = target_from_credentials(device, self.credentials.resolve(device.credential_profile), timeout, 0)
            started = time.monotonic()
            SnmpClient().get(target, [SYS_UPTIME])
        except EgovopsError as exc:
            return PingResult(device.name, "snmp", False, None, str(exc))
        return PingResult(device.name, "snmp", True, (time.monotonic() - started) * 1000.0)

    # -- a CLI command ----------------------------------------------------------------------------
    def ssh_profiles(self) -> list[str]:
        return [p.name for p in self.credentials.profiles() if p.kind is CredentialKind.SSH]

    def default_ssh_profile(self, name: str) -> str | None:
        """The device's own profile when it is an SSH one, else the first SSH profile there is."""
        own = self.inventory.device(name).credential_profile
        profiles = self.ssh_profiles()
        return own if own in profiles else (profiles[0] if profiles else None)

    def run_command(self, name: str, command: str, profile: str | None = None,
                    trust_new_host_key: TrustDecision = False, limits: SshLimits = SshLimits()) -> CommandResult:
        """Send one command; an operator may send read-only ones only (checked here, not in the UI)."""
        from egovops.ssh import KnownHostsStore, open_session

        device = self.inventory.device(name)
        try:
            cleaned = check_command(command, device.vendor, self.operator.role, self.operator.label())
        except PermissionDenied:
            self._record("device.ssh-command.refused", name, {"command": command.strip(), "vendor": device.vendor})
            raise
        chosen = profile or self.default_ssh_profile(name)
        if not chosen:
            raise CredentialError(tr("{device}: no SSH credential profile exists; add one first", device=name))
        resolved = self.credentials.resolve(chosen)
        if resolved.profile.kind is not CredentialKind.SSH:
            raise CredentialError(tr("{device}: credential profile {name} is {kind}, not ssh",
                                     device=name, name=chosen, kind=resolved.profile.kind.value))
        started = time.monotonic()
        details = {"command": cleaned, "profile": chosen, "vendor": device.vendor}
        try:
            with open_session(device, resolved, KnownHostsStore(self.db), trust_new_host_key=trust_new_host_key,
                              connect_timeout=limits.connect_timeout, auth_timeout=limits.auth_timeout,
                              command_timeout=limits.command_timeout, max_output_bytes=limits.max_output_bytes,
                              operator=self.operator.label()) as session:
                output = session.run(cleaned)
        except EgovopsError as exc:
            self._record("device.ssh-command", name, {**details, "error": type(exc).__name__, "message": str(exc)[:500]})
            raise
        # The digest is of what the device said; what is shown has its secrets masked, as stored
        # configurations are (an operator may read 'display current-configuration').
        audit_id = self._record("device.ssh-command", name, details, output=output)
        return CommandResult(name, cleaned, mask_secrets(output), time.monotonic() - started, audit_id)
