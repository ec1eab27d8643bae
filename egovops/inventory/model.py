"""Plain data classes of the inventory, free of storage and I/O.

Values are validated where they enter (``inventory.validation``); these classes only hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class NetworkKind(str, Enum):
    INTRANET = "intranet"  # 电子政务内网: sensitive, must stay isolated
    EXTRANET = "extranet"  # 电子政务外网
    PRIVATE = "private"  # a departmental business network (业务专网) being migrated


class MigrationState(str, Enum):
    PLANNED = "planned"
    MIGRATING = "migrating"
    MIGRATED = "migrated"


class SiteKind(str, Enum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    DEPARTMENT = "department"
    DATACENTRE = "datacentre"


class DrRole(str, Enum):
    """The data centre's part in "two places, three centres"."""

    PRODUCTION = "production"
    SAME_CITY_DR = "same-city-dr"
    REMOTE_DR = "remote-dr"


class DeviceRole(str, Enum):
    CORE = "core"
    AGGREGATION = "aggregation"
    ACCESS = "access"
    FIREWALL = "firewall"
    SERVER = "server"
    STORAGE = "storage"
    OTHER = "other"


class LinkSource(str, Enum):
    DECLARED = "declared"
    DISCOVERED = "discovered"


@dataclass(frozen=True)
class Network:
    """A network the province runs. Private networks are named ``private:<name>``."""

    name: str
    kind: NetworkKind
    cidrs: tuple[str, ...] = ()
    migration_state: MigrationState | None = None
    description: str = ""


@dataclass(frozen=True)
class Site:
    """A node of the site tree; ``path`` is its names from the province down, joined by ``/``."""

    path: str
    kind: SiteKind
    dr_role: DrRole | None = None

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def parent_path(self) -> str | None:
        return self.path.rsplit("/", 1)[0] if "/" in self.path else None


# The tag of a desk's own machine in the inventory (read by psutil on that desk, never over SNMP);
# here rather than in egovops.polling.workstation so that readers of the tag need not import psutil or SNMP.
WORKSTATION_TAG = "workstation"

@dataclass(frozen=True)
class Device:
    name: str
    address: str
    network: str
    site: str
    role: DeviceRole = DeviceRole.OTHER
    snmp_port: int = 161
    ssh_port: int = 22
    vendor: str = ""
    model: str = ""
    security_domain: str = ""
    protection_level: int | None = None
    owner_unit: str = ""
    contact: str = ""
    credential_profile: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Link:
    """A cable between two device interfaces. Discovered links that vanish are marked missing."""

    a_device: str
    a_interface: str
    b_device: str
    b_interface: str
    source: LinkSource = LinkSource.DECLARED
    missing_since: float | None = None
