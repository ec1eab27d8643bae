"""The collector: the poller for its zone, the job scheduler, and the silent-collector check.

Threads: the poller's (``Poller.run_forever``: status, interfaces, health, self-monitoring,
rollups and retention in each final cycle), the neighbour sweep's (LLDP/CDP and the cross-network
check, over the devices this collector holds), the scheduler's (jobs of ``collector.schedule``),
the store watcher's (a settings change wakes the scheduler to read its jobs again), the notifier's
(``egovops.notify.service.Notifier``, on by default) and, when given ports, the trap and syslog
receivers' (``egovops.events.runtime.listening``; their confirming polls run on this collector's own
poller, for the devices it holds). The caller's
thread only waits: it is the one that receives signals (``run`` is driven by two events the
command line sets from SIGTERM and SIGHUP).

Stopping: ``stop`` is set; the poller finishes the cycle in progress (each device costs at most its
timeout × tries), then gives its leases back and marks its ``collectors`` row stopped
(``DeviceShare.stop``), so the other collectors of the zone take its devices at their next cycle
instead of a lease TTL later. A running procedure job is cancelled (targets not started are
skipped, running ones stop at their next check). The receivers and the notifier stop first (the
events they hold are flushed). SIGHUP (or a settings change in the store) makes the receivers read
the devices again, and restarts them on the same ports when the trap credentials or engine IDs
changed.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from egovops.collector.coverage import check_silent, collector_states, should_check
from egovops.collector.jobs import run_job
from egovops.collector.profiles import record_profiles
from egovops.collector.schedule import Job, ScheduleStore, due_slot
from egovops.collector.zones import Zone
from egovops.credentials.service import CredentialService
from egovops.dr.probe import after_cycle as dr_after_cycle
from egovops.errors import EgovopsError
from egovops.events.backup import BackupOnChange, procedure_backup
from egovops.events.rules import load_rules
from egovops.events.runtime import Listening, TrapCredentials, learn_engine_ids, listening, trap_credentials
from egovops.events.traps import TrapUser
from egovops.i18n import tr
from egovops.notify.engine import Timing
from egovops.notify.service import Notifier
from egovops.polling.device_poll import STATUS
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


@dataclass(frozen=True)
class Hosting:
    """What the collector runs besides polling. The notifier is on by default: notifications must
    not depend on a console or a separate process. The receivers are off unless given a port: two
    collectors of one host (one per zone) would otherwise fight for 162/514."""

    notify: bool = True
    settle_s: float = Timing.settle_s
    listen_host: str = "0.0.0.0"
    trap_port: int | None = None
    syslog_port: int | None = None

    @property
    def receives(self) -> bool:
        return self.trap_port is not None or self.syslog_port is not None


def _keys(credentials: TrapCredentials) -> tuple[tuple[str, ...], tuple[TrapUser, ...]]:
    return tuple(sorted(credentials.communities)), tuple(credentials.users)


class _SharedPoller(Poller):
    """The collector's poller, whose ``run_cycle`` the receivers' confirming polls also call from
    their own thread: one cycle at a time, since the poller's caches (last statuses, schedule gaps,
    resolved targets) are not made for two cycles at once. A confirming poll waits for the cycle in
    progress, at most one status pass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cycle_lock = threading.Lock()

    def run_cycle(self, *args: Any, **kwargs: Any) -> CycleResult:
        with self._cycle_lock:
            return super().run_cycle(*args, **kwargs)


class Collector:
    def __init__(self, database: Database, data_dir: Path, zone: Zone, name: str,
                 credentials: CredentialService | None = None, hosting: Hosting | None = None) -> None:
        self.db, self.data_dir, self.zone, self.name = database, data_dir, zone, name
        self.hosting = hosting or Hosting()
        self._listening: Listening | None = None
        self._heard_with: tuple[tuple[str, ...], tuple[TrapUser, ...]] = ((), ())
        self._notifier: Notifier | None = None
        self.credentials = credentials or CredentialService(database)
        self.schedules = ScheduleStore(database)
        self.jobs: list[Job] = []
        self.cycles = 0
        self.failed = False  # the poller raised: the process exits non-zero
        self._ran: set[tuple[str, str]] = set()  # (job, slot) this process already handled
        self._cancel = CancelToken()
        self._neighbours: threading.Thread | None = None
        self._poller: Poller | None = None

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
                self._reload_receivers(client)
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
        dr_after_cycle(self.db)  # DR link probes and the readiness verdict's history, on their own thread
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

    # -- the receivers and the notifier --------------------------------------------------------------

    def confirming_poll(self, poller: Poller, device: str) -> None:
        """A trap's confirming status poll, of a device this collector holds; one held by another
        collector of the zone is left to its holder's next cycle (polling it here would be the
        double poll the leases prevent)."""
        share = poller.share
        if share is not None and not share.holds(device):
            log.info("collector %s: %s is polled by another collector: its next cycle confirms the event",
                     self.name, device)
            return
        found = [d for d in poller.inventory.devices() if d.name == device]
        if found:
            poller.run_cycle(work=[(found[0], {STATUS})], label="event")

    def _read_credentials(self, client: SnmpClient, traps: bool) -> TrapCredentials:
        """As ``egovops events listen`` reads them: v3 engine IDs asked of the devices not yet known,
        then communities and v3 users from the credential profiles."""
        problems = learn_engine_ids(self.db, self.credentials, client) if traps else []
        credentials = trap_credentials(self.db, self.credentials)
        for problem in problems + credentials.problems:
            log.warning("collector %s: %s", self.name, problem)
        return credentials

    def _start_receivers(self, client: SnmpClient, poller: Poller, trap_port: int | None,
                         syslog_port: int | None, credentials: TrapCredentials | None = None) -> None:
        credentials = credentials or self._read_credentials(client, trap_port is not None)
        host = self.hosting.listen_host
        # Rules with 'backup: true' (a device reporting a configuration change) start a config-backup
        # run, rate limited per device, as this collector's own OS account (like its nightly job).
        backups = BackupOnChange(procedure_backup(self.db, self.data_dir, self.credentials))
        running = listening(self.db, credentials, load_rules(None), host, trap_port, syslog_port,
                            lambda device: self.confirming_poll(poller, device), backups=backups)
        try:
            running.start()
        except OSError as exc:
            raise EgovopsError(tr("cannot listen on {host}: {reason} (ports below 1024 need privileges; "
                                  "see --trap-port and --syslog-port)",
                                  host=host, reason=exc.strerror or exc)) from None
        self._listening, self._heard_with = running, _keys(credentials)
        if running.traps is not None:
            log.info("collector %s: traps: udp %s:%d", self.name, host, running.traps.port)
        if running.syslog is not None:
            log.info("collector %s: syslog: udp and tcp %s:%d/%d", self.name, host, running.syslog.udp_port,
                     running.syslog.tcp_port)

    def _stop_receivers(self) -> None:
        if self._listening is not None:
            self._listening.stop()
            log.info("collector %s: receivers stopped, %d events stored", self.name, self._listening.service.stored)
            self._listening = None

    def _reload_receivers(self, client: SnmpClient) -> None:
        """SIGHUP or a settings change in the store (credential profiles are settings): devices
        added or readdressed are read again at once; when the communities, v3 users or engine IDs
        changed, the receivers start again on the ports they hold (a port given as 0 keeps the one
        it got). Only then: a trap arriving in the moment between is lost."""
        old, poller = self._listening, self._poller
        if old is None or poller is None:
            return
        old.service.refresh_sources()
        credentials = self._read_credentials(client, old.traps is not None)
        if _keys(credentials) == self._heard_with:
            return
        trap_port = old.traps.port if old.traps is not None else None
        syslog_port = old.syslog.udp_port if old.syslog is not None else None
        log.info("collector %s: the trap credentials changed: the receivers start again", self.name)
        self._stop_receivers()
        try:
            self._start_receivers(client, poller, trap_port, syslog_port, credentials)
        except Exception:  # noqa: BLE001 - polling goes on; the log says why the receivers are gone
            log.exception("collector %s: the receivers could not start again", self.name)

    def _start_hosted(self, client: SnmpClient, poller: Poller) -> None:
        if self.hosting.receives:
            self._start_receivers(client, poller, self.hosting.trap_port, self.hosting.syslog_port)
        if self.hosting.notify:
            self._notifier = Notifier(self.db, timing=Timing(settle_s=self.hosting.settle_s), name=self.name)
            self._notifier.start()
            log.info("collector %s: notifier started", self.name)

    def _stop_hosted(self) -> None:
        self._stop_receivers()
        if self._notifier is not None:
            self._notifier.stop()  # the pass in progress ends: its sends are recorded, none is half-sent
            self._notifier = None

    # -- the whole ----------------------------------------------------------------------------------

    def run(self, signals: Signals) -> None:
        """Run until ``signals.stop``; returns once the poller has stopped cleanly."""
        loop = SnmpLoop().start()
        watcher = StoreWatcher(self.db)
        unsubscribe = self.db.changes.subscribe(lambda c: signals.reload.set() if c & Changes.SETTINGS else None)
        try:
            client = SnmpClient(loop)
            poller = _SharedPoller(self.db, client, self.credentials, holder=self.name, zone=self.zone,
                                   zone_text=self.zone.text)
            self._poller = poller
            attach_root_cause(poller)  # down behind a failed parent → unreachable, as `egovops poll` does
            self._neighbours = self._neighbour_thread(poller, client, signals)
            self._ensure_host_row()
            self.reload_jobs()
            self._start_hosted(client, poller)  # a port in use: one line and exit 1 before anything runs
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
            self._stop_hosted()
            polling.join(STOP_JOIN_S)
            scheduling.join(STOP_JOIN_S)
            # A neighbour sweep in progress is not waited for: its walks may take a discovery
            # timeout per dead device, and nothing of it is half-written (it merges at its end).
            log.info("collector %s stopped", self.name)
        finally:
            self._stop_hosted()  # after a failed start too: a receiver started must not outlive the run
            unsubscribe()
            watcher.stop()
            loop.stop()
