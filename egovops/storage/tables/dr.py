"""Tables of disaster-recovery readiness (issue 22): DR peers, drills and the verdict's history.

Which site is a centre, and in which role, is the sites table's ``dr_role`` (part of the inventory
since the first schema); what is added here is what the inventory did not hold.
"""

from sqlalchemy import JSON, Column, Float, ForeignKey, Index, Integer, String, Table, Text

from egovops.storage.tables import metadata

# A production device and the device(s) at a DR centre meant to take over its work.
dr_peers = Table(
    "dr_peers",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
    Column("peer_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
)

# A drill (演练): devices in its scope raise drill alarms while it runs, kept out of availability.
dr_drills = Table(
    "dr_drills",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", Float, nullable=False),
    Column("ended_at", Float),  # NULL while the drill runs
    Column("scope", JSON, nullable=False),  # site paths (a site and all under it) and device names
    Column("outcome", String(20)),  # passed, partial, failed; NULL while it runs
    Column("notes", Text, nullable=False, default=""),
    Column("started_by", String(200), nullable=False),
    Column("ended_by", String(200)),
    Index("ix_dr_drills_started_at", "started_at"),
)

# One row each time the readiness verdict changed: the month's history without a row per look.
dr_verdicts = Table(
    "dr_verdicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("verdict", String(20), nullable=False),
    Column("reasons", JSON, nullable=False),
    Index("ix_dr_verdicts_at", "at"),
)

# Latency, jitter and loss measured on an inter-centre link (ICMP from the collector; later, the
# devices' own NQA / IP SLA probes read over SNMP): the latest row per link is what readiness shows.
dr_link_probes = Table(
    "dr_link_probes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("link", String(1000), nullable=False),  # LinkState.label: both ends with their interfaces
    Column("method", String(20), nullable=False),  # icmp
    Column("target", String(255), nullable=False),  # the address probed
    Column("latency_ms", Float),  # mean round trip of the replies; NULL when none came back
    Column("jitter_ms", Float),  # mean difference of consecutive round trips (RFC 3550's idea, unsmoothed)
    Column("loss_percent", Float, nullable=False),
    Index("ix_dr_link_probes_link_at", "link", "at"),
)
