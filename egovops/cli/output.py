"""Printing results: JSON for scripts, aligned text tables for people."""

from __future__ import annotations

import json
import unicodedata
from typing import Any, Sequence

import click


def emit_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _width(text: str) -> int:
    # Chinese characters take two terminal columns; without this the table's columns drift.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def emit_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        click.echo("  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip())


def fail(message: str, code: int = 1) -> None:
    click.echo(message, err=True)
    raise SystemExit(code)
