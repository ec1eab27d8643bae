"""The runner with in-process procedures: isolation, timeouts, concurrency, cancel, roles, dry run, audit.

These procedures touch no device (the SSH-backed procedures are tested over real sshd in
test_procedures_ssh.py); what is under test here is the runner's own behaviour.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from egovops.accounts import AccountService, Operator, PermissionDenied, Role
from egovops.audit import verify_store
from egovops.audit.repo import AuditRepository
from egovops.errors import ValidationError
from egovops.inventory.model import Device, DeviceRole
from egovops.plugin_api import failed, ok
from egovops.procedures import (
    CancelToken,
    ConfirmationRequired,
    LoadedProcedure,
    ProcedureRegistry,
    ProcedureRunner,
    RunCallbacks,
    RunRequest,
    RunServices,
    Status,
    parse_manifest,
)
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

pytestmark = pytest.mark.stores("sqlite", "postgresql")

VENDORS = ("huawei", "h3c", "cisco", "ruijie", "zte")


def manifest(ident: str, risk: str = "read-only", **extra: Any) -> Any:
    return parse_manifest({"id": ident, "version": "1.0", "risk": risk, "name": {"en": ident, "zh_CN": ident}, **extra}, "test")


@pytest.fixture
def devices(inventory: InventoryRepository) -> list[Device]:
    made = [
        Device(f"DEV-{i:02d}", f"127.0.0.{10 + i}", "intranet" if i % 2 else "extranet", "安徽省/合肥市",
               role=DeviceRole.CORE if i < 2 else DeviceRole.ACCESS, vendor=VENDORS[i % 5], tags=("lab",) if i < 4 else ())
        for i in range(10)
    ]
    inventory.save_devices(made)
    return made


def runner_for(database: Database, tmp_path: Path, *procedures: LoadedProcedure, role: Role = Role.ENGINEER,
               callbacks: RunCallbacks | None = None) -> ProcedureRunner:
    registry = ProcedureRegistry()
    for p in procedures:
        registry.add(p)
    services = RunServices(database, Operator("alice", role, "os"), tmp_path / "runs")
    return ProcedureRunner(registry, services, callbacks)


def by_device(report: Any) -> dict[str, Any]:
    return {o.device: o for o in report.outcomes}


def test_raising_and_hanging_plugins_fail_only_their_targets(database, devices, tmp_path) -> None:
    def run(ctx: Any) -> Any:
        if ctx.device.name == "DEV-03":
            raise KeyError("boom")
        if ctx.device.name == "DEV-05":
            threading.Event().wait(60)  # hangs
        if ctx.device.name == "DEV-07":
            return "not a result"
        return ok("fine", {"n": ctx.device.name})

    runner = runner_for(database, tmp_path, LoadedProcedure(manifest("flaky"), run))
    started = time.monotonic()
    report = runner.run(RunRequest("flaky", "all", timeout=1.5))
    assert time.monotonic() - started < 10
    outcomes = by_device(report)
    assert outcomes["DEV-03"].status is Status.FAILED and "KeyError" in outcomes["DEV-03"].message
    assert outcomes["DEV-05"].status is Status.FAILED and "timed out after 1.5 s" in outcomes["DEV-05"].message
    assert outcomes["DEV-07"].status is Status.FAILED and "str instead of a result" in outcomes["DEV-07"].message
    assert sum(o.status is Status.OK for o in report.outcomes) == 7
    assert not report.all_ok


def test_concurrency_is_bounded(database, devices, tmp_path) -> None:
    running, peak, lock = [0], [0], threading.Lock()

    def run(ctx: Any) -> Any:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.2)
        with lock:
            running[0] -= 1
        return ok()

    report = runner_for(database, tmp_path, LoadedProcedure(manifest("slow"), run)).run(RunRequest("slow", "all", concurrency=3))
    assert report.counts()["ok"] == 10
    assert peak[0] == 3


def test_cancel_skips_targets_not_started_and_wakes_sleepers(database, devices, tmp_path) -> None:
    cancel = CancelToken()

    def run(ctx: Any) -> Any:
        if ctx.device.name == "DEV-00":
            cancel.cancel()
        ctx.sleep(30)  # raises Cancelled at once
        return ok()

    started = time.monotonic()
    report = runner_for(database, tmp_path, LoadedProcedure(manifest("sleepy"), run)).run(RunRequest("sleepy", "all", concurrency=1), cancel)
    assert time.monotonic() - started < 5
    assert report.cancelled and report.counts()["skipped"] == 10
    assert "cancelled" in by_device(report)["DEV-09"].message


def test_target_filter_and_selector(database, devices, tmp_path) -> None:
    seen: list[str] = []
    proc = LoadedProcedure(manifest("vrp-only", targets={"vendors": ["huawei", "h3c"]}), lambda ctx: seen.append(ctx.device.name) or ok())
    runner = runner_for(database, tmp_path, proc)
    report = runner.run(RunRequest("vrp-only", "network:intranet tag:lab"))  # DEV-01 (h3c), DEV-03 (ruijie)
    outcomes = by_device(report)
    assert set(outcomes) == {"DEV-01", "DEV-03"} and seen == ["DEV-01"]
    assert outcomes["DEV-03"].status is Status.SKIPPED and "ruijie" in outcomes["DEV-03"].message
    with pytest.raises(ValidationError, match="matches no device"):
        runner.run(RunRequest("vrp-only", "site:上海市"))
    with pytest.raises(ValidationError, match="unknown key 'colour'"):
        runner.run(RunRequest("vrp-only", "colour:red"))


def test_parameters_are_typed_validated_and_secret_ones_kept_out_of_the_audit(database, devices, tmp_path) -> None:
    spec = [{"name": "count", "type": "integer", "default": 3, "minimum": 1, "maximum": 5},
            {"name": "token", "type": "string", "secret": True, "default": ""}]
    got: list[Any] = []
    proc = LoadedProcedure(manifest("typed", parameters=spec), lambda ctx: got.append(dict(ctx.params)) or ok())
    runner = runner_for(database, tmp_path, proc)
    with pytest.raises(ValidationError) as bad:
        runner.run(RunRequest("typed", "DEV-00", {"count": "9", "colour": "red"}))
    assert "above the maximum 5" in str(bad.value) and "unknown parameter 'colour'" in str(bad.value)
    runner.run(RunRequest("typed", "DEV-00", {"count": "4", "token": "Sup3r-Secret-Token"}))
    assert got == [{"count": 4, "token": "Sup3r-Secret-Token"}]
    details = " ".join(r.details for r in AuditRepository(database).rows())
    assert "Sup3r-Secret-Token" not in details and '"token":"***"' in details
    log_text = "".join(p.read_text("utf-8") for p in (tmp_path / "runs").rglob("run.log"))
    assert "DEV-00" in log_text and "Sup3r-Secret-Token" not in log_text


def test_roles_and_confirmation_gate_risky_procedures(database, devices, tmp_path) -> None:
    change = LoadedProcedure(manifest("change", "changes-config"), lambda ctx: ok())
    boom = LoadedProcedure(manifest("reboot", "disruptive"), lambda ctx: ok())
    as_operator = runner_for(database, tmp_path, change, boom, role=Role.OPERATOR)
    with pytest.raises(PermissionDenied, match="needs the engineer role"):
        as_operator.run(RunRequest("change", "DEV-00"))
    as_engineer = runner_for(database, tmp_path, change, boom, role=Role.ENGINEER)
    assert as_engineer.run(RunRequest("change", "DEV-00")).all_ok
    with pytest.raises(ConfirmationRequired):
        as_engineer.run(RunRequest("reboot", "DEV-00"))
    assert as_engineer.run(RunRequest("reboot", "DEV-00", confirmed=True)).all_ok
    actions = [r.action for r in AuditRepository(database).rows()]
    assert actions.count("procedure.refused") == 2 and actions.count("procedure.run") == 2


def test_dry_run_opens_no_connection(database, devices, tmp_path) -> None:
    def run(ctx: Any) -> Any:
        if ctx.dry_run and ctx.device.name == "DEV-00":
            return ok("would do it")
        ctx.ssh()  # must refuse: DEV-01 ignores the flag
        return failed("should not get here")

    report = runner_for(database, tmp_path, LoadedProcedure(manifest("dry"), run)).run(RunRequest("dry", "DEV-00,DEV-01", dry_run=True))
    outcomes = by_device(report)
    assert outcomes["DEV-00"].status is Status.OK
    assert outcomes["DEV-01"].status is Status.FAILED and "dry run: no SSH connection" in outcomes["DEV-01"].message


def test_every_run_is_audited_with_results_and_digest(database, devices, tmp_path) -> None:
    seen: list[str] = []
    callbacks = RunCallbacks(on_result=lambda o: seen.append(o.device), on_progress=lambda d, f, m: seen.append(f"{d}:{f}"))

    def run(ctx: Any) -> Any:
        ctx.progress(0.5, "half")
        return ok("done", {"x": 1})

    report = runner_for(database, tmp_path, LoadedProcedure(manifest("noted"), run), callbacks=callbacks).run(RunRequest("noted", "role:core"))
    rows = list(AuditRepository(database).rows())
    start, end = rows[-2], rows[-1]
    assert (start.action, end.action) == ("procedure.start", "procedure.run")
    assert end.id == report.audit_id and end.actor == "alice" and end.role == "engineer"
    results = end.details_dict()["results"]
    assert [(r["device"], r["status"]) for r in results] == [("DEV-00", "ok"), ("DEV-01", "ok")]
    assert len(end.output_digest) == 64
    assert {"DEV-00", "DEV-01", "DEV-00:0.5", "DEV-01:0.5"} <= set(seen)
    kept = json.loads((Path(report.folder) / "report.json").read_text("utf-8"))
    assert kept["audit_id"] == end.id and [t["data"] for t in kept["targets"]] == [{"x": 1}, {"x": 1}]
    assert verify_store(database).ok


def test_summary_hook_failure_keeps_results(database, devices, tmp_path) -> None:
    def bad_summary(outcomes: list[Any]) -> dict[str, Any]:
        raise ZeroDivisionError("nope")

    proc = LoadedProcedure(manifest("summ"), lambda ctx: ok(), bad_summary)
    report = runner_for(database, tmp_path, proc).run(RunRequest("summ", "DEV-0*"))
    assert report.counts()["ok"] == 10 and "ZeroDivisionError" in report.summary["error"]


def test_local_accounts_sign_in_and_roles(database) -> None:
    from egovops.accounts.signin import SignInRequired

    service = AccountService(database)
    root = service.os_operator("ops")
    assert root.role is Role.ADMIN  # no accounts yet: a single-user install
    service.add(root, "zhang.wei", "engineer", "Gd-Ops-2026!")
    if database.is_shared:  # once an account exists the OS user is nobody on a shared store (test_accounts_signin)
        with pytest.raises(SignInRequired):
            service.os_operator("ops")
    else:
        with pytest.raises(ValidationError, match="at least 8 characters"):
            service.add(root, "li.na", "operator", "short")
        assert service.os_operator("ops").role is Role.OPERATOR  # accounts exist: unknown OS users may only read
    engineer = service.sign_in("zhang.wei", "Gd-Ops-2026!")
    assert engineer.role is Role.ENGINEER and engineer.label() == "local:zhang.wei"
    with pytest.raises(PermissionDenied):
        service.add(engineer, "li.na", "admin", "Gd-Ops-2026!")
    from egovops.accounts import AuthenticationError

    with pytest.raises(AuthenticationError, match="unknown account or wrong password"):
        service.sign_in("zhang.wei", "wrong")
    stored = service.repo.get("zhang.wei")
    assert stored is not None and stored.password_hash.startswith("scrypt$") and "Gd-Ops-2026!" not in stored.password_hash
    actions = [r.action for r in AuditRepository(database).rows()]
    assert "account.save" in actions and "account.sign-in-failed" in actions


def test_repeated_failed_sign_ins_lock_the_account(database) -> None:
    from egovops.accounts import AuthenticationError
    from egovops.accounts.signin import MAX_FAILURES

    service = AccountService(database)
    service.add(service.os_operator("ops"), "wang.fang", "engineer", "Gd-Ops-2026!")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthenticationError, match="wrong password"):
            service.sign_in("wang.fang", "guess")
    with pytest.raises(AuthenticationError, match="locked for 15 minutes"):
        service.sign_in("wang.fang", "guess")  # the last failure allowed says so
    with pytest.raises(AuthenticationError, match="locked after 5 failed sign-ins"):
        service.sign_in("wang.fang", "Gd-Ops-2026!")  # even the right password, until the lock ends


def test_a_refusal_names_the_roles_in_the_operators_language() -> None:
    from egovops import i18n
    from egovops.accounts.roles import PermissionDenied, Role, require

    previous = i18n.language()
    try:
        i18n.set_language("zh_CN")
        with pytest.raises(PermissionDenied) as refused:
            require(Role.OPERATOR, Role.ENGINEER, "保存配置", "duty")
        assert "操作员" in str(refused.value) and "工程师" in str(refused.value) and "engineer" not in str(refused.value)
    finally:
        i18n.set_language(previous)


def test_run_files_are_private_and_stay_in_their_run_folder(database, inventory, tmp_path) -> None:
    """A device named ".." once wrote runs/...cfg outside its run's folder; run folders and files
    were world-readable, though they hold configurations and logs."""
    import os
    import stat

    hostile = [Device(name, f"127.0.0.{20 + i}", "intranet", "安徽省/合肥市")
               for i, name in enumerate(["..", "a/b", ".hidden", "HW-OK"])]
    inventory.save_devices(hostile)

    def run(ctx: Any) -> Any:
        ctx.artefact(f"{ctx.device.name}.cfg", "masked text")
        return ok("saved")

    old = os.umask(0o022)
    try:
        report = runner_for(database, tmp_path, LoadedProcedure(manifest("files"), run)).run(RunRequest("files", "all"))
    finally:
        os.umask(old)
    assert {o.status for o in report.outcomes} == {Status.OK}
    run_folder = Path(report.folder).resolve()
    written = [p for p in (tmp_path / "runs").rglob("*") if p.is_file()]
    assert len([p for p in written if p.suffix == ".cfg"]) == 4
    for path in written:
        assert run_folder in path.resolve().parents, f"{path} is outside its run folder"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in [tmp_path / "runs", *(p for p in (tmp_path / "runs").rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert (run_folder / "HW-OK" / "HW-OK.cfg").exists()  # ordinary names are kept as they are
