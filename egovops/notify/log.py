"""The delivery log as a reader sees it (console and command line), and "send a test message"."""

from __future__ import annotations

import time
from dataclasses import dataclass

from egovops.accounts.identity import Operator
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.notify.config import NotifyConfig
from egovops.notify.model import OutboxRow
from egovops.notify.outbox import Sender
from egovops.notify.repo import NotifyRepository
from egovops.storage.database import Database


@dataclass(frozen=True)
class LogLine:
    row: OutboxRow
    last_error: str  # the latest failed attempt's reason, "" when none failed or it was sent


def delivery_log(database: Database, alarm_id: int | None = None, limit: int = 200) -> list[LogLine]:
    repo = NotifyRepository(database)
    rows = repo.outbox(alarm_id, limit)
    errors: dict[int, str] = {}
    for attempt in repo.attempts([r.id for r in rows]):
        errors[attempt.outbox_id] = "" if attempt.ok else attempt.detail
    return [LogLine(r, errors.get(r.id, "")) for r in rows]


def channel_names(database: Database) -> list[str]:
    return [c.name for c in NotifyRepository(database).channels() if c.enabled]


def send_test(database: Database, by: Operator, channel: str, address: str) -> None:
    """Queue a test message and send it now (role-checked, audited); raises with the reason if it did not go."""
    key = NotifyConfig(database).queue_test(by, channel, address)
    sender = Sender(database)
    row = sender.repo.by_key(key)
    if row is None or not sender.repo.claim(row, sender.name, time.time()):
        raise EgovopsError(tr("the test message was taken by another sender"))
    if not sender.send_claimed(row):
        attempts = sender.repo.attempts([row.id])
        raise EgovopsError(tr("not sent: {why}", why=attempts[-1].detail if attempts else ""))
