"""Recording and reading device state history (transitions and monitored spans)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from sqlalchemy import Connection, case, func, select, update

from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.states import DEVICE_STATES, monitored_spans, state_transitions


@dataclass(frozen=True)
class Transition:
    device: str
    at: float
    state: str
    previous: str | None = None
    reason: str = ""
    root_cause: str | None = None  # device name, for "unreachable"


@dataclass(frozen=True)
class MonitoredSpan:
    device: str
    start: float
    end: float


class StateRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def _ids(self, conn: Connection) -> dict[str, int]:
        return {name: ident for ident, name in conn.execute(select(devices.c.id, devices.c.name))}

    def record_transitions(self, batch: Sequence[Transition]) -> None:
        """Store a cycle's transitions in one transaction."""
        if not batch:
            return
        with self.db.write() as conn:
            ids = self._ids(conn)
            rows = []
            for t in batch:
                if t.state not in DEVICE_STATES:
                    raise ValueError(f"unknown device state {t.state!r}")
                rows.append({
                    "device_id": ids[t.device], "at": t.at, "state": t.state, "previous": t.previous,
                    "reason": t.reason, "root_cause_device_id": ids.get(t.root_cause) if t.root_cause else None,
                })
            conn.execute(state_transitions.insert(), rows)

    def transitions(self, start: float | None = None, end: float | None = None) -> list[Transition]:
        """Transitions in [start, end), ordered by device then time."""
        a, r = devices.alias("a"), devices.alias("r")
        query = (
            select(state_transitions, a.c.name.label("device"), r.c.name.label("root"))
            .join(a, state_transitions.c.device_id == a.c.id)
            .outerjoin(r, state_transitions.c.root_cause_device_id == r.c.id)
            .order_by(a.c.name, state_transitions.c.at, state_transitions.c.id)
        )
        if start is not None:
            query = query.where(state_transitions.c.at >= start)
        if end is not None:
            query = query.where(state_transitions.c.at < end)
        with self.db.read() as conn:
            return [Transition(row.device, row.at, row.state, row.previous, row.reason, row.root) for row in conn.execute(query)]

    def extend_monitoring(self, device_names: Iterable[str], now: float, max_gap: float) -> None:
        """Say that these devices were watched up to ``now``.

        A device's latest span is stretched to ``now`` when it ended less than ``max_gap`` ago
        (the poller kept watching); otherwise a new span starts, leaving the gap unmonitored.
        """
        with self.db.write() as conn:
            ids = self._ids(conn)
            wanted = [ids[n] for n in device_names]
            latest = {
                row.device_id: (row.id, row.end)
                for row in conn.execute(
                    select(monitored_spans.c.device_id, monitored_spans.c.id, monitored_spans.c.end)
                    .where(monitored_spans.c.device_id.in_(wanted))
                    .order_by(monitored_spans.c.end)
                )
            }
            stretch = [span_id for dev, (span_id, end) in latest.items() if now - end <= max_gap]
            if stretch:
                conn.execute(update(monitored_spans).where(monitored_spans.c.id.in_(stretch)).values(end=now))
            fresh = [{"device_id": d, "start": now, "end": now} for d in wanted if d not in latest or now - latest[d][1] > max_gap]
            if fresh:
                conn.execute(monitored_spans.insert(), fresh)

    def record_spans(self, batch: Sequence[MonitoredSpan]) -> None:
        """Store whole spans at once (imports, tests, benchmarks)."""
        with self.db.write() as conn:
            ids = self._ids(conn)
            conn.execute(monitored_spans.insert(), [{"device_id": ids[s.device], "start": s.start, "end": s.end} for s in batch])

    def spans(self, start: float | None = None, end: float | None = None) -> list[MonitoredSpan]:
        """Spans overlapping [start, end), ordered by device then start."""
        query = (
            select(monitored_spans, devices.c.name)
            .join(devices, monitored_spans.c.device_id == devices.c.id)
            .order_by(devices.c.name, monitored_spans.c.start)
        )
        if start is not None:
            query = query.where(monitored_spans.c.end > start)
        if end is not None:
            query = query.where(monitored_spans.c.start < end)
        with self.db.read() as conn:
            return [MonitoredSpan(row.name, row.start, row.end) for row in conn.execute(query)]

    # -- fast read paths for reports -------------------------------------------------------------
    def history_rows(self, start: float, end: float, state_codes: Mapping[str, int]) -> list[tuple[float, ...]]:
        """(device id, at, state code, root cause id or -1, row id) of every transition in
        [start, end), plus each device's last transition at or before ``start`` (the state in
        effect when it begins); states are numbered by ``state_codes``.

        All numbers and unordered: a province-year is half a million rows, which the covering index
        ``ix_state_transitions_covering`` serves without table visits or a sort, and which the
        caller turns into arrays in one step and sorts with numpy.
        """
        st = state_transitions
        earlier = st.alias("earlier")
        latest = (
            select(func.max(earlier.c.at))
            .where(earlier.c.device_id == devices.c.id, earlier.c.at <= start)
            .scalar_subquery()
        )
        code = case(dict(state_codes), value=st.c.state, else_=-1)
        cols = (st.c.device_id, st.c.at, code, func.coalesce(st.c.root_cause_device_id, -1), st.c.id)
        before = select(*cols).join(devices, st.c.device_id == devices.c.id).where(st.c.at == latest)
        inside = select(*cols).where(st.c.at > start, st.c.at < end)
        with self.db.read() as conn:
            rows = []
            for query in (before, inside):
                # The DB-API cursor's fetchall: SQLAlchemy's Row objects cost more than the query.
                rows += conn.execute(query).cursor.fetchall()  # type: ignore[union-attr]
            return rows

    def span_rows(self, start: float, end: float) -> list[tuple[int, float, float]]:
        """(device id, start, end) of spans overlapping [start, end)."""
        ms = monitored_spans
        query = select(ms.c.device_id, ms.c.start, ms.c.end).where(ms.c.end > start, ms.c.start < end)
        with self.db.read() as conn:
            return [tuple(r) for r in conn.execute(query)]  # type: ignore[misc]

    def first_seen(self) -> dict[int, float]:
        """Device id → the start of its first monitored span: from when it existed for us."""
        query = select(monitored_spans.c.device_id, func.min(monitored_spans.c.start)).group_by(monitored_spans.c.device_id)
        with self.db.read() as conn:
            return {device: at for device, at in conn.execute(query)}
