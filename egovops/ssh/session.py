"""A command session on one network device: open, run commands, close.

One interactive shell per device is kept open for all its commands (a backup runs several); every
read has a deadline and a size cap. A session belongs to one thread at a time.
"""

from __future__ import annotations

import re
import time
from types import TracebackType

import paramiko

from egovops.credentials.service import ResolvedCredentials
from egovops.i18n import tr
from egovops.inventory.model import Device
from egovops.ssh.budget import OutputBudget
from egovops.ssh.channel import ChannelClosed, PromptReader, ReadTimeout, ReadTooLarge, decode, strip_echo_and_prompt
from egovops.ssh.errors import (
    SshAuthError,
    SshCommandError,
    SshConnectError,
    SshOutputTooLarge,
    SshRunBudgetExceeded,
    SshTimeoutError,
)
from egovops.ssh.known_hosts import KnownHostsStore, TrustDecision
from egovops.ssh.transport import authenticate, connect_socket, start_transport, verify_host_key
from egovops.ssh.vendors import VendorProfile, profile_for

DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_AUTH_TIMEOUT = 15.0
DEFAULT_COMMAND_TIMEOUT = 60.0
DEFAULT_MAX_OUTPUT_BYTES = 32 * 1024 * 1024  # the largest running configurations are a few MB
_PASSWORD_PROMPT = re.compile(rb"(?i)pass(?:word|wd)\s*:\s*$")


class VendorSession:
    """An open CLI session; use ``run`` for commands and ``close`` (or ``with``) when done."""

    def __init__(self, device: Device, profile: VendorProfile, transport: paramiko.Transport,
                 channel: paramiko.Channel, command_timeout: float, max_output_bytes: int,
                 output_budget: OutputBudget | None = None) -> None:
        self.device = device
        self.profile = profile
        self.vendor = profile.name
        self.command_timeout = command_timeout
        self.max_output_bytes = max_output_bytes
        self._transport = transport
        self._channel = channel
        self._reader = PromptReader(channel, profile.more, output_budget)
        self.output_budget = output_budget
        self._prompt = profile.prompt
        self.hostname = ""
        self.prompt_line = b""

    # --- reading -------------------------------------------------------------------------------
    def _read(self, prompt: re.Pattern[bytes], timeout: float, what: str) -> bytes:
        try:
            return self._reader.read_until(prompt, timeout, self.max_output_bytes)
        except ReadTimeout as late:
            self.close()
            # Only before login is done: a command's last line may be part of a configuration.
            seen = f"; last line {decode(late.last_line)!r}" if what == tr("login prompt") else ""
            raise SshTimeoutError(self.device.name, "command", timeout, what + seen) from None
        except ReadTooLarge as big:
            self.close()
            if big.run_budget and self.output_budget is not None:
                raise SshRunBudgetExceeded(self.device.name, what, self.output_budget.total) from None
            raise SshOutputTooLarge(self.device.name, what, self.max_output_bytes) from None
        except ChannelClosed:
            self.close()
            raise SshConnectError(self.device.name, tr("{device} closed the session during '{command}'",
                                                       device=self.device.name, command=what)) from None
        except (paramiko.SSHException, OSError, EOFError) as exc:
            self.close()
            raise SshConnectError(self.device.name, tr("{device}: connection lost during '{command}': {reason}",
                                                       device=self.device.name, command=what, reason=type(exc).__name__)) from None

    def _learn_prompt(self, raw: bytes) -> None:
        """Pin the prompt to the device's own name so configuration lines never look like a prompt."""
        last = raw.rstrip(b"\n").rsplit(b"\n", 1)[-1]
        self.prompt_line = last
        found = self.profile.prompt.search(last)
        if not found or not found.group(1):
            return
        name = found.group(1)
        self.hostname = decode(name)
        if self.profile.name in ("huawei", "h3c"):
            self._prompt = re.compile(rb"(?:^|\n)\s*(?:<|\[~?\*?)(" + re.escape(name) + rb")(?:-[^\]\s]*)?[>\]]\s?$")
        elif self.profile.privileged_suffix is not None:
            self._prompt = re.compile(rb"(?:^|\n)(" + re.escape(name) + rb")(?:\(config[^)]*\))?[>#]\s?$")

    def _wait_for_prompt(self, timeout: float) -> None:
        self._learn_prompt(self._read(self.profile.prompt, timeout, tr("login prompt")))

    # --- commands ------------------------------------------------------------------------------
    def run(self, command: str, timeout: float | None = None, check: bool = True) -> str:
        """The output of ``command``, without its echo and the prompt.

        With ``check`` (the default) a reply the vendor's CLI uses for rejected commands raises
        SshCommandError, so an error message is never mistaken for data (e.g. stored as a backup).
        """
        if "\n" in command or "\r" in command:
            raise ValueError("one command per call; it must not contain a line break")
        limit = self.command_timeout if timeout is None else timeout
        try:
            self._reader.send(command + "\n")
        except (OSError, paramiko.SSHException, EOFError) as exc:
            self.close()
            raise SshConnectError(self.device.name, tr("{device}: connection lost during '{command}': {reason}",
                                                       device=self.device.name, command=command, reason=type(exc).__name__)) from None
        raw = self._read(self._prompt, limit, command)
        self.prompt_line = raw.rstrip(b"\n").rsplit(b"\n", 1)[-1]
        output = strip_echo_and_prompt(decode(raw), command)
        if check:
            rejected = self.profile.rejection(output)
            if rejected:
                raise SshCommandError(self.device.name, command, rejected)
        return output

    def elevate(self, password: str, timeout: float) -> None:
        """Enter privileged mode (``enable`` / ``super``) when the prompt says we are not in it."""
        if self.profile.elevate is None:
            return
        if self.profile.privileged_suffix is not None and self.profile.is_privileged(self.prompt_line):
            return
        self._reader.send(self.profile.elevate + "\n")
        either = re.compile(_PASSWORD_PROMPT.pattern + b"|" + self._prompt.pattern)
        raw = self._read(either, timeout, self.profile.elevate)
        if _PASSWORD_PROMPT.search(raw):
            self._reader.send(password + "\n")
            raw = self._read(self._prompt, timeout, self.profile.elevate)
        self.prompt_line = raw.rstrip(b"\n").rsplit(b"\n", 1)[-1]
        refused = self.profile.error.search(decode(raw))
        if refused or not self.profile.is_privileged(self.prompt_line):
            self.close()
            raise SshAuthError(self.device.name, tr("{device}: the enable/super password was refused",
                                                    device=self.device.name))

    # --- lifetime ------------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self._channel.close()
        finally:
            self._transport.close()

    @property
    def is_open(self) -> bool:
        return self._transport.is_active() and not self._channel.closed

    def __enter__(self) -> VendorSession:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_session(
    device: Device,
    credentials: ResolvedCredentials,
    known_hosts: KnownHostsStore,
    *,
    trust_new_host_key: TrustDecision = False,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    auth_timeout: float = DEFAULT_AUTH_TIMEOUT,
    command_timeout: float = DEFAULT_COMMAND_TIMEOUT,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
    operator: str | None = None,
    output_budget: OutputBudget | None = None,
) -> VendorSession:
    """Connect, verify the host key, log in, raise privilege if the profile has an enable password,
    switch paging off, and return the session (a context manager)."""
    host, port = device.address, device.ssh_port
    # One deadline for TCP, banner and key exchange, so a slow accept does not double the wait.
    deadline = time.monotonic() + connect_timeout
    sock = connect_socket(device.name, host, port, connect_timeout)
    try:
        transport = start_transport(device.name, sock, known_hosts.host_key_algorithms(host, port),
                                    deadline - time.monotonic(), connect_timeout)
    except BaseException:
        sock.close()
        raise
    verify_host_key(device.name, host, port, transport, known_hosts, trust_new_host_key, operator)
    authenticate(device.name, transport, credentials, auth_timeout)
    try:
        channel = transport.open_session(timeout=auth_timeout)
        channel.get_pty(term="vt100", width=511, height=0)
        channel.invoke_shell()
    except (paramiko.SSHException, OSError, EOFError) as exc:
        transport.close()
        raise SshConnectError(device.name, tr("{device}: the device refused a shell: {reason}",
                                              device=device.name, reason=exc or type(exc).__name__)) from None
    session = VendorSession(device, profile_for(device.vendor), transport, channel, command_timeout, max_output_bytes,
                            output_budget)
    try:
        session._wait_for_prompt(command_timeout)
        enable = credentials.secret("enable_password")
        if enable:
            session.elevate(enable.reveal(), command_timeout)
        if session.profile.paging_off:
            # Not checked: firmware without this command still works, the pager is answered instead.
            session.run(session.profile.paging_off, check=False)
    except BaseException:
        session.close()
        raise
    return session
