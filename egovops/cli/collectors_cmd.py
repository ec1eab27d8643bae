"""``egovops collectors list [--json]``: every collector of the store, its zone and whether it reports.

State: ``live`` (heartbeat within two status intervals), ``stale`` (stopped reporting without a
clean stop: its devices go to the zone's other collectors when its leases expire, and a
``collector_silent`` alarm is raised), ``stopped`` (a clean stop). The last line counts the devices
no live collector holds: not monitored.
"""

from __future__ import annotations

import time
from typing import Any

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.output import emit_json, emit_table
from egovops.collector.coverage import CollectorState, Coverage, collector_profiles, collector_states, coverage
from egovops.i18n import tr


def _when(at: float | None) -> str:
    return "-" if at is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


def collector_json(s: CollectorState, profiles: dict[str, list[str]] | None = None) -> dict[str, Any]:
    r = s.row
    return {"profiles": (profiles or {}).get(r.name, []), "name": r.name,
            "zone": r.zone, "host": r.host, "pid": r.pid, "version": r.version, "state": s.state,
            "devices_held": r.devices_held, "heartbeat_at": r.heartbeat_at, "lag_s": round(s.lag_s, 3),
            "started_at": r.started_at, "stopped_at": r.stopped_at, "last_cycle_at": r.last_cycle_at,
            "last_cycle_s": r.last_cycle_s, "overruns": r.overruns, "cpu_percent": r.cpu_percent,
            "rss_bytes": r.rss_bytes}


def coverage_json(c: Coverage) -> dict[str, Any]:
    return {"applies": c.applies, "devices": c.devices, "monitored": c.monitored,
            "not_monitored": list(c.not_monitored)}


def state_name(state: str) -> str:
    return {"live": tr("live"), "stale": tr("stale"), "stopped": tr("stopped")}.get(state, state)


def print_collectors(states: list[CollectorState], cover: Coverage) -> None:
    emit_table([tr("name"), tr("zone"), tr("host"), tr("state"), tr("devices held"), tr("last heartbeat"),
                tr("lag s"), tr("last cycle s"), tr("overruns")],
               [[s.row.name, s.row.zone or tr("everything"), s.row.host, state_name(s.state), s.row.devices_held,
                 _when(s.row.heartbeat_at), f"{s.lag_s:.0f}",
                 "" if s.row.last_cycle_s is None else f"{s.row.last_cycle_s:.2f}", s.row.overruns]
                for s in states])
    if cover.applies:
        click.echo(tr("devices monitored: {monitored} of {devices}; not monitored: {missing}",
                      monitored=cover.monitored, devices=cover.devices, missing=len(cover.not_monitored)))


@click.group("collectors", help=tr("The collectors that poll this store, and what they cover."))
def collectors() -> None:
    pass


@collectors.command("list", help=tr("Each collector: zone, host, devices held, last heartbeat, lag, state."))
@click.option("--json", "as_json", is_flag=True)
@pass_app
def list_collectors(app: AppContext, as_json: bool) -> None:
    now = time.time()
    states = collector_states(app.database, now)
    cover = coverage(app.database, now, states)
    if as_json:
        profiles = collector_profiles(app.database)
        emit_json({"collectors": [collector_json(s, profiles) for s in states], "coverage": coverage_json(cover)})
        return
    print_collectors(states, cover)


commands = [collectors]
