"""Running the installed procedures in-process (no CLI start-up cost) for the SSH-backed tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from egovops.accounts import Operator, Role
from egovops.procedures import ProcedureRunner, RunReport, RunRequest, RunServices, discover
from egovops.storage.database import Database

ENGINEER = Operator("ops-engineer", Role.ENGINEER, "os")


def run_here(database: Database, data_dir: Path, procedure: str, selector: str, *, operator: Operator = ENGINEER,
             ssh_profile: str | None = "lab-ssh-enable", trust: Any = True, **request: Any) -> RunReport:
    services = RunServices(database, operator, data_dir / "runs", trust_new_host_key=trust, ssh_profile=ssh_profile)
    return ProcedureRunner(discover(), services).run(RunRequest(procedure, selector, **request))


def outcomes(report: RunReport) -> dict[str, Any]:
    return {o.device: o for o in report.outcomes}
