"""Tables of the availability area: maintenance windows.

The SLA target lives in the shared ``settings`` table under ``availability.sla_target``.
"""

from sqlalchemy import Column, Date, Float, Index, Integer, String, Table, Text

from egovops.storage.tables import metadata
from egovops.storage.tables.states import state_transitions

maintenance_windows = Table(
    "maintenance_windows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scope_kind", String(20), nullable=False),  # device, site, network
    Column("scope", String(1000), nullable=False),  # by name/path so a window outlives re-imports
    Column("starts_local", String(32), nullable=False),  # ISO wall time in ``tz``: 2026-10-03T22:00:00
    Column("duration", Float, nullable=False),
    Column("recurrence", String(20), nullable=False),  # once, weekly, monthly
    Column("until", Date),
    Column("tz", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", Float, nullable=False),
)

# Reports read every transition of a period in (device, time) order: with state and root cause in
# the index SQLite answers from the index alone instead of visiting each table row.
transitions_covering = Index(
    "ix_state_transitions_covering",
    state_transitions.c.device_id, state_transitions.c.at, state_transitions.c.state,
    state_transitions.c.root_cause_device_id,
)
