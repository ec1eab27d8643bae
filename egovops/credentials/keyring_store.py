"""Secrets in the OS keyring (Secret Service on Linux/Kylin/UOS, Credential Manager on Windows).

egovops refuses to run with no secure backend rather than fall back to a plaintext file, and says
how to get one.
"""

from __future__ import annotations

import keyring.errors
from keyring.backend import KeyringBackend

from egovops.errors import KeyringUnavailableError
from egovops.keyring_access import HOW_TO_GET_ONE, secure_backend, usable

SERVICE = "egovops"


def _kr_key(profile: str, field: str) -> str:
    return f"{profile}/{field}"


class KeyringSecrets:
    """Thin wrapper that turns keyring's errors into ours and never logs a value."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self.backend = backend or secure_backend()
        if not usable(self.backend):
            raise KeyringUnavailableError(HOW_TO_GET_ONE)

    def set(self, profile: str, field: str, value: str) -> None:
        try:
            self.backend.set_password(SERVICE, _kr_key(profile, field), value)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the keyring refused to store {field} of {profile!r}: {type(exc).__name__}") from None

    def get(self, profile: str, field: str) -> str | None:
        try:
            return self.backend.get_password(SERVICE, _kr_key(profile, field))
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"the keyring refused to read {field} of {profile!r}: {type(exc).__name__}") from None

    def delete(self, profile: str, field: str) -> None:
        try:
            self.backend.delete_password(SERVICE, _kr_key(profile, field))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored under that field
