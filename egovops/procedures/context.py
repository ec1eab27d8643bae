"""The run context a plugin receives for one target: device, parameters, SSH, SNMP, store, progress.

Everything a plugin does to a device goes through here, so the runner can digest the output for
the audit trail, refuse connections in a dry run, and close the connection of a target that hangs.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from egovops.configs.store import SavedConfig
from egovops.credentials.profiles import CredentialKind
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.inventory.model import Device
from egovops.paths import private_folder, safe_file_name, write_private
from egovops.procedures.cancel import Cancelled, CancelToken
from egovops.procedures.services import RunServices

ProgressCallback = Callable[[str, float, str], None]  # (device, fraction 0..1, message)


class DryRunViolation(EgovopsError):
    """A plugin tried to reach a device during a dry run; nothing was sent."""


class RecordingSession:
    """The SSH session a plugin sees: the real one, with every command and reply digested."""

    def __init__(self, session: Any, record: Callable[[str, str], None]) -> None:
        self._session = session
        self._record = record

    @property
    def vendor(self) -> str:
        return str(self._session.vendor)

    @property
    def hostname(self) -> str:
        return str(self._session.hostname)

    @property
    def profile(self) -> Any:
        return self._session.profile

    def run(self, command: str, timeout: float | None = None, check: bool = True) -> str:
        output = self._session.run(command, timeout=timeout, check=check)
        self._record(command, output)
        return str(output)


class SnmpAccess:
    """SNMP get/walk bound to this target's device and credentials."""

    def __init__(self, client: Any, target: Any, record: Callable[[str, str], None]) -> None:
        self._client, self.target, self._record = client, target, record

    def get(self, oids: list[str], missing_ok: bool = False) -> dict[str, Any]:
        values = self._client.get(self.target, oids, missing_ok=missing_ok)
        self._record("get " + " ".join(oids), repr(sorted(values.items())))
        return dict(values)

    def walk(self, oid: str) -> list[tuple[str, Any]]:
        rows = list(self._client.walk(self.target, oid))
        self._record("walk " + oid, repr(rows))
        return rows


class RunContext:
    def __init__(
        self, *, device: Device, params: Mapping[str, Any], dry_run: bool, run_id: str, procedure_id: str,
        services: RunServices, cancel: CancelToken, logger: logging.Logger, on_progress: ProgressCallback | None,
        command_timeout: float,
    ) -> None:
        self.device = device
        self.params = dict(params)
        self.dry_run = dry_run
        self.run_id = run_id
        self.procedure_id = procedure_id
        self.log = logging.LoggerAdapter(logger, {"device": device.name})
        self._services = services
        self._cancel = cancel
        self._on_progress = on_progress
        self._command_timeout = command_timeout
        self._digest = hashlib.sha256()
        self._session: Any = None
        self._aborted = threading.Event()
        self._lock = threading.Lock()
        self.artefacts: list[Path] = []

    # -- cancellation and progress -------------------------------------------------------------
    @property
    def cancelled(self) -> bool:
        return self._cancel.cancelled or self._aborted.is_set()

    def check_cancelled(self) -> None:
        if self.cancelled:
            raise Cancelled()

    def sleep(self, seconds: float) -> None:
        """Wait, but wake up and raise at once when the run is cancelled."""
        if self._cancel.wait(seconds) or self._aborted.is_set():
            raise Cancelled()

    def progress(self, fraction: float, message: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(self.device.name, max(0.0, min(1.0, fraction)), message)

    def now(self) -> float:
        """The console's clock (epoch seconds), against which device clocks are compared."""
        return time.time()

    # -- device access -------------------------------------------------------------------------
    def _guard(self, what: str) -> None:
        if self.dry_run:
            raise DryRunViolation(tr("{device}: dry run: no {what} connection is opened", device=self.device.name, what=what))
        self.check_cancelled()

    def ssh(self) -> RecordingSession:
        """The target's SSH session, opened on first use with the host key verified; closed by the runner."""
        self._guard("SSH")
        with self._lock:
            if self._session is None:
                from egovops.ssh import open_session

                services = self._services
                limits = services.ssh_limits
                creds = services.credentials_for(self.device, (CredentialKind.SSH,), services.ssh_profile)
                self._session = open_session(
                    self.device, creds, services.known_hosts, trust_new_host_key=services.host_key_decision(),
                    connect_timeout=limits.connect_timeout, auth_timeout=limits.auth_timeout,
                    command_timeout=min(limits.command_timeout, self._command_timeout),
                    max_output_bytes=limits.max_output_bytes, operator=services.operator.label(),
                    output_budget=services.run_budget(),
                )
                if self._aborted.is_set():  # the runner gave up on us while we were connecting
                    self._session.close()
                    raise Cancelled()
            return RecordingSession(self._session, self._record)

    def snmp(self) -> SnmpAccess:
        self._guard("SNMP")
        from egovops.snmp import target_from_credentials

        services = self._services
        creds = services.credentials_for(self.device, (CredentialKind.SNMP_V2C, CredentialKind.SNMP_V3), services.snmp_profile)
        return SnmpAccess(services.snmp_client, target_from_credentials(self.device, creds), self._record)

    def _record(self, command: str, output: str) -> None:
        self._digest.update(command.encode("utf-8") + b"\0" + output.encode("utf-8", "replace") + b"\0")

    @property
    def output_digest(self) -> str:
        return self._digest.hexdigest()

    # -- store and files -------------------------------------------------------------------------
    def save_config(self, text: str, command: str) -> SavedConfig:
        """Store a configuration (masked) as the device's next version if it changed."""
        return self._services.configs.save(self.device.name, text, run_id=self.run_id, command=command)

    def artefact(self, name: str, content: str | bytes) -> Path:
        """Write a file for this target under the run's folder; secrets must be masked by the caller."""
        # Safe names: a device named ".." once wrote runs/...cfg, outside its run's folder.
        folder = private_folder(self._services.artefact_root / safe_file_name(self.run_id) / safe_file_name(self.device.name, "device"))
        path = write_private(folder / safe_file_name(name, "artefact"), content)
        self.artefacts.append(path)
        return path

    # -- the runner's side ---------------------------------------------------------------------
    def abort(self) -> None:
        """Called by the runner when this target timed out: close its connection to unblock it."""
        self._aborted.set()
        self.close()

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                session.close()
            except Exception:  # noqa: BLE001 - closing a broken session must not mask the result
                pass
