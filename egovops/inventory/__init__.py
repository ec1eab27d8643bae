"""The province's inventory: networks, the site hierarchy, devices and the links between them."""

from egovops.inventory.model import (
    Device,
    DeviceRole,
    DrRole,
    Link,
    LinkSource,
    MigrationState,
    Network,
    NetworkKind,
    Site,
    SiteKind,
)

__all__ = [
    "Device",
    "DeviceRole",
    "DrRole",
    "Link",
    "LinkSource",
    "MigrationState",
    "Network",
    "NetworkKind",
    "Site",
    "SiteKind",
]
