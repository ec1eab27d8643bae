"""Credential profiles as the rest of the product sees them: add, list, remove, resolve."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from egovops.credentials.profiles import CredentialKind, CredentialProfile, Secret
from egovops.errors import CredentialError, NotFoundError, ValidationError
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid
from egovops.storage.tables.inventory import credential_profiles
from egovops.storage.tables.procedures import store_identity

if TYPE_CHECKING:
    from egovops.credentials.keyring_store import KeyringSecrets


@dataclass(frozen=True)
class ResolvedCredentials:
    """A profile with its secrets fetched from the keyring, ready for an SNMP or SSH session."""

    profile: CredentialProfile
    secrets: Mapping[str, Secret]

    def secret(self, field: str) -> Secret | None:
        return self.secrets.get(field)


class CredentialService:
    def __init__(self, database: Database, secrets: KeyringSecrets | None = None) -> None:
        self.db = database
        self._secrets = secrets

    @property
    def secrets(self) -> KeyringSecrets:
        # Looked up lazily: listing profiles must work on a machine whose keyring is locked, and
        # importing keyring (it scans entry points) would slow every command down.
        if self._secrets is None:
            from egovops.credentials.keyring_store import KeyringSecrets

            secrets = KeyringSecrets(store=store_uuid(self.db))
            self._move_legacy(secrets)
            self._secrets = secrets
        return self._secrets

    def _move_legacy(self, secrets: KeyringSecrets) -> None:
        """Once per store: entries an earlier version named by profile only get this store's names."""
        with self.db.read() as conn:
            done = conn.scalar(select(store_identity.c.legacy_keyring_moved).where(store_identity.c.id == 1))
        if done:
            return
        secrets.move_legacy({p.name: p.secret_fields() + p.optional_secret_fields() for p in self.profiles()})
        with self.db.write() as conn:
            conn.execute(store_identity.update().where(store_identity.c.id == 1).values(legacy_keyring_moved=True))

    def add(self, profile: CredentialProfile, secrets: Mapping[str, str]) -> None:
        missing = [f for f in profile.secret_fields() if not secrets.get(f)]
        if missing:
            raise ValidationError(f"profile {profile.name!r} needs {', '.join(missing)}")
        allowed = set(profile.secret_fields()) | set(profile.optional_secret_fields())
        for field, value in secrets.items():
            if field in allowed and value:
                self.secrets.set(profile.name, field, value)
        with self.db.write() as conn:
            conn.execute(delete(credential_profiles).where(credential_profiles.c.name == profile.name))
            conn.execute(
                credential_profiles.insert().values(
                    name=profile.name, kind=profile.kind.value, settings=dict(profile.settings), created_at=time.time()
                )
            )

    def profiles(self) -> list[CredentialProfile]:
        with self.db.read() as conn:
            rows = conn.execute(select(credential_profiles).order_by(credential_profiles.c.name))
            return [CredentialProfile(r.name, CredentialKind(r.kind), dict(r.settings)) for r in rows]

    def profile(self, name: str) -> CredentialProfile:
        with self.db.read() as conn:
            row = conn.execute(select(credential_profiles).where(credential_profiles.c.name == name)).first()
        if row is None:
            raise NotFoundError(f"no credential profile named {name!r}")
        return CredentialProfile(row.name, CredentialKind(row.kind), dict(row.settings))

    def resolve(self, name: str) -> ResolvedCredentials:
        profile = self.profile(name)
        found: dict[str, Secret] = {}
        for field in profile.secret_fields() + profile.optional_secret_fields():
            value = self.secrets.get(profile.name, field)
            if value is not None:
                found[field] = Secret(value)
        missing = [f for f in profile.secret_fields() if f not in found]
        if missing:
            raise CredentialError(f"the keyring holds no {', '.join(missing)} for profile {name!r}; add the profile again")
        return ResolvedCredentials(profile, found)

    def remove(self, name: str) -> None:
        profile = self.profile(name)
        for field in profile.secret_fields() + profile.optional_secret_fields():
            self.secrets.delete(name, field)
        with self.db.write() as conn:
            conn.execute(delete(credential_profiles).where(credential_profiles.c.name == name))
