"""The duty log (值班日志): shifts, notes, and the handover summary the next engineer reads.

``DutyService(db)`` starts and ends shifts and takes notes; ``summarise(repo, shift)`` builds the
``HandoverSummary`` of a shift from the alarms and the audit trail; ``write_summary`` exports it.
"""

from egovops.duty.export import to_csv, to_markdown, to_text, write_summary
from egovops.duty.shifts import DutyService
from egovops.duty.summary import ActionLine, AlarmLine, HandoverSummary, ProcedureLine, summarise
from egovops.duty.repo import Note, Shift

__all__ = ["ActionLine", "AlarmLine", "DutyService", "HandoverSummary", "Note", "ProcedureLine", "Shift", "summarise",
           "to_csv", "to_markdown", "to_text", "write_summary"]
