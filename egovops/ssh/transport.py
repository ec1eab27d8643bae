"""Opening an authenticated SSH transport: TCP with a deadline, handshake, host key check, login.

The host key is checked against egovops's store after key exchange and BEFORE any credential is
sent, so a secret never reaches a server that is not the trusted one.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from pathlib import Path

import paramiko

from egovops.credentials.service import ResolvedCredentials
from egovops.i18n import tr
from egovops.ssh.errors import SshAuthError, SshConnectError, SshTimeoutError
from egovops.ssh.known_hosts import KnownHostsStore, TrustDecision

_KEY_CACHE: dict[tuple[str, int, str], paramiko.PKey] = {}
_KEY_LOCK = threading.Lock()


def connect_socket(device: str, host: str, port: int, timeout: float) -> socket.socket:
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except socket.timeout:
        raise SshTimeoutError(device, "connect", timeout, f"{host}:{port}") from None
    except OSError as exc:
        raise SshConnectError(device, tr("{device}: cannot connect to {host}:{port}: {reason}",
                                         device=device, host=host, port=port, reason=exc.strerror or exc)) from None
    # Without it Nagle's algorithm and delayed ACKs cost ~40 ms per command on a kept connection.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def start_transport(device: str, sock: socket.socket, host_key_algorithms: list[str], timeout: float,
                    connect_timeout: float | None = None) -> paramiko.Transport:
    """Banner and key exchange within ``timeout`` (what is left of ``connect_timeout``, which the
    error reports): a server that accepts TCP and says nothing fails here."""
    reported = timeout if connect_timeout is None else connect_timeout
    timeout = max(timeout, 0.1)
    transport = paramiko.Transport(sock)
    transport.banner_timeout = timeout
    transport.handshake_timeout = timeout
    if host_key_algorithms:
        # Ask for the key type we trust, as OpenSSH does, so a server with several keys shows that one.
        supported = [a for a in host_key_algorithms if a in transport.get_security_options().key_types]
        if supported:
            transport.get_security_options().key_types = supported
    started = time.monotonic()
    try:
        transport.start_client(timeout=timeout)
    except (paramiko.SSHException, EOFError, OSError) as exc:
        transport.close()
        if time.monotonic() - started >= timeout * 0.95 or "timeout" in str(exc).lower() or "timed out" in str(exc).lower():
            raise SshTimeoutError(device, "connect", reported, tr("no SSH banner or key exchange")) from None
        raise SshConnectError(device, tr("{device}: SSH handshake failed: {reason}", device=device, reason=exc or type(exc).__name__)) from None
    if not (transport.is_active() and transport.initial_kex_done):
        # paramiko's start_client returns silently when its own timeout passes mid-negotiation.
        transport.close()
        raise SshTimeoutError(device, "connect", reported, tr("no SSH banner or key exchange"))
    return transport


def verify_host_key(
    device: str, host: str, port: int, transport: paramiko.Transport, known_hosts: KnownHostsStore,
    trust_new_host_key: TrustDecision, operator: str | None,
) -> None:
    try:
        known_hosts.verify(device, host, port, transport.get_remote_server_key(), trust_new_host_key, operator)
    except BaseException:
        transport.close()
        raise


def _load_key(device: str, path: str, credentials: ResolvedCredentials) -> paramiko.PKey:
    passphrase = credentials.secret("passphrase")
    secret = passphrase.reveal().encode() if passphrase else None
    try:
        file = Path(path).expanduser().resolve()
        # Decrypting an OpenSSH key runs bcrypt (~0.5 s); keep it decrypted in memory, like ssh-agent,
        # so a run over hundreds of devices pays that once. Keyed by a digest, never the passphrase.
        cache_key = (str(file), file.stat().st_mtime_ns, hashlib.sha256(secret or b"").hexdigest())
        with _KEY_LOCK:
            if cache_key not in _KEY_CACHE:
                _KEY_CACHE[cache_key] = paramiko.PKey.from_path(file, secret)
            return _KEY_CACHE[cache_key]
    except FileNotFoundError:
        raise SshAuthError(device, tr("{device}: key file {path} does not exist", device=device, path=path)) from None
    except paramiko.PasswordRequiredException:
        raise SshAuthError(device, tr("{device}: key file {path} is encrypted and profile {profile} has no passphrase",
                                      device=device, path=path, profile=credentials.profile.name)) from None
    except (paramiko.SSHException, ValueError) as exc:
        raise SshAuthError(device, tr("{device}: cannot read key file {path} (wrong passphrase?): {reason}",
                                      device=device, path=path, reason=type(exc).__name__)) from None


def authenticate(device: str, transport: paramiko.Transport, credentials: ResolvedCredentials, timeout: float) -> None:
    """Log in with the profile's key file or password; close the transport on any failure."""
    transport.auth_timeout = timeout
    user = credentials.profile.settings.get("user", "")
    key_file = credentials.profile.settings.get("key_file")
    try:
        if key_file:
            transport.auth_publickey(user, _load_key(device, key_file, credentials))
        else:
            _auth_password(transport, user, credentials)
    except paramiko.AuthenticationException as exc:
        transport.close()
        if "timeout" in str(exc).lower():
            raise SshTimeoutError(device, "auth", timeout) from None
        raise SshAuthError(device, tr("{device}: the device refused login as {user} with profile {profile}",
                                      device=device, user=user, profile=credentials.profile.name)) from None
    except (paramiko.SSHException, EOFError, OSError) as exc:
        transport.close()
        raise SshAuthError(device, tr("{device}: login failed: {reason}", device=device, reason=type(exc).__name__)) from None
    except BaseException:
        transport.close()
        raise


def _auth_password(transport: paramiko.Transport, user: str, credentials: ResolvedCredentials) -> None:
    password = credentials.secret("password")
    secret = password.reveal() if password else ""
    try:
        transport.auth_password(user, secret)
    except paramiko.BadAuthenticationType as exc:
        if "keyboard-interactive" not in exc.allowed_types:
            raise
        # Many devices only offer keyboard-interactive: answer every prompt with the password.
        transport.auth_interactive(user, lambda _title, _instr, prompts: [secret for _ in prompts])
