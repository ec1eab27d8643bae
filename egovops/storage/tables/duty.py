"""Tables of the duty log (值班日志): shifts at the duty desk and the notes written during them.

Shifts name their operator by label (``local:NAME`` or the OS user), not by foreign key: a removed
local account's shifts stay on record, as the audit trail's rows do.
"""

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Table, Text

from egovops.storage.tables import metadata

duty_shifts = Table(
    "duty_shifts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("operator", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("started_at", Float, nullable=False),  # epoch seconds, UTC
    Column("ended_at", Float),  # NULL while the shift is open
    Column("ended_by", String(200)),  # someone else than the operator when a shift was taken over
    # The audit trail's head (last row id) when the shift started and ended: the shift's audit rows
    # are those after audit_from up to audit_to. Ids keep the order rows were chained in, which a
    # clock stepped back by NTP does not disturb, and the primary key makes the read cheap.
    Column("audit_from", Integer, nullable=False),
    Column("audit_to", Integer),
    Index("ix_duty_shifts_started_at", "started_at"),
)

duty_notes = Table(
    "duty_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shift_id", Integer, ForeignKey("duty_shifts.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_duty_notes_shift_id", "shift_id"),
)
