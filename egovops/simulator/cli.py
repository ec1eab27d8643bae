"""The emulated command line: one command in, its output out, the way each vendor's CLI answers.

Pure Python without I/O, so procedures can be tested on it directly and the login shell
(``egovops.simulator.shell``) only adds the terminal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from egovops.simulator.naming import interface_name
from egovops.simulator.config_ios import ios_config
from egovops.simulator.config_vrp import h3c_config, huawei_config
from egovops.simulator.spec import DeviceSpec

VRP_LIKE = ("huawei", "h3c")
PAGE_LINES = 24  # lines per screen while paging is on


@dataclass
class Reply:
    text: str
    close: bool = False  # the device ends the session (quit in user view)
    ask_password: bool = False  # the next line typed is a password and is not echoed
    pace: float = 0.0  # seconds between output lines (ping answers once a second)


@dataclass
class VendorCli:
    spec: DeviceSpec
    enable_secret: str | None = None  # None: already privileged after login
    paging: bool = True
    privileged: bool = field(init=False)
    system_view: bool = field(default=False, init=False)
    saved: bool = field(default=True, init=False)
    _pending: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.privileged = self.enable_secret is None

    @property
    def vendor(self) -> str:
        return self.spec.vendor

    def prompt(self) -> str:
        name = self.spec.hostname
        if self.vendor in VRP_LIKE:
            return f"[{name}]" if self.system_view else f"<{name}>"
        if self.system_view:
            return f"{name}(config)#"
        return f"{name}#" if self.privileged else f"{name}>"

    def running_config(self) -> str:
        if self.vendor == "huawei":
            return huawei_config(self.spec)
        if self.vendor == "h3c":
            return h3c_config(self.spec)
        return ios_config(self.spec)

    # --- errors as each CLI prints them ----------------------------------------------------------
    def _unknown(self, command: str) -> str:
        if self.vendor == "huawei":
            return "              ^\nError: Unrecognized command found at '^' position."
        if self.vendor == "h3c":
            return "              ^\n % Unrecognized command found at '^' position."
        if self.vendor == "zte":
            return "%Error 20200: Invalid input detected at '^' marker."
        return "              ^\n% Invalid input detected at '^' marker."

    # --- dispatch --------------------------------------------------------------------------------
    def handle(self, line: str) -> Reply:
        if self._pending is not None:
            return self._password(line)
        words = line.split()
        if not words:
            return Reply("")
        command = " ".join(words).lower()
        if self.vendor in VRP_LIKE:
            return self._vrp(command, line)
        return self._ios(command, line)

    def _password(self, line: str) -> Reply:
        self._pending = None
        if self.enable_secret is not None and line == self.enable_secret:
            self.privileged = True
            return Reply("")
        return Reply("% Access denied" if self.vendor not in VRP_LIKE else "Error: Password is wrong.")

    def _vrp(self, command: str, line: str) -> Reply:
        if command == "screen-length disable" and self.vendor == "h3c":
            self.paging = False
            return Reply("")
        if command == "undo screen-length disable" and self.vendor == "h3c":
            self.paging = True
            return Reply("")
        if _is_screen_length(command, "screen-length", "temporary") and self.vendor == "huawei":
            self.paging = command.split()[1] != "0"
            return Reply("Info: The configuration takes effect on the current user terminal interface only.")
        if command.startswith("ping"):
            return self._ping(command)
        if command in ("display current-configuration", "dis cur", "display cur"):
            return Reply(self.running_config())
        if command == "display version":
            return Reply(self._version())
        if command == "display clock":
            return Reply(self._clock())
        if command == "display interface brief":
            return Reply(self._interfaces())
        if command == "super":
            if self.enable_secret is None or self.privileged:
                return Reply("Info: The user privilege level is already the highest.")
            self._pending = command
            return Reply("Password:", ask_password=True)
        if command in ("system-view", "sys"):
            self.system_view = True
            return Reply("Enter system view, return user view with return command." if self.vendor == "huawei"
                         else "System View: return to User View with Ctrl+Z.")
        if command in ("return", "quit") and self.system_view:
            self.system_view = False
            return Reply("")
        if command == "quit":
            return Reply("", close=True)
        if command.startswith("save"):
            self.saved = True
            return Reply("The current configuration will be written to the device.\n"
                         "Info: Save the configuration successfully.")
        return Reply(self._unknown(line))

    def _ios(self, command: str, line: str) -> Reply:
        if _is_screen_length(command, "terminal length", "") or _is_screen_length(command, "term len", ""):
            self.paging = command.split()[-1] != "0"
            return Reply("")
        if command.startswith("ping"):
            return self._ping(command)
        if command == "enable":
            if self.privileged:
                return Reply("")
            self._pending = command
            return Reply("Password:", ask_password=True)
        if command in ("exit", "quit", "logout"):
            if self.system_view:
                self.system_view = False
                return Reply("")
            return Reply("", close=True)
        if command == "show version":
            return Reply(self._version())
        if command == "show clock":
            return Reply(self._clock())
        if command in ("show ip interface brief", "show interface brief"):
            return Reply(self._interfaces())
        if not self.privileged:
            return Reply(self._unknown(line))
        if command in ("show running-config", "show run", "sh run"):
            return Reply(self.running_config())
        if command in ("configure terminal", "conf t"):
            self.system_view = True
            return Reply("Enter configuration commands, one per line.  End with CNTL/Z.")
        if command in ("end",) and self.system_view:
            self.system_view = False
            return Reply("")
        if command in ("write memory", "write", "wr", "copy running-config startup-config"):
            self.saved = True
            return Reply("Building configuration...\n[OK]")
        return Reply(self._unknown(line))

    def _ping(self, command: str) -> Reply:
        """Echo replies, one a second, as the device prints them (no packet is sent)."""
        words = command.split()
        count = int(words[words.index("-c") + 1]) if "-c" in words else int(words[words.index("repeat") + 1]) if "repeat" in words else 5
        target = next((w for w in words[1:] if "." in w or ":" in w), "127.0.0.1")
        lines = [f"  PING {target}: 56  data bytes, press CTRL_C to break"]
        lines += [f"    Reply from {target}: bytes=56 Sequence={i} ttl=255 time=1 ms" for i in range(1, count + 1)]
        return Reply("\n".join(lines), pace=1.0)

    # --- show/display outputs --------------------------------------------------------------------
    def _version(self) -> str:
        if self.vendor == "huawei":
            return ("Huawei Versatile Routing Platform Software\nVRP (R) software, Version 5.170 (S5735 V200R019C10SPC500)\n"
                    f"Copyright (C) 2000-2020 HUAWEI TECH CO., LTD\nHUAWEI S5735-L48T4X-A1 Routing Switch uptime is 12 days")
        if self.vendor == "h3c":
            return ("H3C Comware Software, Version 7.1.064, Release 0821P11\nCopyright (c) 2004-2021 New H3C Technologies Co., Ltd.\n"
                    "H3C S5560X-54C-EI uptime is 0 weeks, 5 days")
        if self.vendor == "ruijie":
            return "System description      : Ruijie Full Gigabit Security & Intelligence Access Switch(S2910-24GT4XS-E)\nSystem software version : S2910_RGOS 11.4(1)B12"
        if self.vendor == "zte":
            return "ZTE Corporation\nZXR10 5960-56QU-HI Software, Version: ZXROS V4.08.23"
        return f"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4\n{self.spec.hostname} uptime is 12 days"

    def now(self) -> float:
        return time.time() + self.spec.clock_offset

    def _clock(self) -> str:
        beijing = self.now() + 8 * 3600  # devices here run on Beijing time (clock timezone BJ add 08:00:00)
        stamp = time.gmtime(beijing)
        if self.vendor in VRP_LIKE:
            return time.strftime("%Y-%m-%d %H:%M:%S+08:00\n%A\nTime Zone(BJ) : UTC+08:00", stamp)
        millis = int((beijing % 1) * 1000)
        return time.strftime(f"*%H:%M:%S.{millis:03d} BJ %a %b %d %Y", stamp)

    def _interfaces(self) -> str:
        rows = ["Interface                         PHY   Protocol"]
        for n in range(1, self.spec.ports + 1):
            up = n <= self.spec.used_ports
            state = "up" if up else ("down" if self.spec.weak("unused-ports-up") else "*down")
            rows.append(f"{interface_name(self.vendor, n):<34}{state:<6}{'up' if up else 'down'}")
        return "\n".join(rows)


def _is_screen_length(command: str, head: str, tail: str) -> bool:
    rest = command[len(head):].strip() if command.startswith(head) else ""
    if tail:
        rest = rest[: -len(tail)].strip() if rest.endswith(tail) else ""
    return rest.isdigit()


def paged(text: str, page_lines: int = PAGE_LINES) -> list[str]:
    """Screens of output as a pager shows them."""
    lines = text.split("\n")
    return ["\n".join(lines[i:i + page_lines]) for i in range(0, len(lines), page_lines)] or [""]
