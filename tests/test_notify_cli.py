"""``egovops notify`` as an operator types it: configure, send a test message, read the log; bad input
gives one line and exit code 1."""

from __future__ import annotations

import json
import time

import pytest

from egovops.notify.engine import Timing
from egovops.notify.service import Notifier
from tests.fixtures.outage import Outage
from tests.fixtures.smtp import PASSWORD, SmtpSink
from tests.fixtures.store import Cli
from tests.test_notify_flow import configure

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]


def ok(result: object) -> str:
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    return result.stdout  # type: ignore[attr-defined,no-any-return]


def test_configure_then_send_a_test_message_and_read_the_log(cli: Cli, database: object,
                                                              smtp_server: SmtpSink) -> None:
    settings = [f"--set={k}={v}" for k, v in smtp_server.settings().items()]
    ok(cli("notify", "channel-add", "mail", "--kind", "email", *settings, "--secret", "password", "--secrets-stdin",
           input=PASSWORD + "\n"))
    ok(cli("notify", "recipient-add", "zhang", "--address", "mail=zhang@ah.gov.cn", "--quiet", "22:00-07:00"))
    ok(cli("notify", "rule-add", "city", "--level", "oncall", "--level", "oncall:2,zhang", "--severity", "critical",
           "--site", "安徽省/合肥市", "--escalate-after", "600"))
    ok(cli("notify", "rota-add", "zhang", "--site", "安徽省/合肥市", "--from", "2026-12-01 08:00"))
    [channel] = json.loads(ok(cli("notify", "channels", "--json")))
    assert channel["settings"]["port"] == smtp_server.port and PASSWORD not in json.dumps(channel)
    [rule] = json.loads(ok(cli("notify", "rules", "--json")))
    assert rule["levels"] == [["oncall"], ["oncall:2", "zhang"]] and rule["escalate_after_s"] == 600
    assert "zhang" in ok(cli("notify", "rota"))
    assert "mail" in ok(cli("notify", "test", "mail", "--to", "zhang@ah.gov.cn"))
    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == "zhang@ah.gov.cn"
    [row] = json.loads(ok(cli("notify", "log", "--json")))
    assert (row["purpose"], row["state"], row["attempts"]) == ("test", "sent", 1)
    assert [a["ok"] for a in row["attempt_log"]] == [True]
    assert json.loads(ok(cli("notify", "log", "--alarm", "99", "--json"))) == []


def test_a_failing_test_message_says_why_in_one_line(cli: Cli, database: object, smtp_server: SmtpSink) -> None:
    settings = [f"--set={k}={v}" for k, v in smtp_server.settings().items()]
    ok(cli("notify", "channel-add", "mail", "--kind", "email", *settings, "--secret", "password", "--secrets-stdin",
           input="wrong\n"))
    failed = cli("notify", "test", "mail", "--to", "zhang@ah.gov.cn")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert f"SMTP 127.0.0.1:{smtp_server.port}" in failed.stderr and len(failed.stderr.strip().splitlines()) == 1
    assert smtp_server.received == [] and "wrong" not in failed.stderr


@pytest.mark.parametrize("args", [
    ("notify", "channel-add", "x", "--kind", "email", "--set", "host"),
    ("notify", "channel-add", "x", "--kind", "email", "--set", "host=h", "--set", "sender=a@b", "--set", "colour=red"),
    ("notify", "channel-add", "x", "--kind", "email", "--set", "host=h", "--set", "port=twenty-five"),
    ("notify", "test", "no-such-channel"),
    ("notify", "rota-add", "nobody", "--from", "2026-12-01 08:00"),
    ("notify", "rota-add", "nobody", "--from", "yesterday"),
    ("notify", "recipient-add", "li", "--quiet", "late"),
    ("notify", "rule-add", "r", "--level", ","),
])
def test_bad_input_is_one_line_and_exit_code_1(cli: Cli, database: object, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_remove_a_channel_forgets_its_secret_and_a_rota_entry_ends(cli: Cli, database: object) -> None:
    import keyring

    from egovops.notify.secrets import SERVICE, entry

    ok(cli("notify", "channel-add", "bot", "--kind", "dingtalk", "--secret", "token", "--secret", "sign_secret",
           "--secrets-stdin", input="tok\nSECsign\n"))
    names = [entry(database, "bot", f) for f in ("token", "sign_secret")]  # type: ignore[arg-type]
    assert [keyring.get_password(SERVICE, n) for n in names] == ["tok", "SECsign"]
    ok(cli("notify", "remove", "channel", "bot"))
    assert [keyring.get_password(SERVICE, n) for n in names] == [None, None]
    assert json.loads(ok(cli("notify", "channels", "--json"))) == []
    missing = cli("notify", "remove", "rule", "nothing")
    assert missing.returncode == 1 and "nothing" in missing.stderr
    ok(cli("notify", "recipient-add", "zhang"))
    ok(cli("notify", "rota-add", "zhang", "--from", "2026-12-01 08:00"))
    ok(cli("notify", "rota-end", "1", "--at", "2026-12-02 08:00"))
    [rota] = json.loads(ok(cli("notify", "rota", "--json")))
    assert rota["ends_at"] - rota["starts_at"] == 86400


def test_log_per_alarm_says_who_was_told_when_over_which_channel_and_whether_it_arrived(
        cli: Cli, outage: Outage, smtp_server: SmtpSink) -> None:
    configure(outage.database, smtp_server)
    Notifier(outage.database, timing=Timing(settle_s=30.0)).run_once(time.time() + 31)
    [row] = json.loads(ok(cli("notify", "log", "--alarm", str(outage.root_alarm), "--json")))
    assert (row["recipient"], row["channel"], row["address"], row["purpose"], row["state"]) == (
        "zhang", "mail", "zhang@ah.gov.cn", "alarm", "sent")
    assert row["sent_at"] is not None and [a["ok"] for a in row["attempt_log"]] == [True]
    assert json.loads(ok(cli("notify", "log", "--alarm", str(outage.cpu_alarm), "--json"))) == []
    table = ok(cli("notify", "log", "--alarm", str(outage.root_alarm), env={"EGOVOPS_LANG": "zh_CN"}))
    assert "zhang" in table and "已发送" in table and "告警" in table
