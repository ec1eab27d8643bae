"""One bound on the SSH output a whole run holds in memory, whatever its concurrency.

Each session caps one command's output (``max_output_bytes``, 32 MiB: the largest running
configurations are a few MB), but that cap is per session: 32 devices flooding at once held
1.12 GB. A run shares one ``OutputBudget``; every chunk a session reads is taken from it and given
back when the command's read ends (its output then belongs to the procedure, which masks and
stores it), so the output being read at any moment never exceeds the budget. A session that finds
the budget spent stops reading and fails with ``SshRunBudgetExceeded``; the others go on.

Bound: bytes held by in-flight SSH reads <= budget + one 64 KiB chunk per session.
"""

from __future__ import annotations

import threading

DEFAULT_RUN_BUDGET_BYTES = 256 * 1024 * 1024


class OutputBudget:
    def __init__(self, total: int = DEFAULT_RUN_BUDGET_BYTES) -> None:
        self.total = total
        self._available = total
        self._lock = threading.Lock()

    def take(self, size: int) -> bool:
        """Reserve ``size`` bytes; False (nothing reserved) when the run has not that much left."""
        with self._lock:
            if size > self._available:
                return False
            self._available -= size
            return True

    def give_back(self, size: int) -> None:
        with self._lock:
            self._available = min(self.total, self._available + size)

    @property
    def in_use(self) -> int:
        with self._lock:
            return self.total - self._available
