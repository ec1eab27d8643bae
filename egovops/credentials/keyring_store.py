"""Secrets in the OS keyring (Secret Service on Linux/Kylin/UOS, Credential Manager on Windows).

egovops refuses to run with no secure backend rather than fall back to a plaintext file, and says
how to get one.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from egovops.errors import KeyringUnavailableError

SERVICE = "egovops"
_INSECURE_BACKENDS = ("keyring.backends.fail", "keyrings.alt.file", "keyring.backends.null")

HOW_TO_GET_ONE = (
    "No secure keyring backend is available, so egovops cannot store secrets. "
    "On Linux (Debian, Ubuntu, Kylin, UOS) install and unlock a Secret Service provider, e.g. "
    "'apt-get install gnome-keyring' and log in to a desktop session, or run "
    "'gnome-keyring-daemon --unlock' inside 'dbus-run-session' on a headless machine; on Windows "
    "the Credential Manager is used automatically. egovops never falls back to a plaintext file."
)


def _usable(backend: KeyringBackend) -> bool:
    if type(backend).__module__.startswith(_INSECURE_BACKENDS):
        return False
    children = getattr(backend, "backends", None)
    if children is not None:  # the chainer: usable only if a secure child is
        return any(_usable(child) for child in children)
    return backend.priority > 0


def _kr_key(profile: str, field: str) -> str:
    return f"{profile}/{field}"


class KeyringSecrets:
    """Thin wrapper that turns keyring's errors into ours and never logs a value."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self.backend = backend or keyring.get_keyring()
        if not _usable(self.backend):
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
