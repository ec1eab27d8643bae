"""How figures are written in tables and exports, the same in the PDF, the CSV and the terminal."""

from __future__ import annotations

from egovops.i18n import tr


def percent(value: float | None, digits: int = 3) -> str:
    return tr("no data") if value is None else f"{value:.{digits}f}%"


def duration(seconds: float | None) -> str:
    """Days and hours, hours and minutes, or minutes and seconds: the two largest units, as a
    report reader says them ("2266:50:22" device-hours was unreadable). Exports carry seconds."""
    if seconds is None:
        return "-"  # ASCII, so columns of figures stay in one fast run (pdf.py)
    total = int(round(seconds))
    days, hours, minutes = total // 86400, total // 3600 % 24, total // 60 % 60
    if days:
        return tr("{d} d {h} h", d=days, h=hours)
    if hours:
        return tr("{h} h {m} min", h=hours, m=minutes)
    if minutes:
        return tr("{m} min {s} s", m=minutes, s=total % 60)
    return tr("{s} s", s=total)


def sla_band(value: float | None, sla: float) -> str | None:
    """"met", "near" (short of the target by less than the target's own allowance, 100 − SLA) or
    "missed"; None without data. The report's colours follow it, so 93.8 % against a 99.9 % target
    is red, never the yellow of a colour scale."""
    if value is None:
        return None
    if value >= sla:
        return "met"
    return "near" if value >= round(sla - near_margin(sla), 9) else "missed"  # 99.9 − 0.1 is 99.80000000000001


def near_margin(sla: float) -> float:
    return max(0.05, 100.0 - sla)


def sla_mark(met: bool | None) -> str:
    if met is None:
        return tr("no data")
    return tr("met") if met else tr("missed")


def view_name(view: str) -> str:
    return tr("service view") if view == "service" else tr("device view")
