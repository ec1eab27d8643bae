"""Deciding what to send: one pass (``run_once(now)``) over the alarms, writing to the outbox.

- A new alarm notifies once it is ``settle_s`` old (root-cause analysis has folded its symptoms by
  then), unless it is a symptom (``suppressed``): the root's message names the devices folded
  under it instead. Nothing is sent while a maintenance window covers the device; if the alarm
  outlives the window, it notifies then.
- An alarm that returns within ``flap_s`` of the clearing of one that notified (same device, kind
  and subject) is the same trouble: not told again, and the earlier one's recovery notice is dropped.
- A recovery notice goes to everyone told, once the alarm has stayed cleared for ``flap_s``.
- A critical alarm not acknowledged ``escalate_after_s`` after it was told goes to the rule's next
  level, then again every ``repeat_s`` (at the last level) until acknowledged. The timer does not run
  while the alarm is suppressed or in maintenance: each pass moves it on by the time that passed.

Each decision and its outbox rows are written in one transaction, then audited.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from egovops.audit.log import AuditLog
from egovops.availability.repo import AvailabilityRepository
from egovops.duty.repo import DutyRepository
from egovops.inventory.model import Device
from egovops.notify.messages import compose
from egovops.notify.model import AlarmState, Rule
from egovops.notify.repo import NotifyRepository
from egovops.notify.routing import Address, Router, quiet_until
from egovops.storage.alarms_repo import Alarm, AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository

log = logging.getLogger(__name__)
ACTOR, ROLE = "egovops-notify", "system"


class _Lost(Exception):
    """Another collector decided this alarm first: roll the decision (and its outbox rows) back."""


def _decided(db: Database, decide: Callable[[Connection], None]) -> bool:
    """Run one decision in its own transaction. Several collectors may run the engine on one store:
    the state's primary key and the compare-and-set updates make exactly one of them win each."""
    try:
        with db.write() as conn:
            decide(conn)
    except (_Lost, IntegrityError):
        log.info("another notifier made this decision first")
        return False
    return True


@dataclass(frozen=True)
class Timing:
    settle_s: float = 30.0
    flap_s: float = 120.0


class Engine:
    def __init__(self, database: Database, timing: Timing | None = None) -> None:
        self.db = database
        self.timing = timing or Timing()
        self.repo = NotifyRepository(database)
        self.alarms = AlarmRepository(database)
        self.inventory = InventoryRepository(database)
        self.availability = AvailabilityRepository(database)
        self.duty = DutyRepository(database)
        self.audit = AuditLog(database)
        self._sms: set[str] = set()
        self._nobody: set[int] = set()  # alarms already logged as having nobody to tell

    def run_once(self, now: float) -> int:
        """One pass; returns how many outbox rows it queued."""
        router = Router(self.repo, self.duty, now)
        self._sms = {c.name for c in router.channels.values() if c.kind == "sms"}
        devices = {d.name: d for d in self.inventory.devices()}
        windows = self.availability.windows()
        states = self.repo.states()
        # The active alarms and those still followed (cleared, recovery not yet sent): never the
        # whole history, which grows for as long as the store lives.
        every = self.alarms.list(active_only=True)
        every += self.alarms.by_ids(set(states) - {a.id for a in every})
        known = self.repo.known_alarm_ids()

        def in_maintenance(name: str) -> bool:
            device = devices.get(name)
            return device is not None and any(w.applies_to(device) and w.occurrences(now, now + 1) for w in windows)

        queued = 0
        for alarm in every:
            if alarm.active and alarm.id not in known and not alarm.suppressed:
                queued += self._new_alarm(alarm, every, devices, router, now, in_maintenance)
        by_id = {a.id: a for a in every}
        for state in states.values():
            told = by_id.get(state.alarm_id)
            if told is not None:
                queued += self._follow(state, told, every, devices, router, now, in_maintenance)
        return queued

    # -- a new alarm -----------------------------------------------------------------------------
    def _new_alarm(self, alarm: Alarm, every: list[Alarm], devices: dict[str, Device], router: Router, now: float,
                   in_maintenance: Any) -> int:
        device = devices.get(alarm.device)
        if device is None or now - alarm.first_seen < self.timing.settle_s or in_maintenance(alarm.device):
            return 0
        rule = router.rule_for(alarm, device)
        if rule is None:
            return 0
        flapped = self._flap_of(alarm, every, self.repo.states())
        escalate_at = now + rule.escalate_after_s if alarm.severity == "critical" else None
        state = AlarmState(alarm.id, rule.name, 0, now, escalate_at, None, flapped)
        if flapped is not None:
            def adopt(conn: Connection) -> None:
                self.repo.insert_state(conn, state)
                # Its recovery would be noise now.
                if not self.repo.update_state(conn, flapped, {"recovered_at": None}, recovered_at=now):
                    raise _Lost
            if not _decided(self.db, adopt):
                return 0
            self.audit.record(actor=ACTOR, role=ROLE, action="notify.flap", subject=str(alarm.id),
                              details={"alarm": alarm.id, "repeats": flapped})
            return 0
        addresses = router.addresses(router.people(rule.levels[0], device))
        if not addresses:
            # Nobody on call (an empty rota, no open shift): decide nothing, so the alarm is told as
            # soon as someone is; said once per alarm in the log, not on every pass.
            if alarm.id not in self._nobody:
                self._nobody.add(alarm.id)
                log.warning("alarm %s matches rule %s but nobody can be told (rota, addresses)", alarm.id, rule.name)
            return 0
        rows = self._rows("alarm", alarm, every, device, addresses, now, 0)

        def tell(conn: Connection) -> None:
            self.repo.insert_state(conn, state)  # the primary key: one decision per alarm
            self.repo.enqueue(conn, rows)
        if not _decided(self.db, tell):
            return 0
        self._audit("notify.queued", alarm, rows, rule)
        return len(rows)

    def _flap_of(self, alarm: Alarm, every: list[Alarm], states: dict[int, AlarmState]) -> int | None:
        for other in every:
            if (other.id != alarm.id and not other.active and other.id in states
                    and (other.device, other.kind, other.subject) == (alarm.device, alarm.kind, alarm.subject)
                    and other.cleared_at is not None and alarm.first_seen - other.cleared_at <= self.timing.flap_s):
                return other.id
        return None

    # -- an alarm that was told: escalation and recovery -----------------------------------------------
    def _follow(self, state: AlarmState, alarm: Alarm, every: list[Alarm], devices: dict[str, Device],
                router: Router, now: float, in_maintenance: Any) -> int:
        device = devices.get(alarm.device)
        if not alarm.active:
            if alarm.cleared_at is not None and now - alarm.cleared_at >= self.timing.flap_s and device is not None:
                return self._recover(state, alarm, every, device, router, now)
            return 0
        if state.escalate_at is None or device is None:
            return 0
        if alarm.acked_at is not None:
            def stop(conn: Connection) -> None:
                if not self.repo.update_state(conn, alarm.id, {"escalate_at": state.escalate_at}, escalate_at=None,
                                              frozen_since=None):
                    raise _Lost
            if not _decided(self.db, stop):
                return 0
            self.audit.record(actor=ACTOR, role=ROLE, action="notify.escalation-stopped", subject=str(alarm.id),
                              details={"alarm": alarm.id, "acked_by": alarm.acked_by, "level": state.level})
            return 0
        frozen = alarm.suppressed or in_maintenance(alarm.device)
        escalate_at = state.escalate_at
        if frozen != (state.frozen_since is not None):
            if not frozen:  # thawed: the frozen time does not count
                escalate_at += now - (state.frozen_since or now)
            with self.db.write() as conn:  # two notifiers writing this the same pass write the same values
                self.repo.update_state(conn, alarm.id, frozen_since=now if frozen else None, escalate_at=escalate_at)
            state = replace(state, escalate_at=escalate_at, frozen_since=now if frozen else None)
        if frozen or now < escalate_at:
            return 0
        return self._escalate(state, alarm, every, device, router, now)

    def _escalate(self, state: AlarmState, alarm: Alarm, every: list[Alarm], device: Device, router: Router,
                  now: float) -> int:
        rule = next((r for r in router.rules if r.name == state.rule), None)
        if rule is None:
            return 0
        level = min(state.level + 1, len(rule.levels) - 1)
        rows = self._rows("escalation", alarm, every, device,
                          router.addresses(router.people(rule.levels[level], device)), now, level)

        def escalate(conn: Connection) -> None:
            if not self.repo.update_state(conn, alarm.id, {"level": state.level, "escalate_at": state.escalate_at},
                                          level=level, escalate_at=now + rule.repeat_s):
                raise _Lost
            self.repo.enqueue(conn, rows)
        if not _decided(self.db, escalate):
            return 0
        self._audit("notify.escalated", alarm, rows, rule, level)
        return len(rows)

    def _recover(self, state: AlarmState, alarm: Alarm, every: list[Alarm], device: Device, router: Router,
                 now: float) -> int:
        chain, seen = [alarm.id], {alarm.id}
        flap = state.flap_of
        states = self.repo.states(open_only=False)
        while flap is not None and flap not in seen:
            chain.append(flap)
            seen.add(flap)
            flap = states[flap].flap_of if flap in states else None
        told = [Address(router.recipients[name], channel, address)
                for name, channel, address in self.repo.told(chain) if name in router.recipients]
        rows = self._rows("recovery", alarm, every, device, told, now, state.level)

        def recover(conn: Connection) -> None:
            if not self.repo.update_state(conn, alarm.id, {"recovered_at": None}, recovered_at=now, escalate_at=None):
                raise _Lost
            self.repo.enqueue(conn, rows)
        if not _decided(self.db, recover):
            return 0
        self._audit("notify.recovery", alarm, rows, None)
        return len(rows)

    # -- outbox rows -----------------------------------------------------------------------------
    def _rows(self, purpose: str, alarm: Alarm, every: list[Alarm], device: Device, addresses: list[Address],
              now: float, level: int) -> list[dict[str, Any]]:
        folded = [name for name in self.repo.folded_devices(alarm.id, active_only=purpose != "recovery")
                  if name != alarm.device]
        rows = []
        for target in addresses:
            person = target.recipient
            text = compose(purpose, alarm, device, folded, person.language, person.tz, level, now)
            quiet = quiet_until(person, now) if alarm.severity != "critical" else None
            rows.append({"idempotency_key": uuid.uuid4().hex, "alarm_id": alarm.id, "purpose": purpose,
                         "recipient": person.name, "channel": target.channel, "address": target.address,
                         "subject": text.subject,
                         "message": text.short if target.channel in self._sms else text.text,
                         "state": "pending", "attempts": 0, "created_at": now, "next_attempt_at": quiet or now})
        return rows

    def _audit(self, action: str, alarm: Alarm, rows: list[dict[str, Any]], rule: Rule | None, level: int = 0) -> None:
        self.audit.record(actor=ACTOR, role=ROLE, action=action, subject=str(alarm.id), details={
            "alarm": alarm.id, "rule": rule.name if rule else None, "level": level,
            "to": [f"{r['recipient']}/{r['channel']}" for r in rows], "outbox": [r["idempotency_key"] for r in rows]})
