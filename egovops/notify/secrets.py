"""Channel secrets in the OS keyring (service ``egovops-notify``), named per store and channel."""

from __future__ import annotations

import contextlib

from egovops.keyring_access import secure_backend
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid

SERVICE = "egovops-notify"


def entry(database: Database, channel: str, field: str) -> str:
    # The store's identity in the name: two data folders' channels of the same name keep their own keys.
    return f"{store_uuid(database)}/{channel}/{field}"


def store_secret(database: Database, channel: str, field: str, value: str) -> None:
    secure_backend().set_password(SERVICE, entry(database, channel, field), value)


def channel_secrets(database: Database, channel: str, fields: tuple[str, ...]) -> dict[str, str]:
    backend = secure_backend()
    found = {f: backend.get_password(SERVICE, entry(database, channel, f)) for f in fields}
    return {f: v for f, v in found.items() if v is not None}


def forget_secrets(database: Database, channel: str) -> None:
    """Delete every secret a removed channel kept, whatever its kind was."""
    from keyring.errors import PasswordDeleteError

    from egovops.notify.channels import KINDS

    backend = secure_backend()
    for field in {f for kind in KINDS.values() for f in kind.SECRETS}:
        with contextlib.suppress(PasswordDeleteError):  # this kind never had that field
            backend.delete_password(SERVICE, entry(database, channel, field))
