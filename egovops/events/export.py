"""Events as CSV for auditors: one row per event, times in ISO 8601 with the zone, text cells
neutralised against spreadsheet formulas (egovops.csv_cells), UTF-8 with a BOM so Excel and WPS
open Chinese text correctly."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from egovops.csv_cells import SafeWriter
from egovops.events.model import Event

COLUMNS = ("id", "received_at", "sent_at", "device", "source", "kind", "severity", "module", "mnemonic", "rule",
           "text", "varbinds")


def _iso(at: float | None) -> str:
    return "" if at is None else datetime.fromtimestamp(at).astimezone().isoformat(timespec="milliseconds")


def write_csv(found: Iterable[Event], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = SafeWriter(out)
        writer.writerow(COLUMNS)
        for e in found:
            writer.writerow([e.id, _iso(e.received_at), _iso(e.sent_at), e.device, e.source, e.kind, e.severity,
                             e.module, e.mnemonic, e.rule, e.text,
                             json.dumps(e.varbinds, ensure_ascii=False) if e.varbinds else ""])
