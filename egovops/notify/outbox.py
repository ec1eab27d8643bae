"""Sending the outbox: claim a row, send it, mark it; retry with backoff; every attempt recorded.

Claim → commit point → mark, each its own transaction. The claim is a compare-and-set on the row's
state and attempt count, so of two collectors on one store exactly one sends a row. At the channel's
commit point (SMTP: just before the dot that ends DATA; HTTP: just before the request leaves) the
row becomes ``committing``, and only if the claim is still this sender's. A sender that dies leaves
the row claimed; once the claim is older than ``lease_s`` (longer than any channel's timeout) another
pass looks at it:

- ``sending``: the receiver cannot have it (the sender died before the commit point): sent again,
  and delivered once.
- ``committing``: the receiver may have it; nothing can tell (SMTP has no two-phase commit, an HTTP
  answer can be lost). Where the receiver drops a repeat by the row's key (a webhook, an SMS
  platform given ``$key``) it is sent again with the same key; elsewhere (e-mail, group robots) it
  is *not* sent again but held as ``uncertain``, shown as such in the delivery log and the alarm's
  deliveries and audited, and an operator may send it again (``egovops notify resend``). So no
  mailbox gets two copies, and the one window where a message may be lost (the sender died after
  the dot, before the server took it: milliseconds) is never silent. A critical alarm is also
  escalated if nobody acknowledges it, whatever became of its first message.

A failure after the commit point (a timeout or lost connection while waiting for the answer) is the
same case and handled the same way. Nothing is lost silently: a row is only ``failed`` after
``max_attempts``.
"""

from __future__ import annotations

import logging
import os
import socket
import time

from egovops.audit.log import AuditLog
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.notify.channels import KINDS, DeliveryError, Outgoing, build
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
            if row.state == "committing" and not self.drops_repeats(row.channel):
                self.hold_uncertain(row)
            elif self.repo.claim(row, self.name, now):
                delivered += self.send_claimed(row, now)
        return delivered

    def drops_repeats(self, channel: str) -> bool:
        found = {c.name: c for c in self.repo.channels()}.get(channel)
        return found is not None and found.kind in KINDS and KINDS[found.kind].drops_repeats(dict(found.settings))

    def hold_uncertain(self, row: OutboxRow) -> None:
        """``row``'s sender died past the commit point: record it as uncertain, do not send it again."""
        detail = tr("the sender stopped after the receiver may have taken the message ({by}): not sent again",
                    by=row.claimed_by or "")
        if self.repo.hold_uncertain(row, Attempt(row.id, time.time(), self.name, False, detail[:500], 0.0)):
            self._audit_uncertain(row, row.attempts, detail)

    def _audit_uncertain(self, row: OutboxRow, attempts: int, detail: str) -> None:
        self.audit.record(actor=ACTOR, role=ROLE, action="notify.uncertain", subject=str(row.alarm_id or ""),
                          details={"outbox": row.id, "to": row.recipient, "channel": row.channel,
                                   "attempts": attempts, "key": row.idempotency_key, "why": detail[:200]})
        log.warning("notification %s to %s over %s may or may not have arrived: held as uncertain, not sent again",
                    row.id, row.recipient, row.channel)

    def send_claimed(self, row: OutboxRow, now: float | None = None) -> int:
        """Send a row this sender has claimed, record the attempt; 1 if it went out. The next try is
        scheduled from ``now``, the pass's clock (the one ``due`` compares with)."""
        started = time.time()
        clock = started if now is None else now
        uncertain = False
        try:
            detail = self.deliver(row)
            ok = True
        except EgovopsError as exc:
            detail, ok = str(exc), False
            uncertain = (isinstance(exc, DeliveryError) and exc.ambiguous
                         and not self.drops_repeats(row.channel))
        attempt = Attempt(row.id, started, self.name, ok, detail[:500], time.time() - started)
        attempts = row.attempts + 1
        if uncertain:
            self.repo.finish(row.id, attempt, "uncertain")
            self._audit_uncertain(row, attempts, detail)
            return 0
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

        def commit() -> None:
            if not self.repo.committing(row.id, self.name):
                raise LeaseLost(tr("another sender took this message over: not sent"))
        return channel.send(Outgoing(row.address, row.subject, row.message, row.message, row.idempotency_key, commit))


class LeaseLost(DeliveryError):
    """This sender's claim expired and another took the row: it stops before the commit point."""
