"""Running one procedure over many devices: roles, confirmation, bounded concurrency, isolation.

Each target runs in a thread of its own under a per-target timeout: a plugin that raises fails
only its target; one that hangs is abandoned after its timeout (its SSH connection is closed to
unblock it) while the pool moves on. At most ``concurrency`` targets run at once. The run is
recorded in the audit trail before it starts and again, with every target's result and the digest
of the output, when it ends. The runner knows nothing of a UI: progress and results go through
plain callbacks, cancellation through a ``CancelToken``, host-key decisions through a callable.

Host keys are settled before any login starts: when the caller can answer for a whole run (a
decision with ``ask_all``, as the console's prompt has), a key-scan pass fetches every target's key
without sending credentials, the operator is asked once about all the unknown ones, and only then
do the logins begin, each refusing any key not trusted by then. Asking per login instead made 30
dialogs race 30 login timeouts.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from egovops.accounts.identity import Operator
from egovops.accounts.roles import RISK_ROLE, require
from egovops.audit.chain import digest_text
from egovops.audit.log import AuditLog
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.inventory.model import Device
from egovops.paths import write_private
from egovops.polling.discovered import known_devices
from egovops.procedures.cancel import Cancelled, CancelToken
from egovops.procedures.context import ProgressCallback, RunContext
from egovops.procedures.manifest import Risk
from egovops.procedures.parameters import public_values, resolve_parameters
from egovops.procedures.registry import LoadedProcedure, ProcedureRegistry
from egovops.procedures.result import RunReport, Status, TargetOutcome, TargetResult
from egovops.procedures.run_log import open_run_log
from egovops.procedures.selector import parse_selector, select_devices
from egovops.procedures.services import RunServices
from egovops.storage.inventory_repo import InventoryRepository

DEFAULT_CONCURRENCY = 32
_MESSAGE_LIMIT = 500  # per-target message kept in the audit trail


class ConfirmationRequired(EgovopsError):
    """A disruptive procedure was started without the operator's explicit confirmation."""


@dataclass(frozen=True)
class RunRequest:
    procedure: str
    selector: str
    params: Mapping[str, Any] = field(default_factory=dict)
    dry_run: bool = False
    confirmed: bool = False  # required for disruptive procedures
    concurrency: int | None = None
    timeout: float | None = None  # per target; the manifest's by default


@dataclass
class RunCallbacks:
    on_targets: Callable[[list[str]], None] | None = None
    on_progress: ProgressCallback | None = None
    on_result: Callable[[TargetOutcome], None] | None = None


class ProcedureRunner:
    def __init__(self, registry: ProcedureRegistry, services: RunServices, callbacks: RunCallbacks | None = None) -> None:
        self.registry = registry
        self.services = services
        self.callbacks = callbacks or RunCallbacks()
        self.audit = AuditLog(services.database)
        self.inventory = InventoryRepository(services.database)
        self._lock = threading.Lock()

    # -- checks before anything is touched ----------------------------------------------------
    def _authorise(self, procedure: LoadedProcedure, request: RunRequest, operator: Operator) -> None:
        manifest = procedure.manifest
        if request.dry_run:
            return  # a dry run contacts no device: anyone may see what a procedure would do
        try:
            require(operator.role, RISK_ROLE[manifest.risk.value], tr("run {id} ({risk})", id=manifest.id, risk=manifest.risk.value), operator.label())
            if manifest.risk is Risk.DISRUPTIVE and not request.confirmed:
                raise ConfirmationRequired(tr("{id} is disruptive: it runs only when confirmed explicitly (in the console's confirmation, or --yes on the command line)", id=manifest.id))
        except EgovopsError as exc:
            self.audit.record(actor=operator.label(), role=operator.role.value, action="procedure.refused", subject=manifest.id,
                              details={"selector": request.selector, "reason": str(exc)})
            raise

    def plan(self, request: RunRequest) -> tuple[LoadedProcedure, dict[str, Any], list[Device], list[tuple[Device, str]]]:
        """Validate everything about a run without touching a device: (procedure, params, targets, excluded)."""
        procedure = self.registry.get(request.procedure)
        params = resolve_parameters(procedure.manifest.parameters, request.params)
        # Vendor and model polling found count where the operator left them empty (selectors, support checks).
        chosen = select_devices(parse_selector(request.selector), known_devices(self.services.database))
        targets, excluded = [], []
        for device in chosen:
            reason = procedure.manifest.targets.refusal(device.vendor, device.role.value, device.network)
            (excluded.append((device, reason)) if reason else targets.append(device))
        return procedure, params, targets, excluded

    # -- the run ----------------------------------------------------------------------------------
    def run(self, request: RunRequest, cancel: CancelToken | None = None) -> RunReport:
        cancel = cancel or CancelToken()
        operator = self.services.operator
        procedure, params, targets, excluded = self.plan(request)
        self._authorise(procedure, request, operator)
        manifest = procedure.manifest
        shown_params = public_values(manifest.parameters, params)
        report = RunReport(uuid.uuid4().hex[:16], manifest.id, operator.label(), request.dry_run, shown_params)
        report.folder = str(self.services.artefact_root / report.run_id)
        self.audit.record(actor=operator.label(), role=operator.role.value, action="procedure.start", subject=manifest.id,
                          details={"run_id": report.run_id, "version": manifest.version, "risk": manifest.risk.value,
                                   "dry_run": request.dry_run, "parameters": shown_params, "selector": request.selector,
                                   "targets": [d.name for d in targets]})
        if self.callbacks.on_targets:
            self.callbacks.on_targets([d.name for d in targets + [e[0] for e in excluded]])
        for device, reason in excluded:
            self._finish(report, TargetOutcome(device.name, Status.SKIPPED, reason, {}, (), time.time(), time.time(), ""))
        timeout = request.timeout or manifest.timeout
        workers = max(1, min(request.concurrency or DEFAULT_CONCURRENCY, manifest.max_concurrency or 10**6, len(targets) or 1))
        services = self._settle_host_keys(procedure, request, targets, cancel)
        with open_run_log(self.services.artefact_root, report.run_id, manifest.id) as logger:
            logger.info("run %s of %s by %s on %d targets, parameters %s", report.run_id, manifest.id, operator.label(), len(targets), shown_params)
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"proc-{manifest.id}") as pool:
                futures = [pool.submit(self._one, procedure, d, params, request, report, cancel, logger, timeout,
                                       services) for d in targets]
                for future in futures:
                    future.result()
            report.cancelled = cancel.cancelled
            report.summary = self._summarise(procedure, report, logger)
        self._record_end(report, manifest.id, operator)
        # The whole report (per-item baseline results included) stays with the run's files, so the
        # console can show past runs and an assessor can be handed them.
        write_private(self.services.artefact_root / report.run_id / "report.json",
                      json.dumps(report.as_dict(), ensure_ascii=False, indent=1, default=str))
        return report

    def _settle_host_keys(self, procedure: LoadedProcedure, request: RunRequest, targets: list[Device],
                          cancel: CancelToken) -> RunServices:
        """Ask once about every unknown host key of the run, store the trusted ones, and return the
        services the logins use: they trust nothing new after that (a key that changed since the
        scan is refused, never asked about mid-run)."""
        services = self.services
        ask_all = getattr(services.trust_new_host_key, "ask_all", None)
        if ask_all is None or request.dry_run or "ssh" not in procedure.manifest.connects or not targets:
            return services
        from egovops.ssh.known_hosts import scan_unknown_keys  # paramiko only for runs that use SSH

        known = services.known_hosts
        scanned = scan_unknown_keys(known, [(d.name, d.address, d.ssh_port) for d in targets],
                                    services.ssh_limits.connect_timeout, DEFAULT_CONCURRENCY)
        if scanned and not cancel.cancelled:
            approved = set(ask_all([s.offered for s in scanned]))
            operator = services.operator
            for item in scanned:
                offered = item.offered
                if offered in approved:
                    known.trust(offered.host, offered.port, item.key, operator.label(), operator.role.value,
                                offered.device)
                    self.audit.record(actor=operator.label(), role=operator.role.value, action="ssh.trust-host-key", subject=offered.device,
                                      details={"host": offered.host, "port": offered.port, "key_type": offered.key_type,
                                               "fingerprint": offered.fingerprint})
        return replace(services, trust_new_host_key=False)

    def _one(self, procedure: LoadedProcedure, device: Device, params: dict[str, Any], request: RunRequest,
             report: RunReport, cancel: CancelToken, logger: logging.Logger, timeout: float,
             services: RunServices | None = None) -> None:
        started = time.time()
        if cancel.cancelled:
            self._finish(report, TargetOutcome(device.name, Status.SKIPPED, tr("cancelled before it started"), {}, (), started, started, ""))
            return
        ctx = RunContext(device=device, params=params, dry_run=request.dry_run, run_id=report.run_id, procedure_id=procedure.manifest.id,
                         services=services or self.services, cancel=cancel, logger=logger,
                         on_progress=self.callbacks.on_progress,
                         command_timeout=timeout)
        result = _call_with_timeout(procedure, ctx, timeout)
        ctx.close()
        artefacts = tuple(str(p) for p in (result.artefacts or tuple(ctx.artefacts)))
        outcome = TargetOutcome(device.name, result.status, result.message, result.data, artefacts, started, time.time(), ctx.output_digest)
        log = logger.warning if outcome.status is Status.FAILED else logger.info
        log("%s: %s %s", device.name, outcome.status.value, outcome.message)
        self._finish(report, outcome)

    def _finish(self, report: RunReport, outcome: TargetOutcome) -> None:
        with self._lock:
            report.outcomes.append(outcome)
        if self.callbacks.on_result:
            self.callbacks.on_result(outcome)

    def _summarise(self, procedure: LoadedProcedure, report: RunReport, logger: logging.Logger) -> dict[str, Any]:
        report.outcomes.sort(key=lambda o: o.device)
        if procedure.summarise is None:
            return {}
        try:
            return dict(procedure.summarise(list(report.outcomes)))
        except Exception as exc:  # noqa: BLE001 - a broken summary must not lose the per-target results
            logger.exception("summary of %s failed", procedure.manifest.id)
            return {"error": tr("the procedure's summary failed: {error}", error=f"{type(exc).__name__}: {exc}")}

    def _record_end(self, report: RunReport, procedure_id: str, operator: Operator) -> None:
        results = [{"device": o.device, "status": o.status.value, "message": o.message[:_MESSAGE_LIMIT], "output_digest": o.output_digest}
                   for o in report.outcomes]
        row = self.audit.record(
            actor=operator.label(), role=operator.role.value, action="procedure.run", subject=procedure_id,
            details={"run_id": report.run_id, "dry_run": report.dry_run, "parameters": dict(report.parameters),
                     "counts": report.counts(), "cancelled": report.cancelled, "results": results, "summary": dict(report.summary)},
            output_digest=digest_text("".join(o.device + o.output_digest for o in report.outcomes)),
        )
        report.audit_id = row.id


def _call_with_timeout(procedure: LoadedProcedure, ctx: RunContext, timeout: float) -> TargetResult:
    """Run the plugin for one target in its own thread; a hang costs only this target its timeout."""
    box: dict[str, Any] = {}

    def call() -> None:
        try:
            box["result"] = procedure.run(ctx)
        except BaseException as exc:  # noqa: BLE001 - reported as this target's failure
            box["error"] = exc

    worker = threading.Thread(target=call, name=f"target-{ctx.device.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        ctx.abort()  # closes its connection so a blocked read returns; the thread is abandoned
        return TargetResult(Status.FAILED, tr("timed out after {seconds:g} s", seconds=timeout))
    if "error" in box:
        return _result_from_error(box["error"], ctx)
    result = box.get("result")
    if not isinstance(result, TargetResult):
        return TargetResult(Status.FAILED, tr("the procedure returned {type} instead of a result", type=type(result).__name__))
    return result


def _result_from_error(exc: BaseException, ctx: RunContext) -> TargetResult:
    if isinstance(exc, Cancelled):
        return TargetResult(Status.SKIPPED, str(exc))
    if isinstance(exc, EgovopsError):
        # The error's kind, so a front end can add its own advice (the command line names its flag).
        return TargetResult(Status.FAILED, str(exc), {"error": type(exc).__name__})
    ctx.log.error("plugin error on %s", ctx.device.name, exc_info=exc)
    return TargetResult(Status.FAILED, tr("the procedure failed: {error}", error=f"{type(exc).__name__}: {exc}"))
