"""Who is watching the network: the collectors' heartbeat rows and the devices nobody holds.

Every poller (a collector service, or a hand-started ``egovops poll``) keeps a row in
``collectors`` and refreshes it each cycle; on a shared store it polls only the devices whose lease
it holds in ``device_leases``. This module only reads both, for the console's status bar, its map
and site tree ("not monitored") and the Collectors panel. A collector is *stale* once its heartbeat
is two status intervals old: the same rule as the status bar's "no poller has written" warning,
and the time the issue states for another collector of the zone to take its devices over.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, func, select

from egovops.inventory.model import WORKSTATION_TAG

# The states are re-exported (``X as X``): the console's panel and status bar import them from here.
from egovops.polling.presence import LIVE as LIVE
from egovops.polling.presence import STALE as STALE
from egovops.polling.presence import STOPPED as STOPPED
from egovops.polling.presence import CollectorRow, row_from
from egovops.storage.database import Database
from egovops.storage.tables.collectors import collectors, device_leases
from egovops.storage.tables.inventory import devices


def read_collectors(database: Database, now: float) -> list[CollectorRow]:
    """Every collector the store knows, by name. ``devices_held`` counts its unexpired leases on a
    shared store (the truth of who polls what); the embedded store has one poller and no leases,
    so there it is what the poller reported."""
    held = (
        select(device_leases.c.holder, func.count().label("held"))
        .where(device_leases.c.expires_at > now)
        .group_by(device_leases.c.holder)
        .subquery()
    )
    query = (
        select(collectors, held.c.held).outerjoin(held, held.c.holder == collectors.c.name).order_by(collectors.c.name)
    )
    with database.read() as conn:
        rows = conn.execute(query).all()
    return [row_from(r, int(r.held or 0) if database.is_shared else None) for r in rows]


def live_names(statuses: Iterable[CollectorRow], now: float, interval_s: float) -> set[str]:
    return {c.name for c in statuses if c.state(now, interval_s) == LIVE}


def unmonitored_devices(database: Database, now: float, live: set[str], known: bool = True) -> frozenset[str]:
    """Devices no live collector holds a current lease on: nobody polls them, whatever state they
    last had. Only a shared store has leases; on the embedded store this is always empty, and so
    on a shared store no collector ever reported to (``known`` False: an empty ``collectors``
    table, e.g. one filled by an import): there the status bar's "no poller has written" warning
    says that nobody watches, and painting every device alike would say nothing more."""
    if not database.is_shared or not known:
        return frozenset()
    held = select(device_leases.c.device_id).where(
        and_(device_leases.c.expires_at > now, device_leases.c.holder.in_(sorted(live)))
    )
    with database.read() as conn:
        rows = conn.execute(select(devices.c.name, devices.c.tags).where(devices.c.id.not_in(held))).all()
    # A desk's own machine (the workstation row) is read by psutil on that desk, never leased: no
    # collector is meant to hold it (egovops.collector.coverage counts the same way).
    return frozenset(name for name, tags in rows if WORKSTATION_TAG not in (tags or ()))
