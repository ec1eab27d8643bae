"""The collector: the poller for its zone, the job scheduler, and the silent-collector check.

Threads: the poller's (``Poller.run_forever``: status, interfaces, health, self-monitoring,
rollups and retention in each final cycle), the neighbour sweep's (LLDP/CDP and the cross-network
check, over the devices this collector holds), the scheduler's (jobs of ``collector.schedule``),
and the store watcher's (a settings change wakes the scheduler to read its jobs again). The caller's
thread only waits: it is the one that receives signals (``run`` is driven by two events the
command line sets from SIGTERM and SIGHUP).

Stopping: ``stop`` is set; the poller finishes the cycle in progress (each device costs at most its
timeout × tries), then gives its leases back and marks its ``collectors`` row stopped
(``DeviceShare.stop``), so the other collectors of the zone take its devices at their next cycle
instead of a lease TTL later. A running procedure job is cancelled (targets not started are
skipped, running ones stop at their next check).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from egovops.collector.coverage import check_silent, collector_states, should_check
from egovops.collector.jobs import run_job
from egovops.collector.profiles import record_profiles
from egovops.collector.schedule import Job, ScheduleStore, due_slot
from egovops.collector.zones import Zone
from egovops.credentials.service import CredentialService
from egovops.polling.poller import CycleResult, Poller
from egovops.polling.workstation import workstation_device, workstation_name
from egovops.procedures import CancelToken
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.storage.changes import Changes
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.watch import StoreWatcher
from egovops.topology.neighbour_watch import NeighbourWatch
from egovops.topology.poller_hook import attach as attach_root_cause
from egovops.topology.service import DiscoveryReport

log = logging.getLogger(__name__)
SCHEDULER_TICK_S = 20.0  # the scheduler wakes at least this often: slots are whole minutes
STOP_JOIN_S = 30.0


@dataclass
class Signals:
    """What the command line's signal handlers set: ``stop`` (SIGTERM, SIGINT), ``reload`` (SIGHUP)."""

    stop: threading.Event = field(default_factory=threading.Event)
    reload: threading.Event = field(default_factory=threading.Event)


class Collector:
    def __init__(self, database: Database, data_dir: Path, zone: Zone, name: str,
                 credentials: CredentialService | None = None) -> None:
        self.db, self.data_dir, self.zone, self.name = database, data_dir, zone, name
        self.credentials = credentials or CredentialService(database)
        self.schedules = ScheduleStore(database)
        self.jobs: list[Job] = []
        self.cycles = 0
        self.failed = False  # the poller raised: the process exits non-zero
        self._ran: set[tuple[str, str]] = set()  # (job, slot) this process already handled
        self._cancel = CancelToken()
        self._neighbours: threading.Thread | None = None

    # -- the scheduler ----------------------------------------------------------------------------

    def reload_jobs(self) -> None:
        self.jobs = self.schedules.jobs()
        log.info("collector %s: %d scheduled job(s): %s", self.name, len(self.jobs),
                 ", ".join(f"{j.name} at {j.at}" for j in self.jobs) or "none")

    def run_due_jobs(self, client: SnmpClient, now: dt.datetime | None = None) -> list[str]:
        """Run every job whose slot is due and that this collector claims; returns their log lines."""
        done = []
        for job in self.jobs:
            slot = due_slot(job, now or dt.datetime.now())
            if slot is None or (job.name, slot.isoformat()) in self._ran or self._cancel.cancelled:
                continue
            self._ran.add((job.name, slot.isoformat()))
            if not self.schedules.claim(job, self.zone.text, slot, self.name):
                log.info("collector %s: %s for %s is run by another collector of the zone", self.name, job.name, slot)
                continue
            log.info("collector %s: running %s (slot %s)", self.name, job.name, slot)
            try:
                line = run_job(self.db, self.data_dir, self.credentials, client, job, self.zone, self._cancel)
            except Exception as exc:  # noqa: BLE001 - one job failing must not stop the collector
                log.error("collector %s: %s failed: %s", self.name, job.name, exc, exc_info=True)
                line = f"{job.name} failed: {exc}"
            log.info("collector %s: %s", self.name, line)
            done.append(line)
        return done

    def _schedule_forever(self, signals: Signals, client: SnmpClient) -> None:
        while not signals.stop.is_set():
            if signals.reload.is_set():
                signals.reload.clear()
                self.reload_jobs()
                if self.cycles:  # registered: secrets added to this host's keyring since show at once
                    self._record_profiles_logged()
            try:
                self.run_due_jobs(client)
            except Exception:  # noqa: BLE001 - the store may be away for a while: try again next tick
                log.exception("collector %s: the scheduler could not check its jobs", self.name)
            signals.reload.wait(SCHEDULER_TICK_S)  # a reload wakes it; a stop sets reload too

    # -- the poller's cycles ----------------------------------------------------------------------

    def record_profiles(self) -> list[str]:
        """Which credential profiles this host's keyring holds, by name only, in this collector's
        row (``egovops.collector.profiles``): the console shows a profile it needs and lacks."""
        return record_profiles(self.db, self.name, self.credentials)

    def _record_profiles_logged(self) -> None:
        try:
            log.info("collector %s: keyring holds profiles %s", self.name, ", ".join(self.record_profiles()) or "-")
        except Exception:  # noqa: BLE001 - a keyring problem shows per device already; polling goes on
            log.exception("collector %s: could not record the keyring's profiles", self.name)

    def _after_cycle(self, result: CycleResult) -> None:
        self.cycles += 1
        if self.cycles == 1:  # its row exists from the first claim on; read again on every reload
            self._record_profiles_logged()
        if self.cycles == 2 and self._neighbours is not None:
            # As `egovops poll` does: after the first full cycle, so the first sweep's full walks
            # do not slow the province's first states.
            self._neighbours.start()
        s = result.stats
        log.info("collector %s: cycle %d (%s): %d devices, %d failed, %.2f s%s", self.name, self.cycles, s.cycle,
                 s.devices, s.failed, s.duration_s, " (overrun)" if s.overrun else "")
        try:
            if should_check(self.name, collector_states(self.db)):
                raised, cleared = check_silent(self.db)
                for alarm in raised:
                    log.warning("collector %s: %s", self.name, alarm.message)
                for alarm in cleared:
                    log.info("collector %s: %s reports again", self.name, alarm.subject)
        except Exception:  # noqa: BLE001 - the check must not end the poller's thread
            log.exception("collector %s: the silent-collector check failed", self.name)

    def _neighbour_thread(self, poller: Poller, client: SnmpClient, signals: Signals) -> threading.Thread:
        """LLDP/CDP sweeps (the cross-network cable check) over the devices this collector holds:
        each device is swept by one collector, as it is polled by one."""
        share = poller.share
        watch = NeighbourWatch(self.db, client, self.credentials,
                               only=lambda d: share is not None and bool(share.mine([d])))

        def report(r: DiscoveryReport) -> None:
            for link in r.cross_links:
                log.critical("collector %s: %s", self.name, link.message())
        return threading.Thread(target=watch.run_forever, args=(signals.stop, report),
                                name="egovops-collector-neighbours", daemon=True)

    def _ensure_host_row(self) -> None:
        """This host's own inventory row (the workstation row, read through psutil, never leased):
        a ``collector_silent`` alarm about this collector is raised on it by whoever notices."""
        inventory = InventoryRepository(self.db)
        if workstation_name() in inventory.device_ids():
            return
        for attempt in range(2):
            roots = sorted(s.path for s in inventory.sites() if s.parent_path is None)
            try:
                inventory.save_devices([workstation_device(roots[0] if roots else "本机", "intranet")])
                return
            except IntegrityError:  # another collector of this host, started at the same moment, made it
                if workstation_name() in inventory.device_ids():
                    return
                if attempt:
                    raise

    def _poll_forever(self, poller: Poller, signals: Signals) -> None:
        try:
            poller.run_forever(signals.stop, self._after_cycle)
        except Exception:  # noqa: BLE001 - logged, and the collector ends with an error (a unit restarts it)
            log.exception("collector %s: the poller failed", self.name)
            self.failed = True
            signals.stop.set()

    # -- the whole ----------------------------------------------------------------------------------

    def run(self, signals: Signals) -> None:
        """Run until ``signals.stop``; returns once the poller has stopped cleanly."""
        loop = SnmpLoop().start()
        watcher = StoreWatcher(self.db)
        unsubscribe = self.db.changes.subscribe(lambda c: signals.reload.set() if c & Changes.SETTINGS else None)
        try:
            client = SnmpClient(loop)
            poller = Poller(self.db, client, self.credentials, holder=self.name, zone=self.zone,
                            zone_text=self.zone.text)
            attach_root_cause(poller)  # down behind a failed parent → unreachable, as `egovops poll` does
            self._neighbours = self._neighbour_thread(poller, client, signals)
            self._ensure_host_row()
            self.reload_jobs()
            watcher.start()
            polling = threading.Thread(target=self._poll_forever, args=(poller, signals),
                                       name="egovops-collector-poller", daemon=True)
            scheduling = threading.Thread(target=self._schedule_forever, args=(signals, client),
                                          name="egovops-collector-scheduler", daemon=True)
            polling.start()
            scheduling.start()
            log.info("collector %s started: zone %s", self.name, self.zone.text or "everything")
            while not signals.stop.wait(0.5):  # a timeout: signal handlers run between waits
                pass
            self._cancel.cancel()
            signals.reload.set()  # wakes the scheduler to see the stop
            polling.join(STOP_JOIN_S)
            scheduling.join(STOP_JOIN_S)
            # A neighbour sweep in progress is not waited for: its walks may take a discovery
            # timeout per dead device, and nothing of it is half-written (it merges at its end).
            log.info("collector %s stopped", self.name)
        finally:
            unsubscribe()
            watcher.stop()
            loop.stop()
