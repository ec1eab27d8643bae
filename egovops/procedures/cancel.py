"""Cancelling a run from another thread (the console's Stop button, Ctrl-C on the command line)."""

from __future__ import annotations

import threading

from egovops.errors import EgovopsError
from egovops.i18n import tr


class Cancelled(EgovopsError):
    """The run was cancelled; raised inside a plugin by ``context.check_cancelled()``."""

    def __init__(self) -> None:
        super().__init__(tr("cancelled by the operator"))


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if cancelled meanwhile (plugins use it instead of time.sleep)."""
        return self._event.wait(seconds)
