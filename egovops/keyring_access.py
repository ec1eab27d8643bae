"""The OS keyring, for every part of the core that keeps a secret: credential profiles and the
audit trail's key. A backend that is not secure (a plaintext file, the ``fail`` backend) is
refused with a message that says how to get a secure one.

Low in the layers (beside ``errors``) so that the audit trail, which sits below credentials, can
keep its key in the same keyring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from egovops.errors import KeyringUnavailableError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

_INSECURE_BACKENDS = ("keyring.backends.fail", "keyrings.alt.file", "keyring.backends.null")

HOW_TO_GET_ONE = (
    "No secure keyring backend is available, so egovops cannot store secrets. "
    "On Linux (Debian, Ubuntu, Kylin, UOS) install and unlock a Secret Service provider, e.g. "
    "'apt-get install gnome-keyring' and log in to a desktop session, or run "
    "'gnome-keyring-daemon --unlock' inside 'dbus-run-session' on a headless machine; on Windows "
    "the Credential Manager is used automatically. egovops never falls back to a plaintext file."
)


def usable(backend: KeyringBackend) -> bool:
    if type(backend).__module__.startswith(_INSECURE_BACKENDS):
        return False
    children = getattr(backend, "backends", None)
    if children is not None:  # the chainer: usable only if a secure child is
        return any(usable(child) for child in children)
    return backend.priority > 0


def _detected() -> KeyringBackend:
    """The backend keyring would pick now, without keyring's process-wide cache: the audit trail
    asks on every append, and a process that first asked before the Secret Service was up (a
    console started with the desktop session) must find it once it is."""
    from keyring import backend, core
    from keyring.backends import fail

    return core.load_env() or core.load_config() or max(backend.get_all_keyring(), default=fail.Keyring(),
                                                        key=backend.by_priority)


def secure_backend(fresh: bool = False) -> KeyringBackend:
    """The keyring's backend, or KeyringUnavailableError naming the problem in one line.

    ``PYTHON_KEYRING_BACKEND`` naming a backend that cannot be loaded makes keyring raise from
    deep inside; that is a configuration problem the operator must see as such, not a traceback.
    """
    import keyring

    try:
        backend = _detected() if fresh else keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - keyring raises whatever the named backend's import raised
        raise KeyringUnavailableError(
            f"the keyring backend cannot be loaded ({type(exc).__name__}: {exc}); check PYTHON_KEYRING_BACKEND"
        ) from None
    if not usable(backend):
        raise KeyringUnavailableError(HOW_TO_GET_ONE)
    return backend
