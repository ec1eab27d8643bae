"""An SMS gateway over HTTP, described by the operator: government SMS platforms each have their own.

The operator gives the URL, the method, a body template and how success is read. Templates use
``$phone``, ``$text``, ``$key`` (the outbox key, for the platform's own de-duplication) and
``$secret`` (the keyring's), each escaped for where it lands: URL-quoted in the URL, JSON-escaped in
a JSON body, form-encoded in a form body. Success is an HTTP 2xx and, when set, a text the answer
must contain (``"code":0``, ``OK``…).
"""

from __future__ import annotations

import json
import urllib.parse
from typing import Any, ClassVar

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.notify.channels.base import DEFAULT_TIMEOUT_S, DeliveryError, Outgoing, fill, http, require

BODY_FORMATS = {"json": "application/json; charset=utf-8", "form": "application/x-www-form-urlencoded",
                "text": "text/plain; charset=utf-8"}


def _escape(value: str, body_format: str) -> str:
    if body_format == "json":
        return json.dumps(value, ensure_ascii=False)[1:-1]
    if body_format == "form":
        return urllib.parse.quote_plus(value)
    return value


class SmsChannel:
    SETTINGS: ClassVar[tuple[str, ...]] = ("url", "method", "body", "body_format", "success_contains", "timeout_s",
                                           # replies (uplink): where the notifier serves them, which fields
                                           "uplink_host", "uplink_port", "uplink_phone_field", "uplink_text_field")
    SECRETS: ClassVar[tuple[str, ...]] = ("secret", "uplink_token")

    @classmethod
    def drops_repeats(cls, settings: dict[str, Any]) -> bool:
        # A platform handed the outbox key ($key: its own de-duplication field) drops a repeat;
        # without it, a second copy would reach the phone.
        return any("$key" in str(settings.get(name, "")) for name in ("url", "body"))

    def __init__(self, settings: dict[str, Any], secrets: dict[str, str]) -> None:
        self.url = str(require(settings, "url"))
        self.method = str(settings.get("method", "POST")).upper()
        if self.method not in ("GET", "POST"):
            raise ValidationError(tr("method must be GET or POST"))
        self.body = str(settings.get("body", ""))
        self.body_format = str(settings.get("body_format", "json"))
        if self.body_format not in BODY_FORMATS:
            raise ValidationError(tr("body format must be one of {choices}", choices=", ".join(BODY_FORMATS)))
        self.success_contains = str(settings.get("success_contains", ""))
        self.timeout = float(settings.get("timeout_s", DEFAULT_TIMEOUT_S))
        self.secret = secrets.get("secret", "")
        if settings.get("uplink_port") not in (None, ""):
            try:
                port = int(settings["uplink_port"])
            except (TypeError, ValueError):
                port = -1
            if not 0 < port < 65536:
                raise ValidationError(tr("the uplink port must be a number from 1 to 65535"))

    def request(self, message: Outgoing) -> tuple[str, bytes | None]:
        """The URL and body this message goes out as."""
        raw = {"phone": message.address, "text": message.short, "key": message.key, "secret": self.secret}
        url = fill(self.url, {k: urllib.parse.quote(v, safe="") for k, v in raw.items()})
        if self.method == "GET" or not self.body:
            return url, None
        return url, fill(self.body, {k: _escape(v, self.body_format) for k, v in raw.items()}).encode("utf-8")

    def send(self, message: Outgoing) -> str:
        if not message.address:
            raise DeliveryError(tr("no phone number"))
        url, body = self.request(message)
        headers = {"Content-Type": BODY_FORMATS[self.body_format]} if body is not None else {}
        _status, text = http(url, body, self.method, headers, self.timeout, message.commit)
        if self.success_contains and self.success_contains not in text:
            raise DeliveryError(tr("the SMS gateway did not confirm: {answer}", answer=text[:200]))
        return text[:200]
