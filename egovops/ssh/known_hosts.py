"""Verifying a server's host key against egovops's known-hosts store.

An unknown key is refused unless the operator decided to trust it (``--trust-new-host-key``, or a
fingerprint dialog in the console passed in as a callback); a key that differs from the trusted one
is always refused, showing both fingerprints, like OpenSSH's StrictHostKeyChecking=yes.
"""

from __future__ import annotations

import base64
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Sequence, Union

import paramiko

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator, os_user_name
from egovops.audit.log import AuditLog
from egovops.ssh.errors import HostKeyChangedError, HostKeyUnknownError
from egovops.storage.database import Database
from egovops.storage.ssh_repo import KnownHostKey, SshKnownHostsRepository

# Host-key algorithms a stored key of this type can be verified with, in OpenSSH's order.
_ALGORITHMS_FOR_TYPE = {
    "ssh-rsa": ("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"),
}


@dataclass(frozen=True)
class OfferedHostKey:
    """What a server showed: passed to the operator's trust decision."""

    device: str
    host: str
    port: int
    key_type: str
    fingerprint: str


TrustDecision = Union[bool, Callable[[OfferedHostKey], bool]]
# Asked once for a whole run: every unknown key offered, the ones the operator trusts returned.
BatchTrustDecision = Callable[[Sequence[OfferedHostKey]], Collection[OfferedHostKey]]


@dataclass(frozen=True)
class ScannedHostKey:
    """A key fetched by the key-scan pass (no credentials sent), with the paramiko key to store."""

    offered: OfferedHostKey
    key: paramiko.PKey


def fingerprint(key: paramiko.PKey) -> str:
    """``SHA256:…`` exactly as ``ssh-keygen -lf`` and OpenSSH's prompts print it."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def current_operator() -> str:
    # The real uid's name: LOGNAME/USER are the caller's to set and must not sign the trail.
    return os_user_name()


class KnownHostsStore:
    """Trusted host keys, per (host, port), kept in the store. Trusting and forgetting a key are
    security decisions and go to the audit trail with who made them."""

    def __init__(self, database: Database) -> None:
        self.repo = SshKnownHostsRepository(database)
        self.audit = AuditLog(database)

    def keys(self, host: str | None = None, port: int | None = None) -> list[KnownHostKey]:
        if host is not None and port is not None:
            return self.repo.keys_for(host, port)
        return [k for k in self.repo.all() if host is None or k.host == host]

    def host_key_algorithms(self, host: str, port: int) -> list[str]:
        """The algorithms to offer so the server shows a key type we already trust (none: any)."""
        algorithms: list[str] = []
        for known in self.repo.keys_for(host, port):
            algorithms += _ALGORITHMS_FOR_TYPE.get(known.key_type, (known.key_type,))
        return algorithms

    def trust(self, host: str, port: int, key: paramiko.PKey, trusted_by: str | None = None,
              role: str = "", device: str = "") -> KnownHostKey:
        known = KnownHostKey(
            host, port, key.get_name(), key.get_base64(), fingerprint(key), time.time(), trusted_by or current_operator(),
        )
        with self.audit.change():  # the trusted key and its audit row: all or none
            self.repo.add(known)
            self.audit.record(actor=known.trusted_by, role=role, action="ssh.host-key.trust",
                              subject=f"{host}:{port}", details={"device": device, "key_type": known.key_type,
                                                                 "fingerprint": known.fingerprint_sha256})
        return known

    def forget(self, host: str, port: int, actor: str | None = None, role: str = "") -> int:
        gone = self.repo.keys_for(host, port)
        with self.audit.change():
            removed = self.repo.forget(host, port)
            if removed:
                self.audit.record(actor=actor or current_operator(), role=role, action="ssh.host-key.forget",
                                  subject=f"{host}:{port}",
                                  details={"fingerprints": [k.fingerprint_sha256 for k in gone]})
        return removed

    def status(self, host: str, port: int, key: paramiko.PKey) -> str:
        """"known", "unknown" or "changed" (another key, or only keys of another type, trusted)."""
        known = self.repo.keys_for(host, port)
        if not known:
            return "unknown"
        same = [k for k in known if k.key_type == key.get_name()]
        return "known" if same and same[0].key_base64 == key.get_base64() else "changed"

    def forget_as(self, by: Operator, host: str, port: int) -> int:
        """``forget`` on an operator's behalf: the next connection would trust whatever key the
        address shows, so it needs the role and leaves a record, refused or not."""
        authorize(self.audit, by, "known-hosts.forget", f"{host}:{port}")
        return self.forget(host, port, by.label(), by.role.value)

    def verify(
        self, device: str, host: str, port: int, key: paramiko.PKey,
        trust_new_host_key: TrustDecision = False, trusted_by: str | None = None,
    ) -> None:
        """Return if ``key`` is trusted for (host, port), store it if the operator trusts it now, else raise."""
        offered = OfferedHostKey(device, host, port, key.get_name(), fingerprint(key))
        known = self.repo.keys_for(host, port)
        for entry in known:
            if entry.key_type == offered.key_type:
                if entry.key_base64 == key.get_base64():
                    return
                raise HostKeyChangedError(device, host, port, offered.key_type, entry.fingerprint_sha256, offered.fingerprint)
        if known:
            # Trusted keys exist but of another type: a server that no longer offers its trusted key
            # type is treated as changed, never as a new host.
            old = ", ".join(f"{k.key_type} {k.fingerprint_sha256}" for k in known)
            raise HostKeyChangedError(device, host, port, offered.key_type, old, offered.fingerprint)
        decided = trust_new_host_key(offered) if callable(trust_new_host_key) else bool(trust_new_host_key)
        if not decided:
            raise HostKeyUnknownError(device, host, port, offered.key_type, offered.fingerprint)
        self.trust(host, port, key, trusted_by, device=device)


def scan_unknown_keys(store: KnownHostsStore, targets: Iterable[tuple[str, str, int]], timeout: float,
                      workers: int = 32) -> list[ScannedHostKey]:
    """Fetch each (device, host, port)'s host key like ``ssh-keyscan`` and return the ones the store
    does not know. Only the key exchange runs: no credential is sent, no login is tried. A device
    that cannot be reached or whose key changed is left out: its login reports that on its own."""
    targets = list(targets)

    def scan(target: tuple[str, str, int]) -> ScannedHostKey | None:
        device, host, port = target
        try:
            key = fetch_host_key(device, host, port, store.host_key_algorithms(host, port), timeout)
        except Exception:  # noqa: BLE001 - unreachable now: the login says why, with the device's name
            return None
        if store.status(host, port, key) != "unknown":
            return None
        return ScannedHostKey(OfferedHostKey(device, host, port, key.get_name(), fingerprint(key)), key)

    if not targets:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(targets))), thread_name_prefix="ssh-keyscan") as pool:
        found = [s for s in pool.map(scan, targets) if s is not None]
    # Several devices behind one address and port share one key: ask about it once.
    unique: dict[tuple[str, int, str], ScannedHostKey] = {}
    for item in found:
        unique.setdefault((item.offered.host, item.offered.port, item.offered.fingerprint), item)
    return list(unique.values())


def fetch_host_key(device: str, host: str, port: int, algorithms: list[str], timeout: float) -> paramiko.PKey:
    """TCP, banner and key exchange within ``timeout``, then close: the server's host key."""
    from egovops.ssh.transport import connect_socket, start_transport  # transport imports this module

    deadline = time.monotonic() + timeout
    sock = connect_socket(device, host, port, timeout)
    try:
        transport = start_transport(device, sock, algorithms, deadline - time.monotonic(), timeout)
    except BaseException:
        sock.close()
        raise
    try:
        return transport.get_remote_server_key()
    finally:
        transport.close()
