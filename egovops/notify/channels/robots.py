"""Group robots of WeCom (企业微信) and DingTalk (钉钉), and a generic JSON webhook.

Bodies as the services publish them: WeCom ``{"msgtype": "text", "text": {"content",
"mentioned_mobile_list"}}``; DingTalk ``{"msgtype": "text", "text": {"content"}, "at": {"atMobiles",
"isAtAll"}}``, and for a robot with 加签 the URL gains ``timestamp`` (ms) and ``sign``:
base64(HMAC-SHA256(key=secret, "timestamp\\nsecret")), URL-encoded. The URL is the operator's in
full (an internal gateway's), with ``$key``/``$token`` filled from the keyring.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse
from typing import Any, ClassVar

from egovops.notify.channels.base import DEFAULT_TIMEOUT_S, Outgoing, fill, post_json, require, robot_reply

WECOM_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=$key"
DINGTALK_URL = "https://oapi.dingtalk.com/robot/send?access_token=$token"


def _content(message: Outgoing) -> str:
    # The outbox key's head in the text: a repeat after a crash is recognisable in the group.
    return f"{message.text}\n#{message.key[:12]}"


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature of a request, URL-encoded, as its robot documentation computes it."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest))


class WeComChannel:
    SETTINGS: ClassVar[tuple[str, ...]] = ("url", "timeout_s")
    SECRETS: ClassVar[tuple[str, ...]] = ("key",)

    @classmethod
    def drops_repeats(cls, settings: dict[str, Any]) -> bool:
        return False  # a group robot posts every request it gets

    def __init__(self, settings: dict[str, Any], secrets: dict[str, str]) -> None:
        self.url = fill(str(settings.get("url") or WECOM_URL), {"key": urllib.parse.quote(secrets.get("key", ""))})
        self.timeout = float(settings.get("timeout_s", DEFAULT_TIMEOUT_S))

    def send(self, message: Outgoing) -> str:
        text: dict[str, Any] = {"content": _content(message)}
        if message.address:
            text["mentioned_mobile_list"] = [message.address]
        return robot_reply(post_json(self.url, {"msgtype": "text", "text": text}, message, self.timeout))


class DingTalkChannel:
    SETTINGS: ClassVar[tuple[str, ...]] = ("url", "timeout_s")
    SECRETS: ClassVar[tuple[str, ...]] = ("token", "sign_secret")

    @classmethod
    def drops_repeats(cls, settings: dict[str, Any]) -> bool:
        return False  # a group robot posts every request it gets

    def __init__(self, settings: dict[str, Any], secrets: dict[str, str]) -> None:
        self.url = fill(str(settings.get("url") or DINGTALK_URL),
                        {"token": urllib.parse.quote(secrets.get("token", ""))})
        self.sign_secret = secrets.get("sign_secret", "")
        self.timeout = float(settings.get("timeout_s", DEFAULT_TIMEOUT_S))

    def signed_url(self, timestamp_ms: int) -> str:
        if not self.sign_secret:
            return self.url
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}timestamp={timestamp_ms}&sign={dingtalk_sign(self.sign_secret, timestamp_ms)}"

    def send(self, message: Outgoing) -> str:
        payload = {"msgtype": "text", "text": {"content": _content(message)},
                   "at": {"atMobiles": [message.address] if message.address else [], "isAtAll": False}}
        url = self.signed_url(int(time.time() * 1000))
        return robot_reply(post_json(url, payload, message, self.timeout))


class WebhookChannel:
    """Any receiver that takes JSON: the whole message with its key, and a bearer token if kept."""

    SETTINGS: ClassVar[tuple[str, ...]] = ("url", "timeout_s", "drops_repeats")
    SECRETS: ClassVar[tuple[str, ...]] = ("token",)

    @classmethod
    def drops_repeats(cls, settings: dict[str, Any]) -> bool:
        # The receiver is told the key twice (the JSON field and the Idempotency-Key header): a
        # receiver that cannot drop a repeat is told so by the operator with ``drops_repeats: false``.
        return str(settings.get("drops_repeats", True)).lower() not in ("false", "0", "no")

    def __init__(self, settings: dict[str, Any], secrets: dict[str, str]) -> None:
        self.url = str(require(settings, "url"))
        self.token = secrets.get("token", "")
        self.timeout = float(settings.get("timeout_s", DEFAULT_TIMEOUT_S))

    def send(self, message: Outgoing) -> str:
        payload = {"idempotency_key": message.key, "to": message.address, "subject": message.subject,
                   "text": message.text, "short": message.short}
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return post_json(self.url, payload, message, self.timeout, headers)[:200]
