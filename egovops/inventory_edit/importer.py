"""Importing an inventory file: every bad row named with its reason, every good row stored.

Good rows are committed in batches, each its own transaction, so an import that is interrupted (or
a process that is killed) keeps every batch committed before it; a row never half-exists.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from egovops.i18n import tr
from egovops.inventory import csv_io, yaml_io
from egovops.inventory.csv_io import RawRow
from egovops.inventory.model import Device, DrRole, Link, MigrationState, Network, NetworkKind, Site, SiteKind
from egovops.inventory.sites import normalise_path
from egovops.inventory.validation import DEVICE_COLUMNS, REQUIRED_COLUMNS, check_cidrs, check_network_name, device_from_row
from egovops.storage.inventory_repo import InventoryRepository

BATCH_SIZE = 500
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    reason: str


@dataclass
class ImportReport:
    file: str
    encoding: str = ""
    rows: int = 0
    added: int = 0
    updated: int = 0
    dry_run: bool = False
    problems: list[RowProblem] = field(default_factory=list)
    file_error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({p.row for p in self.problems})

    @property
    def ok(self) -> bool:
        return self.file_error is None and not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "encoding": self.encoding,
            "rows": self.rows,
            "added": self.added,
            "updated": self.updated,
            "rejected": self.rejected_rows,
            "dry_run": self.dry_run,
            "file_error": self.file_error,
            "warnings": self.warnings,
            "problems": [{"row": p.row, "column": p.column, "reason": p.reason} for p in self.problems],
        }


def validate_rows(rows: Sequence[RawRow], known_networks: set[str], report: ImportReport) -> list[Device]:
    """The devices of the good rows; the problems of the bad ones go into the report."""
    good: list[Device] = []
    first_row_of: dict[str, int] = {}
    for raw in rows:
        if raw.problem:
            report.problems.append(RowProblem(raw.number, "", raw.problem))
            continue
        result = device_from_row(raw.fields, known_networks)
        if isinstance(result, list):
            report.problems.extend(RowProblem(raw.number, p.column, p.reason) for p in result)
            continue
        if result.name in first_row_of:
            reason = tr("duplicate name {name!r} (first in row {row})", name=result.name, row=first_row_of[result.name])
            report.problems.append(RowProblem(raw.number, "name", reason))
            continue
        first_row_of[result.name] = raw.number
        good.append(result)
    return good


def store_devices(repo: InventoryRepository, good: Sequence[Device], report: ImportReport) -> None:
    for start in range(0, len(good), BATCH_SIZE):
        added, updated = repo.save_devices(good[start : start + BATCH_SIZE])
        report.added += added
        report.updated += updated


def _check_header(header: Sequence[str], report: ImportReport) -> bool:
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        report.file_error = tr("required columns missing: {columns}", columns=", ".join(missing))
        return False
    unknown = [c for c in header if c not in DEVICE_COLUMNS]
    if unknown:
        report.warnings.append(tr("columns ignored (not inventory columns): {columns}", columns=", ".join(unknown)))
    return True


def unknown_site_problems(rows: Sequence[RawRow], known_sites: set[str]) -> list[RowProblem]:
    """Rows naming a site that is not in the tree (for imports that must not create sites)."""
    problems = []
    for raw in rows:
        text = (raw.fields.get("site") or "").strip()
        if raw.problem or not text:
            continue
        try:
            path = normalise_path(text)
        except ValueError:
            continue  # validate_rows names a malformed path
        if path not in known_sites:
            problems.append(RowProblem(raw.number, "site", tr("unknown site {path!r}: not in the site tree", path=path)))
    return problems


def import_csv(
    repo: InventoryRepository, path: Path, dry_run: bool = False, known_sites: set[str] | None = None,
) -> ImportReport:
    """With ``known_sites`` a row naming any other site is rejected; without, missing sites are created."""
    report = ImportReport(str(path), dry_run=dry_run)
    try:
        header, rows, report.encoding = csv_io.read_csv(path)
    except (OSError, ValueError) as exc:
        report.file_error = str(exc)
        return report
    report.rows = len(rows)
    if not _check_header(header, report):
        return report
    good = validate_rows(rows, repo.network_names(), report)
    if known_sites is not None:
        report.problems.extend(unknown_site_problems(rows, known_sites))
        report.problems.sort(key=lambda p: p.row)  # stable: a row's own problems keep their order
        good = [d for d in good if d.site in known_sites]
    if not dry_run:
        store_devices(repo, good, report)
    else:
        report.added = len(good)
    return report


def _networks_from(document: dict[str, Any], report: ImportReport) -> list[Network]:
    found = []
    for number, entry in enumerate(document.get("networks") or [], start=1):
        try:
            name = check_network_name(str(entry["name"]))
            state = entry.get("migration_state")
            found.append(
                Network(
                    name=name,
                    kind=NetworkKind(entry.get("kind") or name.split(":", 1)[0]),
                    cidrs=check_cidrs(entry.get("cidrs") or []),
                    migration_state=MigrationState(state) if state else None,
                    description=str(entry.get("description") or ""),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            report.warnings.append(tr("network entry {n} skipped: {error}", n=number, error=str(exc)))
    return found



def _sites_from(document: dict[str, Any], report: ImportReport) -> list[Site]:
    found = []
    for number, entry in enumerate(document.get("sites") or [], start=1):
        try:
            role = entry.get("dr_role")
            found.append(Site(normalise_path(str(entry["path"])), SiteKind(entry["kind"]), DrRole(role) if role else None))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            report.warnings.append(tr("site entry {n} skipped: {error}", n=number, error=str(exc)))
    return found


def import_yaml(repo: InventoryRepository, path: Path, dry_run: bool = False) -> ImportReport:
    report = ImportReport(str(path), encoding="utf-8", dry_run=dry_run)
    try:
        document = yaml_io.load(path)
    except (OSError, ValueError) as exc:
        report.file_error = str(exc)
        return report
    networks = _networks_from(document, report)
    sites = _sites_from(document, report)
    rows = yaml_io.device_rows(document)
    report.rows = len(rows)
    good = validate_rows(rows, repo.network_names() | {n.name for n in networks}, report)
    if dry_run:
        report.added = len(good)
        return report
    for network in networks:
        repo.save_network(network)
    for site in sites:
        repo.save_site(site)
    store_devices(repo, good, report)
    _store_links(repo, document, report)
    return report


def _store_links(repo: InventoryRepository, document: dict[str, Any], report: ImportReport) -> None:
    known = repo.device_ids()
    wanted = []
    for number, entry in enumerate(document.get("links") or [], start=1):
        try:
            link = Link(str(entry["a_device"]), str(entry["a_interface"]), str(entry["b_device"]), str(entry["b_interface"]))
        except (KeyError, TypeError) as exc:
            report.warnings.append(tr("link entry {n} skipped: {error}", n=number, error=str(exc)))
            continue
        if link.a_device in known and link.b_device in known:
            wanted.append(link)
        else:
            report.warnings.append(tr("link entry {n} skipped: an end is not in the inventory", n=number))
    repo.save_links(wanted)


def import_file(
    repo: InventoryRepository, path: Path, dry_run: bool = False, known_sites: set[str] | None = None,
) -> ImportReport:
    """``known_sites`` applies to CSV files; a YAML file declares its sites itself."""
    if path.suffix.lower() in (".yaml", ".yml"):
        report = import_yaml(repo, path, dry_run)
    else:
        report = import_csv(repo, path, dry_run, known_sites)
    log.info(
        "inventory import %s: %d added, %d updated, %d rows rejected%s%s",
        path, report.added, report.updated, report.rejected_rows,
        " (dry run)" if dry_run else "", f"; file error: {report.file_error}" if report.file_error else "",
    )
    return report
