"""``egovops notify``: channels, recipients, rules, rota, a test message, the delivery log, and
``run``, the notifier on its own (the collector runs the same component).

Changes take the engineer role (``notify.manage``) and go to the audit trail; channel secrets are
asked for with a hidden prompt (or read from standard input) and kept in the OS keyring only.
"""

from __future__ import annotations

import time
from datetime import datetime

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.errors_opt import operator_errors
from egovops.cli.operator_opt import current_operator, operator_options, read_password
from egovops.cli.output import emit_json, emit_table
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.notify.channels import KINDS
from egovops.notify.config import NotifyConfig
from egovops.notify.engine import Timing
from egovops.notify.log import send_test
from egovops.notify.model import ChannelConfig, Recipient, RotaEntry, Rule
from egovops.notify.repo import NotifyRepository
from egovops.notify.service import Notifier
from egovops.notify.text import names, pairs


def _when(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace(" ", "T", 1)).timestamp()
    except ValueError:
        raise ValidationError(tr("{text!r} is not a local time like 2026-10-03 22:00", text=text)) from None


def _at(value: float | None) -> str:
    return "" if value is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(value))


@click.group(help=tr("Notifications: channels, recipients, rules, on-call rota and the delivery log."))
def notify() -> None:
    pass


@notify.command("channels", help=tr("List notification channels."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def channels_command(app: AppContext, as_json: bool) -> None:
    found = NotifyRepository(app.database).channels()
    if as_json:
        emit_json([{"name": c.name, "kind": c.kind, "settings": c.settings, "enabled": c.enabled} for c in found])
        return
    emit_table([tr("name"), tr("kind"), tr("settings")],
               [(c.name, c.kind, ", ".join(f"{k}={v}" for k, v in c.settings.items())) for c in found])


@notify.command("channel-add",
                help=tr("Add or replace a channel; --secret FIELD asks for a secret to keep in the keyring."))
@click.argument("name")
@click.option("--kind", type=click.Choice(sorted(KINDS)), required=True)
@click.option("--set", "settings", multiple=True, help=tr("A setting, NAME=VALUE (repeat)."))
@click.option("--secret", "secret_fields", multiple=True, help=tr("A secret field to ask for (repeat)."))
@click.option("--secrets-stdin", is_flag=True, help=tr("Read the secrets from standard input, one a line."))
@operator_options
@pass_app
@operator_errors
def channel_add_command(app: AppContext, name: str, kind: str, settings: tuple[str, ...],
                        secret_fields: tuple[str, ...], secrets_stdin: bool,
                        operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    config = NotifyConfig(app.database)
    config.check(operator, name)  # before a secret is asked for
    values: dict[str, object] = dict(pairs(settings, "--set"))
    for number in ("port", "timeout_s"):
        if number in values:
            try:
                values[number] = float(str(values[number])) if number == "timeout_s" else int(str(values[number]))
            except ValueError:
                raise ValidationError(tr("{name} must be a number", name=number)) from None
    secrets = {f: read_password(secrets_stdin, tr("{field} of channel {name}: ", field=f, name=name))
               for f in secret_fields}
    config.save_channel(operator, ChannelConfig(name, kind, values), secrets)
    click.echo(tr("channel {name} saved", name=name))


@notify.command("recipient-add", help=tr("Add or replace a person or a group."))
@click.argument("name")
@click.option("--group", "members", help=tr("Make it a group of these recipients (comma-separated)."))
@click.option("--address", "addresses", multiple=True, help=tr("CHANNEL=ADDRESS (repeat)."))
@click.option("--language", type=click.Choice(["zh_CN", "en"]), default="zh_CN", show_default=True)
@click.option("--desk-operator", "desk_operator", default="", help=tr("Their name at a desk, as duty shifts show it."))
@click.option("--quiet", "quiet_hours", default="", help=tr("Quiet hours for non-critical alarms, e.g. 22:00-07:00."))
@click.option("--tz", default="Asia/Shanghai", show_default=True)
@operator_options
@pass_app
@operator_errors
def recipient_add_command(app: AppContext, name: str, members: str | None, addresses: tuple[str, ...],
                          language: str, desk_operator: str, quiet_hours: str, tz: str,
                          operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    recipient = Recipient(name, "group" if members else "person", language, desk_operator,
                          pairs(addresses, "--address"), names(members or ""), quiet_hours, tz)
    NotifyConfig(app.database).save_recipient(operator, recipient)
    click.echo(tr("recipient {name} saved", name=name))


@notify.command("rules", help=tr("List notification rules."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def rules_command(app: AppContext, as_json: bool) -> None:
    found = NotifyRepository(app.database).rules()
    if as_json:
        emit_json([{"name": r.name, "levels": r.levels, "severities": r.severities, "kinds": r.kinds,
                    "network": r.network, "site": r.site, "owner_unit": r.owner_unit,
                    "escalate_after_s": r.escalate_after_s, "repeat_s": r.repeat_s} for r in found])
        return
    emit_table([tr("name"), tr("severity"), tr("site"), tr("levels"), tr("escalate after")],
               [(r.name, ",".join(r.severities), r.site, " → ".join("+".join(level) for level in r.levels),
                 f"{r.escalate_after_s:.0f} s") for r in found])


@notify.command("rule-add", help=tr("Add or replace a rule; --level lists who is told at each level, in order."))
@click.argument("name")
@click.option("--level", "levels", multiple=True, required=True,
              help=tr("Recipients of one level, comma-separated; 'oncall' or 'oncall:2' for the rota (repeat)."))
@click.option("--severity", default="", help=tr("Severities, comma-separated (default: any)."))
@click.option("--kind", "kinds", default="", help=tr("Alarm kinds, comma-separated (default: any)."))
@click.option("--network", default="")
@click.option("--site", default="", help=tr("Site subtree, e.g. 安徽省/合肥市."))
@click.option("--owner-unit", default="")
@click.option("--escalate-after", type=float, default=900.0, show_default=True, help=tr("Seconds."))
@click.option("--repeat", type=float, default=900.0, show_default=True, help=tr("Seconds."))
@operator_options
@pass_app
@operator_errors
def rule_add_command(app: AppContext, name: str, levels: tuple[str, ...], severity: str, kinds: str, network: str,
                     site: str, owner_unit: str, escalate_after: float, repeat: float,
                     operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    rule = Rule(name, tuple(names(level) for level in levels), names(severity), names(kinds), network, site,
                owner_unit, escalate_after, repeat)
    NotifyConfig(app.database).save_rule(operator, rule)
    click.echo(tr("rule {name} saved", name=name))


@notify.command("rota", help=tr("Who is on call, and from when."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def rota_command(app: AppContext, as_json: bool) -> None:
    found = NotifyRepository(app.database).rota()
    if as_json:
        emit_json([e.__dict__ for e in found])
        return
    emit_table([tr("id"), tr("site"), tr("level"), tr("recipient"), tr("on call from"), tr("on call until")],
               [(e.id, e.site, e.level, e.recipient, _at(e.starts_at), _at(e.ends_at)) for e in found])


@notify.command("rota-add", help=tr("Put a recipient on call for a site subtree from a handover time."))
@click.argument("recipient")
@click.option("--site", default="", help=tr("Site subtree (default: everywhere)."))
@click.option("--level", type=int, default=1, show_default=True)
@click.option("--from", "starts", required=True, help=tr("Local handover time, e.g. \"2026-10-03 08:00\"."))
@click.option("--until", "ends", help=tr("Local end time (default: open)."))
@operator_options
@pass_app
@operator_errors
def rota_add_command(app: AppContext, recipient: str, site: str, level: int, starts: str, ends: str | None,
                     operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    ident = NotifyConfig(app.database).add_rota(operator, RotaEntry(site, level, recipient, _when(starts) or 0.0,
                                                                     _when(ends)))
    click.echo(tr("rota entry {id} added", id=ident))


@notify.command("remove", help=tr("Remove a channel (and its secrets), a recipient or a rule."))
@click.argument("what", type=click.Choice(["channel", "recipient", "rule"]))
@click.argument("name")
@operator_options
@pass_app
@operator_errors
def remove_command(app: AppContext, what: str, name: str, operator_login: tuple[str | None, bool]) -> None:
    NotifyConfig(app.database).remove(current_operator(app, operator_login), what, name)
    click.echo(tr("{what} {name} removed", what=tr(what), name=name))


@notify.command("rota-end", help=tr("End a rota entry now, or at --at."))
@click.argument("entry_id", type=int)
@click.option("--at", "at_text", help=tr("Local time, e.g. \"2026-10-03 08:00\" (default: now)."))
@operator_options
@pass_app
@operator_errors
def rota_end_command(app: AppContext, entry_id: int, at_text: str | None,
                     operator_login: tuple[str | None, bool]) -> None:
    at = _when(at_text) or time.time()
    NotifyConfig(app.database).end_rota(current_operator(app, operator_login), entry_id, at)
    click.echo(tr("rota entry {id} ends at {at}", id=entry_id, at=_at(at)))


@notify.command("test", help=tr("Send a test message over a channel and say whether it went out."))
@click.argument("channel")
@click.option("--to", "address", default="", help=tr("The address on that channel (mail, phone…)."))
@operator_options
@pass_app
@operator_errors
def test_command(app: AppContext, channel: str, address: str, operator_login: tuple[str | None, bool]) -> None:
    send_test(app.database, current_operator(app, operator_login), channel, address)
    click.echo(tr("test message sent over {channel}", channel=channel))


@notify.command("resend", help=tr("Send an uncertain or failed notification again, with the same key."))
@click.argument("outbox_id", type=int)
@operator_options
@pass_app
@operator_errors
def resend_command(app: AppContext, outbox_id: int, operator_login: tuple[str | None, bool]) -> None:
    NotifyConfig(app.database).send_again(current_operator(app, operator_login), outbox_id)
    click.echo(tr("notification {id} queued again", id=outbox_id))


@notify.command("log", help=tr("What was sent, to whom, over which channel, and whether it arrived."))
@click.option("--alarm", "alarm_id", type=int, help=tr("Only this alarm's notifications."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
@operator_errors
def log_command(app: AppContext, alarm_id: int | None, as_json: bool) -> None:
    repo = NotifyRepository(app.database)
    rows = repo.outbox(alarm_id)
    attempts: dict[int, list[object]] = {}
    for a in repo.attempts([r.id for r in rows]):
        attempts.setdefault(a.outbox_id, []).append({"at": a.at, "ok": a.ok, "detail": a.detail, "by": a.by})
    if as_json:
        emit_json([{**r.__dict__, "attempt_log": attempts.get(r.id, [])} for r in rows])
        return
    emit_table([tr("id"), tr("alarm"), tr("purpose"), tr("recipient"), tr("channel"), tr("state"), tr("attempts"),
                tr("queued"), tr("sent")],
               [(r.id, r.alarm_id or "", tr(r.purpose), r.recipient, r.channel, tr(r.state), r.attempts,
                 _at(r.created_at), _at(r.sent_at)) for r in rows])


@notify.command("run",
                help=tr("Run the notifier: decide, queue and send, until stopped (the collector does the same)."))
@click.option("--once", is_flag=True, help=tr("One pass, then exit."))
@click.option("--interval", type=float, default=5.0, show_default=True, help=tr("Seconds between passes."))
@click.option("--settle", type=float, default=30.0, show_default=True,
              help=tr("Seconds an alarm waits before it notifies (root-cause analysis folds it meanwhile)."))
@click.option("--flap", type=float, default=120.0, show_default=True,
              help=tr("An alarm back within this many seconds of clearing is not told again."))
@pass_app
@operator_errors
def run_command(app: AppContext, once: bool, interval: float, settle: float, flap: float) -> None:
    notifier = Notifier(app.database, interval, Timing(settle, flap))
    if once:
        queued, sent = notifier.run_once()
        click.echo(tr("{queued} queued, {sent} sent", queued=queued, sent=sent))
        return
    notifier.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        notifier.stop()


commands = [notify]
