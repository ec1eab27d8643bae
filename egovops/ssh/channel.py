"""Reading an interactive CLI over an SSH channel: until the prompt, within a deadline and a size cap.

Network CLIs have no end-of-output marker other than the prompt coming back, so output is read
until the last line matches the vendor's prompt. A pager left on is answered with a space.
"""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass

import paramiko

from egovops.ssh.budget import OutputBudget

_ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]")
# What a pager sends after the space to blank out its own prompt (VRP: cursor left, spaces, cursor left).
_PAGER_ERASE = re.compile(rb"\x1b\[(\d+)D +\x1b\[\d+D|\x08+ +\x08+")
_TAIL = 512  # prompts and pagers are short; only the end of the buffer is searched for them


class ReadTimeout(Exception):
    """The prompt did not come back before the deadline (the caller names device and stage)."""

    def __init__(self, last_line: bytes = b"") -> None:
        super().__init__()
        self.last_line = last_line  # what the device printed last, to show which prompt was not recognised


class ReadTooLarge(Exception):
    """More than the cap arrived before the prompt (``run_budget``: the run's shared budget ran out)."""

    def __init__(self, run_budget: bool = False) -> None:
        super().__init__()
        self.run_budget = run_budget


class ChannelClosed(Exception):
    """The device closed the session (logout, crash, or a ForceCommand that ended)."""


@dataclass
class PromptReader:
    channel: paramiko.Channel
    more: re.Pattern[bytes]
    budget: OutputBudget | None = None

    def send(self, text: str) -> None:
        self.channel.sendall(text.encode("utf-8"))

    def read_until(self, prompt: re.Pattern[bytes], timeout: float, limit: int) -> bytes:
        """Bytes up to and including the prompt, with pager prompts and escape codes removed."""
        taken = [0]
        try:
            return self._read_until(prompt, timeout, limit, taken)
        finally:
            if self.budget is not None:
                self.budget.give_back(taken[0])

    def _read_until(self, prompt: re.Pattern[bytes], timeout: float, limit: int, taken: list[int]) -> bytes:
        deadline = time.monotonic() + timeout
        buffer = bytearray()
        while True:
            tail = clean(bytes(buffer[-_TAIL:]))
            if prompt.search(tail):
                return clean(bytes(buffer))
            pager = self.more.search(bytes(buffer[-_TAIL:]))
            if pager:
                del buffer[len(buffer) - min(len(buffer), _TAIL) + pager.start():]
                self.send(" ")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ReadTimeout(_last_line(buffer))
            self.channel.settimeout(remaining)
            try:
                chunk = self.channel.recv(65536)
            except socket.timeout:
                raise ReadTimeout(_last_line(buffer)) from None
            if not chunk:
                raise ChannelClosed()
            if self.budget is not None:
                if not self.budget.take(len(chunk)):
                    raise ReadTooLarge(run_budget=True)
                taken[0] += len(chunk)
            buffer += chunk
            if len(buffer) > limit:
                raise ReadTooLarge()


def _last_line(buffer: bytearray) -> bytes:
    return clean(bytes(buffer[-200:])).rstrip(b"\n").rsplit(b"\n", 1)[-1][-80:]


def clean(raw: bytes) -> bytes:
    """Drop terminal escape codes, backspaces and carriage returns; keep the text."""
    text = _ANSI.sub(b"", _PAGER_ERASE.sub(b"", raw)).replace(b"\r\n", b"\n").replace(b"\r", b"")
    while b"\x08" in text:  # a pager erases its own prompt with backspaces
        text = re.sub(rb"[^\n\x08]?\x08", b"", text)
    return text


def decode(raw: bytes) -> str:
    """Device text: UTF-8 on current firmware, GB18030 (a superset of GBK) on older Chinese firmware."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def strip_echo_and_prompt(text: str, command: str) -> str:
    """The output of ``command`` without the echoed command line and the trailing prompt line."""
    lines = text.split("\n")
    if lines and lines[0].strip().endswith(command.strip()):
        lines = lines[1:]
    if lines:
        lines = lines[:-1]  # the prompt the device printed when done
    if lines and not lines[-1].strip():
        lines = lines[:-1]  # the blank line devices print before their prompt
    return "\n".join(lines)
