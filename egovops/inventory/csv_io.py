"""Inventory CSV files as offices make them: UTF-8 with or without BOM, or GBK from Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from egovops.csv_cells import SafeDictWriter, restore_cell
from egovops.i18n import tr
from egovops.inventory.validation import DEVICE_COLUMNS

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class RawRow:
    """One data row with the line number a spreadsheet shows for it (the header is row 1)."""

    number: int
    fields: dict[str, str]
    problem: str | None = None  # a shape problem (too many or too few fields)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with.

    GB18030 is tried after UTF-8 because it is a superset of GBK and GB2312, and because a GBK
    file is almost never valid UTF-8 (while plain ASCII is both, and reads the same either way).
    """
    if data.startswith(BOM):
        return data[len(BOM):].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gbk"
    except UnicodeDecodeError as exc:
        raise ValueError(tr("the file is neither UTF-8 nor GBK (byte {offset})", offset=exc.start)) from None


def parse(text: str) -> tuple[list[str], list[RawRow]]:
    """The header and the data rows. A row the csv module cannot read (a field over its size limit)
    and a row whose quote is not closed (it swallows the lines after it) become rows with a problem
    naming their lines, so the import reports them and stores nothing from them."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValueError(tr("the file is empty")) from None
    except csv.Error as exc:
        raise ValueError(tr("the header line cannot be read: {error}", error=str(exc))) from None
    rows: list[RawRow] = []
    last_line = reader.line_num
    while True:
        first_line = last_line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            last_line = reader.line_num
            rows.append(RawRow(first_line, {}, tr("line {n} cannot be read: {error}", n=first_line, error=str(exc))))
            continue
        last_line = reader.line_num
        if not any(v.strip() for v in values):
            continue  # blank lines that spreadsheets leave at the end
        problem = None
        if last_line > first_line and len(values) != len(header) and any("\n" in v or "\r" in v for v in values):
            problem = tr("lines {first}–{last}: a quote is not closed, so these lines ran into one row; "
                         "none of them is stored", first=first_line, last=last_line)
        elif len(values) != len(header):
            problem = tr("row has {got} fields, the header has {want}", got=len(values), want=len(header))
        rows.append(RawRow(first_line, dict(zip(header, (restore_cell(v) for v in values))), problem))
    return header, rows


def read_csv(path: Path) -> tuple[list[str], list[RawRow], str]:
    text, encoding = decode(path.read_bytes())
    header, rows = parse(text)
    return header, rows, encoding


def write_csv(path: Path, rows: Iterable[Mapping[str, str]], columns: Sequence[str] = DEVICE_COLUMNS) -> None:
    """UTF-8 with BOM, so that Excel on a Chinese desktop shows the Chinese text correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = SafeDictWriter(handle, fieldnames=list(columns))  # descriptions, contacts: never formulas
        writer.writeheader()
        writer.writerows(rows)
