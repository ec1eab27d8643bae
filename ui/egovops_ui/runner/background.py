"""What the runner tab hands to ``session.tasks``: loading the procedures and profiles, and the run itself.

These run on a worker thread and only compose core calls; nothing here touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from egovops.accounts.identity import Operator
from egovops.credentials.profiles import CredentialKind
from egovops.credentials.service import CredentialService
from egovops.procedures import CancelToken, ProcedureRegistry, ProcedureRunner, RunCallbacks, RunReport, RunRequest, RunServices, discover
from egovops.procedures.choices import runs_folder
from egovops.storage.database import Database


@dataclass(frozen=True)
class ProfileNames:
    ssh: list[str]
    snmp: list[str]


def load_procedures(database: Database) -> tuple[ProcedureRegistry, ProfileNames]:
    registry = discover()  # reads the manifests (files): never on the GUI thread; no plugin code yet
    profiles = CredentialService(database).profiles()
    ssh = [p.name for p in profiles if p.kind is CredentialKind.SSH]
    snmp = [p.name for p in profiles if p.kind in (CredentialKind.SNMP_V2C, CredentialKind.SNMP_V3)]
    return registry, ProfileNames(ssh, snmp)


@dataclass(frozen=True)
class RunSetup:
    registry: ProcedureRegistry
    database: Database
    operator: Operator
    trust_new_host_key: Any  # the console's HostKeyPrompt: asks on the GUI thread, waits here
    ssh_profile: str | None
    snmp_profile: str | None
    callbacks: RunCallbacks


def load_code(registry: ProcedureRegistry, ident: str) -> None:
    """Import the procedure's plugin now that it is shown in detail, so a broken one says so early."""
    registry.get(ident)


def run_procedure(setup: RunSetup, request: RunRequest, cancel: CancelToken) -> RunReport:
    services = RunServices(setup.database, setup.operator, runs_folder(setup.database),
                           trust_new_host_key=setup.trust_new_host_key, ssh_profile=setup.ssh_profile,
                           snmp_profile=setup.snmp_profile)
    return ProcedureRunner(setup.registry, services, setup.callbacks).run(request, cancel)
