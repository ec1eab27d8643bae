"""What the evaluation reads from the store besides state history: alarms' acknowledgement times,
the procedure runs of the baseline check and the configuration backup, and stored backups.

Baseline scores per device are not in the store: the runner keeps them in each run's
``report.json`` beside the store (``runs/<run id>/``), found through the run's audit row.
A run whose folder is not on this machine (a shared store written elsewhere) is counted in
``missing_runs`` so the pack can say its baseline figures are incomplete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import and_, func, select, update

from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices, settings
from egovops.storage.tables.polling import alarms
from egovops.storage.tables.procedures import audit_log, config_versions

BASELINE_PROCEDURE = "baseline_check"
BACKUP_PROCEDURE = "config_backup"
SCORED_SEVERITIES = ("critical", "major", "minor")  # warnings and info do not call anyone out
WEIGHTS_KEY = "evaluation.weights"  # the supervisor's weights, over the shipped file's; absent: the file's


@dataclass(frozen=True)
class AlarmAck:
    device: str
    first_seen: float
    acked_at: float | None
    cleared_at: float | None


@dataclass
class RunInputs:
    baseline: dict[str, tuple[float, float]] = field(default_factory=dict)  # device → (at, score), latest
    backups: dict[str, float] = field(default_factory=dict)  # device → latest successful backup
    missing_runs: int = 0


class EvaluationRepository:
    def __init__(self, database: Database, runs_folder: Path | None) -> None:
        self.db = database
        self.runs_folder = runs_folder

    def stored_weights(self) -> dict[str, float] | None:
        with self.db.read() as conn:
            value = conn.scalar(select(settings.c.value).where(settings.c.key == WEIGHTS_KEY))
        return {str(k): float(v) for k, v in value.items()} if isinstance(value, dict) else None

    def set_stored_weights(self, points: dict[str, float] | None) -> None:
        """Store the weights (None: back to the shipped file's)."""
        with self.db.write() as conn:
            if points is None:
                conn.execute(settings.delete().where(settings.c.key == WEIGHTS_KEY))
                return
            done = conn.execute(update(settings).where(settings.c.key == WEIGHTS_KEY).values(value=points))
            if done.rowcount == 0:
                conn.execute(settings.insert().values(key=WEIGHTS_KEY, value=points))

    def alarms(self, start: float, end: float) -> list[AlarmAck]:
        """Alarms raised in [start, end) that needed a person: not suppressed as symptoms of a
        root-cause alarm, of a severity someone is called for."""
        query = (
            select(devices.c.name, alarms.c.first_seen, alarms.c.acked_at, alarms.c.cleared_at)
            .join(devices, devices.c.id == alarms.c.device_id)
            .where(
                and_(
                    alarms.c.first_seen >= start,
                    alarms.c.first_seen < end,
                    alarms.c.suppressed.is_(False),
                    alarms.c.root_alarm_id.is_(None),
                    alarms.c.severity.in_(SCORED_SEVERITIES),
                )
            )
        )
        with self.db.read() as conn:
            return [AlarmAck(r.name, r.first_seen, r.acked_at, r.cleared_at) for r in conn.execute(query)]

    def stored_backups(self, end: float) -> dict[str, float]:
        """Each device's newest stored configuration version taken before ``end``."""
        cv = config_versions
        query = select(cv.c.device, func.max(cv.c.taken_at)).where(cv.c.taken_at < end).group_by(cv.c.device)
        with self.db.read() as conn:
            return {name: float(at) for name, at in conn.execute(query)}

    def runs(self, start: float, end: float) -> RunInputs:
        """Baseline scores and successful backups from the procedure runs recorded in [start, end).

        A backup run that found the configuration unchanged stores no new version, yet it is a
        fresh backup: that is why the runs are read as well as ``config_versions``."""
        out = RunInputs()
        query = (
            select(audit_log.c.at, audit_log.c.subject, audit_log.c.details)
            .where(
                and_(
                    audit_log.c.action == "procedure.run",
                    audit_log.c.at >= start,
                    audit_log.c.at < end,
                    audit_log.c.subject.in_((BASELINE_PROCEDURE, BACKUP_PROCEDURE)),
                )
            )
            .order_by(audit_log.c.at)
        )
        with self.db.read() as conn:
            rows = list(conn.execute(query))
        for at, subject, details in rows:
            data = json.loads(details)
            if data.get("dry_run"):
                continue
            if subject == BACKUP_PROCEDURE:
                for result in data.get("results", []):
                    if result.get("status") == "ok":
                        out.backups[result["device"]] = float(at)
            else:
                self._baseline_scores(out, float(at), str(data.get("run_id", "")))
        return out

    def _baseline_scores(self, out: RunInputs, at: float, run_id: str) -> None:
        path = self.runs_folder / run_id / "report.json" if self.runs_folder and run_id else None
        try:
            report = json.loads(path.read_text("utf-8")) if path else None
        except (OSError, ValueError):
            report = None
        if report is None:
            out.missing_runs += 1
            return
        for target in report.get("targets", []):
            score = target.get("data", {}).get("score")
            if isinstance(score, (int, float)):
                out.baseline[target["device"]] = (at, float(score))
