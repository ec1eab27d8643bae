"""Which credential profiles this host's keyring can serve: their names, for ``collectors.profiles``.

Profiles are defined once in the store, but their secrets live in the OS keyring of each host
that uses them: a collector started on a new host polls with nothing until the administrator adds
the secrets there too. The collector records the names it holds (never a secret) and the console's
Collectors panel names the profiles its zone needs and it lacks (``egovops.collector.panel``).

A profile is held when every secret it needs is in the keyring; optional ones (an SSH enable
password) do not count. A keyring that cannot be reached holds nothing, which is what the
collector will meet when it polls.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import update

from egovops.credentials.service import CredentialService
from egovops.errors import EgovopsError
from egovops.storage.database import Database
from egovops.storage.tables.collectors import collectors

log = logging.getLogger(__name__)


def held_profiles(credentials: CredentialService) -> list[str]:
    """Names of the store's profiles whose required secrets this host's keyring holds, sorted."""
    profiles = credentials.profiles()
    if not profiles:
        return []
    try:
        secrets = credentials.secrets
        return sorted(p.name for p in profiles
                      if all(secrets.get(p.name, field) is not None for field in p.secret_fields()))
    except EgovopsError as exc:  # no usable keyring on this host: it serves no profile
        log.warning("credential profiles: the keyring cannot be read: %s", exc)
        return []


def record_profiles(database: Database, name: str, credentials: CredentialService | None = None) -> list[str]:
    """Write the profiles this host holds into collector ``name``'s row (at start and on reload);
    returns them. Any desk then sees a profile the collector lacks before its polls fail."""
    held = held_profiles(credentials or CredentialService(database))
    with database.write() as conn:
        conn.execute(update(collectors).where(collectors.c.name == name).values(profiles=json.dumps(held)))
    return held
