"""Reading and writing the inventory. The only place that knows how inventory rows look in SQL."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Row, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
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
from egovops.inventory.sites import ancestors, infer_kind, normalise_path
from egovops.storage.database import Database
from egovops.storage.tables.inventory import devices, links, networks, sites


def _network_from_row(row: Row) -> Network:  # type: ignore[type-arg]
    state = row.migration_state
    return Network(
        name=row.name,
        kind=NetworkKind(row.kind),
        cidrs=tuple(row.cidrs or ()),
        migration_state=MigrationState(state) if state else None,
        description=row.description or "",
    )


def _device_from_row(row: Row) -> Device:  # type: ignore[type-arg]
    return Device(
        name=row.name,
        address=row.address,
        network=row.network,
        site=row.site_path,
        role=DeviceRole(row.role),
        snmp_port=row.snmp_port,
        ssh_port=row.ssh_port,
        vendor=row.vendor,
        model=row.model,
        security_domain=row.security_domain,
        protection_level=row.protection_level,
        owner_unit=row.owner_unit,
        contact=row.contact,
        credential_profile=row.credential_profile,
        tags=tuple(row.tags or ()),
    )


def _device_values(device: Device, site_id: int) -> dict[str, object]:
    return {
        "name": device.name,
        "address": device.address,
        "snmp_port": device.snmp_port,
        "ssh_port": device.ssh_port,
        "network": device.network,
        "site_id": site_id,
        "vendor": device.vendor,
        "model": device.model,
        "role": device.role.value,
        "security_domain": device.security_domain,
        "protection_level": device.protection_level,
        "owner_unit": device.owner_unit,
        "contact": device.contact,
        "credential_profile": device.credential_profile,
        "tags": list(device.tags),
    }


_DEVICE_QUERY = select(devices, sites.c.path.label("site_path")).join(sites, devices.c.site_id == sites.c.id)


class InventoryRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- networks -------------------------------------------------------------------------------
    def networks(self) -> list[Network]:
        with self.db.read() as conn:
            return [_network_from_row(r) for r in conn.execute(select(networks).order_by(networks.c.name))]

    def network_names(self) -> set[str]:
        with self.db.read() as conn:
            return set(conn.scalars(select(networks.c.name)))

    def save_network(self, network: Network) -> None:
        values = {
            "kind": network.kind.value,
            "cidrs": list(network.cidrs),
            "migration_state": network.migration_state.value if network.migration_state else None,
            "description": network.description,
        }
        with self.db.write() as conn:
            done = conn.execute(update(networks).where(networks.c.name == network.name).values(**values))
            if done.rowcount == 0:
                conn.execute(networks.insert().values(name=network.name, **values))

    # -- sites ----------------------------------------------------------------------------------
    def sites(self) -> list[Site]:
        with self.db.read() as conn:
            rows = conn.execute(select(sites).order_by(sites.c.path))
            return [Site(r.path, SiteKind(r.kind), DrRole(r.dr_role) if r.dr_role else None) for r in rows]

    def save_site(self, site: Site) -> None:
        self.save_sites([site])

    def save_sites(self, batch: Sequence[Site]) -> None:
        """Create or update declared sites (with kind and DR role), creating their ancestors."""
        cache: dict[str, int] = {}
        with self.db.write() as conn:
            for site in batch:
                site_id = self._ensure_site(conn, site.path, cache)
                conn.execute(
                    update(sites)
                    .where(sites.c.id == site_id)
                    .values(kind=site.kind.value, dr_role=site.dr_role.value if site.dr_role else None)
                )

    def _ensure_site(self, conn: Connection, path: str, cache: dict[str, int]) -> int:
        """The id of the site at ``path``, creating it and any missing ancestors with inferred kinds."""
        parent_id: int | None = None
        for step in ancestors(path):
            if step in cache:
                parent_id = cache[step]
                continue
            found = conn.scalar(select(sites.c.id).where(sites.c.path == step))
            if found is None:
                found = conn.execute(
                    sites.insert().values(
                        path=step, parent_id=parent_id, name=step.rsplit("/", 1)[-1], kind=infer_kind(step).value
                    )
                ).inserted_primary_key[0]
            cache[step] = found
            parent_id = found
        assert parent_id is not None
        return parent_id

    def remove_site(self, path: str) -> None:
        with self.db.write() as conn:
            try:
                done = conn.execute(delete(sites).where(sites.c.path == normalise_path(path)))
            except IntegrityError:
                raise ValidationError(f"site {path!r} still holds devices or sub-sites") from None
        if done.rowcount == 0:
            raise NotFoundError(f"no site {path!r}")

    # -- devices --------------------------------------------------------------------------------
    def devices(self, site: str | None = None, network: str | None = None) -> list[Device]:
        query = _DEVICE_QUERY.order_by(devices.c.name)
        if site:
            prefix = normalise_path(site)
            query = query.where(or_(sites.c.path == prefix, sites.c.path.startswith(prefix + "/", autoescape=True)))
        if network:
            query = query.where(devices.c.network == network)
        with self.db.read() as conn:
            return [_device_from_row(r) for r in conn.execute(query)]

    def device(self, name: str) -> Device:
        with self.db.read() as conn:
            row = conn.execute(_DEVICE_QUERY.where(devices.c.name == name)).first()
        if row is None:
            raise NotFoundError(tr("no device named {name!r}", name=name))
        return _device_from_row(row)

    def device_ids(self) -> dict[str, int]:
        with self.db.read() as conn:
            return {name: ident for ident, name in conn.execute(select(devices.c.id, devices.c.name))}

    def count_devices(self) -> int:
        with self.db.read() as conn:
            return int(conn.scalar(select(func.count()).select_from(devices)) or 0)

    def save_devices(self, batch: Sequence[Device]) -> tuple[int, int]:
        """Insert new devices and update existing ones (by name) in one transaction.

        Returns (added, updated). Either the whole batch is stored or none of it.
        """
        with self.db.write() as conn:
            return self.save_devices_in(conn, batch)

    def save_devices_in(self, conn: Connection, batch: Sequence[Device]) -> tuple[int, int]:
        cache: dict[str, int] = {}
        existing = set(conn.scalars(select(devices.c.name).where(devices.c.name.in_([d.name for d in batch]))))
        fresh = [_device_values(d, self._ensure_site(conn, d.site, cache)) for d in batch if d.name not in existing]
        if fresh:
            conn.execute(devices.insert(), fresh)
        for device in batch:
            if device.name in existing:
                values = _device_values(device, self._ensure_site(conn, device.site, cache))
                conn.execute(update(devices).where(devices.c.name == device.name).values(**values))
        return len(fresh), len(existing)

    def remove_device(self, name: str) -> None:
        with self.db.write() as conn:
            done = conn.execute(delete(devices).where(devices.c.name == name))
        if done.rowcount == 0:
            raise NotFoundError(tr("no device named {name!r}", name=name))

    # -- links ----------------------------------------------------------------------------------
    def links(self) -> list[Link]:
        a, b = devices.alias("a"), devices.alias("b")
        query = (
            select(links, a.c.name.label("a_name"), b.c.name.label("b_name"))
            .join(a, links.c.a_device_id == a.c.id)
            .join(b, links.c.b_device_id == b.c.id)
            .order_by(a.c.name, links.c.a_interface)
        )
        with self.db.read() as conn:
            return [
                Link(r.a_name, r.a_interface, r.b_name, r.b_interface, LinkSource(r.source), r.missing_since)
                for r in conn.execute(query)
            ]

    def save_links(self, batch: Iterable[Link]) -> int:
        """Store declared links (ends by device name); a link already stored is left as it is."""
        ids = self.device_ids()
        now = time.time()
        with self.db.write() as conn:
            stored = {
                tuple(r) for r in conn.execute(select(links.c.a_device_id, links.c.a_interface, links.c.b_device_id, links.c.b_interface))
            }
            fresh = []
            for link in batch:
                for end in (link.a_device, link.b_device):
                    if end not in ids:
                        raise NotFoundError(f"link end {end!r} is not a device in the inventory")
                key = (ids[link.a_device], link.a_interface, ids[link.b_device], link.b_interface)
                if key not in stored:
                    stored.add(key)
                    fresh.append({
                        "a_device_id": key[0], "a_interface": key[1], "b_device_id": key[2], "b_interface": key[3],
                        "source": link.source.value, "first_seen": now, "last_seen": now, "missing_since": link.missing_since,
                    })
            if fresh:
                conn.execute(links.insert(), fresh)
        return len(fresh)
