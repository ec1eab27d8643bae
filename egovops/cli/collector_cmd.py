"""``egovops collector [--zone SELECTOR] [--name NAME]``: the headless service; and its schedules.

Runs until SIGTERM or Ctrl-C (the cycle in progress ends, leases are given back, its row is marked
stopped); SIGHUP reads the schedules and polling settings again, and the receivers' devices and
credentials (restarting them on their ports if the credentials changed). The notifier runs in it
unless ``--no-notify``; the trap and syslog receivers only with ``--trap-port``/``--syslog-port``
(off by default: two collectors of one host would fight for the ports). Logs to the data folder's
rotating log file and to standard output (the journal, under systemd). Exit codes: 0 after a clean
stop, 1 for a bad zone or name and when the poller failed.

With ``--workers N`` (default: the number of cores on a shared store, 1 on the embedded SQLite
store, which has one poller) one command runs N collector processes of the zone, named NAME-1 …
NAME-N, that share its devices through the leases (``egovops.collector.workers``).

``egovops collector schedule list|set|remove`` edits the jobs every collector runs in its zone
(``egovops.collector.schedule``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.collector.schedule import ACTIONS, DAYS, Job, ScheduleStore
from egovops.collector.service import Collector, Hosting, Signals
from egovops.collector.workers import CHILD_FORMAT, Workers
from egovops.collector.zones import parse_zone
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.polling.exclusive import PollerLock
from egovops.polling.presence import Presence
from egovops.procedures import Risk, discover

log = logging.getLogger("egovops.collector")


def default_name() -> str:
    """The host's name: stable across restarts, so a restarted collector takes its own row back."""
    return socket.gethostname()


def _free_own_row(app: AppContext, name: str) -> None:
    """A row of this name left by a crashed process of this host (the unit restarted us) is ours:
    mark it stopped, or registering would wait for its heartbeat to age."""
    presence = Presence(app.database)
    row = presence.get(name)
    if row is None or row.stopped_at is not None or row.host != socket.gethostname() or row.pid == os.getpid():
        return
    try:
        os.kill(row.pid, 0)
    except ProcessLookupError:
        presence.stopped(name)
    except PermissionError:
        pass  # a live process of another user: registering refuses with its name


def _log_to_stdout(worker: bool = False) -> None:
    logger = logging.getLogger("egovops")
    if worker:  # the parent relays this output into the one log; a second writer would rotate it under it
        for handler in [h for h in logger.handlers if getattr(h, "baseFilename", None)]:
            logger.removeHandler(handler)
            handler.close()
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(CHILD_FORMAT if worker else "%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)


def _worker_count(app: AppContext, workers: int | None) -> int:
    """--workers, or its default: the cores of this host on a shared store, 1 on SQLite, whose single
    file takes one poller (``PollerLock``)."""
    if app.database.is_sqlite:
        if workers is not None and workers > 1:
            raise ValidationError(tr("--workers {count}: the embedded SQLite store has one poller; use a shared "
                                     "PostgreSQL store (--database) for more", count=workers))
        return 1
    if workers is not None:
        return workers
    # Windows has no SIGTERM: the parent's stop would be TerminateProcess, a worker killed mid-cycle
    # whose leases wait out their life. One process there unless the operator asks for more.
    return 1 if os.name == "nt" else max(1, os.cpu_count() or 1)


def _run_workers(app: AppContext, signals: Signals, name: str, count: int, child_args: list[str],
                 first_args: list[str]) -> int:
    """The parent of ``count`` workers; returns the exit code."""
    def argv_for(index: int, worker_name: str) -> list[str]:
        extra = first_args if index == 1 else ["--no-notify"]
        return [sys.executable, "-m", "egovops", "collector", "--worker", "--workers", "1", "--name", worker_name,
                *child_args, *extra]

    env = dict(os.environ, EGOVOPS_HOME=str(app.data_dir), PYTHONUNBUFFERED="1")
    if app.database_override:
        env["EGOVOPS_DATABASE"] = app.database_override
    _log_to_stdout()
    parent = Workers(name, argv_for, count, env)
    forward = threading.Thread(target=_forward_reloads, args=(signals, parent), name="egovops-workers-hup", daemon=True)
    forward.start()
    return parent.run(signals.stop)


def _forward_reloads(signals: Signals, parent: Workers) -> None:
    """SIGHUP to the parent reaches every worker (the stop sets ``reload`` too: then nothing is sent)."""
    while not signals.stop.is_set():
        signals.reload.wait()
        signals.reload.clear()
        if not signals.stop.is_set():
            parent.signal_all(signal.SIGHUP)


def _install(signals: Signals) -> None:
    def stop(number: int, _frame: Any) -> None:
        log.info("signal %s: stopping after the cycle in progress", signal.Signals(number).name)
        signals.stop.set()
        signals.reload.set()

    def reload(_number: int, _frame: Any) -> None:
        log.info("SIGHUP: reading the schedules and settings again")
        signals.reload.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if hasattr(signal, "SIGHUP"):  # not on Windows, where the service manager only stops
        signal.signal(signal.SIGHUP, reload)


@click.group("collector", invoke_without_command=True,
             help=tr("Run the collector: poll the devices of a zone and run scheduled jobs until stopped."))
@click.option("--zone", "zone_text", default="", metavar="SELECTOR",
              help=tr("The devices served, e.g. 'network=extranet site=安徽省/合肥市 tag=core' (default: all)."))
@click.option("--name", default=None, help=tr("This collector's name in the store, unique (default: the host name)."))
@click.option("--trap-port", type=click.IntRange(0, 65535), default=None,
              help=tr("Receive SNMP traps on this UDP port (162 needs privileges). Off by default: only one "
                      "collector of a host can hold a port."))
@click.option("--syslog-port", type=click.IntRange(0, 65535), default=None,
              help=tr("Receive syslog on this UDP and TCP port (514 needs privileges). Off by default: only one "
                      "collector of a host can hold a port."))
@click.option("--listen-host", default="0.0.0.0", show_default=True, help=tr("The address the receivers listen on."))
@click.option("--no-notify", is_flag=True, help=tr("Do not run the notifier in this collector."))
@click.option("--notify-settle", type=click.FloatRange(min=0), default=Hosting.settle_s, show_default=True,
              help=tr("Seconds an alarm waits before it notifies (root-cause analysis folds it meanwhile)."))
@click.option("--workers", type=click.IntRange(1, 256), default=None, metavar="N",
              help=tr("Collector processes to run in the zone, named NAME-1 … NAME-N, sharing its devices (default: "
                      "the number of cores on a shared store; the SQLite store takes one)."))
@click.option("--worker", is_flag=True, hidden=True)  # a worker started by --workers: logs to its parent only
@click.pass_context
def collector(ctx: click.Context, zone_text: str, name: str | None, trap_port: int | None, syslog_port: int | None,
              listen_host: str, no_notify: bool, notify_settle: float, workers: int | None, worker: bool) -> None:
    if ctx.invoked_subcommand is not None:
        return
    app: AppContext = ctx.obj
    zone = parse_zone(zone_text)  # before anything is opened: a bad zone is one line and exit 1
    name = (name or default_name()).strip()
    count = _worker_count(app, workers)
    if not name or len(name) + (len(f"-{count}") if count > 1 else 0) > 100:
        raise ValidationError(tr("the collector's name must be 1 to 100 characters"))
    signals = Signals()
    _install(signals)
    if count > 1:
        first = [*(["--trap-port", str(trap_port)] if trap_port is not None else []),
                 *(["--syslog-port", str(syslog_port)] if syslog_port is not None else []),
                 *(["--no-notify"] if no_notify else [])]
        common = ["--zone", zone_text, "--listen-host", listen_host, "--notify-settle", repr(notify_settle)]
        code = _run_workers(app, signals, name, count, common, first)
        if code:
            raise SystemExit(code)
        return
    with contextlib.ExitStack() as held:
        if app.database.is_sqlite:  # the embedded store has one poller; a second refuses and names the first
            held.enter_context(PollerLock(Path(app.database.location)))
        _log_to_stdout(worker)
        _free_own_row(app, name)
        hosting = Hosting(not no_notify, notify_settle, listen_host, trap_port, syslog_port)
        service = Collector(app.database, app.data_dir, zone, name, app.credentials, hosting)
        service.run(signals)
    if service.failed:
        raise SystemExit(1)


@collector.group("schedule", help=tr("The jobs collectors run on the clock in their zones."))
def schedule() -> None:
    pass


@schedule.command("list", help=tr("Scheduled jobs and when each zone last ran them."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def schedule_list(app: AppContext, as_json: bool) -> None:
    store = ScheduleStore(app.database)
    jobs, runs = store.jobs(), store.last_runs()
    if as_json:
        emit_json([{**j.to_json(), "last_runs": runs.get(j.name, [])} for j in jobs])
        return
    emit_table([tr("name"), tr("action"), tr("at"), tr("days"), tr("procedure"), tr("targets"), tr("last run")],
               [[j.name, _action_name(j.action), j.at, ",".join(j.days) or tr("every day"), j.procedure, j.targets,
                 _last(runs.get(j.name, []))] for j in jobs])


def _action_name(action: str) -> str:
    return {"discovery": tr("topology discovery"), "procedure": tr("procedure")}.get(action, action)


def _last(runs: list[dict[str, Any]]) -> str:
    if not runs:
        return "-"
    latest = max(runs, key=lambda r: r.get("at", 0))
    return f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(latest.get('at', 0)))} ({latest.get('collector', '?')})"


@schedule.command("set", help=tr("Add or replace a scheduled job."))
@click.argument("name")
@click.option("--action", type=click.Choice(ACTIONS), required=True)
@click.option("--at", "at", required=True, metavar="HH:MM", help=tr("Local time of day."))
@click.option("--days", default="", help=tr("Weekdays, e.g. mon,thu (default: every day)."))
@click.option("--procedure", default="", help=tr("The procedure to run (action procedure)."))
@click.option("--targets", default="all", help=tr("Devices within each zone, as for egovops run --targets."))
@click.option("--param", "params", multiple=True, metavar="K=V", help=tr("A procedure parameter (repeatable)."))
@operator_options
@pass_app
def schedule_set(app: AppContext, name: str, action: str, at: str, days: str, procedure: str, targets: str,
                 params: tuple[str, ...], operator_login: tuple[str | None, bool]) -> None:
    from egovops.cli.run_cmd import _params
    from egovops.procedures.selector import parse_selector

    day_list = tuple(d.strip().lower() for d in days.replace(" ", ",").split(",") if d.strip())
    unknown = [d for d in day_list if d not in DAYS]
    if unknown:
        raise ValidationError(tr("--days {days}: use {known}", days=",".join(unknown), known=",".join(DAYS)))
    parse_selector(targets)
    if action == "procedure":
        manifest = discover().listed(procedure).manifest  # an unknown procedure: one line, exit 1
        if manifest.risk is Risk.DISRUPTIVE:
            raise ValidationError(tr("{id} is disruptive: it is never run unattended", id=procedure))
    job = Job(name, action, at, day_list, procedure, targets, _params(params))
    ScheduleStore(app.database).put(current_operator(app, operator_login), job)
    click.echo(tr("schedule {name} saved; running collectors take it up now", name=name))


@schedule.command("remove", help=tr("Remove a scheduled job."))
@click.argument("name")
@operator_options
@pass_app
def schedule_remove(app: AppContext, name: str, operator_login: tuple[str | None, bool]) -> None:
    ScheduleStore(app.database).remove(current_operator(app, operator_login), name)
    click.echo(tr("schedule {name} removed", name=name))


commands = [collector]
