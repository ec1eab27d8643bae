"""Errors of the SSH layer. Each names the device (and address) it is about, never a secret."""

from __future__ import annotations

from egovops.errors import EgovopsError
from egovops.i18n import tr


class SshError(EgovopsError):
    """Anything that went wrong talking SSH to one device."""

    def __init__(self, device: str, message: str) -> None:
        super().__init__(message)
        self.device = device


class HostKeyUnknownError(SshError):
    """The device offered a host key egovops has never been told to trust."""

    def __init__(self, device: str, host: str, port: int, key_type: str, fingerprint: str) -> None:
        super().__init__(device, tr(
            # No command-line flag here: the console shows this too. The command line adds its hint.
            "{device} ({host}:{port}) offered an unknown SSH host key {key_type} {fingerprint}; verify the "
            "fingerprint with the device's administrator before trusting it",
            device=device, host=host, port=port, key_type=key_type, fingerprint=fingerprint,
        ))
        self.host, self.port, self.key_type, self.fingerprint = host, port, key_type, fingerprint


class HostKeyChangedError(SshError):
    """The device offered a key other than the one trusted for it: refused, whatever the caller says."""

    def __init__(self, device: str, host: str, port: int, key_type: str, old_fingerprint: str, new_fingerprint: str) -> None:
        super().__init__(device, tr(
            "the SSH host key of {device} ({host}:{port}) has CHANGED: trusted {key_type} {old}, offered now {new}. "
            "This may be an attack or a replaced device; refused. After verifying the new key, remove the old one "
            "with 'egovops known-hosts forget {device}'",
            device=device, host=host, port=port, key_type=key_type, old=old_fingerprint, new=new_fingerprint,
        ))
        self.host, self.port, self.key_type = host, port, key_type
        self.old_fingerprint, self.new_fingerprint = old_fingerprint, new_fingerprint


class SshAuthError(SshError):
    """The device refused the credentials, or the key file could not be used."""


class SshTimeoutError(SshError):
    """No answer in time; ``stage`` says whether at connect, auth or a command."""

    def __init__(self, device: str, stage: str, seconds: float, detail: str = "") -> None:
        super().__init__(device, tr(
            "{device}: SSH {stage} timed out after {seconds:g} s{detail}",
            device=device, stage=tr(stage), seconds=seconds, detail=f" ({detail})" if detail else "",
        ))
        self.stage, self.seconds = stage, seconds


class SshOutputTooLarge(SshError):
    """A command's output passed the cap; the session is closed since the rest is still coming."""

    def __init__(self, device: str, command: str, limit: int) -> None:
        super().__init__(device, tr(
            "{device}: output of '{command}' exceeded {limit} bytes; stopped reading",
            device=device, command=command, limit=limit,
        ))
        self.command, self.limit = command, limit


class SshRunBudgetExceeded(SshOutputTooLarge):
    """The run's shared SSH output budget was spent by its sessions together; this one stopped."""

    def __init__(self, device: str, command: str, limit: int) -> None:
        SshError.__init__(self, device, tr(
            "{device}: output of '{command}' stopped: the run's SSH sessions together reached its budget of "
            "{limit} bytes",
            device=device, command=command, limit=limit,
        ))
        self.command, self.limit = command, limit


class SshCommandError(SshError):
    """The device answered a command with its CLI's error message (unknown command, bad parameter…)."""

    def __init__(self, device: str, command: str, reply: str) -> None:
        super().__init__(device, tr(
            "{device} rejected '{command}': {reply}", device=device, command=command, reply=reply,
        ))
        self.command, self.reply = command, reply


class SshConnectError(SshError):
    """The TCP connection or the SSH handshake failed (refused, reset, not an SSH server)."""
