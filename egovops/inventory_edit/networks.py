"""Declaring or changing a network on an operator's behalf: checked, role-checked, audited."""

from __future__ import annotations

from dataclasses import replace

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import MigrationState, Network, NetworkKind
from egovops.inventory.validation import check_cidrs, check_network_name
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository


def save_network(database: Database, by: Operator, name: str, cidrs: tuple[str, ...] = (),
                 migration: str | None = None, description: str | None = None) -> Network:
    """Create or change network ``name``; omitted fields keep their stored values."""
    audit = AuditLog(database)
    authorize(audit, by, "network.set", name)
    try:
        name = check_network_name(name)
        checked = check_cidrs(cidrs) if cidrs else None
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    repo = InventoryRepository(database)
    kind = NetworkKind(name.split(":", 1)[0])
    current = {n.name: n for n in repo.networks()}.get(name, Network(name, kind))
    if kind is NetworkKind.PRIVATE and current.migration_state is None and migration is None:
        migration = MigrationState.PLANNED.value
    updated = replace(
        current,
        cidrs=checked if checked is not None else current.cidrs,
        migration_state=MigrationState(migration) if migration else current.migration_state,
        description=description if description is not None else current.description,
    )
    if kind is not NetworkKind.PRIVATE and updated.migration_state is not None:
        raise ValidationError(tr("only private networks have a migration state"))
    with audit.change():  # the edit and its audit row: all or none
        repo.save_network(updated)
        audit.record(actor=by.label(), role=by.role.value, action="network.set", subject=name,
                     details={"cidrs": list(updated.cidrs), "description": updated.description,
                              "migration": updated.migration_state.value if updated.migration_state else None})
    return updated
