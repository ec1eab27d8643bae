"""Changing channels, recipients, rules and the rota on an operator's behalf: role-checked
(``notify.manage``, an engineer) and audited, from the console or the command line alike."""

from __future__ import annotations

import time
import uuid
from typing import Any

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.notify.channels import KINDS, build
from egovops.notify.model import RECIPIENT_KINDS, ChannelConfig, Recipient, RotaEntry, Rule
from egovops.notify.repo import NotifyRepository
from egovops.notify.routing import quiet_until
from egovops.notify.secrets import forget_secrets, store_secret
from egovops.storage.database import Database

ACTION = "notify.manage"


class NotifyConfig:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.repo = NotifyRepository(database)
        self.audit = AuditLog(database)

    def _record(self, by: Operator, what: str, subject: str, details: dict[str, Any]) -> None:
        self.audit.record(actor=by.label(), role=by.role.value, action=f"notify.{what}", subject=subject,
                          details=details)

    def check(self, by: Operator, subject: str = "") -> None:
        """Refuse (audited) before anything is asked of an operator who may not change notifications."""
        authorize(self.audit, by, ACTION, subject)

    def save_channel(self, by: Operator, channel: ChannelConfig, secrets: dict[str, str]) -> None:
        authorize(self.audit, by, ACTION, channel.name, "notify.channel")
        if channel.kind not in KINDS:
            raise ValidationError(tr("unknown channel kind {kind}: choose one of {kinds}", kind=channel.kind,
                                     kinds=", ".join(KINDS)))
        unknown = (set(channel.settings) - set(KINDS[channel.kind].SETTINGS)) | (
            set(secrets) - set(KINDS[channel.kind].SECRETS))
        if unknown:
            raise ValidationError(tr("a {kind} channel has no setting {names}", kind=channel.kind,
                                     names=", ".join(sorted(unknown))))
        build(channel.kind, channel.settings, secrets or dict.fromkeys(KINDS[channel.kind].SECRETS, "x"))
        for field, value in secrets.items():
            store_secret(self.db, channel.name, field, value)
        self.repo.save_channel(channel, time.time())
        self._record(by, "channel", channel.name, {"kind": channel.kind, "settings": channel.settings,
                                                   "secrets_set": sorted(secrets)})

    def save_recipient(self, by: Operator, recipient: Recipient) -> None:
        authorize(self.audit, by, ACTION, recipient.name, "notify.recipient")
        if recipient.kind not in RECIPIENT_KINDS:
            raise ValidationError(tr("a recipient is a person or a group"))
        if recipient.quiet_hours:
            try:
                quiet_until(recipient, time.time())
            except ValueError:
                raise ValidationError(tr("quiet hours look like 22:00-07:00")) from None
        self.repo.save_recipient(recipient)
        self._record(by, "recipient", recipient.name, {"addresses": recipient.addresses,
                                                       "members": list(recipient.members),
                                                       "quiet_hours": recipient.quiet_hours})

    def save_rule(self, by: Operator, rule: Rule) -> None:
        authorize(self.audit, by, ACTION, rule.name, "notify.rule")
        if not rule.levels or not all(rule.levels):
            raise ValidationError(tr("a rule needs at least one level of recipients"))
        self.repo.save_rule(rule)
        self._record(by, "rule", rule.name, {"levels": [list(level) for level in rule.levels],
                                             "severities": list(rule.severities), "site": rule.site})

    def add_rota(self, by: Operator, entry: RotaEntry) -> int:
        authorize(self.audit, by, ACTION, entry.recipient, "notify.rota")
        if entry.recipient not in {r.name for r in self.repo.recipients()}:
            raise NotFoundError(tr("no recipient {name}", name=entry.recipient))
        if entry.ends_at is not None and entry.ends_at <= entry.starts_at:
            raise ValidationError(tr("a rota entry must end after it starts"))
        ident = self.repo.add_rota(entry)
        self._record(by, "rota", entry.recipient, {"id": ident, "site": entry.site, "level": entry.level,
                                                    "starts_at": entry.starts_at, "ends_at": entry.ends_at})
        return ident

    def remove(self, by: Operator, what: str, name: str) -> None:
        """Remove a channel (and its secrets from the keyring), a recipient or a rule."""
        authorize(self.audit, by, ACTION, name, f"notify.remove-{what}")
        if not self.repo.remove(what, name):
            raise NotFoundError(tr("no {what} {name}", what=tr(what), name=name))
        if what == "channel":
            forget_secrets(self.db, name)
        self._record(by, f"remove-{what}", name, {})

    def end_rota(self, by: Operator, entry_id: int, at: float) -> None:
        """End a rota entry at ``at`` (a handover earlier than planned)."""
        authorize(self.audit, by, ACTION, str(entry_id), "notify.rota")
        if not self.repo.end_rota(entry_id, at):
            raise NotFoundError(tr("no rota entry {id}", id=entry_id))
        self._record(by, "rota-end", str(entry_id), {"ends_at": at})

    def queue_test(self, by: Operator, channel: str, address: str) -> str:
        """Queue a test message on ``channel`` to ``address``; returns its idempotency key."""
        authorize(self.audit, by, ACTION, channel, "notify.test")
        if channel not in {c.name for c in self.repo.channels()}:
            raise NotFoundError(tr("no channel {name}", name=channel))
        key = uuid.uuid4().hex
        now = time.time()
        text = tr("Test message from egovops, sent by {who}.", who=by.label())
        with self.db.write() as conn:
            self.repo.enqueue(conn, [{"idempotency_key": key, "alarm_id": None, "purpose": "test",
                                      "recipient": by.label(), "channel": channel, "address": address,
                                      "subject": tr("egovops test message"), "message": text, "state": "pending",
                                      "attempts": 0, "created_at": now, "next_attempt_at": now}])
        self._record(by, "test", channel, {"to": address, "key": key})
        return key

    def send_again(self, by: Operator, outbox_id: int) -> None:
        """Queue an ``uncertain`` (or ``failed``) message again, same key: the operator has checked
        that it did not arrive, or prefers a copy to a gap."""
        authorize(self.audit, by, ACTION, str(outbox_id), "notify.resend")
        row = self.repo.send_again(outbox_id, time.time())
        if row is None:
            raise NotFoundError(tr("no uncertain or failed notification {id}", id=outbox_id))
        self._record(by, "resend", str(row.alarm_id or ""), {"outbox": row.id, "to": row.recipient,
                                                               "channel": row.channel, "key": row.idempotency_key})
