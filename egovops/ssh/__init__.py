"""SSH access to network devices, with host keys verified against egovops's own known-hosts store.

The contract the procedures (plugin runner, shipped procedures) rely on::

    from egovops.ssh import KnownHostsStore, open_session

    known = KnownHostsStore(database)
    with open_session(device, credentials, known, trust_new_host_key=False) as session:
        config = session.run(session.profile.show_running)    # output without echo and prompt

``open_session(device, credentials, known_hosts, *, trust_new_host_key=False, connect_timeout=10,
auth_timeout=15, command_timeout=60, max_output_bytes=32 MiB, operator=None, output_budget=None) -> VendorSession``
(``output_budget``: an ``OutputBudget`` all sessions of a run share, see ssh/budget.py)

- ``device``: an inventory ``Device`` (address, ssh_port, vendor pick the vendor profile);
  ``credentials``: ``CredentialService.resolve(...)`` of an ``ssh`` profile (user; key_file with
  its passphrase, or password; optional enable_password used for ``enable`` / ``super``).
- ``trust_new_host_key``: False refuses an unknown key (HostKeyUnknownError); True stores it as
  trusted by ``operator`` (default: the OS user); or a callable ``(OfferedHostKey) -> bool`` the
  console uses to show a fingerprint dialog. A CHANGED key is always refused (HostKeyChangedError).
- The host key is checked before any credential is sent. TCP_NODELAY is set on the socket.
  ``connect_timeout`` is one deadline for TCP, banner and key exchange; ``auth_timeout`` covers
  login; ``command_timeout`` each command (``run(..., timeout=)`` overrides it per call).
- Paging is switched off on open: Huawei ``screen-length 0 temporary``, H3C ``screen-length
  disable`` (Comware has no ``temporary`` form), Cisco/Ruijie/ZTE ``terminal length 0``.
- ``VendorSession.run(command, timeout=None, check=True) -> str``: with ``check`` a CLI rejection
  printed right under the command (``VendorProfile.rejection``) raises SshCommandError, so an error
  reply is never stored as data. ``.vendor``, ``.hostname``,
  ``.profile`` (``VendorProfile``: ``show_running``, ``paging_off``…), ``.close()``; a context
  manager. One thread at a time per session; run many devices in parallel with one session each.
  A session is closed after any error raised from it.

Errors, all ``SshError(EgovopsError)`` with ``.device`` and a message naming the device:
``HostKeyUnknownError`` (.host .port .key_type .fingerprint), ``HostKeyChangedError``
(.old_fingerprint .new_fingerprint), ``SshAuthError``, ``SshTimeoutError`` (.stage: connect, auth
or command), ``SshOutputTooLarge``, ``SshCommandError`` (the CLI rejected a command; .reply),
``SshConnectError`` (refused, reset, not SSH, session closed).

The vendor CLI emulator used by the tests and the demo is ``egovops.simulator``; real OpenSSH sshd
processes serving it are started by ``egovops.simulator.lab``.
"""

from egovops.ssh.budget import OutputBudget
from egovops.ssh.errors import (
    HostKeyChangedError,
    HostKeyUnknownError,
    SshAuthError,
    SshCommandError,
    SshConnectError,
    SshError,
    SshOutputTooLarge,
    SshRunBudgetExceeded,
    SshTimeoutError,
)
from egovops.ssh.known_hosts import KnownHostsStore, OfferedHostKey, fingerprint
from egovops.ssh.session import VendorSession, open_session
from egovops.ssh.vendors import VendorProfile, profile_for

__all__ = [
    "HostKeyChangedError",
    "HostKeyUnknownError",
    "KnownHostsStore",
    "OfferedHostKey",
    "OutputBudget",
    "SshAuthError",
    "SshCommandError",
    "SshConnectError",
    "SshError",
    "SshOutputTooLarge",
    "SshRunBudgetExceeded",
    "SshTimeoutError",
    "VendorProfile",
    "VendorSession",
    "fingerprint",
    "open_session",
    "profile_for",
]
