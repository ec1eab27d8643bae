"""The one role check of every write, from the console or the command line, refusals audited.

Each service that changes the store on an operator's behalf calls ``authorize`` first. Keeping the
check, its message and the refusal's audit row in one function means a command-line path cannot
skip what the console does (or the other way round): both call the same service, and the service
calls this.
"""

from __future__ import annotations

from egovops.accounts.identity import Operator
from egovops.accounts.roles import ACTION_ROLE, PermissionDenied, Role, require
from egovops.audit.log import AuditLog
from egovops.i18n import tr
from egovops.storage.accounts_repo import AccountsRepository


def _what(action: str) -> str:
    return {
        "alarms.ack": tr("acknowledge alarms"), "duty.shift": tr("keep the duty log"), "poll.run": tr("poll devices"),
        "topology.discover": tr("discover the topology"), "topology.move": tr("move devices on the map"),
        "report.generate": tr("generate reports"), "topology.layout": tr("lay the map out again"),
        "topology.poller-location": tr("set the poller location"), "inventory.edit": tr("edit the inventory"),
        "inventory.import": tr("edit the inventory"), "demo.init": tr("edit the inventory"),
        "network.set": tr("change networks"), "polling.settings": tr("change the polling settings"),
        "credentials.manage": tr("change credential profiles"), "known-hosts.forget": tr("forget trusted host keys"),
        "maintenance.add": tr("plan maintenance windows"), "maintenance.remove": tr("remove maintenance windows"),
        "availability.sla-target": tr("set the SLA target"), "audit.export": tr("export the audit trail"),
        "accounts.manage": tr("manage accounts"), "notify.manage": tr("change notification settings"),
        "events.engine-id": tr("record engine IDs"),
        "events.retention": tr("change how long events are kept"),
        "evaluation.weights": tr("change the evaluation weights"),
        "dr.manage": tr("change disaster-recovery centres and peers"),
        "dr.drill": tr("record disaster-recovery drills"),
    }.get(action, action)


def refusal_action(action: str) -> str:
    """``inventory.import`` is refused as ``inventory.refused``: one refusal action per area, the
    attempted action in the details (the duty handover and the console read them this way)."""
    return f"{action.split('.', 1)[0]}.refused"


def authorize(audit: AuditLog, by: Operator, action: str, subject: str = "", attempted: str | None = None) -> None:
    """Return if ``by``'s role may do ``action``; else record the refusal and raise PermissionDenied.

    ``attempted`` names the finer action on record when several share one rule (adding a site and
    removing a device are both ``inventory.edit``)."""
    needed = ACTION_ROLE[action]
    try:
        require(_role_now(audit, by), needed, _what(action), by.label())
    except PermissionDenied:
        audit.record(actor=by.label(), role=by.role.value, action=refusal_action(action), subject=subject,
                     details={"attempted": attempted or action, "needs": needed.value})
        raise


def _role_now(audit: AuditLog, by: Operator) -> Role:
    """The role ``by`` has in the store at this moment, which is what a write is checked against.

    A console stays signed in for a whole shift: an account demoted, disabled or removed meanwhile
    must lose its rights at its next write, not at its next sign-in. On a shared store with
    accounts, the OS user is nobody (sign_in_required); without accounts, the caller's role stands
    (a single-user install, and the first admin being set up)."""
    repo = AccountsRepository(audit.repo.db)
    if repo.count() == 0:
        return by.role
    if by.source == "os":
        if audit.repo.db.is_shared:
            raise PermissionDenied(tr("{who} has not signed in: on a shared store every change is made by a signed-in "
                                      "local account ('egovops signin NAME')", who=by.label()))
        return by.role  # AccountService.os_operator gave it from the same accounts
    account = repo.get(by.name)
    if account is None or account.disabled:
        raise PermissionDenied(tr("{who} no longer has an enabled local account", who=by.label()))
    return Role(account.role)
