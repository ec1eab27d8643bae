"""Configuration versions in the store (already masked by the caller). The only SQL that touches them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from egovops.storage.database import Database
from egovops.storage.tables.procedures import config_versions


@dataclass(frozen=True)
class ConfigVersion:
    device: str
    version: int
    taken_at: float
    run_id: str
    source_command: str
    digest: str
    text: str = ""


class ConfigVersionsRepository:
    def __init__(self, database: Database) -> None:
        self.db = database

    def add_if_changed(self, device: str, text: str, digest: str, taken_at: float, run_id: str, command: str) -> tuple[ConfigVersion, ConfigVersion | None, bool]:
        """Store ``text`` as the next version unless it equals the latest.

        Returns (current, previous, stored): ``previous`` is the version before ``current``.
        """
        with self.db.write() as conn:
            latest = conn.execute(
                select(config_versions).where(config_versions.c.device == device).order_by(config_versions.c.version.desc()).limit(1)
            ).first()
            if latest is not None and latest.digest == digest:
                current = self._from_row(latest, with_text=True)
                return current, self._get_in(conn, device, current.version - 1), False
            number = (latest.version + 1) if latest is not None else 1
            conn.execute(config_versions.insert().values(
                device=device, version=number, taken_at=taken_at, run_id=run_id, source_command=command, text=text, digest=digest,
            ))
        previous = self._from_row(latest, with_text=True) if latest is not None else None
        return ConfigVersion(device, number, taken_at, run_id, command, digest, text), previous, True

    def versions(self, device: str) -> list[ConfigVersion]:
        columns = [c for c in config_versions.c if c.name != "text"]
        with self.db.read() as conn:
            rows = conn.execute(select(*columns).where(config_versions.c.device == device).order_by(config_versions.c.version))
            return [self._from_row(r) for r in rows]

    def get(self, device: str, version: int | None = None) -> ConfigVersion | None:
        with self.db.read() as conn:
            if version is None:
                version = conn.scalar(select(func.max(config_versions.c.version)).where(config_versions.c.device == device))
                if version is None:
                    return None
            return self._get_in(conn, device, version)

    def devices(self) -> list[tuple[str, int, float]]:
        """Every device with stored versions: (name, latest version, when it was taken)."""
        query = (
            select(config_versions.c.device, func.max(config_versions.c.version), func.max(config_versions.c.taken_at))
            .group_by(config_versions.c.device)
            .order_by(config_versions.c.device)
        )
        with self.db.read() as conn:
            return [(r[0], int(r[1]), float(r[2])) for r in conn.execute(query)]

    def _get_in(self, conn: object, device: str, version: int) -> ConfigVersion | None:
        row = conn.execute(  # type: ignore[attr-defined]
            select(config_versions).where(config_versions.c.device == device, config_versions.c.version == version)
        ).first()
        return self._from_row(row, with_text=True) if row is not None else None

    @staticmethod
    def _from_row(r: object, with_text: bool = False) -> ConfigVersion:
        return ConfigVersion(
            r.device, r.version, r.taken_at, r.run_id, r.source_command, r.digest,  # type: ignore[attr-defined]
            r.text if with_text else "",  # type: ignore[attr-defined]
        )
