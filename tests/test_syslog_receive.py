"""Syslog received from real senders (util-linux logger, raw sockets) and parsed per vendor."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest

from egovops.events.model import Event
from egovops.events.syslog_parse import parse_syslog
from egovops.events.syslog_receiver import SyslogReceiver


class Heard:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.cond = threading.Condition()

    def __call__(self, raw: bytes, source: str, at: float) -> None:
        with self.cond:
            self.events.append(parse_syslog(raw, source, at))
            self.cond.notify_all()

    def wait(self, count: int, timeout: float = 5.0) -> list[Event]:
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.events) >= count, timeout), self.events
            return list(self.events)


@pytest.fixture
def receiver() -> Iterator[tuple[SyslogReceiver, Heard]]:
    heard = Heard()
    found = SyslogReceiver(heard, "127.0.0.1", 0, 0)
    found.start()
    yield found, heard
    found.stop()


def logger(port: int, *options: str, message: str) -> None:
    subprocess.run(["logger", "--server", "127.0.0.1", "--port", str(port), *options, "-t", "egov-test",
                    "-p", "local7.err", message], check=True, timeout=10)


@pytest.mark.parametrize("options", [("--udp", "--rfc3164"), ("--udp", "--rfc5424"), ("--tcp", "--rfc3164"),
                                     ("--tcp", "--rfc5424"), ("--tcp", "--rfc5424", "--octet-count")])
def test_logger_lines_arrive_with_severity_tag_and_time(receiver, options) -> None:
    found, heard = receiver
    port = found.udp_port if "--udp" in options else found.tcp_port
    logger(port, *options, message="第一条 test line")
    logger(port, *options, message="second line")
    first, second = heard.wait(2)
    assert first.text == "第一条 test line" and second.text == "second line"
    assert first.severity == "major" and first.module == "egov-test" and first.source == "127.0.0.1"
    assert first.sent_at is not None and abs(first.sent_at - first.received_at) < 5


HUAWEI_TEXT = "接口 GigabitEthernet0/0/1 的线路协议状态变为 DOWN。"
HUAWEI = "<188>Dec  6 2026 12:00:00 HZ-CORE %%01IFNET/4/LINK_STATE(l)[0]:" + HUAWEI_TEXT
H3C = "<189>Dec  6 12:00:01 2026 H3C %%10SHELL/5/SHELL_CMD: -Line=vty0-IPAddr=10.0.0.1-User=admin; Command is save"
CISCO = "<189>123: *Dec  6 12:00:02.345: %SYS-5-CONFIG_I: Configured from console by vty0 (10.0.0.1)"
RUIJIE = ("<187>Dec  6 12:00:03 RG-S5750 %LINEPROTO-5-UPDOWN: "
          "Line protocol on Interface GigabitEthernet 0/1, changed state to down")
ZTE = ("<187>Dec  6 12:00:04 ZXR10 alarm 20002 ID 17 level 3 occurred at 12:00:04 12/06/2026 sent by ZXR10 1/1 "
       "%IFNET% 端口 gei-0/1/0/1 物理状态 down")
# The ZXR10 manual's own example, in a release without levels; the board that sent it ends the line.
ZTE_OLD = ("<187>Dec  6 12:00:05 ZXR10 15:41:22 09/11/2003 UTC alarm 6 occurred. %ENVIRONMENT% Rack fan 1 wrong "
           "sent by UPC(MPU) 1")


@pytest.mark.parametrize(("line", "encoding", "expected"), [
    (HUAWEI, "utf-8", ("huawei", "IFNET", "minor", "LINK_STATE", HUAWEI_TEXT)),
    (HUAWEI, "gbk", ("huawei", "IFNET", "minor", "LINK_STATE", HUAWEI_TEXT)),
    (H3C, "utf-8", ("h3c", "SHELL", "warning", "SHELL_CMD", "-Line=vty0-IPAddr=10.0.0.1-User=admin; Command is save")),
    (CISCO, "utf-8", ("cisco", "SYS", "warning", "CONFIG_I", "Configured from console by vty0 (10.0.0.1)")),
    (RUIJIE, "gbk", ("cisco", "LINEPROTO", "warning", "UPDOWN",
                     "Line protocol on Interface GigabitEthernet 0/1, changed state to down")),
    (ZTE, "gbk", ("zte", "IFNET", "critical", "20002", "端口 gei-0/1/0/1 物理状态 down")),  # level 3: syslog 2
    (ZTE, "utf-8", ("zte", "IFNET", "critical", "20002", "端口 gei-0/1/0/1 物理状态 down")),
    (ZTE_OLD, "utf-8", ("zte", "ENVIRONMENT", "major", "6", "Rack fan 1 wrong")),  # no level: the PRI's
])
@pytest.mark.parametrize("transport", ["udp", "tcp-newline", "tcp-octets"])
def test_vendor_lines_are_parsed_in_gbk_and_utf8(receiver, line, encoding, expected, transport) -> None:
    found, heard = receiver
    raw = line.encode(encoding)
    if transport == "udp":
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.sendto(raw, ("127.0.0.1", found.udp_port))
    else:
        with socket.create_connection(("127.0.0.1", found.tcp_port), timeout=5) as s:
            frame = raw + b"\n" if transport == "tcp-newline" else str(len(raw)).encode() + b" " + raw
            s.sendall(frame * 2)  # two in one segment: the framing splits them
    events = heard.wait(1 if transport == "udp" else 2)
    event = events[0]
    assert (event.extra["vendor"], event.module, event.severity, event.mnemonic, event.text) == expected
    second = int(re.search(r"12:00:0(\d)", line)[1])  # type: ignore[index]
    assert event.sent_at is not None and time.localtime(event.sent_at)[1:6] == (12, 6, 12, 0, second)
    if transport != "udp":
        assert events[1].text == event.text


def test_a_line_of_no_known_format_keeps_its_text_and_a_hostile_frame_closes_only_its_connection(receiver) -> None:
    found, heard = receiver
    with socket.create_connection(("127.0.0.1", found.tcp_port), timeout=5) as s:
        s.sendall(b"99999999 <13>too long")
        assert s.recv(10) == b""  # closed by the receiver
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(b"no header at all \xff\xfe", ("127.0.0.1", found.udp_port))
    (event,) = heard.wait(1)
    assert event.severity == "info" and event.module == "" and event.text.startswith("no header at all")
