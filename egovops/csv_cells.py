"""CSV cells a spreadsheet will not run as formulas (OWASP "CSV injection").

Excel, WPS and LibreOffice treat a cell starting with ``=``, ``+``, ``-`` or ``@`` (and, once
trimmed, a tab or carriage return followed by one) as a formula: a device description or an alarm
text written by an agent could then run a command on the auditor's desktop when the export is
opened. Every CSV the core writes passes its text cells through ``safe_cell``, which prefixes them
with a single quote, as OWASP recommends. Numbers are written as numbers (a negative figure is not
text anyone controls). ``restore_cell`` undoes it when egovops reads its own export back (the
inventory), so a round trip changes nothing.

No library does this (the csv module, pandas and openpyxl all leave it to the caller).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


def restore_cell(text: str) -> str:
    """A cell read back from an egovops export, without the quote ``safe_cell`` added."""
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, out: Any, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose values are neutralised (the header is ours, and left alone)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)
