"""Channels against real servers on loopback: aiosmtpd for mail, http.server for the robots and the SMS gateway."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from pathlib import Path

import pytest

from egovops.errors import ValidationError
from egovops.notify.channels import DeliveryError, Outgoing, build
from tests.fixtures.http_sink import HttpSink
from tests.fixtures.smtp import PASSWORD, SmtpSink

SUBJECT = "【严重】合肥市 HF-EXT-AGG-01 设备宕机"
TEXT = "设备 HF-EXT-AGG-01 (合肥市) 自 10:02 起无应答，影响 9 台下联设备。告警编号 42"
MESSAGE = Outgoing("zhang.san@hefei.gov.cn", SUBJECT, TEXT, "HF-EXT-AGG-01宕机,影响9台,告警42", "k" * 32)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # implicit TLS: aiosmtpd cannot see it
@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_mail_arrives_with_its_chinese_subject_encoded(tmp_path: Path, security: str) -> None:
    sink = SmtpSink(tmp_path, security=security)
    sink.start()
    try:
        build("email", sink.settings(), {"password": PASSWORD}).send(MESSAGE)
        [mail] = sink.wait_for(1)
    finally:
        sink.stop()
    raw = mail.as_bytes().decode("ascii")  # every header and the body 7-bit on the wire
    assert "=?utf-8?" in raw.split("\n\n", 1)[0].lower()  # RFC 2047 encoded-word in the headers
    assert mail["Subject"] == SUBJECT
    assert mail.get_content().strip() == TEXT
    assert mail["Message-ID"] == f"<{'k' * 32}@egovops>"
    assert sink.logins == ["noc-robot"]


def test_a_wrong_password_is_a_delivery_error_without_the_password(smtp_server: SmtpSink) -> None:
    with pytest.raises(DeliveryError) as failed:
        build("email", smtp_server.settings(), {"password": "wrong-口令"}).send(MESSAGE)
    assert "wrong" not in str(failed.value) and smtp_server.received == []


def test_a_server_that_is_down_is_a_delivery_error(tmp_path: Path) -> None:
    sink = SmtpSink(tmp_path)  # never started: nothing listens on its port
    with pytest.raises(DeliveryError, match=str(sink.port)):
        build("email", sink.settings(timeout_s=2), {"password": PASSWORD}).send(MESSAGE)


def test_wecom_payload_as_published(http_sink: HttpSink) -> None:
    url = http_sink.url + "/gw/wecom/cgi-bin/webhook/send?key=$key"
    build("wecom", {"url": url}, {"key": "693a91f6-7xxx"}).send(MESSAGE)
    [request] = http_sink.requests
    assert (request.method, request.path, request.query) == ("POST", "/gw/wecom/cgi-bin/webhook/send",
                                                             {"key": "693a91f6-7xxx"})
    assert request.headers["content-type"].startswith("application/json")
    assert request.json() == {"msgtype": "text", "text": {"content": f"{TEXT}\n#{'k' * 12}",
                                                          "mentioned_mobile_list": [MESSAGE.address]}}


def test_dingtalk_signature_exactly_as_documented(http_sink: HttpSink) -> None:
    secret = "SEC1f2e3d4c5b6a79880000"
    before = int(time.time() * 1000)
    build("dingtalk", {"url": http_sink.url + "/robot/send?access_token=$token"},
          {"token": "abc123", "sign_secret": secret}).send(MESSAGE)
    [request] = http_sink.requests
    timestamp = int(request.query["timestamp"])
    assert before <= timestamp <= int(time.time() * 1000)
    expected = base64.b64encode(hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest())
    assert request.query["sign"] == expected.decode()  # parse_qsl decoded the URL-encoding once
    assert request.query["access_token"] == "abc123"
    assert request.json() == {"msgtype": "text", "text": {"content": f"{TEXT}\n#{'k' * 12}"},
                              "at": {"atMobiles": [MESSAGE.address], "isAtAll": False}}


def test_a_robot_errcode_is_a_failure(http_sink: HttpSink) -> None:
    http_sink.reply = '{"errcode":310000,"errmsg":"sign not match"}'
    with pytest.raises(DeliveryError, match="310000"):
        build("dingtalk", {"url": http_sink.url + "/robot/send"}, {"sign_secret": "SECx"}).send(MESSAGE)


def test_sms_gateway_from_the_operator_template(http_sink: HttpSink) -> None:
    http_sink.reply = '{"code":0,"msg":"ok"}'
    settings = {"url": http_sink.url + "/sms/send?account=noc&sign=$secret", "method": "POST",
                "body": '{"mobile": "$phone", "content": "$text", "bizId": "$key"}', "body_format": "json",
                "success_contains": '"code":0'}
    short = 'HF-EXT-AGG-01 "宕机"'
    build("sms", settings, {"secret": "a&b"}).send(Outgoing("13800000000", "s", "long", short, "key1"))
    [request] = http_sink.requests
    assert request.query == {"account": "noc", "sign": "a&b"}  # the secret URL-quoted, not splitting the query
    assert request.json() == {"mobile": "13800000000", "content": short, "bizId": "key1"}


def test_sms_gateway_that_does_not_confirm_is_a_failure(http_sink: HttpSink) -> None:
    http_sink.reply = '{"code":17,"msg":"balance"}'
    with pytest.raises(DeliveryError, match="balance"):
        build("sms", {"url": http_sink.url + "/sms?to=$phone&msg=$text", "method": "GET",
                      "success_contains": '"code":0'}, {}).send(MESSAGE)
    assert http_sink.requests[0].query["msg"] == MESSAGE.short


def test_webhook_carries_the_idempotency_key(http_sink: HttpSink) -> None:
    http_sink.status = 500
    with pytest.raises(DeliveryError, match="500"):
        build("webhook", {"url": http_sink.url + "/hook"}, {"token": "t0k"}).send(MESSAGE)
    [request] = http_sink.requests
    assert request.headers["idempotency-key"] == "k" * 32 and request.headers["authorization"] == "Bearer t0k"
    assert request.json()["idempotency_key"] == "k" * 32


def test_bad_settings_are_one_line_errors() -> None:
    with pytest.raises(ValidationError, match="host"):
        build("email", {"sender": "a@b"}, {})
    with pytest.raises(ValidationError, match="kind"):
        build("pager", {}, {})
