"""Roles of the people who operate the console, and what each may do.

Roles are ranked: each may do everything the ones below it may. Reading procedures are for every
operator; procedures that change a configuration, or disrupt service, need an engineer; exporting
the audit trail is a supervisor's task; managing accounts is an administrator's.
"""

from __future__ import annotations

from enum import Enum

from egovops.errors import EgovopsError, ValidationError
from egovops.i18n import tr


class Role(str, Enum):
    OPERATOR = "operator"
    ENGINEER = "engineer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def at_least(self, other: "Role") -> bool:
        return self.rank >= other.rank


class PermissionDenied(EgovopsError):
    """The operator's role does not allow the action."""


RISK_ROLE = {
    "read-only": Role.OPERATOR,
    "changes-config": Role.ENGINEER,
    "disruptive": Role.ENGINEER,
}

# Every write an operator can ask for, from the console or the command line, and the lowest role
# that may do it. ``guard.authorize`` is the one place that checks it and audits a refusal; a write
# missing here cannot be checked at all (authorize raises KeyError), which the CLI walk test catches.
ACTION_ROLE = {
    "alarms.ack": Role.OPERATOR,
    "duty.shift": Role.OPERATOR,
    "poll.run": Role.OPERATOR,
    "topology.discover": Role.OPERATOR,
    "topology.move": Role.OPERATOR,  # where a device sits on the map: a view, not the network
    "report.generate": Role.OPERATOR,
    "topology.layout": Role.ENGINEER,
    "topology.poller-location": Role.ENGINEER,
    "inventory.edit": Role.ENGINEER,
    "inventory.import": Role.ENGINEER,
    "demo.init": Role.ENGINEER,
    "network.set": Role.ENGINEER,
    "polling.settings": Role.ENGINEER,
    "collector.schedule": Role.ENGINEER,  # scheduled jobs run procedures unattended
    "credentials.manage": Role.ENGINEER,
    "known-hosts.forget": Role.ENGINEER,
    "maintenance.add": Role.ENGINEER,
    "maintenance.remove": Role.ENGINEER,
    "availability.sla-target": Role.SUPERVISOR,
    "evaluation.weights": Role.SUPERVISOR,  # how units are ranked against each other
    "audit.export": Role.SUPERVISOR,
    "events.engine-id": Role.ENGINEER,
    "events.retention": Role.SUPERVISOR,  # how long network logs are kept is the law's business (Art. 21)
    "accounts.manage": Role.ADMIN,
    "notify.manage": Role.ENGINEER,  # channels, recipients, rules and rota: who is woken at night
    "dr.manage": Role.ENGINEER,  # which site is a centre, which device is a production device's DR peer
    "dr.drill": Role.ENGINEER,  # a drill's alarms are kept out of availability: not an operator's call
}


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValidationError(tr("role {role!r} is not one of {choices}", role=text, choices=", ".join(r.value for r in Role))) from None


def role_label(role: Role) -> str:
    """The role's name in the operator's language (the stored value stays English)."""
    return {
        Role.OPERATOR: tr("operator"), Role.ENGINEER: tr("engineer"), Role.SUPERVISOR: tr("supervisor"), Role.ADMIN: tr("admin"),
    }[role]


def require(role: Role, needed: Role, what: str, who: str) -> None:
    if not role.at_least(needed):
        raise PermissionDenied(
            tr("{who} ({role}) may not {what}: it needs the {needed} role or higher",
               who=who, role=role_label(role), what=what, needed=role_label(needed))
        )
