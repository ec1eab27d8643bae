"""E-mail over SMTP: STARTTLS, implicit TLS or plain (a relay inside the ops network), with login.

``email.message.EmailMessage`` with the SMTP policy encodes a Chinese subject as RFC 2047
(``=?utf-8?b?…?=``) and the body as UTF-8; the Message-ID carries the outbox key so a mailbox, or
the person reading it, can see a repeat for what it is.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from typing import Any, ClassVar

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.notify.channels.base import DEFAULT_TIMEOUT_S, DeliveryError, Outgoing, require

SECURITY = ("starttls", "tls", "none")


class EmailChannel:
    SETTINGS: ClassVar[tuple[str, ...]] = ("host", "port", "security", "username", "sender", "timeout_s", "ca_file")
    SECRETS: ClassVar[tuple[str, ...]] = ("password",)

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

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context(cafile=self.ca_file)
        if self.security == "tls":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.security == "starttls":
            client.starttls(context=context)
        return client

    def send(self, message: Outgoing) -> str:
        if not message.address:
            raise DeliveryError(tr("no e-mail address"))
        try:
            with self._connect() as client:
                if self.username:
                    client.login(self.username, self.password)
                refused = client.send_message(self.compose(message))
        except UnicodeEncodeError:  # smtplib sends AUTH in ASCII only
            raise DeliveryError(tr("SMTP {host}:{port}: the user name and password must be ASCII", host=self.host,
                                   port=self.port)) from None
        except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
            raise DeliveryError(tr("SMTP {host}:{port}: {reason}", host=self.host, port=self.port,
                                   reason=str(exc) or type(exc).__name__)) from None
        if refused:
            raise DeliveryError(tr("the mail server refused {who}", who=", ".join(refused)))
        return "250"
