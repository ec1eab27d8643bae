"""What editing the inventory by hand needs beyond the import's repository.

What a device's removal takes with it (the foreign keys cascade), what a site still holds, and
declaring, renaming and removing sites of the hierarchy. Only this module knows the SQL of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, delete, func, or_, select, update

from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Site
from egovops.inventory.sites import normalise_path
from egovops.storage.database import Database
from egovops.storage.tables.availability import maintenance_windows
from egovops.storage.tables.inventory import devices, links, sites
from egovops.storage.tables.polling import alarms, health_hourly, health_samples, interface_hourly, interface_samples
from egovops.storage.tables.procedures import config_versions
from egovops.storage.tables.states import state_transitions


@dataclass(frozen=True)
class DeviceFootprint:
    """What is stored about a device: deleted with it (links … samples) or kept (configurations)."""

    links: int
    state_changes: int
    alarms: int
    samples: int
    config_versions: int  # kept: stored by name so the history outlives the device


@dataclass(frozen=True)
class SiteUsage:
    devices: int  # in the site and every site below it
    sub_sites: int
    maintenance_windows: int  # windows naming the site (or one below it) by path


def _below(path: str):  # type: ignore[no-untyped-def]
    return or_(sites.c.path == path, sites.c.path.startswith(path + "/", autoescape=True))


def _count(conn: Connection, table: Table, *where: object) -> int:
    return int(conn.scalar(select(func.count()).select_from(table).where(*where)) or 0)  # type: ignore[arg-type]


class InventoryEditRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- devices --------------------------------------------------------------------------------
    def device_footprint(self, name: str) -> DeviceFootprint:
        with self.db.read() as conn:
            ident = conn.scalar(select(devices.c.id).where(devices.c.name == name))
            if ident is None:
                raise NotFoundError(tr("no device named {name!r}", name=name))
            samples = sum(
                _count(conn, table, table.c.device_id == ident)
                for table in (interface_samples, health_samples, interface_hourly, health_hourly)
            )
            return DeviceFootprint(
                links=_count(conn, links, or_(links.c.a_device_id == ident, links.c.b_device_id == ident)),
                state_changes=_count(conn, state_transitions, state_transitions.c.device_id == ident),
                alarms=_count(conn, alarms, alarms.c.device_id == ident),
                samples=samples,
                config_versions=_count(conn, config_versions, config_versions.c.device == name),
            )

    def device_names(self) -> list[str]:
        with self.db.read() as conn:
            return list(conn.scalars(select(devices.c.name).order_by(devices.c.name)))

    # -- sites ----------------------------------------------------------------------------------
    def site_usage(self, path: str) -> SiteUsage:
        path = normalise_path(path)
        with self.db.read() as conn:
            if conn.scalar(select(sites.c.id).where(sites.c.path == path)) is None:
                raise NotFoundError(tr("no site {path!r}", path=path))
            held = _count(conn, devices, devices.c.site_id.in_(select(sites.c.id).where(_below(path))))
            sub = _count(conn, sites, sites.c.path.startswith(path + "/", autoescape=True))
            windows = _count(
                conn, maintenance_windows, maintenance_windows.c.scope_kind == "site",
                or_(maintenance_windows.c.scope == path, maintenance_windows.c.scope.startswith(path + "/", autoescape=True)),
            )
            return SiteUsage(held, sub, windows)

    def devices_at(self) -> dict[str, int]:
        """Devices placed directly at each site that holds any, by site path."""
        query = select(sites.c.path, func.count(devices.c.id)).join(devices, devices.c.site_id == sites.c.id).group_by(sites.c.path)
        with self.db.read() as conn:
            return {path: int(n) for path, n in conn.execute(query)}

    def add_site(self, site: Site) -> None:
        """Declare a new site under an existing parent (a root needs none)."""
        with self.db.write() as conn:
            if conn.scalar(select(sites.c.id).where(sites.c.path == site.path)) is not None:
                raise ValidationError(tr("site {path!r} already exists", path=site.path))
            parent_id = None
            if site.parent_path is not None:
                parent_id = conn.scalar(select(sites.c.id).where(sites.c.path == site.parent_path))
                if parent_id is None:
                    raise NotFoundError(tr("no site {path!r}", path=site.parent_path))
            conn.execute(sites.insert().values(
                path=site.path, parent_id=parent_id, name=site.name, kind=site.kind.value,
                dr_role=site.dr_role.value if site.dr_role else None,
            ))

    def rename_site(self, path: str, new_path: str) -> int:
        """Give a site a new last name; its sub-sites' paths follow. Returns the sites renamed."""
        with self.db.write() as conn:
            if conn.scalar(select(sites.c.id).where(sites.c.path == new_path)) is not None:
                raise ValidationError(tr("site {path!r} already exists", path=new_path))
            rows = conn.execute(select(sites.c.id, sites.c.path).where(_below(path))).all()
            if not rows:
                raise NotFoundError(tr("no site {path!r}", path=path))
            for ident, old in rows:
                conn.execute(update(sites).where(sites.c.id == ident).values(path=new_path + old[len(path):]))
            conn.execute(update(sites).where(sites.c.path == new_path).values(name=new_path.rsplit("/", 1)[-1]))
            return len(rows)

    def remove_site(self, path: str) -> int:
        """Remove a site and the sites below it, none of which may hold a device. Returns sites removed."""
        with self.db.write() as conn:
            rows = conn.execute(select(sites.c.id, sites.c.path).where(_below(path))).all()
            if not rows:
                raise NotFoundError(tr("no site {path!r}", path=path))
            ids = [ident for ident, _ in rows]
            if _count(conn, devices, devices.c.site_id.in_(ids)):
                raise ValidationError(tr("site {path!r} still holds devices", path=path))
            # Deepest first: a parent row is restricted while a child still points at it.
            for ident, _ in sorted(rows, key=lambda r: r[1].count("/"), reverse=True):
                conn.execute(delete(sites).where(sites.c.id == ident))
            return len(rows)
