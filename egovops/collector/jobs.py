"""Running one scheduled job in a collector's zone, as the collector's service identity.

A procedure job goes through the same ``ProcedureRunner`` an operator's ``egovops run`` does, so
its run, its audit rows (``procedure.start`` / the end row with every target's result) and what it
stores (saved configurations) are the same, and a console opened later shows them alike. The
operator is the collector's own: the OS account it runs as (the real uid, never an environment
variable), with the role that account has in the store (``AccountService.os_operator``). Nobody is
there to answer a host-key question: unknown host keys are refused, as ``egovops run`` does
without ``--trust-new-host-key``; a disruptive procedure is refused for want of a confirmation.
"""

from __future__ import annotations

import logging
from pathlib import Path

from egovops.accounts import AccountService
from egovops.collector.schedule import Job
from egovops.collector.zones import Zone
from egovops.credentials.service import CredentialService
from egovops.polling.discovered import known_devices
from egovops.procedures import CancelToken, ProcedureRunner, RunRequest, RunServices, discover
from egovops.procedures.selector import parse_selector
from egovops.snmp import SnmpClient
from egovops.storage.database import Database
from egovops.topology.service import TopologyService

log = logging.getLogger(__name__)


def zone_targets(database: Database, job: Job, zone: Zone) -> list[str]:
    """Names of the devices the job's selector chooses inside the zone."""
    selector = parse_selector(job.targets)
    return sorted(d.name for d in known_devices(database) if zone.matches(d) and selector.matches(d))


def run_procedure(database: Database, data_dir: Path, credentials: CredentialService, job: Job, zone: Zone,
                  cancel: CancelToken) -> str:
    names = zone_targets(database, job, zone)
    if not names:
        return f"{job.name}: no device of the zone matches {job.targets!r}; nothing to run"
    operator = AccountService(database).os_operator()
    services = RunServices(database, operator, data_dir / "runs", trust_new_host_key=False,
                           credential_service=credentials)
    # Device names, not the job's selector: the run must stay inside this collector's zone, and a
    # selector's clauses of one key are alternatives, so "zone AND targets" has no selector text.
    request = RunRequest(job.procedure, " ".join(f"name:{n}" for n in names), dict(job.params))
    report = ProcedureRunner(discover(), services).run(request, cancel)
    counts = report.counts()
    return (f"{job.name}: {job.procedure} run {report.run_id} as {operator.label()}: {counts['ok']} ok, "
            f"{counts['failed']} failed, {counts['skipped']} skipped")


def run_discovery(database: Database, credentials: CredentialService, client: SnmpClient, zone: Zone) -> str:
    report = TopologyService(database, credentials, client).discover(only=zone.matches)
    s = report.summary
    return f"discovery: {s.walked} devices walked, {len(s.failed)} not, {s.links_new} new links"


def run_job(database: Database, data_dir: Path, credentials: CredentialService, client: SnmpClient, job: Job,
            zone: Zone, cancel: CancelToken) -> str:
    """Run ``job``; returns a line for the log. Errors are the caller's to log (one job failing
    must not stop the collector)."""
    if job.action == "discovery":
        return run_discovery(database, credentials, client, zone)
    return run_procedure(database, data_dir, credentials, job, zone, cancel)
