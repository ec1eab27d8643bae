"""Root-cause analysis inside the poller: classify each cycle, then fold symptom alarms under roots.

``attach(poller)`` registers the classifier (down behind a failed parent → unreachable, naming
the root) and, after each cycle's alarms are reconciled, links every alarm of an unreachable
device to the root's alarm with ``suppressed`` set, so only the root notifies. When the root
recovers, its children answer again and their alarms clear with it.
"""

from __future__ import annotations

import time
from typing import Any, Iterable, Mapping

from egovops.storage.alarms_repo import Alarm, AlarmRepository
from egovops.storage.database import Database
from egovops.polling.repo import PollingRepository
from egovops.topology.rootcause import root_causes
from egovops.topology.service import TopologyService
from egovops.topology.tree import DependencyTree

TREE_REFRESH_S = 30.0
_ROOT_KINDS = ("device_down",)  # the alarm that stands for a failed device, before any other


class RootCauseAnalysis:
    def __init__(self, database: Database, refresh_s: float = TREE_REFRESH_S) -> None:
        self.service = TopologyService(database)
        self.alarms = AlarmRepository(database)
        self.polling = PollingRepository(database)
        self.refresh_s = refresh_s
        self._tree: DependencyTree | None = None
        self._tree_at = 0.0

    def tree(self) -> DependencyTree:
        if self._tree is None or time.monotonic() - self._tree_at > self.refresh_s:
            self._tree, self._tree_at = self.service.dependency_tree(), time.monotonic()
        return self._tree

    def classify(self, statuses: Mapping[str, Any]) -> dict[str, tuple[str, str | None]]:
        """The poller's state classifier: {device: ("unreachable", root)} for every symptom.

        A cycle may hold only some devices (their own intervals fell due): the parents it does not
        hold count with their last stored state, so a child polled alone still finds its root.
        """
        states = {name: state for name, (state, _since) in self.polling.state_since().items()}
        states.update({name: status.state for name, status in statuses.items()})
        found: dict[str, tuple[str, str | None]] = {
            name: ("unreachable", root) for name, root in root_causes(states, self.tree()).items() if name in statuses
        }
        for name, status in statuses.items():
            if status.state == "unreachable" and name not in found:
                found[name] = ("down", None)  # nothing above it has failed: it is down itself
        return found

    def link_alarms(self, statuses: Iterable[Any]) -> None:
        """Fold the active alarms of unreachable devices under their root's alarm, suppressed."""
        statuses = list(statuses)
        polled = {s.name for s in statuses}
        roots = {s.name: s.root_cause for s in statuses if s.state == "unreachable" and s.root_cause}
        by_device: dict[str, list[Alarm]] = {}
        for alarm in self.alarms.list(active_only=True):
            by_device.setdefault(alarm.device, []).append(alarm)
        for device, alarms in by_device.items():
            if device not in polled:
                continue  # not in this cycle: what was decided about it last time still holds
            root_alarm = _root_alarm(by_device.get(roots[device], [])) if device in roots else None
            for alarm in alarms:
                if root_alarm is not None:
                    if alarm.root_alarm_id != root_alarm.id or not alarm.suppressed:
                        self.alarms.link_root(alarm.id, root_alarm.id, True)
                elif alarm.suppressed or alarm.root_alarm_id is not None:
                    self.alarms.link_root(alarm.id, None, False)


def _root_alarm(alarms: list[Alarm]) -> Alarm | None:
    for kind in _ROOT_KINDS:
        for alarm in alarms:
            if alarm.kind == kind:
                return alarm
    return alarms[0] if alarms else None


def attach(poller: Any) -> RootCauseAnalysis:
    """Plug root-cause analysis into a ``Poller``: its classifier, and alarm linking after each cycle."""
    analysis = RootCauseAnalysis(poller.db)
    poller.add_state_classifier(analysis.classify)
    run_cycle = poller.run_cycle

    def run_cycle_with_root_cause(*args: Any, **kwargs: Any) -> Any:
        # The poller offers no after-cycle hook; wrapping its cycle keeps the link step right
        # behind the reconcile that raised the alarms, in the poller's own thread.
        result = run_cycle(*args, **kwargs)
        analysis.link_alarms(result.statuses)
        return result

    poller.run_cycle = run_cycle_with_root_cause
    return analysis
