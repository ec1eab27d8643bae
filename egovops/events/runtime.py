"""The receivers put together for ``egovops events listen`` and, later, the collector: the
communities and v3 users from the credential profiles (secrets from the keyring, as the poller
gets them), the engine IDs from the store, one service, and a confirming-poll worker."""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from egovops.credentials.profiles import CredentialKind
from egovops.credentials.service import CredentialService
from egovops.errors import EgovopsError
from egovops.events.backup import BackupOnChange
from egovops.events.repo import EventRepository
from egovops.events.rules import Rules
from egovops.events.service import EventService
from egovops.events.storm import StormLimits
from egovops.events.syslog_receiver import SyslogReceiver
from egovops.events.traps import TrapReceiver, TrapUser
from egovops.snmp import SnmpClient
from egovops.snmp.target import SnmpTarget, target_for_device
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

log = logging.getLogger(__name__)


@dataclass
class TrapCredentials:
    communities: list[str] = field(default_factory=list)
    users: list[TrapUser] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # profiles whose secrets could not be read


def _user(settings: dict[str, str], secrets: dict[str, str], engine_id: str | None) -> TrapUser:
    return TrapUser(settings["user"], settings.get("auth_protocol", "SHA"), secrets.get("auth_key"),
                    settings.get("priv_protocol", "AES-128"), secrets.get("priv_key"), engine_id)


def trap_credentials(database: Database, service: CredentialService) -> TrapCredentials:
    """Every SNMP profile's community or v3 user; a v3 user also once per engine ID of the devices
    that use its profile (their traps are signed with their own engine ID)."""
    found = TrapCredentials()
    engine_ids = EventRepository(database).engine_ids()
    devices_by_profile: dict[str, list[str]] = {}
    for device in InventoryRepository(database).devices():
        devices_by_profile.setdefault(device.credential_profile, []).append(device.name)
    for profile in service.profiles():
        if profile.kind not in (CredentialKind.SNMP_V2C, CredentialKind.SNMP_V3):
            continue
        try:
            resolved = service.resolve(profile.name)
        except EgovopsError as exc:
            found.problems.append(str(exc))
            continue
        secrets = {k: v.reveal() for k, v in resolved.secrets.items()}
        if profile.kind is CredentialKind.SNMP_V2C:
            found.communities.append(secrets["community"])
            continue
        settings = dict(profile.settings)
        found.users.append(_user(settings, secrets, None))  # informs: this receiver's engine ID
        for name in devices_by_profile.get(profile.name, []):
            if name in engine_ids:
                found.users.append(_user(settings, secrets, engine_ids[name]))
    return found


SNMP_ENGINE_ID = "1.3.6.1.6.3.10.2.1.1.0"


def learn_engine_ids(database: Database, service: CredentialService, client: SnmpClient) -> list[str]:
    """Read snmpEngineID from each v3 device whose engine ID is not stored yet, and store it: what
    a v3 trap from it is signed with. Returns one line per device that could not be asked."""
    repo = EventRepository(database)
    known = repo.engine_ids()
    v3 = {p.name for p in service.profiles() if p.kind is CredentialKind.SNMP_V3}
    targets: list[SnmpTarget] = []
    problems: list[str] = []
    for device in InventoryRepository(database).devices():
        if device.credential_profile in v3 and device.name not in known:
            try:
                targets.append(target_for_device(device, service))
            except EgovopsError as exc:
                problems.append(str(exc))

    async def ask(target: SnmpTarget) -> tuple[str, bytes | str]:
        try:
            value = (await client.aget(target, [SNMP_ENGINE_ID], raw=True))[SNMP_ENGINE_ID]
        except EgovopsError as exc:
            return target.name, str(exc)
        return target.name, value if isinstance(value, bytes) else b""

    async def ask_all() -> list[tuple[str, bytes | str]]:
        return list(await asyncio.gather(*(ask(t) for t in targets)))

    for name, answer in client.snmp_loop.run(ask_all()) if targets else []:
        if isinstance(answer, bytes) and answer:
            repo.set_engine_id(name, answer.hex())
        elif isinstance(answer, str):
            problems.append(answer)
    return problems


class ConfirmingPolls:
    """One-device polls asked for by events, run one at a time on their own thread (the service's
    writer never waits for SNMP); a device already waiting is not queued twice."""

    def __init__(self, poll: Callable[[str], None]) -> None:
        self.poll = poll
        self._queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._waiting: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def ask(self, device: str) -> None:
        with self._lock:
            if device in self._waiting:
                return
            self._waiting.add(device)
        self._queue.put(device)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="egovops-confirming-polls", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (device := self._queue.get()) is not None:
            with self._lock:
                self._waiting.discard(device)
            try:
                self.poll(device)
            except Exception:  # noqa: BLE001 - one device's failed poll must not end the worker
                log.exception("confirming poll of %s", device)

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(30)
            self._thread = None


@dataclass
class Listening:
    service: EventService
    traps: TrapReceiver | None
    syslog: SyslogReceiver | None
    polls: ConfirmingPolls | None
    backups: BackupOnChange | None = None

    def start(self) -> None:
        if self.polls is not None:
            self.polls.start()
        if self.backups is not None:
            self.backups.start()
        self.service.start()
        started: list[TrapReceiver | SyslogReceiver] = []
        try:
            for receiver in (self.traps, self.syslog):
                if receiver is not None:
                    receiver.start()
                    started.append(receiver)
        except BaseException:
            for receiver in started:
                receiver.stop()
            self.service.stop()
            raise

    def stop(self) -> None:
        for receiver in (self.syslog, self.traps):
            if receiver is not None:
                receiver.stop()
        self.service.stop()
        if self.polls is not None:
            self.polls.stop()
        if self.backups is not None:
            self.backups.stop()


def listening(database: Database, credentials: TrapCredentials, rules: Rules, host: str, trap_port: int | None,
              syslog_port: int | None, poll: Callable[[str], None] | None = None,
              limits: StormLimits | None = None, backups: BackupOnChange | None = None) -> Listening:
    """``backups``: where rules with ``backup: true`` ask for a configuration backup run (none: the
    rule only marks the event)."""
    polls = ConfirmingPolls(poll) if poll is not None else None
    service = EventService(database, rules, limits, on_poll=polls.ask if polls is not None else None,
                           on_backup=backups.ask if backups is not None else None)
    traps = (TrapReceiver(service.accept, service.rejected, credentials.communities, credentials.users, rules.names,
                          host, trap_port, admit=service.admit) if trap_port is not None else None)
    syslog = SyslogReceiver(service.syslog, host, syslog_port, syslog_port) if syslog_port is not None else None
    return Listening(service, traps, syslog, polls, backups)
