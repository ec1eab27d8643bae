"""The procedures this process knows: its own dict, filled by discovery or by the console/tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.procedures.manifest import Manifest


@dataclass(frozen=True)
class LoadedProcedure:
    manifest: Manifest
    run: Callable[[Any], Any]  # (RunContext) -> TargetResult
    summarise: Callable[[list[Any]], dict[str, Any]] | None = None  # (outcomes) -> summary of the run
    source: str = ""  # where it came from: entry point "name = module:attr (distribution)"


@dataclass(frozen=True)
class DiscoveryProblem:
    """A plugin that could not be loaded, and why; reported to the operator, never raised."""

    entry_point: str
    source: str
    stage: str  # manifest, import, interface, duplicate
    message: str


class ProcedureRegistry:
    def __init__(self) -> None:
        self._procedures: dict[str, LoadedProcedure] = {}
        self.problems: list[DiscoveryProblem] = []

    def add(self, procedure: LoadedProcedure) -> None:
        ident = procedure.manifest.id
        if ident in self._procedures:
            raise ValidationError(tr("procedure {id} is already provided by {source}", id=ident, source=self._procedures[ident].source))
        self._procedures[ident] = procedure

    def get(self, ident: str) -> LoadedProcedure:
        try:
            return self._procedures[ident]
        except KeyError:
            known = ", ".join(sorted(self._procedures)) or "-"
            raise NotFoundError(tr("no procedure {id} (installed: {known})", id=ident, known=known)) from None

    def __contains__(self, ident: str) -> bool:
        return ident in self._procedures

    def all(self) -> list[LoadedProcedure]:
        return [self._procedures[k] for k in sorted(self._procedures)]
