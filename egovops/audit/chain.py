"""The hash chain of the audit trail: what a row is, and how its hash is computed.

Each row's hash covers its own fields and the previous row's hash, so changing, inserting or
removing any row breaks the chain from that row on. Rows with a ``writer`` are hashed with
HMAC-SHA256 under that writer's key (see keys.py), so nobody without the key can recompute them;
rows without one (written before the chain was keyed) keep their plain SHA-256. The hash is computed over canonical JSON
(sorted keys, no whitespace, ``at`` as its exact float repr) so that any store and any later
version of egovops recomputes exactly the same bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any, Mapping

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def digest_text(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class AuditRow:
    """One stored row of the audit log, exactly as the store holds it."""

    id: int
    at: float
    actor: str
    role: str
    action: str
    subject: str
    details: str  # canonical JSON text
    output_digest: str
    prev_hash: str
    hash: str
    writer: str = ""  # the fingerprint of the key the hash is an HMAC with; "" = plain SHA-256

    def details_dict(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.details)
        except ValueError:
            return {"unreadable": self.details}
        return loaded if isinstance(loaded, dict) else {"value": loaded}

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "at": self.at, "actor": self.actor, "role": self.role, "action": self.action,
            "subject": self.subject, "details": self.details, "output_digest": self.output_digest,
            "prev_hash": self.prev_hash, "hash": self.hash, "writer": self.writer,
        }


def row_hash(
    *, id: int, at: float, actor: str, role: str, action: str, subject: str, details: str,
    output_digest: str, prev_hash: str, writer: str = "", key: bytes | None = None,
) -> str:
    payload = [id, repr(float(at)), actor, role, action, subject, details, output_digest, prev_hash]
    if not writer:
        return digest_text(canonical_json(payload))
    if key is None:
        raise ValueError("a keyed row needs its writer's key")
    return hmac.new(key, canonical_json([*payload, writer]).encode("utf-8"), hashlib.sha256).hexdigest()


def expected_hash(row: AuditRow, key: bytes | None = None) -> str:
    return row_hash(
        id=row.id, at=row.at, actor=row.actor, role=row.role, action=row.action, subject=row.subject,
        details=row.details, output_digest=row.output_digest, prev_hash=row.prev_hash, writer=row.writer, key=key,
    )


def details_text(details: Mapping[str, Any]) -> str:
    return canonical_json(dict(details))
