"""What every channel shares: the message handed to it, its one error, and plain HTTP."""

from __future__ import annotations

import json
import socket
import ssl
import string
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from egovops.errors import EgovopsError, ValidationError
from egovops.i18n import tr

DEFAULT_TIMEOUT_S = 10.0


class DeliveryError(EgovopsError):
    """The channel did not take the message: the outbox retries later and records why.

    ``ambiguous``: the failure came after the commit point (the receiver may have taken the message
    and the answer was lost), so the sender cannot know whether it arrived."""

    def __init__(self, message: str, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.ambiguous = ambiguous


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Outgoing:
    """One message to one address. ``key`` is the outbox row's idempotency key: every channel puts
    it in what it sends (Message-ID, a JSON field, a header), so a receiver can drop a repeat."""

    address: str
    subject: str
    text: str
    short: str  # the SMS form: one 70-character segment where it can be
    key: str
    # Called by the channel at its commit point, the last moment before which the receiver cannot
    # have the message (SMTP: before the dot that ends DATA; HTTP: before the request is sent). The
    # outbox records the row as ``committing`` there, in its own transaction: after a crash, a row
    # still ``sending`` was certainly not delivered and is sent again.
    commit: Callable[[], None] = field(default=_nothing, compare=False)


class Channel(Protocol):
    SETTINGS: ClassVar[tuple[str, ...]]  # the settings the kind understands (no secret among them)
    SECRETS: ClassVar[tuple[str, ...]]  # what it keeps in the keyring

    @classmethod
    def drops_repeats(cls, settings: dict[str, Any]) -> bool:
        """Whether the receiver drops a second copy with the same key: then a send whose end is
        unknown is sent again; otherwise it is held as ``uncertain`` for the operator."""
        ...

    def __init__(self, settings: dict[str, Any], secrets: dict[str, str]) -> None: ...

    def send(self, message: Outgoing) -> str:
        """Deliver, or raise DeliveryError; returns what the far end answered, for the attempt log."""
        ...


def require(settings: dict[str, Any], name: str) -> Any:
    value = settings.get(name)
    if value in (None, ""):
        raise ValidationError(tr("the channel needs the setting {name}", name=name))
    return value


def fill(template: str, values: dict[str, str]) -> str:
    """``$name`` fields filled in (``string.Template``: JSON bodies keep their own braces)."""
    try:
        return string.Template(template).substitute(values)
    except (KeyError, ValueError) as exc:
        raise ValidationError(tr("the template has an unknown field: {field}", field=str(exc))) from None


def http(url: str, body: bytes | None, method: str = "POST", headers: dict[str, str] | None = None,
         timeout: float = DEFAULT_TIMEOUT_S, commit: Callable[[], None] = _nothing) -> tuple[int, str]:
    """Status and text of one request; any non-2xx status and every transport failure raise."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    commit()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, reply.read(65536).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:  # an answer: the server said no, it did not take it
        raise DeliveryError(tr("the server answered HTTP {status}", status=exc.code)) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DeliveryError(tr("cannot reach {url}: {reason}", url=_safe(url), reason=str(reason)),
                            ambiguous=not _not_sent(reason)) from None


def _not_sent(reason: object) -> bool:
    """Failures that stop a request before a byte of it left: the server cannot have it. Anything
    else (a timeout, a reset, a closed connection) may come after the server took it."""
    return isinstance(reason, (ConnectionRefusedError, socket.gaierror, ssl.SSLCertVerificationError))


def _safe(url: str) -> str:
    """The URL without its query, where robots carry their keys."""
    return url.split("?", 1)[0]


def post_json(url: str, payload: dict[str, Any], message: Outgoing, timeout: float = DEFAULT_TIMEOUT_S,
              headers: dict[str, str] | None = None) -> str:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    sent = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": message.key, **(headers or {})}
    _status, text = http(url, body, "POST", sent, timeout, message.commit)
    return text


def robot_reply(text: str) -> str:
    """WeCom and DingTalk answer HTTP 200 with ``{"errcode": N, "errmsg": …}``: only 0 is success."""
    try:
        answer = json.loads(text)
    except ValueError:
        raise DeliveryError(tr("the robot answered something that is not JSON")) from None
    code = answer.get("errcode") if isinstance(answer, dict) else None
    if code != 0:
        raise DeliveryError(tr("the robot refused the message: {code} {why}", code=code,
                               why=str(answer.get("errmsg", "")) if isinstance(answer, dict) else ""))
    return text[:200]
