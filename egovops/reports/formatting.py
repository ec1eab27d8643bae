"""How figures are written in tables and exports, the same in the PDF, the CSV and the terminal."""

from __future__ import annotations

from egovops.i18n import tr


def percent(value: float | None, digits: int = 3) -> str:
    return tr("no data") if value is None else f"{value:.{digits}f}%"


def duration(seconds: float | None) -> str:
    """Hours:minutes:seconds; hours keep counting past a day so sums stay comparable."""
    if seconds is None:
        return "-"  # ASCII, so columns of figures stay in one fast run (pdf.py)
    total = int(round(seconds))
    return f"{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}"


def sla_mark(met: bool | None) -> str:
    if met is None:
        return tr("no data")
    return tr("met") if met else tr("missed")


def view_name(view: str) -> str:
    return tr("service view") if view == "service" else tr("device view")
