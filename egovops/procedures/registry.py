"""The procedures this process knows: its own dict, filled by discovery or by the console/tests.

Discovery lists a plugin from its validated manifest alone (``ListedProcedure``); its code is
imported the first time the procedure is asked for with ``get`` (shown in detail or run), so
listing procedures costs no plugin import and a plugin that fails to import harms nobody until it
is used. That failure is then a ``PluginLoadError`` naming the plugin, and a ``DiscoveryProblem``
in ``problems``; ``check()`` imports every plugin at once for an operator who wants to know now.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from egovops.errors import EgovopsError, NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.procedures.manifest import Manifest


@dataclass(frozen=True)
class LoadedProcedure:
    manifest: Manifest
    run: Callable[[Any], Any]  # (RunContext) -> TargetResult
    summarise: Callable[[list[Any]], dict[str, Any]] | None = None  # (outcomes) -> summary of the run
    source: str = ""  # where it came from: entry point "name = module:attr (distribution)"


@dataclass(frozen=True)
class ListedProcedure:
    """A procedure known from its manifest; ``load`` imports its code (discovery does not)."""

    manifest: Manifest
    source: str
    load: Callable[[], LoadedProcedure]


@dataclass(frozen=True)
class DiscoveryProblem:
    """A plugin that could not be loaded, and why; reported to the operator, never raised."""

    entry_point: str
    source: str
    stage: str  # manifest, import, interface, duplicate
    message: str


class PluginLoadError(EgovopsError):
    """A listed plugin's code failed to import or lacks ``run``: one line naming the plugin."""

    def __init__(self, problem: DiscoveryProblem) -> None:
        super().__init__(tr("plugin {name} could not be loaded: {message}", name=problem.source,
                            message=problem.message))
        self.problem = problem


class ProcedureRegistry:
    def __init__(self) -> None:
        self._listed: dict[str, ListedProcedure] = {}
        self._loaded: dict[str, LoadedProcedure] = {}
        self._failed: dict[str, PluginLoadError] = {}
        self._lock = threading.Lock()  # runs and the console load from worker threads, possibly at once
        self.problems: list[DiscoveryProblem] = []

    def add(self, procedure: LoadedProcedure) -> None:
        """A procedure whose code is already at hand (a test's or the console's own)."""
        self.add_listed(ListedProcedure(procedure.manifest, procedure.source, lambda: procedure))

    def add_listed(self, listed: ListedProcedure) -> None:
        ident = listed.manifest.id
        if ident in self._listed:
            raise ValidationError(tr("procedure {id} is already provided by {source}", id=ident,
                                     source=self._listed[ident].source))
        self._listed[ident] = listed

    def listed(self, ident: str) -> ListedProcedure:
        """The manifest and source of ``ident``, without importing its code."""
        try:
            return self._listed[ident]
        except KeyError:
            known = ", ".join(sorted(self._listed)) or "-"
            raise NotFoundError(tr("no procedure {id} (installed: {known})", id=ident, known=known)) from None

    def get(self, ident: str) -> LoadedProcedure:
        """The procedure with its code, imported on the first call; ``PluginLoadError`` if that fails."""
        listed = self.listed(ident)
        with self._lock:
            if ident in self._failed:
                raise self._failed[ident]
            if ident not in self._loaded:
                try:
                    self._loaded[ident] = listed.load()
                except PluginLoadError as exc:
                    self._failed[ident] = exc
                    self.problems.append(exc.problem)
                    raise
            return self._loaded[ident]

    def is_loaded(self, ident: str) -> bool:
        return ident in self._loaded

    def check(self) -> list[DiscoveryProblem]:
        """Import every listed plugin now; the problems of all of them, those of discovery included."""
        for ident in sorted(self._listed):
            with contextlib.suppress(PluginLoadError):  # recorded in self.problems by get()
                self.get(ident)
        return list(self.problems)

    def __contains__(self, ident: str) -> bool:
        return ident in self._listed

    def all(self) -> list[ListedProcedure]:
        """Every procedure known, by id; listing imports no plugin code."""
        return [self._listed[k] for k in sorted(self._listed)]
