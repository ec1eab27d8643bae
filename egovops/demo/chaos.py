"""``demo run --chaos RATE``: random faults injected and cleared while the demo runs.

RATE is fault events per minute. Each event either injects a new fault or clears the oldest one
chaos made, keeping at most a handful active so the province stays mostly healthy; faults an
operator injected by hand are never touched, and chaos clears its own when the demo stops.
"""

from __future__ import annotations

import logging
import random
from collections import deque
from pathlib import Path

from egovops.demo.fault_rules import random_fault
from egovops.demo.speaker import Speaker
from egovops.simulator.faults import Fault, add_fault, clear_faults, read_faults
from egovops.errors import EgovopsError
from egovops.simulator.snmp.topology import Province

log = logging.getLogger("egovops.demo.chaos")
MAX_ACTIVE = 4


class Chaos:
    def __init__(self, folder: Path, province: Province, rate_per_minute: float, seed: int | None = None,
                 speaker: Speaker | None = None) -> None:
        """``speaker``: the devices tell the collector of each fault chaos injects and clears, as
        with ``demo fault`` (none: they stay silent)."""
        self.folder = folder
        self.speaker = speaker
        self.province = province
        self.rate = rate_per_minute
        self.rng = random.Random(seed)
        self.mine: deque[int] = deque()
        self.events = 0

    def tick(self, seconds: float) -> Fault | None:
        """Called every ``seconds``: maybe one event, with the chance that gives RATE per minute."""
        if self.rng.random() >= min(1.0, self.rate * seconds / 60.0):
            return None
        self.events += 1
        active = read_faults(self.folder)
        self.mine = deque(i for i in self.mine if any(f.id == i for f in active.faults))
        if self.mine and (len(self.mine) >= MAX_ACTIVE or self.rng.random() < 0.5):
            self._clear(self.mine.popleft())
            return None
        picked = random_fault(self.province, active, self.rng)
        if picked is None:
            return None
        try:
            fault = add_fault(self.folder, *picked)
        except EgovopsError as exc:  # an operator added the same fault a moment ago
            log.info("chaos skipped %s: %s", picked, exc)
            return None
        self.mine.append(fault.id)
        log.info("chaos injected fault %s: %s", fault.id, fault.describe())
        self._speak([fault], cleared=False)
        return fault

    def _clear(self, fault_id: int) -> None:
        try:
            cleared = clear_faults(self.folder, fault_id)
            log.info("chaos cleared fault %s", fault_id)
        except EgovopsError:
            return  # an operator cleared it already
        self._speak(cleared, cleared=True)

    def _speak(self, faults: list[Fault], cleared: bool) -> None:
        if self.speaker is not None:
            self.speaker.send([m for f in faults for m in self.speaker.fault_messages(f, cleared)])

    def clear_all(self) -> None:
        while self.mine:
            self._clear(self.mine.popleft())
