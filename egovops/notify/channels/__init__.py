"""Channels: how a message leaves egovops. One module per kind, one ``send`` each, no storage.

Own code on the standard library rather than apprise (looked at for issue 20): apprise's WeCom and
DingTalk plugins post to the public hosts written in the plugin (``oapi.dingtalk.com``,
``qyapi.weixin.qq.com``), while government networks reach these services through internal
gateways, so the endpoint must be configurable in full; apprise also wants secrets inside its
notification URLs, where egovops keeps them in the OS keyring only. What remains per kind is a
JSON body and, for DingTalk, a documented HMAC: a few lines each on ``smtplib``/``email`` and
``urllib``, with explicit timeouts and one error type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.notify.channels.base import Channel, DeliveryError, Outgoing
from egovops.notify.channels.email import EmailChannel
from egovops.notify.channels.robots import DingTalkChannel, WebhookChannel, WeComChannel
from egovops.notify.channels.sms import SmsChannel

KINDS: dict[str, type[Channel]] = {
    "email": EmailChannel, "sms": SmsChannel, "wecom": WeComChannel, "dingtalk": DingTalkChannel,
    "webhook": WebhookChannel,
}

__all__ = ["KINDS", "Channel", "DeliveryError", "Outgoing", "build"]


def build(kind: str, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> Channel:
    """A channel of ``kind`` with its stored settings and the secrets the keyring holds for it."""
    if kind not in KINDS:
        raise ValidationError(tr("unknown channel kind {kind}: choose one of {kinds}", kind=kind,
                                 kinds=", ".join(KINDS)))
    return KINDS[kind](dict(settings), dict(secrets))
