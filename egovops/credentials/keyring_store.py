"""Secrets in the OS keyring (Secret Service on Linux/Kylin/UOS, Credential Manager on Windows).

egovops refuses to run with no secure backend rather than fall back to a plaintext file, and says
how to get one.

Entries are named ``<store uuid>/<profile>/<field>``: the store's own identity first, so a second
data folder on the same desktop (a test store, a second province) never replaces the first one's
secrets. Entries of earlier versions were named ``<profile>/<field>``; ``move_legacy`` copies them
to the store's names once, on the first use after the upgrade. The old entries are left in place:
every store of that desktop shared them, and another store may not have been upgraded yet.
"""

from __future__ import annotations

import keyring.errors
from keyring.backend import KeyringBackend

from egovops.errors import KeyringUnavailableError
from egovops.keyring_access import HOW_TO_GET_ONE, secure_backend, usable

SERVICE = "egovops"


def legacy_entry(profile: str, field: str) -> str:
    return f"{profile}/{field}"


def entry_name(store: str, profile: str, field: str) -> str:
    """The keyring entry of ``field`` of ``profile`` in the store whose UUID is ``store``."""
    return f"{store}/{profile}/{field}" if store else legacy_entry(profile, field)


class KeyringSecrets:
    """Thin wrapper that turns keyring's errors into ours and never logs a value."""

    def __init__(self, backend: KeyringBackend | None = None, store: str = "") -> None:
        self.backend = backend or secure_backend()
        if not usable(self.backend):
            raise KeyringUnavailableError(HOW_TO_GET_ONE)
        self.store = store

    def _kr_key(self, profile: str, field: str) -> str:
        return entry_name(self.store, profile, field)

    def move_legacy(self, fields_by_profile: dict[str, tuple[str, ...]]) -> int:
        """Copy entries named by profile only to this store's names (where it has none yet)."""
        moved = 0
        for profile, fields in fields_by_profile.items():
            for field in fields:
                try:
                    old = self.backend.get_password(SERVICE, legacy_entry(profile, field))
                    if old is not None and self.backend.get_password(SERVICE, self._kr_key(profile, field)) is None:
                        self.backend.set_password(SERVICE, self._kr_key(profile, field), old)
                        moved += 1
                except keyring.errors.KeyringError as exc:
                    raise KeyringUnavailableError(
                        f"the keyring refused to move {field} of {profile!r}: {type(exc).__name__}") from None
        return moved

    def set(self, profile: str, field: str, value: str) -> None:
        try:
            self.backend.set_password(SERVICE, self._kr_key(profile, field), value)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the keyring refused to store {field} of {profile!r}: {type(exc).__name__}") from None

    def get(self, profile: str, field: str) -> str | None:
        try:
            return self.backend.get_password(SERVICE, self._kr_key(profile, field))
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the keyring refused to read {field} of {profile!r}: {type(exc).__name__}") from None

    def delete(self, profile: str, field: str) -> None:
        try:
            self.backend.delete_password(SERVICE, self._kr_key(profile, field))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored under that field
