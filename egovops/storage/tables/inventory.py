"""Tables of the inventory: networks, sites, devices, links, credential profiles (metadata only)."""

from sqlalchemy import JSON, Column, Float, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from egovops.storage.tables import metadata

networks = Table(
    "networks",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("cidrs", JSON, nullable=False, default=list),
    Column("migration_state", String(20)),
    Column("description", Text, nullable=False, default=""),
)

sites = Table(
    "sites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("path", String(1000), nullable=False, unique=True),
    Column("parent_id", Integer, ForeignKey("sites.id", ondelete="RESTRICT"), index=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("dr_role", String(20)),
)

devices = Table(
    "devices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("address", String(255), nullable=False),
    Column("snmp_port", Integer, nullable=False, default=161),
    Column("ssh_port", Integer, nullable=False, default=22),
    Column("network", String(200), ForeignKey("networks.name", ondelete="RESTRICT"), nullable=False, index=True),
    Column("site_id", Integer, ForeignKey("sites.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("vendor", String(100), nullable=False, default=""),
    Column("model", String(200), nullable=False, default=""),
    Column("role", String(20), nullable=False, default="other"),
    Column("security_domain", String(200), nullable=False, default=""),
    Column("protection_level", Integer),
    Column("owner_unit", String(200), nullable=False, default=""),
    Column("contact", String(200), nullable=False, default=""),
    Column("credential_profile", String(200), nullable=False, default=""),
    Column("tags", JSON, nullable=False, default=list),
)

links = Table(
    "links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("a_device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("a_interface", String(200), nullable=False),
    Column("b_device_id", Integer, ForeignKey("devices.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("b_interface", String(200), nullable=False),
    Column("source", String(20), nullable=False),
    Column("first_seen", Float),
    Column("last_seen", Float),
    Column("missing_since", Float),
    UniqueConstraint("a_device_id", "a_interface", "b_device_id", "b_interface", name="uq_links_ends"),
)

credential_profiles = Table(
    "credential_profiles",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("kind", String(20), nullable=False),
    # Non-secret settings only (user, protocols, key file path); secrets live in the OS keyring.
    Column("settings", JSON, nullable=False, default=dict),
    Column("created_at", Float, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("value", JSON, nullable=False),
)
