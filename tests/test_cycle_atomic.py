"""A poll cycle is crash-atomic: a poller SIGKILLed at any commit of a cycle leaves the store as the
completed cycle or as no cycle at all would, never in between, and a restart repairs the rest.

Three devices on real agents: A stays up; B answers in cycle 1 and is stopped before cycle 2; C is
down in cycle 1 and answers again in cycle 2. So cycle 2 both opens an outage (B) and closes one (C):
a half-stored cycle would erase B's outage or keep C's, which is what availability reports showed
before the cycle was one transaction per part. Each trial starts from a copy of the store after
cycle 1, runs cycle 2 in a child process (tests/cycle_child.py) that kills itself at commit N, looks
at the store, then runs cycle 3 (the restart) to completion and compares with a run never killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url

from egovops.availability.engine import DOWN_OWN, UNMON, UP, compute
from egovops.availability.loader import load_history
from egovops.credentials import CredentialService
from egovops.credentials.profiles import build_profile
from egovops.inventory.model import Device
from egovops.polling.model import DeviceStatus
from egovops.polling.poller import Poller
from egovops.polling.settings import PollingSettings
from egovops.storage.database import open_database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.partitions import Partitions
from egovops.storage.tables.inventory import devices
from egovops.storage.tables.polling import alarms, device_status, health_hourly, health_samples, poller_stats
from egovops.storage.tables.states import monitored_spans, state_transitions

pytestmark = [pytest.mark.usefixtures("secret_service"), pytest.mark.stores("sqlite", "postgresql")]

ROOT = Path(__file__).resolve().parent.parent
SEEDED_HOURS_AGO = 2  # raw samples of a finished hour that cycle 2's rollup has to roll up


def run_child(url: str, kill_at: int, folder: Path) -> int | None:
    """Cycle in a child process; the number of commits it made, or None when it was killed."""
    out = folder / f"commits-{os.getpid()}-{kill_at}"
    done = subprocess.run([sys.executable, "-m", "tests.cycle_child", url, str(kill_at), str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    if kill_at:
        assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
        return None
    assert done.returncode == 0, done.stderr[-2000:]
    return int(out.read_text("ascii"))


class Copies:
    """Copies of a store in one state, one per trial: a file copy, or a PostgreSQL TEMPLATE copy."""

    def __init__(self, url: str, request: pytest.FixtureRequest, folder: Path) -> None:
        self.url, self.folder, self.n = url, folder, 0
        self.server = request.getfixturevalue("postgres_server") if "://" in url else None

    def copy(self) -> str:
        self.n += 1
        if self.server is None:
            target = self.folder / f"trial-{self.n}.sqlite3"
            for suffix in ("", "-wal", "-shm"):  # every process on it has exited: the three files are the store
                if Path(self.url + suffix).exists():
                    shutil.copy(self.url + suffix, str(target) + suffix)
            return str(target)
        base = make_url(self.url).database
        name = f"{base}_trial{self.n}"
        self.server.sql(f'CREATE DATABASE "{name}" TEMPLATE "{base}"')
        return str(make_url(self.url).set(database=name).render_as_string(hide_password=False))


@dataclass
class Seen:
    """What a store holds about availability, with times as they are."""

    transitions: list[tuple[Any, ...]]
    alarms: list[tuple[Any, ...]]
    spans: list[tuple[Any, ...]]
    states: list[tuple[Any, ...]]
    stats: list[tuple[str, float]]
    health_samples: int
    hourly: list[tuple[Any, ...]]

    def cycle_times(self, after: float) -> set[float]:
        return {at for _, at in self.stats if at > after}

    def shape(self, after: float) -> Seen:
        """The same, with every time later than ``after`` (one cycle's) replaced by "T": runs of the
        same cycle at another moment compare equal."""
        def norm(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
            return [tuple("T" if isinstance(v, float) and v > after else v for v in row) for row in rows]
        return Seen(norm(self.transitions), norm(self.alarms), norm(self.spans), norm(self.states), [], 0, [])


def ordered(rows: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(r) for r in rows), key=lambda row: [(v is None, 0 if v is None else v) for v in row])


def look(url: str) -> Seen:
    db = open_database(url)
    by_id = {ident: name for name, ident in InventoryRepository(db).device_ids().items()}
    st, al, ms, ds = state_transitions, alarms, monitored_spans, device_status
    try:
        with db.read() as c:
            return Seen(
                ordered((by_id[r.device_id], r.previous, r.state, r.at) for r in c.execute(select(st))),
                ordered((by_id[r.device_id], r.kind, r.active, r.first_seen, r.cleared_at, r.count)
                        for r in c.execute(select(al))),
                ordered((by_id[r.device_id], r.start, r.end) for r in c.execute(select(ms))),
                ordered((by_id[r.device_id], r.state, r.since, r.last_poll) for r in c.execute(select(ds))),
                ordered((r.cycle, r.at) for r in c.execute(select(poller_stats))),
                int(c.scalar(select(func.count()).select_from(health_samples)) or 0),
                ordered((by_id[r.device_id], r.hour, r.samples, r.cpu_avg) for r in c.execute(select(health_hourly))),
            )
    finally:
        db.close()


def down_seconds(url: str, start: float, end: float) -> dict[str, tuple[float, float, float]]:
    """(up, down, unmonitored) seconds of each device over [start, end), by egovops.availability."""
    db = open_database(url)
    try:
        devs = InventoryRepository(db).devices()
        totals = compute(load_history(db, devs, [], start, end), start, end)
        return {d.name: (totals.seconds[i, UP], totals.seconds[i, DOWN_OWN], totals.seconds[i, UNMON])
                for i, d in enumerate(devs)}
    finally:
        db.close()


def seed_old_samples(url: str, at: float) -> None:
    """Raw health samples of a finished hour, as an earlier poller left them before its rollup ran."""
    db = open_database(url)
    try:
        hour = at - at % 3600 - SEEDED_HOURS_AGO * 3600
        rows = [{"at": hour + 60 * k, "cpu_percent": 10.0 * k} for k in range(1, 5)]
        with db.write() as conn:
            if not db.is_sqlite:  # two hours ago may be yesterday (UTC), whose partition no one made yet
                Partitions().ensure(conn, "health_samples", [r["at"] for r in rows])
            a = conn.scalar(select(devices.c.id).where(devices.c.name == "A"))
            conn.execute(insert(health_samples), [{"device_id": a, **r} for r in rows])
    finally:
        db.close()


def prepare(url: str, snmpd, snmpd_factory) -> tuple[Any, Any]:  # type: ignore[no-untyped-def]
    b, c = snmpd_factory(), snmpd_factory()
    db = open_database(url)
    try:
        CredentialService(db).add(build_profile("v2c", "snmp-v2c", {}), {"community": "public"})
        InventoryRepository(db).save_devices([
            Device(name=n, address="127.0.0.1", snmp_port=p, network="intranet", site="安徽省/合肥市",
                   credential_profile="v2c")
            for n, p in (("A", snmpd.port), ("B", b.port), ("C", c.port))])
    finally:
        db.close()
    c.stop()
    return b, c


def test_a_kill_at_any_commit_of_a_cycle_leaves_it_whole_or_absent(database_url, snmpd, snmpd_factory, tmp_path,
                                                                   request) -> None:
    b, c = prepare(database_url, snmpd, snmpd_factory)
    assert run_child(database_url, 0, tmp_path) is not None  # cycle 1: A and B up, C down
    base = look(database_url)
    t1 = max(at for _, at in base.stats)
    assert [s[:2] for s in base.states] == [("A", "up"), ("B", "up"), ("C", "down")]
    seed_old_samples(database_url, t1)
    base = look(database_url)
    b.stop()
    c.start()
    copies = Copies(database_url, request, tmp_path)

    # The reference: cycle 2 completes, then cycle 3. Its commits are the points to kill at.
    reference = copies.copy()
    commits = run_child(reference, 0, tmp_path)
    assert commits is not None and commits >= 3  # the status part, the final part, the rollup
    print(f"a cycle of 3 devices commits {commits} times; killed at each")
    completed = look(reference)
    (t2,) = completed.cycle_times(t1)
    run_child(reference, 0, tmp_path)
    finished = look(reference)
    t3 = max(finished.cycle_times(t2))
    assert [s[:2] for s in finished.states] == [("A", "up"), ("B", "down"), ("C", "up")]
    assert [(a[0], a[1], a[2]) for a in finished.alarms] == [("B", "device_down", True), ("C", "device_down", False)]
    seeded = [h for h in finished.hourly if h[1] < t1 - t1 % 3600]
    assert [h[2] for h in seeded] == [4]  # the seeded hour, rolled up once
    reference_figures = down_seconds(reference, t1, t3)

    for kill_at in range(1, commits + 1):
        trial = copies.copy()
        assert run_child(trial, kill_at, tmp_path) is None
        after_kill = look(trial)
        stored = after_kill.cycle_times(t1)
        if after_kill.shape(t1).transitions == base.shape(t1).transitions:
            # Not run as far as availability goes: nothing of it, not even its spans or alarms.
            assert after_kill.shape(t1) == base.shape(t1), kill_at
            assert stored == set(), kill_at  # no stats row either: the stats commit with their part
            ran = False
        else:
            assert after_kill.shape(t1) == completed.shape(t1), kill_at
            assert len(stored) == 1, kill_at
            ran = True
        # Each part's stats row is in its part's transaction: the final part's row, with the samples.
        parts = {cycle for cycle, at in after_kill.stats if at > t1}
        assert ("full" in parts) == (after_kill.health_samples > base.health_samples), kill_at
        assert parts <= {"status part", "full"} and (not parts or "status part" in parts), kill_at
        # The rollup's own commit; on PostgreSQL the day partitions' upkeep commits after it.
        rollup_commit = commits - (1 if database_url.startswith("postgresql") else 0)
        if kill_at == rollup_commit:  # killed in the rollup: the cycle is stored, the old samples not yet rolled
            assert ran and parts == {"status part", "full"} and after_kill.hourly == base.hourly
        if kill_at > rollup_commit:  # killed in the partitions' upkeep: the rollup stands
            assert ran and parts == {"status part", "full"} and after_kill.hourly != base.hourly

        # The restart: a cycle that completes ends where the never-killed run ended.
        run_child(trial, 0, tmp_path)
        restarted = look(trial)
        t3_trial = max(restarted.cycle_times(t1))
        t2_trial = min(stored) if ran else t3_trial
        assert restarted.shape(t1).states == finished.shape(t1).states, kill_at
        assert [(a[0], a[1], a[2]) for a in restarted.alarms] == [(a[0], a[1], a[2]) for a in finished.alarms]
        assert [t[:3] for t in restarted.transitions] == [t[:3] for t in finished.transitions], kill_at
        assert [h for h in restarted.hourly if h[1] < t1 - t1 % 3600] == seeded, kill_at  # rolled once, after all

        # Availability over the period is that of cycle 2 completed, or of cycle 2 never run.
        figures = down_seconds(trial, t1, t3_trial)
        assert figures["B"][1] == pytest.approx(t3_trial - t2_trial), kill_at  # B's outage: never erased
        assert figures["C"][1] == pytest.approx(t2_trial - t1), kill_at  # C's outage: never kept past its end
        for name in "ABC":
            assert figures[name][2] == pytest.approx(0.0), (kill_at, name)  # watched throughout
            assert sum(figures[name][:2]) == pytest.approx(t3_trial - t1), (kill_at, name)
    assert reference_figures["B"][1] == pytest.approx(t3 - t2) and reference_figures["C"][1] == pytest.approx(t2 - t1)


def test_a_device_removed_while_it_was_polled_costs_only_its_own_readings(database, database_url, inventory) -> None:
    """One transaction per part must not mean one vanished device loses the whole province's cycle."""
    inventory.save_devices([Device(name=n, address="127.0.0.1", network="intranet", site="安徽省/合肥市")
                            for n in ("kept", "removed")])
    poller = Poller(database, settings=PollingSettings(watch_workstation=False))
    readings = [DeviceStatus(n, reachable=True, reach_method="snmp", polled_at=1_780_000_000.0)
                for n in ("kept", "removed")]
    inventory.remove_device("removed")  # by another desk, after the poll and before the store
    transitions, _raised, _cleared = poller.store_cycle(readings, 1_780_000_000.0)
    assert [t.device for t in transitions] == ["kept"]
    assert [s[:2] for s in look(database_url).states] == [("kept", "up")]
    assert set(poller._last) == {"kept"}  # the base of the next rates holds only what was stored


def test_a_store_that_fails_at_its_commit_leaves_the_pollers_memory_as_it_was(database, database_url,
                                                                              inventory) -> None:
    """``_last`` (the base of the next rates and carried-over values) moves only once the store
    committed: here the commit itself fails, after every row of the part was written."""
    inventory.save_devices([Device(name="hf", address="127.0.0.1", network="intranet", site="安徽省/合肥市")])
    poller = Poller(database, settings=PollingSettings(watch_workstation=False))
    first = DeviceStatus("hf", reachable=True, reach_method="snmp", polled_at=1_780_000_000.0)
    poller.store_cycle([first], first.polled_at)

    def refuse() -> None:
        raise RuntimeError("the commit failed")

    poller.add_state_classifier(lambda _statuses: (database.before_commit(refuse), {})[1])
    second = DeviceStatus("hf", reachable=False, reach_method="snmp", polled_at=1_780_000_060.0)
    with pytest.raises(RuntimeError, match="commit failed"):
        poller.store_cycle([second], second.polled_at)
    assert poller._last["hf"] is first
    assert look(database_url).states == [("hf", "up", first.polled_at, first.polled_at)]
