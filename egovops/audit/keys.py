"""The audit trail's key and its anchor, kept in the OS keyring, never in the store.

Why a key: with plain SHA-256 anyone who can write the store can edit a row and recompute every
hash after it, or delete the newest rows and rewrite the head, and the chain still verifies. Each
row's hash is therefore an HMAC-SHA256 under a writer's key, and each writer keeps an *anchor*
(the id and hash of the newest row it appended) next to its key, outside the store. ``audit
verify`` then reports an edit (the HMAC fails), a recomputed chain (the HMACs fail, or rows claim
to be unkeyed after keyed ones), deleted newest rows with the head rewritten, and a full wipe (the
anchor names a row the store no longer holds).

Writers. A writer is one keyring holding a key for this store: today one per desktop user, shared
by that user's console, poller and command line (appends are serialised by the store, see
``repo.py``, and the anchor is moved inside the same write transaction, so it only ever moves
forward). Rows name their writer by the key's fingerprint (``audit_log.writer``), never the key.

Design for the shared PostgreSQL store (consoles and collectors on several hosts):
- every host (or service account) is its own writer with its own key in its own keyring; no host
  holds another's key, so none can forge another's rows;
- appends stay one chain: the head row is locked (``SELECT … FOR UPDATE``) inside each append's
  transaction, so ids stay consecutive and each row links to the one before, whoever wrote it;
- each writer anchors its own newest row in its keyring after each append, and every N appends
  (and at each shift end) appends a *checkpoint* row: the head id and hash it saw, under its key.
  A checkpoint vouches for every row before it, including other writers' rows, so a deletion of
  the newest rows is caught by any writer that appended or checkpointed after them;
- ``audit verify`` on a host checks the links of every row, the HMAC of its own rows, and its own
  anchor; an auditor who is given every writer's key (exported once to escrow when a writer is
  enrolled) checks every HMAC and every anchor. Checkpoints may also be sent off the store (syslog
  to a collector, a write-once medium) so that losing the database and every keyring together is
  still detected;
- a row whose writer's key the verifier lacks is reported as not verifiable, never as intact.
Only the single-writer part (one key and anchor per keyring and store) is built now.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass

from egovops.errors import KeyringUnavailableError
from egovops.keyring_access import secure_backend
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid

SERVICE = "egovops-audit"
KEY_BYTES = 32

_lock = threading.Lock()
_known: dict[str, WriterKey] = {}  # store uuid -> this process's writer key (the anchor is not cached)


def fingerprint(key: bytes) -> str:
    """The name rows give their writer: derived from the key, revealing nothing of it."""
    return hashlib.sha256(b"egovops-audit-writer\0" + key).hexdigest()[:16]


@dataclass(frozen=True)
class WriterKey:
    writer: str
    key: bytes
    anchor: tuple[int, str] | None  # (id, hash) of the newest row this writer appended


def _entry(key: bytes, anchor: tuple[int, str] | None) -> str:
    return json.dumps({"key": base64.b64encode(key).decode("ascii"), "anchor": list(anchor) if anchor else None})


def _parse(text: str) -> WriterKey | None:
    try:
        data = json.loads(text)
        key = base64.b64decode(data["key"])
        anchor = data.get("anchor")
        return WriterKey(fingerprint(key), key, (int(anchor[0]), str(anchor[1])) if anchor else None)
    except (ValueError, KeyError, TypeError, IndexError):
        return None  # not ours, or damaged: treated as missing, which verify reports


class AuditKeyring:
    """This store's audit key and anchor in the OS keyring (service ``egovops-audit``, entry = the
    store's UUID). Without a secure keyring every method returns None, and appends go unkeyed:
    the trail keeps recording, and ``audit verify`` reports those rows as written without a key."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def _backend(self):
        try:
            return secure_backend(fresh=True)
        except KeyringUnavailableError:
            return None

    def load(self) -> WriterKey | None:
        backend = self._backend()
        if backend is None:
            return None
        try:
            text = backend.get_password(SERVICE, store_uuid(self.database))
        except Exception:  # noqa: BLE001 - a locked or vanished keyring: no key, reported by verify
            return None
        return _parse(text) if text else None

    def available(self) -> bool:
        return self._backend() is not None

    def _folder_entry(self) -> str:
        return "store-at:" + str(self.database.engine.url.database or "")

    def identity_on_record(self) -> str | None:
        """The store UUID the keyring recorded for this store file when the key was made. A store
        whose identity row was deleted gets a new UUID, and with it no anchor at all; this record
        lets verify notice that instead of reporting a wiped trail as intact."""
        backend = self._backend()
        if backend is None:
            return None
        try:
            return backend.get_password(SERVICE, self._folder_entry())
        except Exception:  # noqa: BLE001 - unreadable: nothing on record
            return None

    def known_writer(self) -> WriterKey | None:
        """This process's key for the store, read from the keyring once. Called *before* the store's
        write lock is taken: a locked keyring may ask the desktop user to unlock it, and nobody else
        may wait on the store meanwhile."""
        uuid = store_uuid(self.database)
        with _lock:
            if uuid in _known:
                return _known[uuid]
        found = self.load()
        if found is not None:
            with _lock:
                _known[uuid] = found
        return found

    def writer_key(self) -> WriterKey | None:
        """The key to append with; made (once, by whichever process gets here first while holding
        the store's write lock) when the keyring has none for this store."""
        uuid = store_uuid(self.database)
        with _lock:
            if uuid in _known:
                return _known[uuid]
        found = self.load()
        if found is None:
            backend = self._backend()
            if backend is None:
                return None
            key = os.urandom(KEY_BYTES)
            try:
                backend.set_password(SERVICE, uuid, _entry(key, None))
                backend.set_password(SERVICE, self._folder_entry(), uuid)
            except Exception:  # noqa: BLE001 - the keyring refused: append unkeyed, verify reports it
                return None
            found = WriterKey(fingerprint(key), key, None)
        with _lock:
            _known[uuid] = found
        return found

    def move_anchor(self, writer: WriterKey, last_id: int, last_hash: str) -> None:
        backend = self._backend()
        if backend is None:
            return
        with contextlib.suppress(Exception):  # the row is stored; verify will report the anchor lagging
            backend.set_password(SERVICE, store_uuid(self.database), _entry(writer.key, (last_id, last_hash)))
