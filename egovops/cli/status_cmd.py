"""``egovops status``: the poller's own health (CPU, memory, sockets, overruns), device states, and
the collectors: each one's state, and the devices no live collector holds, counted as "not
monitored" instead of with the state they last had (``egovops.collector.coverage``)."""

from __future__ import annotations

import time
from collections import Counter

import click

from egovops.cli.collectors_cmd import collector_json, coverage_json, print_collectors
from egovops.cli.context import AppContext, pass_app
from egovops.cli.output import emit_json, emit_table
from egovops.collector.coverage import collector_states, coverage
from egovops.i18n import tr, value_name
from egovops.polling.repo import PollingRepository

NOT_MONITORED = "not monitored"


def _state_name(state: str) -> str:
    return tr("not monitored") if state == NOT_MONITORED else value_name("state", state)


@click.command("status", help=tr("How the poller itself is doing, and how many devices are in each state."))
@click.option("--cycles", default=10, show_default=True, help=tr("How many recent cycles to show."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def status(app: AppContext, cycles: int, as_json: bool) -> None:
    repo = PollingRepository(app.database)
    recent = repo.latest_stats(cycles)
    now = time.time()
    collectors = collector_states(app.database, now)
    cover = coverage(app.database, now, collectors)
    unwatched = set(cover.not_monitored) if cover.applies else set()
    # A device nobody polls is never counted with the state it last had: it could look up.
    stored = repo.state_since()
    states = Counter(NOT_MONITORED if name in unwatched else state for name, (state, _since) in stored.items())
    states[NOT_MONITORED] += len(unwatched - set(stored))  # never polled at all
    states = +states  # drops a zero count
    malformed = repo.malformed_replies()
    if as_json:
        emit_json({"devices_by_state": dict(states), "cycles": [c.__dict__ for c in recent],
                   "overruns": sum(1 for c in recent if c.overrun), "malformed_replies": malformed,
                   "collectors": [collector_json(c) for c in collectors], "coverage": coverage_json(cover)})
        return
    click.echo(tr("devices by state: {states}",
                  states=tr(", ").join(f"{_state_name(k)} {v}" for k, v in sorted(states.items())) or "-"))
    if collectors:
        print_collectors(collectors, cover)
    if malformed:
        # An agent that answers garbage is not "down": a broken or hostile agent, or someone
        # answering in its place. Said apart, so nobody takes it for a network fault.
        click.echo(tr("malformed SNMP replies in the last poll: {n} device(s): {names}", n=len(malformed),
                      names=tr(", ").join(malformed[:10]) + (" …" if len(malformed) > 10 else "")))
    emit_table(
        [tr("time"), tr("cycle"), tr("devices"), tr("failed"), tr("seconds"), tr("overrun"), tr("CPU %"), tr("RSS MiB"), tr("sockets"), tr("threads")],
        [[time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(c.at)), c.cycle, c.devices, c.failed, f"{c.duration_s:.2f}",
          tr("yes") if c.overrun else "", "" if c.cpu_percent is None else f"{c.cpu_percent:.0f}",
          "" if c.rss_bytes is None else f"{c.rss_bytes / 2**20:.0f}", c.open_sockets, c.threads] for c in recent],
    )


commands = [status]
