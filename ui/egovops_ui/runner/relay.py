"""The runner's callbacks, called on its worker threads, turned into signals the GUI thread receives queued."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from egovops.procedures import RunCallbacks, TargetOutcome


class RunRelay(QObject):
    """Create on the GUI thread; its signals emitted from any thread reach GUI slots queued."""

    targets = Signal(list)  # every device of the run, skipped ones too
    progress = Signal(str, float, str)  # device, fraction 0..1, message
    result = Signal(object)  # TargetOutcome

    def callbacks(self) -> RunCallbacks:
        return RunCallbacks(on_targets=self.targets.emit, on_progress=self.progress.emit, on_result=self._result)

    def _result(self, outcome: TargetOutcome) -> None:
        self.result.emit(outcome)
