"""The report's tables as headers and rows of text, shared by the PDF and the CSV."""

from __future__ import annotations

from collections.abc import Sequence

from egovops.availability.coverage import CityCoverage
from egovops.availability.measures import GroupRow
from egovops.availability.report import WindowUse
from egovops.i18n import tr
from egovops.reports.formatting import duration, percent, sla_mark

GROUP_TITLES = {
    "device": "device", "county": "county", "city": "city", "unit": "unit", "network": "network",
    "role": "role", "level": "protection level", "province": "province",
}


def group_headers(by: str) -> list[str]:
    return [
        tr(GROUP_TITLES[by]), tr("devices"), tr("service availability"), tr("device availability"),
        tr("outages"), tr("outage time"), tr("longest outage"), tr("MTTR"), tr("MTBF"),
        tr("attributed upstream"), tr("monitored coverage"), tr("maintenance"), tr("SLA"),
    ]


def group_cells(row: GroupRow, view: str) -> list[str]:
    chosen = row.view(view)
    return [
        row.key, str(row.devices), percent(row.service.availability), percent(row.device.availability),
        str(chosen.outages), duration(chosen.outage), duration(chosen.longest), duration(chosen.mttr),
        duration(chosen.mtbf), duration(row.device.attributed), percent(row.coverage, 1),
        duration(row.maintenance), sla_mark(chosen.sla_met),
    ]


def worst_headers(by: str) -> list[str]:
    """The first page's short table of the worst units."""
    return [tr(GROUP_TITLES[by]), tr("devices"), tr("availability"), tr("outages"), tr("outage time"),
            tr("longest outage"), tr("SLA")]


def worst_cells(row: GroupRow, view: str) -> list[str]:
    chosen = row.view(view)
    return [row.key, str(row.devices), percent(chosen.availability), str(chosen.outages), duration(chosen.outage),
            duration(chosen.longest), sla_mark(chosen.sla_met)]


def group_sort_keys(row: GroupRow, view: str) -> list[str | float]:
    """Values to sort ``group_cells`` by, column for column: numbers, with -1 for "no data"."""
    chosen = row.view(view)

    def num(value: float | None) -> float:
        return -1.0 if value is None else float(value)

    return [
        row.key, float(row.devices), num(row.service.availability), num(row.device.availability),
        float(chosen.outages), num(chosen.outage), num(chosen.longest), num(chosen.mttr), num(chosen.mtbf),
        num(row.device.attributed), num(row.coverage), num(row.maintenance), num(None if chosen.sla_met is None else float(chosen.sla_met)),
    ]


def coverage_headers() -> list[str]:
    return [tr("city"), tr("counties reached"), tr("departments reached"), tr("access coverage"), tr("not reached")]


def coverage_cells(c: CityCoverage, limit: int = 6) -> list[str]:
    missing = "、".join(c.not_reached[:limit]) + (tr(" and {n} more", n=len(c.not_reached) - limit) if len(c.not_reached) > limit else "")
    return [c.city, f"{c.counties_reached}/{c.counties}", f"{c.departments_reached}/{c.departments}", percent(c.share, 1), missing]


def window_headers() -> list[str]:
    return [tr("id"), tr("applies to"), tr("starts"), tr("duration"), tr("repeat"), tr("occurrences"), tr("reason"), tr("created by")]


def window_cells(use: WindowUse) -> list[str]:
    w = use.window
    return [
        str(w.id or ""), f"{tr(w.scope_kind)} {w.scope}", w.starts.strftime("%Y-%m-%d %H:%M") + f" {w.tz}",
        duration(w.duration), w.describe_repeat(), str(use.occurrences), w.reason, w.created_by,
    ]


def csv_rows(rows: Sequence[GroupRow], by: str, view: str) -> list[list[str]]:
    """Group rows for a spreadsheet: plain numbers (seconds, percents) that Excel can sum."""
    header = [
        tr(GROUP_TITLES[by]), tr("devices"), tr("service availability (%)"), tr("device availability (%)"),
        tr("service outages"), tr("device outages"), tr("service outage seconds"), tr("device outage seconds"),
        tr("longest outage seconds"), tr("MTTR seconds"), tr("MTBF seconds"), tr("attributed upstream seconds"),
        tr("caused downstream seconds"), tr("monitored seconds"), tr("not monitored seconds"),
        tr("maintenance seconds"), tr("monitored coverage (%)"), tr("SLA"),
    ]

    def num(value: float | None, digits: int = 4) -> str:
        return "" if value is None else f"{value:.{digits}f}"

    out = [header]
    for r in rows:
        chosen = r.view(view)
        out.append([
            r.key, str(r.devices), num(r.service.availability), num(r.device.availability),
            str(r.service.outages), str(r.device.outages), num(r.service.outage, 0), num(r.device.outage, 0),
            num(chosen.longest, 0), num(chosen.mttr, 0), num(chosen.mtbf, 0), num(r.device.attributed, 0),
            num(r.caused, 0), num(r.monitored, 0), num(r.unmonitored, 0), num(r.maintenance, 0),
            num(r.coverage, 2), sla_mark(chosen.sla_met),
        ])
    return out
