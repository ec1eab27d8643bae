"""An inventory import started by an operator: role checked, the sites it created named, audited.

The import itself is the command line's (``importer.import_file``): bad rows are rejected one by
one with their reasons, good rows are stored, and a file that cannot be read stores nothing. A
stored device is only ever changed by a good row with its name, which replaces its fields (the
outcome names each field so changed); nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.inventory_edit.devices import require_editor
from egovops.inventory_edit.importer import ImportReport, import_file
from egovops.inventory.validation import DEVICE_COLUMNS, device_to_row
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository


@dataclass(frozen=True)
class ImportOutcome:
    report: ImportReport
    new_sites: list[str]  # sites the good rows named that were not in the tree before
    changed: dict[str, list[str]] = field(default_factory=dict)  # stored device → fields a row changed
    added: list[str] = field(default_factory=list)  # devices the file brought in

    @property
    def stored(self) -> int:
        return 0 if self.report.dry_run else self.report.added + self.report.updated


def import_inventory(database: Database, operator: Operator, path: Path, create_sites: bool = False,
                     dry_run: bool = False) -> ImportOutcome:
    """Import ``path``; unless ``create_sites``, a CSV row naming a site not in the tree is rejected
    (a typo in a site path would otherwise add a site nobody meant). A dry run only reads the file
    and the store, so any operator may check a file before an engineer imports it."""
    repo = InventoryRepository(database)
    before = {s.path for s in repo.sites()}
    if dry_run:
        report = import_file(repo, path, dry_run=True, known_sites=None if create_sites else before)
        return ImportOutcome(report, [])
    require_editor(operator, AuditLog(database), "inventory.import", path.name)
    stored = {d.name: device_to_row(d) for d in repo.devices()}
    report = import_file(repo, path, known_sites=None if create_sites else before)
    new_sites = sorted({s.path for s in repo.sites()} - before)
    after = {d.name: device_to_row(d) for d in repo.devices()}
    changed = _changed(stored, {name: row for name, row in after.items() if name in stored})
    added = sorted(set(after) - set(stored))
    AuditLog(database).record(
        actor=operator.label(), role=operator.role.value, action="inventory.import", subject=path.name,
        details={
            "file": str(path), "encoding": report.encoding, "rows": report.rows, "added": report.added,
            "updated": report.updated, "rejected": report.rejected_rows, "file_error": report.file_error,
            "create_sites": create_sites, "new_sites": new_sites, "changed": changed, "added_devices": added,
        },
    )
    return ImportOutcome(report, new_sites, changed, added)


def _changed(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Which fields of which already stored devices the file's rows replaced (an update overwrites)."""
    found = {}
    for name, row in after.items():
        fields = [column for column in DEVICE_COLUMNS if before[name][column] != row[column]]
        if fields:
            found[name] = fields
    return found
