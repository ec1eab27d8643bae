"""Benchmark: the rows of one 1,000-device poll cycle written to SQLite and to PostgreSQL, as a ratio
to the same rows written by PostgreSQL's own ``COPY`` (issue 17, acceptance item 5).

    python -m benchmarks.store_write [--devices 1000] [--interfaces 48] [--repeats 5]

Each cycle is synthetic ``DeviceStatus`` objects (every interface measured with rates, health
read, 2 % of the devices changing state) written through the poller's own repository calls, as
``Poller.store_cycle`` makes them: ``PollingRepository.save_cycle`` (device and interface status,
identity, interface and health samples), ``StateRepository.record_transitions``,
``StateRepository.extend_monitoring`` and ``PollingRepository.record_stats``. The hourly rollup is
maintenance, not the cycle's write, and is left out.

* sqlite — that path on a SQLite file (WAL, synchronous=NORMAL, as the product opens it);
* postgresql — that path on a PostgreSQL server the benchmark starts like the tests do
  (``tests.fixtures.postgres.running_server``: fsync off, on this machine's loopback);
* copy — the reference: on a second database of the same server, the statements the repository
  ran that were not inserts (the deletes of the devices' current status, the spans' update) run
  as they were, and every row the repository inserted goes in through ``COPY … FROM STDIN``
  (psycopg's ``cursor.copy``), all in one transaction.

Each store gets ``--repeats`` cycles at successive times (5 minutes apart, so samples accumulate
as in a running poller); the best of them is printed, with the ratio to the copy reference.

Measured 2026-12-06 (1,000 devices × 48 interfaces: 99,021 rows a cycle; best of 5; a two-core
machine shared with other jobs, load average 5-6, so single cycles vary by 2×): sqlite 1.27 s
(1.0 × COPY), postgresql 2.21 s (1.7 × COPY), copy 1.30 s. Before the samples went in by COPY
themselves, postgresql took 4.64 s (4.3 × COPY); what remains over COPY is mostly the 48,000 rows
of interface_status as multi-row INSERTs and the building of the rows in Python.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, event
from sqlalchemy.sql.dml import Insert

from egovops.inventory.model import Device
from egovops.polling import repo as repo_module
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.storage.database import Database, open_database
from egovops.storage.dialect import insert_rows
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.state_repo import StateRepository, Transition

INTERVAL_S = 300.0


def devices(n: int) -> list[Device]:
    return [Device(f"bench-{i:05d}", f"127.{1 + i // 65536}.{i // 256 % 256}.{i % 256}", "intranet",
                   f"安徽省/合肥市/site-{i % 50}", vendor="huawei", model="S5735") for i in range(n)]


def cycle(names: list[str], interfaces: int, at: float, step: int, rng: random.Random) -> \
        tuple[list[DeviceStatus], list[Transition]]:
    statuses, transitions = [], []
    for i, name in enumerate(names):
        down = (i + step) % 50 == 0  # 2 % of the devices change state each cycle
        ports = [InterfaceStatus(
            index=n, name=f"GE0/0/{n}", if_type=6, speed_bps=10**9, admin_status=1, oper_status=1,
            in_octets=rng.getrandbits(40), out_octets=rng.getrandbits(40), in_errors=0, out_errors=0,
            in_discards=0, out_discards=0, uptime_cs=step * 30000, sampled_at=at + rng.random(),
            in_bps=rng.random() * 1e8, out_bps=rng.random() * 1e8, errors_ps=0.0, discards_ps=0.0)
            for n in range(1, interfaces + 1)]
        statuses.append(DeviceStatus(
            name, state="down" if down else "up", reachable=not down, reach_method="snmp", uptime_s=step * 300.0,
            sys_name=name, vendor="huawei", model="S5735", os="VRP", version="V200R019", serial=f"SN{i:08d}",
            cpu_percent=rng.random() * 100, mem_percent=rng.random() * 100, temperature_c=40 + rng.random() * 10,
            polled_at=at, interfaces=ports, measured_interfaces=True, measured_health=True))
        if down:
            transitions.append(Transition(name, at, "down", "up", "no answer"))
    return statuses, transitions


def write_cycle(db: Database, statuses: list[DeviceStatus], transitions: list[Transition], at: float) -> None:
    """What ``Poller.store_cycle`` and ``run_cycle`` write for one cycle, through the same calls."""
    polling, states = PollingRepository(db), StateRepository(db)
    polling.save_cycle(statuses, {s.name: at for s in statuses})
    states.record_transitions(transitions)
    states.extend_monitoring([s.name for s in statuses], at, 2.5 * INTERVAL_S)
    polling.record_stats(CycleStats(at=at, cycle="status", interval_s=INTERVAL_S, devices=len(statuses),
                                    failed=len(transitions), duration_s=12.0, overrun=False))


@dataclass
class Recorded:
    """What a repository sent to the store: inserts as (table, rows), everything else as statements."""

    inserts: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    others: list[tuple[Any, Any]] = field(default_factory=list)

    def rows(self) -> int:
        return sum(len(rows) for _, rows in self.inserts)


@contextmanager
def recording(db: Database) -> Iterator[Recorded]:
    found = Recorded()

    def seen(_conn: Connection, clause: Any, multiparams: Any, params: Any, _options: Any) -> None:
        if isinstance(clause, Insert):
            rows = list(multiparams) or [params or {}]  # SQLAlchemy 2: the executemany rows, or one
            values = dict(clause._values or {})  # .values(...) given on the statement itself
            found.inserts.append((clause.table.name, [{**{k.key if hasattr(k, "key") else k: v.value  # type: ignore[union-attr]
                                                          for k, v in values.items()}, **row} for row in rows]))
        elif getattr(clause, "is_dml", False):
            found.others.append((clause, list(multiparams) or params))

    def copied(conn: Connection, table: Table, rows: Any) -> None:
        found.inserts.append((table.name, [dict(row) for row in rows]))
        insert_rows(conn, table, rows)

    # Samples go in through dialect.insert_rows (COPY on PostgreSQL), which passes by the statement
    # events: the repository's own reference to it is wrapped for the recorded cycle.
    event.listen(db.engine, "before_execute", seen)
    repo_module.insert_rows = copied  # type: ignore[assignment]
    try:
        yield found
    finally:
        repo_module.insert_rows = insert_rows
        event.remove(db.engine, "before_execute", seen)


def copy_cycle(db: Database, recorded: Recorded) -> None:
    """The reference: the same rows in one transaction, inserts through COPY."""
    with db.engine.begin() as conn:
        for clause, params in recorded.others:
            conn.execute(clause, params)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        for table, rows in recorded.inserts:
            columns = list(rows[0])
            quoted = ", ".join(f'"{c}"' for c in columns)  # "end" is a keyword
            with cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])


def _counts(db: Database) -> dict[str, int]:
    from sqlalchemy import func, select

    from egovops.storage.tables import metadata

    with db.read() as conn:
        return {name: conn.scalar(select(func.count()).select_from(table)) or 0
                for name, table in metadata.tables.items() if name not in ("change_log", "alembic_version")}


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def run(args: argparse.Namespace) -> dict[str, float]:
    from tests.fixtures.postgres import running_server

    inventory = devices(args.devices)
    names = [d.name for d in inventory]
    rng = random.Random(17)
    start = time.time() - args.repeats * INTERVAL_S
    cycles = [cycle(names, args.interfaces, start + k * INTERVAL_S, k, rng) for k in range(args.repeats)]
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder, running_server() as server:
        sqlite_db = open_database(Path(folder) / "bench.sqlite3")
        pg_db, copy_db = open_database(server.fresh_database()), open_database(server.fresh_database())
        for db in (sqlite_db, pg_db, copy_db):
            InventoryRepository(db).save_devices(inventory)
        rows = 0
        for k, (statuses, transitions) in enumerate(cycles):
            at = start + k * INTERVAL_S
            times = {"sqlite": timed(partial(write_cycle, sqlite_db, statuses, transitions, at))}
            with recording(pg_db) as recorded:
                times["postgresql"] = timed(partial(write_cycle, pg_db, statuses, transitions, at))
            times["copy"] = timed(partial(copy_cycle, copy_db, recorded))
            rows = recorded.rows()
            for store, seconds in times.items():
                best[store] = min(best.get(store, float("inf")), seconds)
            print(f"cycle {k + 1}: " + ", ".join(f"{s} {t:.3f} s" for s, t in times.items()), file=sys.stderr)
        same = _counts(pg_db) == _counts(copy_db) == _counts(sqlite_db)
        for db in (sqlite_db, pg_db, copy_db):
            db.close()
        if not same:
            raise SystemExit("the stores hold different rows after the same cycles: the benchmark is wrong")
    best["rows"] = rows
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--interfaces", type=int, default=48)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    best = run(args)
    print(f"one cycle of {args.devices} devices × {args.interfaces} interfaces: {int(best['rows'])} rows inserted "
          f"(best of {args.repeats})")
    for store in ("sqlite", "postgresql", "copy"):
        print(f"  {store:<11} {best[store]:7.3f} s   {best[store] / best['copy']:5.1f} × COPY")


if __name__ == "__main__":
    main()
