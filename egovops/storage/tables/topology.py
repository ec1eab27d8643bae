"""Tables of topology discovery: what each device said about itself, candidates, sightings, positions.

Links themselves live in the inventory's ``links`` table (source "declared" or "discovered");
``topology_link_sightings`` records which of them LLDP/CDP has confirmed and when, so a link
that was seen and then vanishes can be marked missing while a declared one never seen is not.
"""

from sqlalchemy import (
    JSON, Boolean, Column, Float, ForeignKey, Integer, PrimaryKeyConstraint, String, Table, Text, UniqueConstraint,
)

from egovops.storage.tables import metadata

topology_identities = Table(
    "topology_identities",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
    Column("chassis_id", String(200), nullable=False, default=""),
    Column("sys_name", String(255), nullable=False, default=""),
    Column("addresses", JSON, nullable=False, default=list),
    Column("walked_at", Float, nullable=False),
)

topology_interfaces = Table(
    "topology_interfaces",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("if_index", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("descr", Text, nullable=False, default=""),
    Column("alias", Text, nullable=False, default=""),
    Column("mac", String(20), nullable=False, default=""),
    Column("speed_mbps", Integer),
    Column("oper_status", String(20), nullable=False, default=""),
    Column("walked_at", Float, nullable=False),
    PrimaryKeyConstraint("device_id", "if_index", name="pk_topology_interfaces"),
)

topology_link_sightings = Table(
    "topology_link_sightings",
    metadata,
    Column("link_id", Integer, ForeignKey("links.id", ondelete="CASCADE"), primary_key=True),
    Column("protocol", String(10), nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
)

topology_candidates = Table(
    "topology_candidates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seen_by_device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False),
    Column("local_interface", String(200), nullable=False),
    Column("neighbour_key", String(255), nullable=False),  # chassis ID, or system name without one
    Column("protocol", String(10), nullable=False),
    Column("chassis_id", String(200), nullable=False, default=""),
    Column("sys_name", String(255), nullable=False, default=""),
    Column("port", String(200), nullable=False, default=""),
    Column("address", String(100), nullable=False, default=""),
    Column("sys_desc", Text, nullable=False, default=""),
    Column("first_seen", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    UniqueConstraint("seen_by_device_id", "local_interface", "neighbour_key", name="uq_topology_candidates_seen"),
)

topology_positions = Table(
    "topology_positions",
    metadata,
    Column("device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True),
    Column("layer", String(200), nullable=False),  # one map layer per network
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("pinned", Boolean, nullable=False, default=False),  # moved by an operator: layout keeps it
    Column("updated_at", Float, nullable=False),
)

topology_runs = Table(
    "topology_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", Float, nullable=False),
    Column("finished_at", Float, nullable=False),
    Column("walked", Integer, nullable=False),
    Column("failed", JSON, nullable=False, default=dict),  # device → reason
    Column("links_new", Integer, nullable=False),
    Column("links_confirmed", Integer, nullable=False),
    Column("links_missing", Integer, nullable=False),
    Column("candidates", Integer, nullable=False),
)
