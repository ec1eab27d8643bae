"""``egovops events``: listen for traps and syslog, list and export what was received, retention."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from egovops.accounts.guard import authorize
from egovops.audit.log import AuditLog
from egovops.cli.context import AppContext, pass_app
from egovops.cli.maintenance_cmd import parse_duration, parse_local
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.errors import EgovopsError, ValidationError
from egovops.events.export import write_csv
from egovops.events.model import Event
from egovops.events.repo import LAW_MINIMUM_DAYS, EventRepository
from egovops.events.rules import load_rules
from egovops.events.storm import StormLimits
from egovops.i18n import tr, value_name
from egovops.storage.tables.events import EVENT_KINDS


def parse_since(text: str) -> float:
    """``24h``/``7d``/``30m`` ago, or a local time ``2026-12-01`` / ``2026-12-01 08:00``."""
    if text.strip()[:1].isdigit() and text.strip()[-1:].lower() in "dhm" and "-" not in text:
        return time.time() - parse_duration(text)
    return parse_local(text).timestamp()


_KIND_NAMES = {"trap": lambda: tr("trap"), "syslog": lambda: tr("syslog")}


def _when(at: float | None) -> str:
    return "" if at is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


def event_json(e: Event) -> dict[str, object]:
    return {k: getattr(e, k) for k in ("id", "received_at", "sent_at", "device", "source", "kind", "severity",
                                         "module", "mnemonic", "text", "varbinds", "rule")}


@click.group(help=tr("Traps and syslog received from the devices."))
def events() -> None:
    pass


def _filters(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--grep", metavar="TEXT",
                        help=tr("Only events whose text, module or mnemonic holds TEXT."))(func)
    func = click.option("--kind", type=click.Choice(EVENT_KINDS), help=tr("Only traps or only syslog."))(func)
    func = click.option("--since", metavar="WHEN", help=tr("From this long ago (24h, 7d) or this local time."))(func)
    func = click.option("--device", help=tr("Only this device (name or source address)."))(func)
    return func


@events.command("list", help=tr("List received events, newest first."))
@_filters
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_command(app: AppContext, device: str | None, since: str | None, kind: str | None, grep: str | None,
                 limit: int, as_json: bool) -> None:
    found = EventRepository(app.database).list(device, parse_since(since) if since else None, kind, grep, limit)
    if as_json:
        emit_json([event_json(e) for e in found])
        return
    emit_table([tr("received"), tr("device"), tr("kind"), tr("severity"), tr("module"), tr("mnemonic"), tr("rule"),
                tr("text")],
               [[_when(e.received_at), e.device or tr("unknown source {address}", address=e.source),
                 _KIND_NAMES[e.kind](), value_name("severity", e.severity), e.module, e.mnemonic, e.rule,
                 e.text[:120]] for e in found])


@events.command("export", help=tr("Write received events to a CSV file for auditors (UTF-8, all of them by default)."))
@_filters
@click.option("--until", metavar="WHEN", help=tr("Up to this local time."))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_app
def export_command(app: AppContext, device: str | None, since: str | None, kind: str | None, grep: str | None,
                   until: str | None, output: Path) -> None:
    found = EventRepository(app.database).list(device, parse_since(since) if since else None, kind, grep, None,
                                               until=parse_local(until).timestamp() if until else None)
    write_csv(reversed(found), output)
    click.echo(tr("{count} events written to {path}", count=len(found), path=output))


@events.command("counters", help=tr("What was counted instead of stored: bad community or keys, storms."))
@click.option("--since", metavar="WHEN", help=tr("From this long ago (24h, 7d) or this local time."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def counters_command(app: AppContext, since: str | None, as_json: bool) -> None:
    found = EventRepository(app.database).counters(parse_since(since) if since else 0.0)
    if as_json:
        emit_json([c.__dict__ for c in found])
        return
    emit_table([tr("day"), tr("source"), tr("counter"), tr("count"), tr("last seen")],
               [[time.strftime("%Y-%m-%d", time.gmtime(c.day)), c.source, c.counter, c.count, _when(c.last_at)]
                for c in found])


@events.command("retention", help=tr("Show, or set, how many days events are kept (the law asks for 180)."))
@click.argument("days", type=int, required=False)
@operator_options
@pass_app
def retention_command(app: AppContext, days: int | None, operator_login: tuple[str | None, bool]) -> None:
    repo = EventRepository(app.database)
    if days is not None:
        operator = current_operator(app, operator_login)
        audit = AuditLog(app.database)
        authorize(audit, operator, "events.retention", "events")
        before = repo.retention_days()
        repo.set_retention_days(days)
        audit.record(actor=operator.label(), role=operator.role.value, action="events.retention", subject="events",
                     details={"before": before, "after": days})
    kept = repo.retention_days()
    click.echo(tr("events are kept {days} days", days=kept))
    if kept < LAW_MINIMUM_DAYS:
        click.echo(tr("warning: {days} days is less than the {law} days the Cybersecurity Law (Art. 21) asks network "
                      "logs to be kept", days=kept, law=LAW_MINIMUM_DAYS), err=True)


@events.command("engine-id", help=tr("Record a device's SNMPv3 engine ID (hex), which its v3 traps are signed with."))
@click.argument("device")
@click.argument("engine_id")
@operator_options
@pass_app
def engine_id_command(app: AppContext, device: str, engine_id: str, operator_login: tuple[str | None, bool]) -> None:
    cleaned = engine_id.lower().removeprefix("0x").replace(":", "")
    if not (10 <= len(cleaned) <= 64 and len(cleaned) % 2 == 0 and all(c in "0123456789abcdef" for c in cleaned)):
        raise ValidationError(tr("{value!r} is not an engine ID: 5 to 32 bytes in hex", value=engine_id))
    app.inventory.device(device)  # one line if there is no such device
    operator = current_operator(app, operator_login)
    audit = AuditLog(app.database)
    authorize(audit, operator, "events.engine-id", device)
    EventRepository(app.database).set_engine_id(device, cleaned)
    audit.record(actor=operator.label(), role=operator.role.value, action="events.engine-id", subject=device,
                 details={"engine_id": cleaned})
    click.echo(tr("{device}: engine ID {engine_id}", device=device, engine_id=cleaned))


def _confirming_poll(app: AppContext, client: Any) -> Callable[[str], None]:
    """A one-device status poll (the collector wires its own poller instead)."""
    from egovops.polling.device_poll import STATUS
    from egovops.polling.poller import Poller
    from egovops.topology.poller_hook import attach as attach_root_cause

    poller = Poller(app.database, client, app.credentials)
    attach_root_cause(poller)  # a device behind a failed parent: unreachable, its alarms under the root

    def poll(device: str) -> None:
        poller.run_cycle(kinds={STATUS}, names=[device], label="event")

    return poll


@events.command("listen", help=tr("Receive traps and syslog into the store until stopped (Ctrl+C)."))
@click.option("--host", default="0.0.0.0", show_default=True, help=tr("The address to listen on."))
@click.option("--trap-port", type=click.IntRange(0, 65535), default=162, show_default=True)
@click.option("--syslog-port", type=click.IntRange(0, 65535), default=514, show_default=True,
              help=tr("UDP and TCP."))
@click.option("--no-traps", is_flag=True)
@click.option("--no-syslog", is_flag=True)
@click.option("--no-poll", is_flag=True, help=tr("Do not poll a device to confirm what its traps say."))
@click.option("--no-backup", is_flag=True,
              help=tr("Do not back up a device's configuration when it reports a change (rules with 'backup: true')."))
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path),
              help=tr("A rules file instead of the shipped one."))
@click.option("--seconds", type=click.FloatRange(min=0.1), help=tr("Stop after this long."))
@click.option("--storm-rate", type=click.FloatRange(min=1), default=StormLimits.per_source_rate, show_default=True,
              help=tr("Events/s one device may send; beyond it one storm alarm, and the excess is only counted."))
@click.option("--global-rate", type=click.FloatRange(min=1), default=StormLimits.global_rate, show_default=True,
              help=tr("Events/s stored from all devices together; beyond it the excess is only counted."))
@operator_options
@pass_app
def listen_command(app: AppContext, host: str, trap_port: int, syslog_port: int, no_traps: bool, no_syslog: bool,
                   no_poll: bool, no_backup: bool, rules_file: Path | None, seconds: float | None, storm_rate: float,
                   global_rate: float, operator_login: tuple[str | None, bool]) -> None:
    # pysnmp is imported only here: listing and exporting events start without it.
    from egovops.events.backup import BackupOnChange, procedure_backup
    from egovops.events.runtime import TrapCredentials, learn_engine_ids, listening, trap_credentials
    from egovops.snmp import SnmpClient, SnmpLoop

    rules = load_rules(rules_file)
    operator = current_operator(app, operator_login)
    snmp_loop = SnmpLoop("egovops-events-snmp").start()
    client = SnmpClient(snmp_loop)
    credentials, problems = None, []
    if not no_traps:  # v3 traps are signed with the sender's engine ID: ask the devices not yet known
        problems = learn_engine_ids(app.database, app.credentials, client)
        credentials = trap_credentials(app.database, app.credentials)
        problems += credentials.problems
    for problem in problems:
        click.echo(tr("warning: {problem}", problem=problem), err=True)
    poll = None if no_poll else _confirming_poll(app, client)
    backups = None if no_backup else BackupOnChange(procedure_backup(app.database, app.data_dir, app.credentials))
    running = listening(app.database, credentials or TrapCredentials(), rules, host,
                        None if no_traps else trap_port, None if no_syslog else syslog_port, poll,
                        StormLimits(storm_rate, 2 * storm_rate, global_rate, 2 * global_rate), backups)
    try:
        running.start()
    except OSError as exc:
        snmp_loop.stop()
        raise EgovopsError(tr("cannot listen on {host}: {reason} (ports below 1024 need privileges; "
                              "see --trap-port and --syslog-port)", host=host, reason=exc.strerror or exc)) from None
    AuditLog(app.database).record(actor=operator.label(), role=operator.role.value, action="events.listen",
                                  subject=host, details={"trap_port": running.traps.port if running.traps else None,
                                                         "syslog_port": running.syslog.udp_port if running.syslog
                                                         else None})
    if running.traps is not None:
        click.echo(tr("traps: udp {host}:{port}, engine ID {engine}", host=host, port=running.traps.port,
                      engine=running.traps.engine_id))
    if running.syslog is not None:
        click.echo(tr("syslog: udp and tcp {host}:{udp}/{tcp}", host=host, udp=running.syslog.udp_port,
                      tcp=running.syslog.tcp_port))
    sys.stdout.flush()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait(seconds)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
        snmp_loop.stop()
    click.echo(tr("{count} events stored", count=running.service.stored))


commands = [events]
