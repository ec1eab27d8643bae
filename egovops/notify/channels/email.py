"""E-mail over SMTP: STARTTLS, implicit TLS or plain (a relay inside the ops network), with login.

``email.message.EmailMessage`` with the SMTP policy encodes a Chinese subject as RFC 2047
(``=?utf-8?b?…?=``) and the body as UTF-8; the Message-ID carries the outbox key so a mailbox, or
the person reading it, can see a repeat for what it is.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from typing import Any, ClassVar

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.notify.channels.base import DEFAULT_TIMEOUT_S, DeliveryError, Outgoing, require

SECURITY = ("starttls", "tls", "none")
END_OF_DATA = b"\r\n.\r\n"


def _send(client: _SMTP | _SMTP_SSL, data: Any, send: Callable[[Any], None]) -> None:
    """Calls the client's ``commit`` between a message's body and the dot that ends DATA, the one
    point before which the server cannot have taken the mail (RFC 5321 §4.1.1.4: it takes it at the dot).

    smtplib sends the body and the dot in one write; this splits that one write, which is the
    only one ending in CRLF.CRLF (the body is dot-stuffed, commands end in a single CRLF)."""
    commit = client.commit
    if commit is None or not isinstance(data, bytes) or not data.endswith(END_OF_DATA):
        send(data)
        return
    client.commit = None
    send(data[:-3])
    try:
        commit()
    except BaseException:
        client.close()  # never the dot; and QUIT would be read as part of the body
        raise
    send(data[-3:])


class _SMTP(smtplib.SMTP):
    commit: Callable[[], None] | None = None

    def send(self, s: Any) -> None:
        _send(self, s, super().send)


class _SMTP_SSL(smtplib.SMTP_SSL):
    commit: Callable[[], None] | None = None

    def send(self, s: Any) -> None:
        _send(self, s, super().send)


class EmailChannel:
    SETTINGS: ClassVar[tuple[str, ...]] = ("host", "port", "security", "username", "sender", "timeout_s", "ca_file")
    SECRETS: ClassVar[tuple[str, ...]] = ("password",)

    @classmethod
    def drops_repeats(cls, settings: dict[str, Any]) -> bool:
        return False  # a mailbox keeps both copies; the Message-ID only lets a reader see it is one

    def __init__(self, settings: dict[str, Any], secrets: dict[str, str]) -> None:
        self.host = str(require(settings, "host"))
        self.security = str(settings.get("security", "starttls"))
        if self.security not in SECURITY:
            raise ValidationError(tr("security must be one of {choices}", choices=", ".join(SECURITY)))
        self.port = int(settings.get("port") or (465 if self.security == "tls" else 25))
        self.username = str(settings.get("username", ""))
        self.sender = str(require(settings, "sender"))
        self.timeout = float(settings.get("timeout_s", DEFAULT_TIMEOUT_S))
        self.ca_file = settings.get("ca_file") or None
        self.password = secrets.get("password", "")

    def compose(self, message: Outgoing) -> EmailMessage:
        mail = EmailMessage(policy=SMTP)
        mail["From"] = self.sender
        mail["To"] = message.address
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=True)
        mail["Message-ID"] = f"<{message.key}@egovops>"
        mail.set_content(message.text, charset="utf-8")
        return mail

    def _connect(self) -> _SMTP | _SMTP_SSL:
        context = ssl.create_default_context(cafile=self.ca_file)
        if self.security == "tls":
            return _SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        client = _SMTP(self.host, self.port, timeout=self.timeout)
        if self.security == "starttls":
            client.starttls(context=context)
        return client

    def send(self, message: Outgoing) -> str:
        if not message.address:
            raise DeliveryError(tr("no e-mail address"))
        committed = accepted = False
        refused: dict[str, Any] = {}

        def commit() -> None:
            nonlocal committed
            message.commit()
            committed = True
        try:
            with self._connect() as client:
                if self.username:
                    client.login(self.username, self.password)
                client.commit = commit
                refused = client.send_message(self.compose(message))
                accepted = True  # a failing QUIT after this changes nothing
        except UnicodeEncodeError:  # smtplib sends AUTH in ASCII only
            raise DeliveryError(tr("SMTP {host}:{port}: the user name and password must be ASCII", host=self.host,
                                   port=self.port)) from None
        except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
            if not accepted:
                # An answer (4xx/5xx) is a refusal; after the dot, a lost connection or a timeout
                # says nothing about whether the server kept the mail.
                ambiguous = committed and not isinstance(exc, smtplib.SMTPResponseException)
                raise DeliveryError(tr("SMTP {host}:{port}: {reason}", host=self.host, port=self.port,
                                       reason=str(exc) or type(exc).__name__), ambiguous=ambiguous) from None
        if refused:
            raise DeliveryError(tr("the mail server refused {who}", who=", ".join(refused)))
        return "250"
