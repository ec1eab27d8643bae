"""Acknowledging an alarm by replying to its SMS: the gateway's uplink (上行短信) posted to the notifier.

Government SMS platforms forward a reply to a URL the customer gives them. The notifier serves
``POST|GET /uplink/<channel>`` for each SMS channel whose settings name an ``uplink_port``: the
reply's phone number and text are read from the fields the channel names (``uplink_phone_field``,
``uplink_text_field``; ``phone`` and ``text`` by default) in the query, a form or a JSON body.

- The gateway proves itself with the channel's ``uplink_token`` from the OS keyring, as the query
  parameter ``token`` or the header ``X-Egovops-Token`` (gateways can often set only a URL). Without
  a token in the keyring the endpoint refuses everything: it is never open.
- The number must be a recipient's address on that channel, and the recipient must name a desk
  identity (``operator``: ``local:NAME`` or an OS user). That identity goes through the same role
  check (``alarms.ack``, refusals audited) and the same acknowledgement and audit row as a console's;
  the comment says it came by SMS. A reply from an unknown number is refused and audited.
- ``ACK 123``, ``确认 123`` (full-width forms too, ``#`` or a colon allowed before the id).
- The answer is 200 with ``{"ok": …, "message": …}`` once the reply was read, acknowledged or
  refused, so a gateway does not post it again; 401 for a wrong token, 404 for an unknown channel.

An acknowledged alarm stops escalating at the notifier's next pass.

Standard library ``http.server``: one endpoint, form/JSON bodies and a shared secret need no web framework.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import threading
import unicodedata
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.accounts.roles import Role
from egovops.accounts.service import AccountService
from egovops.audit.log import AuditLog
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.notify.model import ChannelConfig, Recipient
from egovops.notify.repo import NotifyRepository
from egovops.notify.secrets import channel_secrets
from egovops.overview.service import OverviewService
from egovops.storage.database import Database

log = logging.getLogger(__name__)
TOKEN = "uplink_token"
REPLY = re.compile(r"^\s*(?:ACK|确认)\s*[#:]?\s*(\d{1,12})\s*$", re.IGNORECASE)
MAX_BODY = 65536


def alarm_in_reply(text: str) -> int | None:
    """The alarm id a reply acknowledges, or None. NFKC first: a phone may type ＡＣＫ　１２３ or ：."""
    found = REPLY.match(unicodedata.normalize("NFKC", text))
    return int(found.group(1)) if found else None


def phone_key(number: str) -> str:
    """A number as compared: digits only, without China's country code (+86, 0086)."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", number))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix):]
    return digits


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


class Replies:
    """Reading one reply: who sent it, what it asks, and acknowledging on that person's behalf."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self.repo = NotifyRepository(database)
        self.audit = AuditLog(database)

    def channel(self, name: str) -> ChannelConfig | None:
        found = next((c for c in self.repo.channels() if c.name == name), None)
        return found if found is not None and found.kind == "sms" and found.enabled else None

    def token_ok(self, channel: ChannelConfig, given: str) -> bool:
        kept = channel_secrets(self.db, channel.name, (TOKEN,)).get(TOKEN, "")
        return bool(kept) and hmac.compare_digest(kept.encode("utf-8"), given.encode("utf-8"))

    def handle(self, channel: ChannelConfig, phone: str, text: str) -> Outcome:
        person = self._person(channel, phone)
        if person is None:
            return self._refuse(channel, phone, text, tr("the number {phone} is not a known recipient's", phone=phone))
        alarm_id = alarm_in_reply(text)
        if alarm_id is None:
            return self._refuse(channel, phone, text, tr("not understood: reply ACK or 确认 and the alarm id"))
        try:
            operator = self._operator(person)
            authorize(self.audit, operator, "alarms.ack", str(alarm_id))
        except EgovopsError as exc:
            return self._refuse(channel, phone, text, str(exc))
        comment = tr("acknowledged by SMS reply from {phone} ({who})", phone=phone, who=person.name)
        done = OverviewService(self.db).acknowledge([alarm_id], operator, comment)
        if not done:
            return Outcome(False, tr("alarm {id} does not exist or was already acknowledged", id=alarm_id))
        log.info("alarm %s acknowledged by SMS reply from %s (%s)", alarm_id, phone, person.name)
        return Outcome(True, tr("alarm {id} acknowledged by {who}", id=alarm_id, who=operator.label()))

    def _person(self, channel: ChannelConfig, phone: str) -> Recipient | None:
        key = phone_key(phone)
        found = [r for r in self.repo.recipients()
                 if r.kind == "person" and key and phone_key(r.addresses.get(channel.name, "")) == key]
        return found[0] if len(found) == 1 else None  # a number two people share names nobody

    def _operator(self, person: Recipient) -> Operator:
        """The desk identity the recipient names, with the role the store gives it now."""
        label = person.operator.strip()
        if not label:
            raise EgovopsError(tr("{who} names no operator identity: set the recipient's operator", who=person.name))
        if label.startswith("local:"):
            return Operator(label.removeprefix("local:"), Role.OPERATOR, "local")  # authorize reads its role
        return AccountService(self.db).os_operator(label)

    def _refuse(self, channel: ChannelConfig, phone: str, text: str, why: str) -> Outcome:
        self.audit.record(actor=f"sms:{phone}", role="unknown", action="notify.reply-refused", subject=channel.name,
                          details={"channel": channel.name, "phone": phone, "text": text[:200], "why": why[:300]})
        log.warning("SMS reply over %s from %s refused: %s", channel.name, phone, why)
        return Outcome(False, why)


def _fields(query: str, content_type: str, body: bytes) -> dict[str, str]:
    fields = dict(urllib.parse.parse_qsl(query))
    if not body:
        return fields
    text = body.decode("utf-8", "replace")
    if "json" in content_type:
        try:
            data = json.loads(text)
        except ValueError:
            return fields
        if isinstance(data, dict):
            fields.update({str(k): str(v) for k, v in data.items() if isinstance(v, (str, int))})
    else:
        fields.update(dict(urllib.parse.parse_qsl(text)))
    return fields


class UplinkServer:
    """The endpoint on one address; each request looks its channel up in the store."""

    def __init__(self, database: Database, host: str, port: int) -> None:
        replies = Replies(database)

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                try:
                    status, outcome = self._serve()
                except Exception:  # noqa: BLE001 - one bad request must not end the endpoint
                    log.exception("SMS uplink request failed")
                    status, outcome = 500, Outcome(False, "internal error")
                body = json.dumps({"ok": outcome.ok, "message": outcome.message}, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _serve(self) -> tuple[int, Outcome]:
                parts = urllib.parse.urlsplit(self.path)
                name = urllib.parse.unquote(parts.path.removeprefix("/uplink/"))
                channel = replies.channel(name) if parts.path.startswith("/uplink/") else None
                if channel is None:
                    return 404, Outcome(False, tr("no SMS channel {name}", name=name))
                length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
                fields = _fields(parts.query, self.headers.get("Content-Type", ""), self.rfile.read(length))
                given = self.headers.get("X-Egovops-Token") or fields.get("token", "")
                if not replies.token_ok(channel, given):
                    log.warning("SMS uplink over %s from %s: wrong or missing token", name, self.client_address[0])
                    return 401, Outcome(False, tr("wrong token"))
                settings = channel.settings
                phone = fields.get(str(settings.get("uplink_phone_field") or "phone"), "")
                text = fields.get(str(settings.get("uplink_text_field") or "text"), "")
                return 200, replies.handle(channel, phone, text)

            do_GET = do_POST = _any

            def log_message(self, *_args: Any) -> None:
                pass  # requests are logged by what they did, above

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, name="egovops-sms-uplink", daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def start(self) -> UplinkServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()


def uplink_addresses(channels: list[ChannelConfig]) -> set[tuple[str, int]]:
    """Where the SMS channels want their uplink served."""
    return {(str(c.settings.get("uplink_host") or "127.0.0.1"), int(c.settings["uplink_port"]))
            for c in channels if c.kind == "sms" and c.enabled and c.settings.get("uplink_port")}
