"""How many requests a cycle keeps in flight, adapted to how fast this console answers itself.

Replies are decoded on one loop. When the console is overloaded (its CPU busy, or starved by
other work on the machine) answered requests wait in our own queue, and a fixed concurrency lets
them pass the timeout there: the devices would be declared down although they answered. The
limit therefore shrinks when answered requests take more than a fraction of the timeout and grows
back by one per quick answer (AIMD). Unanswered requests say nothing about the console and are
not counted: a dead agent still costs only its own timeout.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from typing import AsyncIterator


class AdaptiveLimit:
    def __init__(self, maximum: int, minimum: int = 4, slow_fraction: float = 0.3) -> None:
        self.maximum = max(1, maximum)
        self.minimum = max(1, min(minimum, self.maximum))
        self.limit = float(self.maximum)
        self.slow_fraction = slow_fraction
        self.in_flight = 0
        self.lowest = self.maximum
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator["Timer"]:
        async with self._changed:
            await self._changed.wait_for(lambda: self.in_flight < int(self.limit))
            self.in_flight += 1
        timer = Timer(self)
        try:
            yield timer
        finally:
            async with self._changed:
                self.in_flight -= 1
                # Wake only as many waiters as there are free slots: with a thousand devices
                # waiting, notify_all woke every one of them on every release (quadratic, ~5 % of
                # a cycle's CPU) just for all but one to go back to sleep.
                self._changed.notify(max(1, int(self.limit) - self.in_flight))

    def answered(self, seconds: float, timeout: float) -> None:
        if seconds > timeout * self.slow_fraction:
            self.limit = max(self.minimum, self.limit * 0.7)
            self.lowest = min(self.lowest, int(self.limit))
        else:
            self.limit = min(self.maximum, self.limit + 1)


class Timer:
    """Measures one request; call ``answered(timeout)`` when the device replied."""

    def __init__(self, limit: AdaptiveLimit) -> None:
        self._limit = limit
        self._started = time.monotonic()

    def answered(self, timeout: float) -> None:
        self._limit.answered(time.monotonic() - self._started, timeout)
