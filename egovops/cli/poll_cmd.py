"""``egovops poll``: poll devices over SNMP once (``--once``) or until Ctrl-C.

The ``--json`` output of ``poll --once`` is a stable schema documented in docs/cli.md. On the
embedded store only one poller runs at a time (``egovops.polling.exclusive``); on a shared store
several run at once, each under its ``--name``, polling the devices whose leases it holds
(``egovops.polling.leases``).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from pathlib import Path
from typing import Any

import click

from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json, emit_table
from egovops.collector.coverage import check_silent_if_first, ensure_host_row
from egovops.i18n import tr, value_name
from egovops.overview.alarm_text import localized_detail
from egovops.polling.exclusive import PollerLock
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.poller import CycleResult, Poller
from egovops.polling.presence import default_name
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.topology.neighbour_watch import NeighbourWatch
from egovops.topology.poller_hook import attach as attach_root_cause
from egovops.topology.service import DiscoveryReport

log = logging.getLogger(__name__)


def interface_json(i: InterfaceStatus) -> dict[str, Any]:
    return {
        "index": i.index, "name": i.name, "alias": i.alias, "oper_status": i.oper_status, "admin_status": i.admin_status,
        "speed_bps": i.speed_bps, "in_octets": i.in_octets, "out_octets": i.out_octets, "in_errors": i.in_errors,
        "out_errors": i.out_errors, "in_bps": i.in_bps, "out_bps": i.out_bps,
    }


def status_json(s: DeviceStatus) -> dict[str, Any]:
    return {
        "name": s.name, "status": s.state, "reachable": s.reachable, "reach_method": s.reach_method,
        "sys_descr": s.sys_descr, "sys_object_id": s.sys_object_id, "sys_name": s.sys_name, "uptime_s": s.uptime_s,
        "vendor": s.vendor, "model": s.model, "os": s.os, "cpu_percent": s.cpu_percent, "mem_percent": s.mem_percent,
        "temperature_c": s.temperature_c, "error": s.error, "reasons": s.reasons,
        "interfaces": [interface_json(i) for i in s.interfaces],
    }


def _progress(number: int, result: CycleResult) -> str:
    stats = result.stats
    line = tr("cycle {n}: {devices} devices polled, {failed} failed, {seconds:.1f} s",
              n=number, devices=stats.devices, failed=stats.failed, seconds=stats.duration_s)
    if stats.overrun:
        line += " " + tr("(overran the {interval:g} s interval)", interval=stats.interval_s)
    return line


@click.command("poll", help=tr("Poll devices over SNMP: once with --once, else every interval until Ctrl-C."))
@click.option("--once", is_flag=True, help=tr("Poll once and exit."))
@click.option("--device", "names", multiple=True, help=tr("Only this device (repeatable)."))
@click.option("--json", "as_json", is_flag=True, help=tr("Print the result as JSON (with --once)."))
@click.option("--name", "name", default=None, metavar="NAME",
              help=tr("This poller's name on a shared store, unique among running pollers (default: host:pid)."))
@click.option("--after-demo", "after_demo", type=float, default=None, metavar="SECONDS",
              help=tr("Wait up to SECONDS for this data folder's demo network to run, then poll it."))
@operator_options
@pass_app
def poll(app: AppContext, once: bool, names: tuple[str, ...], as_json: bool, name: str | None,
         after_demo: float | None, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    if after_demo is not None:
        _wait_for_demo(app, after_demo)
    with contextlib.ExitStack() as held:
        if app.database.is_sqlite:
            held.enter_context(PollerLock(Path(app.database.location)))
        holder = None if app.database.is_sqlite else (name or default_name())
        _poll(app, operator, once, names, as_json, holder)


def _poll(app: AppContext, operator: Operator, once: bool, names: tuple[str, ...], as_json: bool,
          holder: str | None) -> None:
    loop = SnmpLoop().start()
    try:
        poller = Poller(app.database, SnmpClient(loop), app.credentials, holder=holder)
        attach_root_cause(poller)  # down behind a failed parent → unreachable, alarms folded under the root
        AuditLog(app.database).record(actor=operator.label(), role=operator.role.value, action="poll.once" if once else "poll.start",
                                      subject=",".join(names) or "*", details={"devices": list(names)})
        if once:
            result = _once(poller, names)
            if as_json:
                emit_json([status_json(s) for s in result.statuses])
            else:
                emit_table([tr("device"), tr("state"), tr("vendor"), tr("model"), tr("CPU %"), tr("mem %"), tr("uptime s"), tr("error")],
                           [[s.name, value_name("state", s.state), s.vendor, s.model, s.cpu_percent, s.mem_percent,
                             None if s.uptime_s is None else int(s.uptime_s), localized_detail(s.error)]
                             for s in result.statuses])
                click.echo(_progress(1, result), err=True)
            if result.failed:
                raise SystemExit(1)
            return
        if poller.share is not None:
            ensure_host_row(app.database)  # a silent-poller alarm about this process needs a device to hang on
        _run_until_interrupted(poller, NeighbourWatch(app.database, poller.client, app.credentials))
    finally:
        loop.stop()


def _once(poller: Poller, names: tuple[str, ...]) -> CycleResult:
    """One cycle; on a shared store over the leases this poller gets, given back at once after."""
    if poller.share is None:
        return poller.run_cycle(names=names or None)
    poller.share.start(poller.shortest_status_s())
    try:
        return poller.run_cycle(names=names or None)
    finally:
        poller.share.stop()


def _wait_for_demo(app: AppContext, seconds: float) -> None:
    """The console starts the poller together with the demo network, so this process's start-up
    overlaps the agents'; polling before they answer would report the whole province down."""
    from egovops.demo.runner import read_state

    deadline = time.monotonic() + seconds
    while read_state(app.data_dir) is None:
        if time.monotonic() > deadline:
            raise click.ClickException(tr("the demo network did not start within {seconds:g} s", seconds=seconds))
        time.sleep(0.1)


def _sweep_line(report: DiscoveryReport, seconds: float | None) -> str:
    s = report.summary
    line = tr("neighbour tables: {walked} devices read, {failed} not, {new} new links, {missing} missing, "
              "{seconds:.1f} s",
              walked=s.walked, failed=len(s.failed), new=s.links_new, missing=s.links_missing, seconds=seconds or 0.0)
    return "\n".join([line] + [tr("CRITICAL: {message}", message=c.message()) for c in report.cross_links])


def _check_silent(poller: Poller) -> None:
    """On a shared store a named poller watches the others as a collector does: a row (collector
    or poller) that stopped reporting is a ``collector_silent`` alarm even with no collector running."""
    assert poller.share is not None
    try:
        raised, _cleared = check_silent_if_first(poller.db, poller.share.holder)
    except Exception:  # noqa: BLE001 - the store may be away for a moment: polling goes on, next cycle tries again
        log.exception("the silent-collector check failed")
        return
    for alarm in raised:
        click.echo(alarm.message, err=True)  # already in the catalogue's words (check_silent)


def _run_until_interrupted(poller: Poller, watch: NeighbourWatch) -> None:
    """Cycles until Ctrl-C, and the neighbour schedule on its own thread, started after the first
    full cycle: its first sweep walks every device in full, and running it beside the first
    cycles would slow the operator's first view of the province (and both would overrun)."""
    stop = threading.Event()
    count = 0
    neighbours = threading.Thread(target=watch.run_forever,
                                  args=(stop, lambda r: click.echo(_sweep_line(r, watch.last_duration_s))),
                                  name="egovops-neighbours", daemon=True)

    def report(result: CycleResult) -> None:
        nonlocal count
        count += 1
        click.echo(_progress(count, result))
        if poller.share is not None:
            _check_silent(poller)
        if count == 2:
            neighbours.start()

    def stop_soon(_signal: int, _frame: object) -> None:
        click.echo(tr("stopping after the current cycle…"), err=True)
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C stops at once
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    # Ctrl-C only sets the stop event: a KeyboardInterrupt raised inside Thread.join() left the
    # worker looking finished, the process exited in the middle of the cycle, and a shared store's
    # leases were never given back (the others waited a whole TTL). On a shared store SIGTERM
    # (systemd, kill) does the same; on the embedded store it still ends the process at once, as
    # the console closing its window expects (egovops.overview.live).
    signal.signal(signal.SIGINT, stop_soon)
    if poller.share is not None:
        signal.signal(signal.SIGTERM, stop_soon)
    worker = threading.Thread(target=poller.run_forever, args=(stop, report), name="egovops-poller", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.5)
    if neighbours.ident is not None:
        neighbours.join(5.0)  # a sweep in progress ends with the SNMP loop; do not wait for it


commands = [poll]
