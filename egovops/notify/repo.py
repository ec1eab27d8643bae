"""The only SQL of notifications: configuration, per-alarm state, the outbox and its attempts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, update

from egovops.notify.model import AlarmState, Attempt, ChannelConfig, OutboxRow, Recipient, RotaEntry, Rule
from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.notify import (
    notify_alarm_state,
    notify_attempts,
    notify_channels,
    notify_outbox,
    notify_recipients,
    notify_rota,
    notify_rules,
)
from egovops.storage.tables.polling import alarms


def _rule(row: Any) -> Rule:
    v = dict(row._mapping)
    return Rule(v["name"], tuple(tuple(level) for level in v["levels"]), tuple(v["severities"]), tuple(v["kinds"]),
                v["network"], v["site"], v["owner_unit"], v["escalate_after_s"], v["repeat_s"], v["enabled"])


def _recipient(row: Any) -> Recipient:
    v = dict(row._mapping)
    return Recipient(v["name"], v["kind"], v["language"], v["operator"], dict(v["addresses"]), tuple(v["members"]),
                     v["quiet_hours"], v["tz"])


class NotifyRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- configuration ---------------------------------------------------------------------------
    def _upsert(self, table: Any, key: str, values: dict[str, Any]) -> None:
        with self.db.write() as conn:
            conn.execute(delete(table).where(table.c[key] == values[key]))
            conn.execute(insert(table).values(**values))

    def save_channel(self, channel: ChannelConfig, at: float) -> None:
        self._upsert(notify_channels, "name", {"name": channel.name, "kind": channel.kind,
                                               "settings": channel.settings, "enabled": channel.enabled,
                                               "created_at": at})

    def channels(self) -> list[ChannelConfig]:
        with self.db.read() as conn:
            return [ChannelConfig(r.name, r.kind, dict(r.settings), r.enabled)
                    for r in conn.execute(select(notify_channels).order_by(notify_channels.c.name))]

    def save_recipient(self, r: Recipient) -> None:
        self._upsert(notify_recipients, "name", {
            "name": r.name, "kind": r.kind, "language": r.language, "operator": r.operator,
            "addresses": r.addresses, "members": list(r.members), "quiet_hours": r.quiet_hours, "tz": r.tz})

    def recipients(self) -> list[Recipient]:
        with self.db.read() as conn:
            return [_recipient(r) for r in conn.execute(select(notify_recipients).order_by(notify_recipients.c.name))]

    def save_rule(self, r: Rule) -> None:
        self._upsert(notify_rules, "name", {
            "name": r.name, "levels": [list(level) for level in r.levels], "severities": list(r.severities),
            "kinds": list(r.kinds), "network": r.network, "site": r.site, "owner_unit": r.owner_unit,
            "escalate_after_s": r.escalate_after_s, "repeat_s": r.repeat_s, "enabled": r.enabled})

    def rules(self) -> list[Rule]:
        with self.db.read() as conn:
            return [_rule(r) for r in conn.execute(select(notify_rules).order_by(notify_rules.c.name))]

    def remove(self, what: str, name: str) -> bool:
        table = {"channel": notify_channels, "recipient": notify_recipients, "rule": notify_rules}[what]
        with self.db.write() as conn:
            return bool(conn.execute(delete(table).where(table.c.name == name)).rowcount)

    def add_rota(self, entry: RotaEntry) -> int:
        with self.db.write() as conn:
            return int(conn.execute(insert(notify_rota).values(
                site=entry.site, level=entry.level, recipient=entry.recipient, starts_at=entry.starts_at,
                ends_at=entry.ends_at)).inserted_primary_key[0])  # type: ignore[index]

    def end_rota(self, entry_id: int, at: float) -> bool:
        with self.db.write() as conn:
            return bool(conn.execute(update(notify_rota).where(notify_rota.c.id == entry_id).values(ends_at=at))
                        .rowcount)

    def rota(self, at: float | None = None) -> list[RotaEntry]:
        query = select(notify_rota).order_by(notify_rota.c.site, notify_rota.c.level, notify_rota.c.starts_at)
        if at is not None:
            query = query.where(notify_rota.c.starts_at <= at,
                                or_(notify_rota.c.ends_at.is_(None), notify_rota.c.ends_at > at))
        with self.db.read() as conn:
            return [RotaEntry(r.site, r.level, r.recipient, r.starts_at, r.ends_at, r.id) for r in conn.execute(query)]

    # -- per-alarm state -------------------------------------------------------------------------
    def states(self, open_only: bool = True) -> dict[int, AlarmState]:
        query = select(notify_alarm_state)
        if open_only:
            query = query.where(notify_alarm_state.c.recovered_at.is_(None))
        with self.db.read() as conn:
            return {r.alarm_id: AlarmState(**dict(r._mapping)) for r in conn.execute(query)}

    def known_alarm_ids(self) -> set[int]:
        with self.db.read() as conn:
            return set(conn.scalars(select(notify_alarm_state.c.alarm_id)))

    @staticmethod
    def insert_state(conn: Connection, state: AlarmState) -> None:
        conn.execute(insert(notify_alarm_state).values(**state.__dict__))

    @staticmethod
    def update_state(conn: Connection, alarm_id: int, expect: dict[str, Any] | None = None, **values: Any) -> bool:
        """Update one alarm's state; with ``expect``, only if its columns still hold those values
        (another collector on the store may have moved it on): False when it had."""
        query = update(notify_alarm_state).where(notify_alarm_state.c.alarm_id == alarm_id)
        for column, value in (expect or {}).items():
            c = notify_alarm_state.c[column]
            query = query.where(c.is_(None) if value is None else c == value)
        return bool(conn.execute(query.values(**values)).rowcount)

    def folded_devices(self, alarm_id: int, active_only: bool = True) -> list[str]:
        """The devices whose alarms root-cause analysis folded under ``alarm_id``, by name."""
        query = select(devices.c.name).distinct().join(alarms, alarms.c.device_id == devices.c.id).where(
            alarms.c.root_alarm_id == alarm_id).order_by(devices.c.name)
        if active_only:
            query = query.where(alarms.c.active.is_(True))
        with self.db.read() as conn:
            return list(conn.scalars(query))

    # -- outbox ----------------------------------------------------------------------------------
    @staticmethod
    def enqueue(conn: Connection, rows: Iterable[dict[str, Any]]) -> int:
        wanted = list(rows)
        if wanted:
            conn.execute(insert(notify_outbox), wanted)
        return len(wanted)

    def by_key(self, key: str) -> OutboxRow | None:
        with self.db.read() as conn:
            row = conn.execute(select(notify_outbox).where(notify_outbox.c.idempotency_key == key)).first()
        return OutboxRow(**dict(row._mapping)) if row is not None else None

    def due(self, now: float, stale_before: float, limit: int = 50) -> list[OutboxRow]:
        """Rows to send: pending and due, or claimed by a sender that has not finished since
        ``stale_before`` (``sending``: it had not reached the commit point; ``committing``: it had)."""
        query = select(notify_outbox).where(or_(
            and_(notify_outbox.c.state == "pending", notify_outbox.c.next_attempt_at <= now),
            and_(notify_outbox.c.state.in_(("sending", "committing")), notify_outbox.c.claimed_at < stale_before),
        )).order_by(notify_outbox.c.next_attempt_at, notify_outbox.c.id).limit(limit)
        with self.db.read() as conn:
            return [OutboxRow(**dict(r._mapping)) for r in conn.execute(query)]

    def claim(self, row: OutboxRow, by: str, now: float) -> bool:
        """Compare-and-set on the state the row was read in: of two senders, exactly one wins."""
        with self.db.write() as conn:
            return conn.execute(update(notify_outbox).where(
                notify_outbox.c.id == row.id, notify_outbox.c.state == row.state,
                notify_outbox.c.attempts == row.attempts,
            ).values(state="sending", claimed_by=by, claimed_at=now, attempts=row.attempts + 1)).rowcount == 1

    def committing(self, row_id: int, by: str) -> bool:
        """The sender is at the commit point: False if its claim is no longer its own (another
        sender took the row over after the lease), and then it must not go on."""
        with self.db.write() as conn:
            return conn.execute(update(notify_outbox).where(
                notify_outbox.c.id == row_id, notify_outbox.c.state == "sending", notify_outbox.c.claimed_by == by,
            ).values(state="committing")).rowcount == 1

    def hold_uncertain(self, row: OutboxRow, attempt: Attempt) -> bool:
        """A sender died past the commit point of ``row``: hold it as ``uncertain`` (compare-and-set
        on the claim read, so of two collectors one records it)."""
        with self.db.write() as conn:
            if conn.execute(update(notify_outbox).where(
                    notify_outbox.c.id == row.id, notify_outbox.c.state == "committing",
                    notify_outbox.c.attempts == row.attempts).values(state="uncertain")).rowcount != 1:
                return False
            conn.execute(insert(notify_attempts).values(**attempt.__dict__))
        return True

    def send_again(self, row_id: int, now: float) -> OutboxRow | None:
        """An operator's "send it again" for an uncertain or failed row; None if it is neither."""
        with self.db.write() as conn:
            done = conn.execute(update(notify_outbox).where(
                notify_outbox.c.id == row_id, notify_outbox.c.state.in_(("uncertain", "failed")),
            ).values(state="pending", next_attempt_at=now)).rowcount
            row = conn.execute(select(notify_outbox).where(notify_outbox.c.id == row_id)).first()
        return OutboxRow(**dict(row._mapping)) if done and row is not None else None

    def finish(self, row_id: int, attempt: Attempt, state: str, next_attempt_at: float | None = None) -> None:
        """Record the attempt and the row's outcome in one transaction."""
        values: dict[str, Any] = {"state": state}
        if state == "sent":
            values["sent_at"] = attempt.at
        if next_attempt_at is not None:
            values["next_attempt_at"] = next_attempt_at
        with self.db.write() as conn:
            conn.execute(insert(notify_attempts).values(**attempt.__dict__))
            conn.execute(update(notify_outbox).where(notify_outbox.c.id == row_id,
                                                     notify_outbox.c.claimed_by == attempt.by).values(**values))

    def outbox(self, alarm_id: int | None = None, limit: int = 200) -> list[OutboxRow]:
        query = select(notify_outbox).order_by(notify_outbox.c.id.desc()).limit(limit)
        if alarm_id is not None:
            query = query.where(notify_outbox.c.alarm_id == alarm_id)
        with self.db.read() as conn:
            return [OutboxRow(**dict(r._mapping)) for r in conn.execute(query)]

    def attempts(self, outbox_ids: Iterable[int]) -> list[Attempt]:
        query = select(notify_attempts.c.outbox_id, notify_attempts.c.at, notify_attempts.c.by, notify_attempts.c.ok,
                       notify_attempts.c.detail, notify_attempts.c.duration_s).where(
            notify_attempts.c.outbox_id.in_(list(outbox_ids))).order_by(notify_attempts.c.id)
        with self.db.read() as conn:
            return [Attempt(**dict(r._mapping)) for r in conn.execute(query)]

    def told(self, alarm_ids: Iterable[int]) -> list[tuple[str, str, str]]:
        """(recipient, channel, address) told about these alarms, first told first."""
        query = select(notify_outbox.c.recipient, notify_outbox.c.channel, notify_outbox.c.address).where(
            notify_outbox.c.alarm_id.in_(list(alarm_ids)), notify_outbox.c.purpose.in_(("alarm", "escalation"))
        ).order_by(notify_outbox.c.id)
        with self.db.read() as conn:
            seen: dict[tuple[str, str, str], None] = {}
            for r in conn.execute(query):
                seen.setdefault((r.recipient, r.channel, r.address), None)
            return list(seen)
