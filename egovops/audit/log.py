"""Recording actions in the audit trail: who, when, what, on which targets, with what result.

Callers hand over parameters as given; anything whose key names a secret is replaced before it is
hashed and stored, as a safety net behind the runner's own masking of secret parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Mapping

from egovops.audit.chain import AuditRow, details_text, digest_text
from egovops.audit.repo import AuditRepository
from egovops.storage.database import Database

MASK = "***"
_SECRET_KEY = re.compile(r"pass(word|phrase)?|secret|community|auth_key|priv_key|token|cipher", re.IGNORECASE)


def scrub(value: Any) -> Any:
    """A copy with the values of secret-looking keys replaced by ``***`` at every depth."""
    if isinstance(value, Mapping):
        return {k: MASK if _SECRET_KEY.search(str(k)) else scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v) for v in value]
    return value


class AuditLog:
    def __init__(self, database: Database) -> None:
        self.repo = AuditRepository(database)

    @contextmanager
    def change(self) -> Iterator[None]:
        """One transaction for a change and the row that records it: ``with audit.change():``
        write, then ``record``. A crash or an error keeps both or neither, never a change without
        its record or a record of a change that was not made. The keyring is read first, outside
        the store's write lock, since a locked keyring may wait on the desktop user."""
        self.repo.ready()
        with self.repo.db.write():
            yield

    def record(
        self, *, actor: str, role: str, action: str, subject: str = "",
        details: Mapping[str, Any] | None = None, output: str | bytes | None = None,
        output_digest: str | None = None,
    ) -> AuditRow:
        digest = output_digest if output_digest is not None else (digest_text(output) if output is not None else "")
        return self.repo.append(
            actor=actor, role=role, action=action, subject=subject,
            details=details_text(scrub(details or {})), output_digest=digest,
        )
