"""Exporting the audit trail for an auditor: JSON Lines (verifiable offline) or CSV (for Excel).

The JSON Lines file starts with a header naming the head the store recorded, then every row with
its hashes exactly as stored, so the chain can be re-checked outside egovops.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterable

from egovops.audit.chain import AuditRow
from egovops.csv_cells import SafeWriter
from egovops.errors import ValidationError
from egovops.i18n import tr

FORMAT = "egovops-audit/1"
_CSV_COLUMNS = ("id", "at_utc", "actor", "role", "action", "subject", "details", "output_digest", "prev_hash", "hash")


def _utc(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))


def export_rows(rows: Iterable[AuditRow], head: tuple[int, str] | None, path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json"):
        return _export_jsonl(rows, head, path)
    if suffix == ".csv":
        return _export_csv(rows, path)
    raise ValidationError(tr("cannot export the audit log to {path}: use a .jsonl or .csv file name", path=str(path)))


def _export_jsonl(rows: Iterable[AuditRow], head: tuple[int, str] | None, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        header = {"format": FORMAT, "exported_at": time.time(), "head": list(head) if head else None}
        out.write(json.dumps(header, ensure_ascii=False) + "\n")
        for row in rows:
            out.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def _export_csv(rows: Iterable[AuditRow], path: Path) -> int:
    count = 0
    # UTF-8 with BOM: Excel on a Chinese Windows desktop otherwise reads it as GBK.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = SafeWriter(out)  # actors and subjects are typed by people and agents
        writer.writerow(_CSV_COLUMNS)
        for row in rows:
            writer.writerow([
                row.id, _utc(row.at), row.actor, row.role, row.action, row.subject, row.details,
                row.output_digest, row.prev_hash, row.hash,
            ])
            count += 1
    return count


def read_export(path: Path) -> list[dict[str, object]]:
    """The rows of a ``.jsonl`` export (the header line is skipped)."""
    rows: list[dict[str, object]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                entry = json.loads(line)
            except ValueError:
                raise ValidationError(tr("{path} line {n} is not JSON: not an audit export", path=str(path), n=number)) from None
            if number == 1:
                if entry.get("format") != FORMAT:
                    raise ValidationError(tr("{path} is not an egovops audit export", path=str(path)))
                continue
            rows.append(entry)
    return rows
