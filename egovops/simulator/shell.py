"""Login shell of an emulated device, for OpenSSH's ForceCommand (or any terminal).

    python -m egovops.simulator.shell --vendor huawei --hostname AH-EXT-CORE-01 [--weak telnet,no-ntp]

On a terminal it behaves like the device's console: the terminal in raw mode, the shell echoing
what is typed, a pager (``---- More ----``) until paging is switched off, passwords not echoed.
With ``SSH_ORIGINAL_COMMAND`` (``ssh device "display version"``) it runs that one command and exits,
as devices that allow SSH exec do.
"""

from __future__ import annotations

import argparse
import os
import sys
import termios
import time
import tty
from pathlib import Path
from typing import Callable

from egovops.simulator.cli import VRP_LIKE, Reply, VendorCli, paged
from egovops.simulator.spec import VENDORS, WEAKNESSES, DeviceSpec, parse_weaknesses

_PAGER = {"vrp": (b"  ---- More ----", b"\x1b[16D" + b" " * 16 + b"\x1b[16D"),
          "ios": (b" --More-- ", b"\x08" * 10 + b" " * 10 + b"\x08" * 10)}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Emulated network device CLI (login shell)")
    parser.add_argument("--vendor", required=True, choices=VENDORS)
    parser.add_argument("--hostname", required=True)
    parser.add_argument("--weak", default="", help=f"comma-separated, or 'all': {', '.join(WEAKNESSES)}")
    parser.add_argument("--ports", type=int, default=8)
    parser.add_argument("--used-ports", type=int, default=4)
    parser.add_argument("--clock-offset", type=float, default=0.0, help="seconds the device clock runs ahead")
    parser.add_argument("--enable-secret-file", help="start unprivileged; enable/super asks for this file's content")
    parser.add_argument("--log", help="append every command received (never passwords) to this file")
    return parser


class Terminal:
    """fd 0/1 as the device's console; writes CRLF line ends since raw mode turns output processing off."""

    def __init__(self) -> None:
        self.interactive = os.isatty(0)
        self._saved = termios.tcgetattr(0) if self.interactive else None

    def __enter__(self) -> "Terminal":
        if self.interactive:
            tty.setraw(0)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._saved is not None:
            termios.tcsetattr(0, termios.TCSADRAIN, self._saved)

    def write(self, data: bytes) -> None:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        while data:
            data = data[os.write(1, data):]

    def read(self) -> bytes:
        return os.read(0, 4096)


class Shell:
    def __init__(self, cli: VendorCli, terminal: Terminal, log: Callable[[str], None]) -> None:
        self.cli, self.term, self.log = cli, terminal, log
        self.style = "vrp" if cli.vendor in VRP_LIKE else "ios"
        self._pending = b""
        self._after_cr = False

    def _read_line(self, echo: bool) -> str | None:
        """One line as typed (CR, LF or CRLF ends it; backspace edits); None at end of input."""
        line = bytearray()
        while True:
            if not self._pending:
                self._pending = self.term.read()
                if not self._pending:
                    return None
            byte, self._pending = self._pending[:1], self._pending[1:]
            if byte == b"\n" and self._after_cr:
                self._after_cr = False
                continue
            self._after_cr = byte == b"\r"
            if byte in (b"\r", b"\n"):
                self.term.write(b"\n")
                return line.decode("utf-8", errors="replace")
            if byte in (b"\x7f", b"\x08"):
                if line:
                    line = line[:-1]
                    if echo:
                        self.term.write(b"\x08 \x08")
                continue
            if byte == b"\x03":  # Ctrl+C drops the line, as on the devices
                line.clear()
                continue
            line += byte
            if echo:
                self.term.write(byte)

    def _wait_key(self) -> bytes:
        if not self._pending:
            self._pending = self.term.read()
        key, self._pending = self._pending[:1], self._pending[1:]
        return key

    def _show(self, text: str, pace: float = 0.0) -> None:
        if not text:
            return
        if pace:
            for line in text.split("\n"):
                self.term.write(line.encode() + b"\n")
                time.sleep(pace)
            return
        if not (self.cli.paging and self.term.interactive):
            self.term.write(text.encode() + b"\n")
            return
        marker, erase = _PAGER[self.style]
        screens = paged(text)
        for number, screen in enumerate(screens):
            self.term.write(screen.encode() + b"\n")
            if number + 1 < len(screens):
                self.term.write(marker)
                key = self._wait_key()
                self.term.write(erase)
                if key in (b"q", b"Q", b"\x03", b""):
                    return

    def run(self) -> int:
        self.term.write(b"\nInfo: The max number of VTY users is 10, and the number of current VTY users on line is 1.\n"
                        if self.style == "vrp" else b"\n")
        echo = True
        while True:
            self.term.write(b"\n" + self.cli.prompt().encode() if echo else b"")
            line = self._read_line(echo and self.term.interactive)
            if line is None:
                return 0
            if echo:
                self.log(line)
            reply: Reply = self.cli.handle(line)
            self._show(reply.text, reply.pace)
            if reply.close:
                return 0
            echo = not reply.ask_password
            if not echo:
                self.term.write(b" ")


def _run_one(cli: VendorCli, command: str) -> int:
    cli.paging = False
    reply = cli.handle(command)
    sys.stdout.write(reply.text + "\n")
    sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    spec = DeviceSpec(args.vendor, args.hostname, args.ports, args.used_ports, parse_weaknesses(args.weak), args.clock_offset)
    secret = Path(args.enable_secret_file).read_text().strip() if args.enable_secret_file else None
    cli = VendorCli(spec, enable_secret=secret)

    def log(line: str) -> None:
        if args.log:
            with open(args.log, "a", encoding="utf-8") as out:
                out.write(line + "\n")

    original = os.environ.get("SSH_ORIGINAL_COMMAND", "").strip()
    if original:
        log(original)
        return _run_one(cli, original)
    with Terminal() as terminal:
        return Shell(cli, terminal, log).run()


if __name__ == "__main__":
    sys.exit(main())
