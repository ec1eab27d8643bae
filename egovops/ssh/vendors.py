"""What each vendor's CLI looks like to a program: prompts, paging, privilege, error replies.

Huawei VRP and H3C Comware share the ``<sysname>`` / ``[sysname]`` prompts and the ``---- More ----``
pager; Cisco IOS, Ruijie RGOS and ZTE ZXROS share the ``hostname>`` / ``hostname#`` prompts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters devices allow in a sysname/hostname (Chinese names included).
_NAME = rb"[^\s<>\[\]#>$]+"


@dataclass(frozen=True)
class VendorProfile:
    name: str
    # Matches the last line of the buffer when the device waits for a command; group 1 is its name.
    prompt: re.Pattern[bytes]
    # Paging off for this session only, so one command's output arrives whole.
    paging_off: str | None
    # The pager's prompt, in case paging could not be switched off (answered with a space).
    more: re.Pattern[bytes]
    # Command that raises privilege with the enable/super password, and how the raised prompt ends.
    elevate: str | None
    privileged_suffix: bytes | None
    # A line the CLI prints when it rejects a command.
    error: re.Pattern[str]
    # Command that prints the running configuration (the backup procedure uses it).
    show_running: str

    def rejection(self, output: str) -> str | None:
        """The CLI's error message if it rejected the command, else None.

        CLIs print a rejection right under the command (a caret line, then the message); looking
        only at the first lines keeps banners or log lines inside real output from matching.
        """
        found = self.error.search("\n".join(output.split("\n", 3)[:3]))
        return found.group(1).strip() if found else None

    def is_privileged(self, prompt_line: bytes) -> bool:
        return self.privileged_suffix is None or prompt_line.rstrip().endswith(self.privileged_suffix)


_VRP_PROMPT = re.compile(rb"(?:^|[\r\n])\s*(?:<|\[~?\*?)(" + _NAME + rb")(?:-[\w\-/.]+)?[>\]]\s?$")
_IOS_PROMPT = re.compile(rb"(?:^|[\r\n])(" + _NAME + rb")(?:\(config[^)]*\))?[>#]\s?$")
_MORE = re.compile(rb" *-{2,} *\(?More[^-\r\n]*-{2,} *$")
_VRP_ERROR = re.compile(r"^\s*(Error:.*|%\s*(?:Unrecognized|Incomplete|Too many|Wrong|Ambiguous).*)$", re.MULTILINE)
_IOS_ERROR = re.compile(r"^\s*(%\s*(?:Error|Invalid|Incomplete|Ambiguous|Unknown|Unrecognized).*)$", re.MULTILINE)

PROFILES: dict[str, VendorProfile] = {
    "huawei": VendorProfile("huawei", _VRP_PROMPT, "screen-length 0 temporary", _MORE, "super", None, _VRP_ERROR,
                            "display current-configuration"),
    "h3c": VendorProfile("h3c", _VRP_PROMPT, "screen-length disable", _MORE, "super", None, _VRP_ERROR,
                         "display current-configuration"),
    "cisco": VendorProfile("cisco", _IOS_PROMPT, "terminal length 0", _MORE, "enable", b"#", _IOS_ERROR,
                           "show running-config"),
    "ruijie": VendorProfile("ruijie", _IOS_PROMPT, "terminal length 0", _MORE, "enable", b"#", _IOS_ERROR,
                            "show running-config"),
    "zte": VendorProfile("zte", _IOS_PROMPT, "terminal length 0", _MORE, "enable", b"#", _IOS_ERROR,
                         "show running-config"),
}

# Servers and anything unknown: a POSIX shell prompt, no pager to switch off, no privilege step.
GENERIC = VendorProfile(
    "generic", re.compile(rb"(?:^|[\r\n])(?:[^\r\n]*?)(" + _NAME + rb")?[$#>%]\s?$"), None, _MORE, None, None,
    re.compile(r"(?!x)x"), "cat /etc/os-release",
)


def profile_for(vendor: str) -> VendorProfile:
    return PROFILES.get(vendor.lower().strip(), GENERIC)
