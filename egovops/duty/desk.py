"""What the console's duty log page shows at once, read in one go off the GUI thread.

The page asks for a ``DeskView`` after every change; the rules about who may press what are
decided here, from the operator's role and the open shift, so the widget only enables buttons.
"""

from __future__ import annotations

from dataclasses import dataclass

from egovops.accounts.identity import Operator
from egovops.duty.shifts import END_OTHERS_SHIFT, DutyService
from egovops.duty.summary import HandoverSummary
from egovops.duty.repo import Note, Shift

RECENT_SHIFTS = 30


@dataclass(frozen=True)
class DeskView:
    operator: Operator
    current: Shift | None
    notes: tuple[Note, ...]  # of the open shift
    shifts: tuple[Shift, ...]  # newest first, for the summary's shift picker
    summary: HandoverSummary | None  # of the chosen shift

    @property
    def may_start(self) -> bool:
        return self.current is None

    @property
    def may_take_over(self) -> bool:
        return self.current is not None and self.current.operator != self.operator.label()

    @property
    def may_end(self) -> bool:
        return self.current is not None and (
            self.current.operator == self.operator.label() or self.operator.role.at_least(END_OTHERS_SHIFT))

    @property
    def may_note(self) -> bool:
        return self.current is not None


def desk_view(service: DutyService, operator: Operator, shift_id: int | None = None) -> DeskView:
    """The desk for ``operator``; the summary of ``shift_id``, by default of the shift they take over from."""
    current = service.current()
    shift = service.shift(shift_id) if shift_id is not None else service.handed_over_to(operator)
    if shift is None:
        shift = current
    return DeskView(operator, current, tuple(service.notes(current.id)) if current else (),
                    tuple(service.shifts(RECENT_SHIFTS)), service.summary(shift) if shift is not None else None)
