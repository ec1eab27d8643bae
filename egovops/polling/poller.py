"""The poller: cycles over the inventory, bounded concurrency, states, transitions, alarms, stats.

A cycle polls every due device concurrently (at most ``concurrency`` at once) on the SNMP loop.
Each device costs at most its own timeout × tries: an unanswering agent never delays the others.
Before states become transitions and alarms they pass through the registered classifiers, where
root-cause analysis turns "down" behind a failed parent into "unreachable".
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Union

from egovops.credentials.service import CredentialService, ResolvedCredentials
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.inventory.model import Device
from egovops.polling.alarm_rules import HeldAlarm, reconciled_kinds
from egovops.polling.device_poll import HEALTH, INTERFACES, STATUS, identify_known, poll_details, poll_status
from egovops.polling.interfaces import StaticColumns
from egovops.polling.leases import DeviceShare
from egovops.polling.limiter import AdaptiveLimit
from egovops.polling.model import DeviceStatus
from egovops.polling.oids import IF_TABLE_MARKS
from egovops.polling.reachability import Pinger, icmp_allowed
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.polling.rules_repo import AlarmRulesRepository
from egovops.polling.schedule import Schedule
from egovops.polling.selfmon import SelfMonitor
from egovops.polling.settings import PollingSettings
from egovops.polling.settings_repo import PollingSettingsRepository
from egovops.polling.state import conditions_for, decide_state
from egovops.polling.workstation import TAG as WORKSTATION_TAG
from egovops.polling.workstation import read_workstation, workstation_device, workstation_name
from egovops.snmp import SnmpClient, SnmpTarget, target_from_credentials
from egovops.storage.alarms_repo import Alarm, AlarmCondition, AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.state_repo import StateRepository, Transition

ClassifierResult = Union[DeviceStatus, str, tuple]
StateClassifier = Callable[[dict[str, DeviceStatus]], Mapping[str, ClassifierResult]]
ALL_KINDS = frozenset({STATUS, INTERFACES, HEALTH})


@dataclass
class Stored:
    """What the early store of a cycle's status part did; ``final``: devices it stored that were
    not walked afterwards, so the end of the cycle leaves them alone."""

    final: dict[str, DeviceStatus]  # as stored, with their state and reasons
    transitions: list[Transition]
    raised: list[Alarm]
    cleared: list[Alarm]


@dataclass
class CycleResult:
    statuses: list[DeviceStatus]
    stats: CycleStats
    transitions: list[Transition] = field(default_factory=list)
    raised: list[Alarm] = field(default_factory=list)
    cleared: list[Alarm] = field(default_factory=list)

    @property
    def failed(self) -> list[DeviceStatus]:
        return [s for s in self.statuses if s.error or not s.reachable]


class Poller:
    def __init__(self, database: Database, client: SnmpClient | None = None, credentials: CredentialService | None = None,
                 settings: PollingSettings | None = None, holder: str | None = None,
                 zone: Callable[[Device], bool] | None = None, zone_text: str = "") -> None:
        """``holder``: this poller's name on a shared store; it then polls only the devices of
        its ``zone`` (all by default) whose lease it holds (``egovops.polling.leases``)."""
        self.db = database
        self.client = client or SnmpClient()
        self.credentials = credentials or CredentialService(database)
        self._settings_from_store = settings is None  # then edits in the store reach a running poller
        self.settings = settings or PollingSettingsRepository(database).polling()
        self.inventory = InventoryRepository(database)
        self.repo = PollingRepository(database)
        self.alarms = AlarmRepository(database)
        self.states = StateRepository(database)
        self.monitor = SelfMonitor()
        self._classifiers: list[StateClassifier] = []
        self._last: dict[str, DeviceStatus] = self.repo.load_statuses()
        self._targets: dict[str, tuple[str, SnmpTarget | None, str | None]] = {}  # name -> (device repr, target, error)
        self.schedule = Schedule()
        self.static_columns = StaticColumns()  # in memory: a restarted poller reads them once more
        self.use_icmp = self.settings.prefer_icmp and icmp_allowed()
        self.share = DeviceShare(database, holder, zone, zone_text) if holder is not None else None

    # -- plug-in point ------------------------------------------------------------------------

    def add_state_classifier(self, classifier: StateClassifier) -> None:
        """``classifier(states)`` returns {name: new DeviceStatus | state | (state, root_cause device)}
        for the devices it reclassifies; it sees every status of the cycle after thresholds."""
        self._classifiers.append(classifier)

    def reload_settings(self) -> bool:
        """Take up settings saved since (the console's dialog, ``polling set``); True if they changed.
        Targets are built again, since they carry each device's timeout and retries."""
        if not self._settings_from_store:
            return False
        fresh = PollingSettingsRepository(self.db).polling()
        if fresh == self.settings:
            return False
        self.settings = fresh
        self._targets.clear()
        self.use_icmp = fresh.prefer_icmp and icmp_allowed()
        return True

    # -- targets ------------------------------------------------------------------------------

    def _target(self, device: Device, profiles: dict[str, ResolvedCredentials | EgovopsError]) -> tuple[SnmpTarget | None, str | None]:
        intervals = self.settings.intervals_for(device)
        if not device.credential_profile:
            return None, f"{device.name}: no credential profile is set, so it cannot be polled over SNMP"
        if device.credential_profile not in profiles:
            try:
                profiles[device.credential_profile] = self.credentials.resolve(device.credential_profile)
            except EgovopsError as exc:
                profiles[device.credential_profile] = exc
        resolved = profiles[device.credential_profile]
        if isinstance(resolved, EgovopsError):
            return None, f"{device.name}: {resolved}"
        try:
            return target_from_credentials(device, resolved, intervals.timeout_s, intervals.retries), None
        except EgovopsError as exc:
            return None, str(exc)

    def _resolve_targets(self, devices: Iterable[Device]) -> None:
        # Only devices whose inventory row changed are resolved again, each profile once: keyring
        # reads go over D-Bus and would dominate a cycle of thousands of devices.
        profiles: dict[str, ResolvedCredentials | EgovopsError] = {}
        for device in devices:
            key = repr(device)
            if device.name not in self._targets or self._targets[device.name][0] != key:
                target, error = self._target(device, profiles)
                self._targets[device.name] = (key, target, error)

    # -- one cycle ----------------------------------------------------------------------------

    async def _poll_all(self, work: list[tuple[Device, set[str]]], now: float,
                        started: float) -> tuple[list[DeviceStatus], Stored]:
        """Each device's reachability and system group, then, when it answered, its interfaces
        and health. Status reads go first and many at once: a GET waiting for a dead agent costs no
        CPU, only its slot, and the small replies must not queue behind large walks (at the agent
        or in our decoding). Walks begin once every status request has been sent, fewer at once and
        adaptively: their replies are large and decoding them is CPU-bound. They do not wait for
        the answers still outstanding, so dead agents' timeouts run alongside the live devices'
        walks, and a cycle costs about the live devices' own time (or one timeout, if longer).

        As soon as every status is in, the status part of the cycle is stored (on an executor
        thread, while the walks go on): a device that went down or came back reaches the map
        and the alarm desk then, not after every walk of the cycle. Returns the statuses and what
        that early store did (devices it stored that were not walked afterwards are final)."""
        pinger = Pinger() if self.use_icmp else None
        # A fixed limit: if it shrank, dead agents would hold the few slots left for whole timeouts.
        status_limit = asyncio.Semaphore(max(1, self.settings.concurrency))
        walk_limit = AdaptiveLimit(self.settings.walk_concurrency, minimum=2)

        all_sent, unsent = asyncio.Event(), [len(work)]
        all_answered, answered, walked = asyncio.Event(), {}, set()
        early = any(kinds - {STATUS} for _, kinds in work)  # only a cycle with walks gains from it

        def sent() -> None:
            unsent[0] -= 1
            if unsent[0] == 0:
                all_sent.set()

        def got(status: DeviceStatus) -> None:  # its status phase is over: a copy, before walks change it
            answered[status.name] = replace(status, interfaces=[replace(i) for i in status.interfaces])
            if len(answered) == len(work):
                all_answered.set()

        async def poll_one(device: Device, kinds: set[str]) -> DeviceStatus:
            _key, target, error = self._targets[device.name]
            previous = self._last.get(device.name)  # before the early store replaces it
            async with status_limit:
                sent()
                extra = IF_TABLE_MARKS if INTERFACES in kinds else ()
                status, system = await poll_status(self.client, device, target, error, previous, pinger, now, extra)
            if system is None or target is None:
                got(status)
                return status
            if kinds <= {STATUS}:  # no walk: the model from ENTITY-MIB waits for the next full poll
                identify_known(status, previous)
                got(status)
                return status
            got(status)
            walked.add(device.name)
            await all_sent.wait()
            async with walk_limit.slot() as timer:
                await poll_details(self.client, target, status, kinds, previous, now, system,
                                   self.static_columns, self.settings.static_refresh_s)
                if status.error_kind != "timeout":
                    timer.answered(target.total_wait * 4)  # a walk is several requests
            return status

        async def store_statuses() -> Stored:
            await all_answered.wait()
            snapshot = list(answered.values())
            done = await asyncio.get_running_loop().run_in_executor(
                None, lambda: self._store_status_part(snapshot, now, started))
            return Stored({s.name: s for s in snapshot if s.name not in walked}, *done)

        # Devices silent last cycle are asked last: if they are still dead they would otherwise
        # hold every status slot for a whole timeout (a city that went down together sorts
        # together) while the live devices, and the walks behind them, wait.
        order = sorted(range(len(work)), key=lambda i: self._was_silent(work[i][0].name))
        try:
            await self.client.aregister([t for d, _ in work if (t := self._targets[d.name][1]) is not None])
            storing = asyncio.ensure_future(store_statuses()) if early and work else None
            polled = await asyncio.gather(*(poll_one(*work[i]) for i in order))
            stored = await storing if storing is not None else Stored({}, [], [], [])
            by_position = dict(zip(order, polled))
            return [by_position[i] for i in range(len(work))], stored
        finally:
            if pinger is not None:
                pinger.close()

    def _store_status_part(self, statuses: list[DeviceStatus], at: float,
                           started: float) -> tuple[list[Transition], list[Alarm], list[Alarm]]:
        """The early store of a cycle's statuses, with a stats row of its own ("status part"):
        the console refreshes on every new row, so the map shows the states now. One transaction
        with its stats row, like the cycle's final part."""
        with self.db.write():
            done = self._store(statuses, at)
            self.repo.record_stats(CycleStats(
                at=at, cycle="status part", interval_s=self.settings.intervals.status_s, devices=len(statuses),
                failed=sum(1 for s in statuses if s.error or not s.reachable),
                duration_s=time.monotonic() - started, overrun=False))
        self._remember(statuses)
        return done

    def _was_silent(self, name: str) -> bool:
        previous = self._last.get(name)
        return previous is not None and previous.error_kind == "timeout"

    def _classify(self, statuses: dict[str, DeviceStatus]) -> None:
        for classifier in self._classifiers:
            for name, result in dict(classifier(statuses)).items():
                if name not in statuses:
                    continue
                if isinstance(result, DeviceStatus):
                    statuses[name] = result
                elif isinstance(result, str):
                    statuses[name].state = result
                else:
                    statuses[name].state, statuses[name].root_cause = result[0], result[1]

    def _finish(self, statuses: list[DeviceStatus], now: float) -> tuple[list[Transition], dict[str, list[AlarmCondition]]]:
        """States, transitions and alarm conditions of a cycle. Conditions hold only the kinds the
        cycle decides (``alarm_rules.reconciled_kinds``); a device's active alarms of the other
        kinds stand, and keep it degraded."""
        s = self.settings
        memory = AlarmRulesRepository(self.db).memory(
            {st.name: [(i.index, i.name) for i in st.interfaces] if st.measured_interfaces else [] for st in statuses},
            [st.name for st in statuses if st.measured_health], s)
        by_name = {st.name: st for st in statuses}

        def evaluate(status: DeviceStatus) -> tuple[list[AlarmCondition], list[HeldAlarm]]:
            found = conditions_for(status, s.thresholds, s.critical_interfaces.get(status.name, ()), memory,
                                   s.clear_margins, s.readings_in_row)
            held = memory.held(status) if status.reachable and status.state != "unreachable" else []
            return found, held

        for status in statuses:
            found, held = evaluate(status)
            status.state = decide_state(status, [*found, *held])
        self._classify(by_name)
        previous = self.repo.state_since()
        conditions: dict[str, list[AlarmCondition]] = {}
        transitions: list[Transition] = []
        for status in by_name.values():
            found, held = evaluate(status)
            conditions[status.name] = found
            status.reasons = [c.message for c in found] + [h.message for h in held]
            old_state, old_since = previous.get(status.name, (None, now))
            status.since = old_since if old_state == status.state else now
            if old_state != status.state:
                transitions.append(Transition(status.name, now, status.state, old_state, "; ".join(status.reasons)[:500], status.root_cause))
        statuses[:] = list(by_name.values())
        return transitions, conditions

    def _reconcile(self, statuses: list[DeviceStatus], conditions: dict[str, list[AlarmCondition]],
                   at: float) -> tuple[list[Alarm], list[Alarm]]:
        """One reconcile per set of decided kinds (a handful: status only, with health, with
        interfaces), so an alarm of a measure the cycle did not read is neither bumped nor cleared."""
        groups: dict[frozenset[str], dict[str, list[AlarmCondition]]] = {}
        for status in statuses:
            kinds = reconciled_kinds(status)
            groups.setdefault(kinds, {})[status.name] = [c for c in conditions.get(status.name, []) if c.kind in kinds]
        raised: list[Alarm] = []
        cleared: list[Alarm] = []
        for kinds, group in groups.items():
            up, down = self.alarms.reconcile(group, at, kinds=sorted(kinds))
            raised += up
            cleared += down
        return raised, cleared

    def _refresh_last(self, names: Iterable[str]) -> None:
        """Take up what another process (the console's Poll now) stored since this poller's own
        last reading, so carried-over values are the newest, not this process's older ones."""
        stored = AlarmRulesRepository(self.db).last_polls()
        newer = [n for n in names if n in stored
                 and (n not in self._last or stored[n] > self._last[n].polled_at + 1e-6)]
        if newer:
            self._last.update(self.repo.load_statuses(newer))

    # -- the console's own workstation --------------------------------------------------------

    def _ensure_workstation(self) -> str:
        """The workstation's inventory row (created once, under the top site), so its status,
        samples and alarms are stored like any device's."""
        name = workstation_name()
        if name not in self.inventory.device_ids():
            roots = sorted(s.path for s in self.inventory.sites() if s.parent_path is None)
            self.inventory.save_devices([workstation_device(roots[0] if roots else "本机", "intranet")])
        return name

    def _snmp_devices(self) -> list[Device]:
        devices = [d for d in self.inventory.devices() if WORKSTATION_TAG not in d.tags]
        return devices if self.share is None else self.share.mine(devices)

    def shortest_status_s(self) -> float:
        """The shortest status interval: the longest the poller sleeps, and its leases' unit."""
        return min([self.settings.intervals.status_s]
                   + [v["status_s"] for v in self.settings.overrides.values() if "status_s" in v])

    def claim_devices(self) -> None:
        """On a shared store: heartbeat, renew this poller's leases and take its share of free or
        expired ones; the cycle that follows polls those devices only. Nothing to do otherwise.
        This host's workstation row is leased like a device, but only this host's pollers claim
        it: one of them reads it (two would store its states twice), never a poller elsewhere."""
        if self.share is None:
            return
        if self.settings.watch_workstation:
            self._ensure_workstation()
        here = workstation_name() if self.settings.watch_workstation else None
        devices = [d for d in self.inventory.devices() if WORKSTATION_TAG not in d.tags or d.name == here]
        self.share.claim(devices, self.shortest_status_s())
        self.schedule.keep_only(d.name for d in self.share.mine(devices))

    def _watches_workstation(self, wanted: set[str] | None) -> bool:
        name = workstation_name()
        return (self.settings.watch_workstation and (wanted is None or name in wanted)
                and (self.share is None or self.share.holds(name)))

    def run_cycle(self, kinds: Iterable[str] = ALL_KINDS, names: Iterable[str] | None = None, label: str = "full",
                  interval_s: float | None = None, work: list[tuple[Device, set[str]]] | None = None) -> CycleResult:
        """Poll the named devices (all by default) once, store everything, return what happened."""
        started_wall, started = time.time(), time.monotonic()
        wanted = set(names) if names is not None else None
        if work is None:
            self.claim_devices()
        local = self._watches_workstation(wanted)
        if local:
            self._ensure_workstation()
        if work is None:
            devices = self._snmp_devices()
            if wanted is not None:
                known = devices if self.share is None else self.inventory.devices()
                missing = wanted - {d.name for d in known} - {workstation_name()}
                if missing:
                    raise EgovopsError(f"no device named {', '.join(sorted(missing))}")
                elsewhere = wanted - {d.name for d in devices} - {workstation_name()}
                if elsewhere:  # polling it here too would be the double poll the leases prevent
                    raise EgovopsError(tr("{names}: polled by another poller on this shared store",
                                          names=", ".join(sorted(elsewhere))))
                devices = [d for d in devices if d.name in wanted]
            work = [(d, set(kinds)) for d in devices]
        self._resolve_targets(d for d, _ in work)
        self._refresh_last(d.name for d, _ in work)
        statuses, early = self.client.snmp_loop.run(self._poll_all(work, started_wall, started))
        if local:
            statuses.append(read_workstation(self._last.get(workstation_name()), self.inventory.networks(), started_wall))
        rest = [s for s in statuses if s.name not in early.final]
        with self.db.write():  # the final part: its states, transitions, alarms and stats commit together
            transitions, raised, cleared = self._store(rest, started_wall)
            stats = self._stats(started_wall, started, label, interval_s,
                                [early.final.get(s.name, s) for s in statuses])
            self.repo.record_stats(stats)
        self._remember(rest)
        if self.share is not None:  # the heartbeat: after the cycle's own commit, which it reports
            self.share.cycle_done(started_wall, stats.duration_s, stats.overrun, stats.cpu_percent, stats.rss_bytes)
        self._rollup(started_wall)
        statuses = [early.final.get(s.name, s) for s in statuses]
        transitions, raised, cleared = early.transitions + transitions, early.raised + raised, early.cleared + cleared
        self.schedule.gaps.polled((s.name for s in statuses), started)
        return CycleResult(statuses, stats, transitions, raised, cleared)

    def _stats(self, started_wall: float, started: float, label: str, interval_s: float | None,
               statuses: list[DeviceStatus]) -> CycleStats:
        duration = time.monotonic() - started
        interval = interval_s if interval_s is not None else self.settings.intervals.status_s
        sample = self.monitor.sample()
        return CycleStats(
            at=started_wall, cycle=label, interval_s=interval, devices=len(statuses),
            failed=sum(1 for s in statuses if s.error or not s.reachable), duration_s=duration,
            overrun=duration > interval, cpu_percent=sample.cpu_percent, rss_bytes=sample.rss_bytes,
            open_sockets=sample.open_sockets, threads=sample.threads,
        )

    def store_cycle(self, statuses: list[DeviceStatus], at: float,
                    final: bool = True) -> tuple[list[Transition], list[Alarm], list[Alarm]]:
        """Decide states and alarms of the readings taken at ``at`` and store them all in one
        transaction; returns (transitions, raised, cleared). With ``final``, hourly rollups and
        retention follow in a transaction of their own."""
        with self.db.write():
            done = self._store(statuses, at)
        self._remember(statuses)
        if final:
            self._rollup(at)
        return done

    def _store(self, statuses: list[DeviceStatus], at: float) -> tuple[list[Transition], list[Alarm], list[Alarm]]:
        """States, transitions, monitored spans and alarms of one part of a cycle; the caller holds
        the write they join, so a kill at any point keeps all of them or none. States are decided
        inside it too, from the previous states as this transaction sees them."""
        known = self.inventory.device_ids()  # inside the write: as the transaction sees the inventory
        if any(s.name not in known for s in statuses):  # removed at another desk while it was polled:
            statuses[:] = [s for s in statuses if s.name in known]  # its readings go, not everyone's
        if not statuses:  # every device was final after the early store of the cycle's status part
            return [], [], []
        transitions, conditions = self._finish(statuses, at)
        self.repo.save_cycle(statuses, {s.name: s.since or at for s in statuses})
        self.states.record_transitions(transitions)
        self.states.extend_monitoring([s.name for s in statuses], at, 2.5 * self.settings.intervals.status_s)
        raised, cleared = self._reconcile(statuses, conditions, at)
        return transitions, raised, cleared

    def _remember(self, statuses: list[DeviceStatus]) -> None:
        """After the commit only: a rolled-back store must not become the base of the next rates."""
        for status in statuses:
            self._last[status.name] = status

    def _rollup(self, at: float) -> None:
        # Its own transaction, after the cycle's: it recomputes unfinished work from the raw samples
        # left, so a kill before its commit is repaired by the next cycle (tests/test_cycle_atomic).
        self.repo.rollup_and_prune(at, self.settings.raw_retention_days, self.settings.hourly_retention_days)

    # -- running until stopped ----------------------------------------------------------------

    def due_work(self, now: float) -> list[tuple[Device, set[str]]]:
        """Devices and what of them is due at monotonic time ``now``, by each device's own
        (overridable) intervals; see ``egovops.polling.schedule`` for the tolerance and jitter."""
        return self.schedule.due_work(self._snmp_devices(), self.settings, now)

    def run_forever(self, stop: threading.Event, on_cycle: Callable[[CycleResult], None] | None = None, tick_s: float | None = None) -> None:
        """Cycle until ``stop`` is set, waking when the next device falls due (at the latest every
        ``tick``, the shortest status interval, so devices added meanwhile are picked up). An
        overrun starts the next cycle at once (and is recorded as such) instead of piling cycles up.

        The first cycle reads only every device's status, and the full cycle follows at once: an
        operator who has just opened the console sees the whole province's state in seconds
        instead of after every interface table has been walked."""
        if self.share is not None:
            self.share.start(self.shortest_status_s())
        try:
            self._cycles(stop, on_cycle, tick_s)
        finally:
            if self.share is not None:
                self.share.stop()

    def _cycles(self, stop: threading.Event, on_cycle: Callable[[CycleResult], None] | None,
                tick_s: float | None) -> None:
        first = True
        while not stop.is_set():
            if self.reload_settings():
                self.schedule.reset()  # an interval may have shortened: everything is due now
            tick = tick_s or self.shortest_status_s()
            self.claim_devices()
            if first:
                work, label = [(d, {STATUS}) for d in self._snmp_devices()], "first status"
            else:
                work, label = self.due_work(time.monotonic()), "scheduled"
            if work:
                result = self.run_cycle(work=work, label=label, interval_s=tick)
                if on_cycle is not None:
                    on_cycle(result)
            if first:
                first = False
                continue  # nothing is marked done yet: the full cycle is due now
            now = time.monotonic()
            stop.wait(max(0.0, min(self.schedule.next_due(now + tick), now + tick) - now))
