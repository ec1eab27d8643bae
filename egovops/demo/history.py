"""``demo history``: a deterministic past for the demo province, so the monthly evaluation pack
(and the availability report) have months to show.

Each owner unit gets a temper from its name's hash — most are well run, some fair, a few poor —
and its devices' outages, alarm acknowledgements, baseline checks and backups follow it, so the
ranking means something. Outages of an aggregation device leave the access devices behind it
unreachable with it as root cause, and one core device fails once a month for 40 minutes.
Everything is written through the store's own repositories; the same seed gives the same past.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

import numpy as np

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator, os_user_name
from egovops.audit.chain import details_text, digest_text
from egovops.audit.log import AuditLog
from egovops.audit.repo import AuditRepository
from egovops.availability.periods import Period, period_containing
from egovops.configs.masking import prepare_for_store
from egovops.inventory.model import Device, DeviceRole
from egovops.paths import private_folder, write_private
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.procedures_repo import ConfigVersionsRepository
from egovops.storage.state_repo import MonitoredSpan, StateRepository, Transition
from egovops.storage.tables.polling import alarms

TEMPERS = {  # outages per device-month, mean minutes, ack minutes (low, high), share unacked,
    # baseline score range (None: never checked), backup every N days, monitoring gap hours
    "good": (0.3, 8, (1, 4), 0.0, (92, 100), 7, 0),
    "fair": (1.0, 25, (5, 25), 0.1, (75, 92), 10, 6),
    "poor": (2.5, 90, (30, 120), 0.4, None, 30, 48),
}


@dataclass
class HistorySummary:
    months: int
    transitions: int
    alarms: int
    baseline_runs: int
    backup_runs: int


def temper(unit: str) -> str:
    """Stable across runs and machines (Python's hash() is salted per process)."""
    h = int(hashlib.sha256(unit.encode("utf-8")).hexdigest()[:8], 16) % 20
    return "poor" if h < 3 else "fair" if h < 8 else "good"


def _downstream(database: Database, devices: Sequence[Device]) -> dict[str, list[str]]:
    roles = {d.name: d.role for d in devices}
    below: dict[str, list[str]] = defaultdict(list)
    for link in InventoryRepository(database).links():
        for up, down in ((link.a_device, link.b_device), (link.b_device, link.a_device)):
            if roles.get(up) is DeviceRole.AGGREGATION and roles.get(down) is DeviceRole.ACCESS:
                below[up].append(down)
    return below


class _Writer:
    def __init__(self, database: Database, runs: Path, seed: int) -> None:
        self.db, self.runs, self.rng = database, runs, np.random.default_rng(seed)
        self.transitions: list[Transition] = []
        self.alarm_rows: list[dict[str, object]] = []
        self.audit: list[tuple[float, str, dict[str, object]]] = []
        self.baseline_runs = self.backup_runs = 0

    def outage(
        self,
        device: Device,
        ids: dict[str, int],
        a: float,
        b: float,
        ack: tuple[int, int],
        unacked: float,
        below: Sequence[str],
    ) -> None:
        self.transitions += [
            Transition(device.name, a, "down", "up", "demo history"),
            Transition(device.name, b, "up", "down", "demo history"),
        ]
        for name in below:
            self.transitions += [
                Transition(name, a + 5, "unreachable", "up", "demo history", device.name),
                Transition(name, b + 5, "up", "unreachable", "demo history"),
            ]
        raised = a + 30
        acked = None if self.rng.random() < unacked else raised + 60 * self.rng.uniform(*ack)
        self.alarm_rows.append(
            dict(
                device_id=ids[device.name],
                kind="device-down",
                subject="",
                severity="critical",
                active=False,
                message="demo history: device did not answer",
                first_seen=raised,
                last_seen=b,
                count=1,
                cleared_at=b,
                acked_by=os_user_name() if acked is not None else None,
                acked_at=acked,
                suppressed=False,
            )
        )

    def baseline(self, scored: Sequence[tuple[Device, float, float]], at: float) -> None:
        """One run checking every device of ``scored`` (device, lowest, highest score)."""
        run_id = f"demo-{uuid.UUID(int=int(self.rng.integers(1 << 62)))}"
        targets = [
            {
                "device": d.name,
                "status": "ok",
                "message": "",
                "artefacts": [],
                "seconds": 1.0,
                "output_digest": "",
                "data": {"score": round(float(self.rng.uniform(low, high)), 1)},
            }
            for d, low, high in scored
        ]
        report = {"run_id": run_id, "procedure": "baseline_check", "dry_run": False, "targets": targets}
        write_private(
            private_folder(self.runs / run_id) / "report.json", json.dumps(report, ensure_ascii=False, indent=1)
        )
        self.audit.append(
            (
                at,
                "baseline_check",
                {
                    "run_id": run_id,
                    "dry_run": False,
                    "demo_history": True,
                    "results": [{"device": t["device"], "status": "ok"} for t in targets],
                },
            )
        )
        self.baseline_runs += 1

    def backup(self, names: Sequence[str], at: float) -> None:
        self.audit.append(
            (
                at,
                "config_backup",
                {
                    "run_id": f"demo-{int(at)}",
                    "dry_run": False,
                    "demo_history": True,
                    "results": [{"device": n, "status": "ok"} for n in sorted(names)],
                },
            )
        )
        self.backup_runs += 1

    def flush(self, configs: dict[str, float]) -> None:
        StateRepository(self.db).record_transitions(sorted(self.transitions, key=lambda t: (t.device, t.at)))
        with self.db.write() as conn:
            if self.alarm_rows:
                conn.execute(alarms.insert(), self.alarm_rows)
        repo = AuditRepository(self.db)
        who = os_user_name()
        for at, procedure, details in sorted(self.audit, key=lambda r: r[0]):
            repo.append(
                actor=who,
                role="admin",
                action="procedure.run",
                subject=procedure,
                details=details_text(details),
                output_digest="",
                at=at,
            )
        versions = ConfigVersionsRepository(self.db)
        for name, at in configs.items():
            text = prepare_for_store(f"hostname {name}\n! demo history\n")
            versions.add_if_changed(name, text, digest_text(text), at, "demo-history", "display current-configuration")


def _months(last: date, count: int, tz: tzinfo) -> list[Period]:
    index = last.year * 12 + last.month - 1
    return [
        period_containing("month", date((index - k) // 12, (index - k) % 12 + 1, 1), tz)
        for k in range(count - 1, -1, -1)
    ]


def create_history(
    database: Database, by: Operator, runs: Path, last_month: date, months: int, tz: tzinfo, seed: int = 1
) -> HistorySummary:
    """``egovops demo history`` on an operator's behalf: it writes months of the store's record, so
    it needs the role ``demo init`` needs, and is audited like it."""
    audit = AuditLog(database)
    authorize(audit, by, "demo.init", "demo", attempted="demo.history")
    done = write_history(database, runs, last_month, months, tz, seed)
    audit.record(
        actor=by.label(),
        role=by.role.value,
        action="demo.history",
        subject="demo",
        details={"last_month": last_month.isoformat(), "months": months, "seed": seed},
    )
    return done


def write_history(
    database: Database, runs: Path, last_month: date, months: int, tz: tzinfo, seed: int = 1
) -> HistorySummary:
    """Fill ``months`` months ending with ``last_month`` (refused if the store already holds state
    history there, so running it twice does not double the outages)."""
    from egovops.errors import ValidationError
    from egovops.i18n import tr

    periods = _months(last_month, months, tz)
    start, end = periods[0].start, periods[-1].end
    states = StateRepository(database)
    if states.transitions(start, end):
        raise ValidationError(tr("the store already holds state history in those months"))
    devices = InventoryRepository(database).devices()
    if not devices:
        raise ValidationError(tr("the inventory holds no devices to report on"))
    ids = InventoryRepository(database).device_ids()
    below = _downstream(database, devices)
    w = _Writer(database, runs, seed)
    w.transitions += [Transition(d.name, start, "up", None, "demo history") for d in devices]
    spans: list[MonitoredSpan] = []
    by_unit: dict[str, list[Device]] = defaultdict(list)
    for d in devices:
        by_unit[d.owner_unit].append(d)
    configs: dict[str, float] = {}
    for p in periods:
        core_done = False
        checked: list[tuple[Device, float, float]] = []
        backed_up: dict[float, list[str]] = defaultdict(list)  # day → devices the day's backup run takes
        for unit, members in sorted(by_unit.items()):
            rate, minutes, ack, unacked, baseline, every, gap = TEMPERS[temper(unit)]
            for d in members:
                core = d.role is DeviceRole.CORE and not core_done
                n = 1 if core else int(w.rng.poisson(rate))
                core_done = core_done or core
                for a in np.sort(w.rng.uniform(p.start + 3600, p.end - 4 * 3600, n)):
                    length = 40 * 60 if core else min(3 * 3600, 60 * w.rng.exponential(minutes) + 60)
                    w.outage(d, ids, float(a), float(a + length), ack, unacked, below.get(d.name, []))
                hole = p.start + (p.end - p.start) / 2
                spans += [MonitoredSpan(d.name, p.start, hole), MonitoredSpan(d.name, hole + gap * 3600, p.end)]
            if baseline is not None:
                checked += [(d, *baseline) for d in members]
            for at in np.arange(p.start + 86400 + 7200, p.end, every * 86400):
                for d in members:
                    if d.role not in (DeviceRole.SERVER, DeviceRole.STORAGE):
                        backed_up[float(at)].append(d.name)
                        configs.setdefault(d.name, float(at))
        if checked:
            w.baseline(checked, p.start + 10 * 86400 + 3600)
        for at, names in sorted(backed_up.items()):
            w.backup(names, at)
    states.record_spans(spans)
    w.flush(configs)
    return HistorySummary(months, len(w.transitions), len(w.alarm_rows), w.baseline_runs, w.backup_runs)
