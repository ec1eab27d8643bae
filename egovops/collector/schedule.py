"""What a collector does on the clock: scheduled discovery and procedures, kept in the store.

Schedules are one JSON document in the ``settings`` table (key ``collector.schedules``), edited by
``egovops collector schedule …`` or any other writer of settings; a running collector reads them
again on SIGHUP or when the store says settings changed. Each job names what to do (``discovery``,
or a procedure with its parameters and target selector), the local time of day ``HH:MM`` and the
weekdays (none: every day).

A job runs in every zone, on the devices of that zone, by exactly one of the zone's collectors: a
collector that finds a slot due inserts the row ``collector.ran:<job>:<zone>:<slot>`` into
``settings`` and runs the job only if its row went in. The primary key makes the claim atomic on
both stores, so two collectors of one zone never both back up its devices. A slot missed while
no collector ran (a restart at 02:10 for a 02:00 backup) is still run up to ``CATCH_UP_S`` later;
older ones are not, so a collector first started in the afternoon does not run last night's job.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.dialect import insert_or_skip
from egovops.storage.tables.inventory import settings

SCHEDULES_KEY = "collector.schedules"
RAN_PREFIX = "collector.ran:"
CATCH_UP_S = 6 * 3600.0
ACTIONS = ("discovery", "procedure")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")


@dataclass(frozen=True)
class Job:
    name: str
    action: str  # discovery or procedure
    at: str  # HH:MM, the collector host's local time
    days: tuple[str, ...] = ()  # weekdays (mon … sun); empty: every day
    procedure: str = ""
    targets: str = "all"  # a procedure selector, within the collector's zone
    params: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        values = asdict(self)
        values["days"], values["params"] = list(self.days), dict(self.params)
        return values

    @staticmethod
    def from_json(value: Mapping[str, Any]) -> Job:
        return validated(Job(str(value["name"]), str(value["action"]), str(value["at"]),
                             tuple(value.get("days") or ()), str(value.get("procedure") or ""),
                             str(value.get("targets") or "all"), dict(value.get("params") or {})))


# Until someone edits the schedules: the nightly discovery the issue asks for, at a quiet hour.
DEFAULT_JOBS = (Job("nightly-discovery", "discovery", "02:00"),)


def _clock(at: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", at.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(tr("schedule time {at!r} is not HH:MM (00:00 to 23:59)", at=at))
    return int(match[1]), int(match[2])


def validated(job: Job) -> Job:
    """The job if every field is meaningful, else a one-line ``ValidationError``."""
    if not _NAME.match(job.name):
        raise ValidationError(tr("schedule name {name!r}: use 1 to 60 letters, digits, '.', '_' or '-'", name=job.name))
    if job.action not in ACTIONS:
        raise ValidationError(tr("schedule {name}: action {action!r} is not one of {actions}", name=job.name,
                                 action=job.action, actions=", ".join(ACTIONS)))
    if job.action == "procedure" and not job.procedure:
        raise ValidationError(tr("schedule {name}: a procedure job needs --procedure", name=job.name))
    bad = [d for d in job.days if d not in DAYS]
    if bad:
        raise ValidationError(tr("schedule {name}: {days} not among {known}", name=job.name, days=", ".join(bad),
                                 known=", ".join(DAYS)))
    _clock(job.at)
    return job


def last_slot(job: Job, now: dt.datetime) -> dt.datetime | None:
    """The latest moment at or before ``now`` (naive local time) at which the job falls due."""
    hour, minute = _clock(job.at)
    for back in range(8):
        day = (now - dt.timedelta(days=back)).replace(hour=hour, minute=minute, second=0, microsecond=0)
        if day <= now and (not job.days or DAYS[day.weekday()] in job.days):
            return day
    return None


def due_slot(job: Job, now: dt.datetime) -> dt.datetime | None:
    """The slot to run now, if the latest one is at most ``CATCH_UP_S`` old."""
    slot = last_slot(job, now)
    if slot is None or (now - slot).total_seconds() > CATCH_UP_S:
        return None
    return slot


def zone_key(zone: str) -> str:
    """A short, fixed-length stand-in for the zone text in a settings key (which holds 200 characters)."""
    return hashlib.sha256(zone.encode("utf-8")).hexdigest()[:12]


class ScheduleStore:
    """The schedules and their claims in one store's ``settings`` table."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def jobs(self) -> list[Job]:
        """The stored jobs; ``DEFAULT_JOBS`` on a store where nobody ever saved any (an empty list
        saved is no job at all)."""
        with self.db.read() as conn:
            value = conn.execute(select(settings.c.value).where(settings.c.key == SCHEDULES_KEY)).scalar()
        return list(DEFAULT_JOBS) if value is None else [Job.from_json(v) for v in value]

    def save(self, jobs: list[Job]) -> None:
        with self.db.write() as conn:
            conn.execute(delete(settings).where(settings.c.key == SCHEDULES_KEY))
            conn.execute(insert(settings).values(key=SCHEDULES_KEY, value=[j.to_json() for j in jobs]))

    def put(self, by: Operator, job: Job) -> None:
        """Add or replace a job: an engineer's change (it runs procedures unattended), audited."""
        audit = AuditLog(self.db)
        authorize(audit, by, "collector.schedule", job.name, attempted="collector.schedule-set")
        kept = [j for j in self.jobs() if j.name != job.name]
        self.save(sorted([*kept, validated(job)], key=lambda j: j.name))
        audit.record(actor=by.label(), role=by.role.value, action="collector.schedule-set", subject=job.name,
                     details=job.to_json())

    def remove(self, by: Operator, name: str) -> None:
        audit = AuditLog(self.db)
        authorize(audit, by, "collector.schedule", name, attempted="collector.schedule-remove")
        jobs = self.jobs()
        if name not in {j.name for j in jobs}:
            raise ValidationError(tr("no schedule named {name}", name=name))
        self.save([j for j in jobs if j.name != name])
        audit.record(actor=by.label(), role=by.role.value, action="collector.schedule-remove", subject=name,
                     details={})

    def claim(self, job: Job, zone: str, slot: dt.datetime, collector: str) -> bool:
        """True if this collector is the one to run ``job`` for ``slot`` in ``zone`` (first to insert)."""
        prefix = f"{RAN_PREFIX}{job.name}:{zone_key(zone)}:"
        key = prefix + slot.isoformat(timespec="minutes")
        record = {"collector": collector, "zone": zone, "slot": slot.isoformat(), "at": time.time()}
        with self.db.write() as conn:
            # ON CONFLICT DO NOTHING: a second claimer of the slot waits for the first's commit and
            # gets no row back; no error (which PostgreSQL would log) and no aborted transaction.
            won = conn.execute(insert_or_skip(settings, self.db.engine.dialect.name)
                               .values(key=key, value=record).returning(settings.c.key)).first() is not None
            if won:  # only the latest claim of a job and zone is ever compared against: drop older ones
                conn.execute(delete(settings).where(settings.c.key.startswith(prefix, autoescape=True),
                                                    settings.c.key != key))
        return won

    def last_runs(self) -> dict[str, list[dict[str, Any]]]:
        """{job name: its latest claims, one per zone} (collector, zone, slot, at)."""
        with self.db.read() as conn:
            rows = conn.execute(select(settings.c.key, settings.c.value)
                                .where(settings.c.key.startswith(RAN_PREFIX, autoescape=True))).all()
        found: dict[str, list[dict[str, Any]]] = {}
        for key, value in rows:
            name = key[len(RAN_PREFIX):].split(":", 1)[0]
            found.setdefault(name, []).append(value if isinstance(value, dict) else json.loads(value))
        return found
