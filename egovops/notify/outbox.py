"""Sending the outbox: claim a row, send it, mark it; retry with backoff; every attempt recorded.

Claim → send → mark, each step its own transaction. The claim is a compare-and-set on the row's
state and attempt count, so of two collectors on one store exactly one sends a row. A sender that
dies between its claim and its mark leaves the row ``sending``; once the claim is older than
``lease_s`` (longer than any channel's timeout) another pass takes it over and sends again.

That is at-least-once, and the window is exact: only a crash after the receiver accepted the message
and before the mark committed (milliseconds) sends a second copy. No protocol here can close it from
the sender's side (SMTP has no two-phase commit), so every copy carries the row's idempotency key
(the mail's Message-ID, the JSON ``idempotency_key`` and ``Idempotency-Key`` header, ``$key`` in an
SMS template, ``#key`` in a robot's text): a receiver, or the engineer reading it, drops the repeat.
A crash at any other point (before the send, or during it before the receiver accepted) is retried
and delivered once. Nothing is lost: a row is only ``failed`` after ``max_attempts``.
"""

from __future__ import annotations

import logging
import os
import socket
import time

from egovops.audit.log import AuditLog
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.notify.channels import KINDS, Outgoing, build
from egovops.notify.model import Attempt, OutboxRow
from egovops.notify.repo import NotifyRepository
from egovops.notify.secrets import channel_secrets
from egovops.storage.database import Database

log = logging.getLogger(__name__)
ACTOR, ROLE = "egovops-notify", "system"


def backoff(attempts: int, first_s: float = 30.0, cap_s: float = 3600.0) -> float:
    """Seconds before the next try after ``attempts`` failures: 30 s, 1 min, 2 min… at most an hour."""
    return float(min(cap_s, first_s * 2 ** max(0, attempts - 1)))


class Sender:
    def __init__(self, database: Database, name: str | None = None, lease_s: float = 120.0,
                 max_attempts: int = 50) -> None:
        self.db = database
        self.name = name or f"{socket.gethostname()}:{os.getpid()}"
        self.lease_s, self.max_attempts = lease_s, max_attempts
        self.repo = NotifyRepository(database)
        self.audit = AuditLog(database)

    def run_once(self, now: float) -> int:
        """Send what is due; returns how many rows were delivered."""
        delivered = 0
        for row in self.repo.due(now, now - self.lease_s):
            if self.repo.claim(row, self.name, now):
                delivered += self.send_claimed(row, now)
        return delivered

    def send_claimed(self, row: OutboxRow, now: float | None = None) -> int:
        """Send a row this sender has claimed, record the attempt; 1 if it went out. The next try is
        scheduled from ``now``, the pass's clock (the one ``due`` compares with)."""
        started = time.time()
        clock = started if now is None else now
        try:
            detail = self.deliver(row)
            ok = True
        except EgovopsError as exc:
            detail, ok = str(exc), False
        attempt = Attempt(row.id, started, self.name, ok, detail[:500], time.time() - started)
        attempts = row.attempts + 1
        if ok:
            self.repo.finish(row.id, attempt, "sent")
            self.audit.record(actor=ACTOR, role=ROLE, action="notify.delivered", subject=str(row.alarm_id or ""),
                              details={"outbox": row.id, "to": row.recipient, "channel": row.channel,
                                       "attempts": attempts, "key": row.idempotency_key})
            return 1
        if attempts >= self.max_attempts:
            self.repo.finish(row.id, attempt, "failed")
            self.audit.record(actor=ACTOR, role=ROLE, action="notify.failed", subject=str(row.alarm_id or ""),
                              details={"outbox": row.id, "to": row.recipient, "channel": row.channel,
                                       "attempts": attempts, "error": detail[:200]})
        else:
            self.repo.finish(row.id, attempt, "pending", clock + backoff(attempts))
        log.warning("notification %s to %s over %s failed (attempt %s): %s", row.id, row.recipient, row.channel,
                    attempts, detail)
        return 0

    def deliver(self, row: OutboxRow) -> str:
        found = {c.name: c for c in self.repo.channels()}.get(row.channel)
        if found is None or not found.enabled:
            raise EgovopsError(tr("no enabled channel {name}", name=row.channel))
        secrets = channel_secrets(self.db, found.name, KINDS[found.kind].SECRETS)
        channel = build(found.kind, found.settings, secrets)
        return channel.send(Outgoing(row.address, row.subject, row.message, row.message, row.idempotency_key))
