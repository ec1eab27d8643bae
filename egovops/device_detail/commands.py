"""Which CLI commands an operator may send from the device view: read-only ones, per vendor.

An operator (the lowest role) may only look: ``display``/``show`` and the diagnostics ping and
traceroute. Anything else (``system-view``, ``configure terminal``, ``reset``, ``reboot``…) needs
an engineer. The check is on the first word and accepts the abbreviations the vendor CLIs accept
(``dis`` for ``display``, ``sh`` for ``show``), never a command that merely starts with one of
those letters, and refuses a pipe into anything that writes (``| redirect``, ``> file``).
"""

from __future__ import annotations

import re

from egovops.accounts.roles import Role, require
from egovops.errors import ValidationError
from egovops.i18n import tr

WRITE_ROLE = Role.ENGINEER

# First word (full form) → the shortest abbreviation the CLI accepts for it.
_VRP = {"display": "dis", "ping": "ping", "tracert": "tracert"}
_IOS = {"show": "sh", "ping": "ping", "traceroute": "trace"}
_SHELL = {"uptime": "uptime", "uname": "uname", "df": "df", "free": "free", "hostname": "hostname", "ping": "ping"}
READ_ONLY = {"huawei": _VRP, "h3c": _VRP, "cisco": _IOS, "ruijie": _IOS, "zte": _IOS}

# Output filters that are still read-only; redirects and file writes are not.
_WRITING_FILTER = re.compile(r"\|\s*(redirect|tee|append|save)\b|>|\bfile\b", re.IGNORECASE)
_SHELL_META = re.compile(r"[;&|`$<>()\\]")


def verbs_for(vendor: str) -> dict[str, str]:
    return READ_ONLY.get(vendor.lower().strip(), _SHELL)


def is_read_only(command: str, vendor: str) -> bool:
    words = command.strip().split()
    if not words:
        return False
    verbs = verbs_for(vendor)
    first = words[0].lower()
    if verbs is _SHELL:
        # A server's login shell would run anything after ; or | — allow plain commands only.
        return first in verbs and not _SHELL_META.search(command)
    if _WRITING_FILTER.search(command):
        return False
    return any(full.startswith(first) and len(first) >= len(short) for full, short in verbs.items())


def check_command(command: str, vendor: str, role: Role, who: str) -> str:
    """The command, cleaned, if ``role`` may send it to a ``vendor`` device; else PermissionDenied."""
    cleaned = command.strip()
    if not cleaned:
        raise ValidationError(tr("type a command to send to the device"))
    if "\n" in cleaned or "\r" in cleaned:
        raise ValidationError(tr("send one command at a time: the command must not contain a line break"))
    if not is_read_only(cleaned, vendor):
        allowed = ", ".join(sorted(verbs_for(vendor)))
        require(role, WRITE_ROLE, tr("send '{command}' (not a read-only command; read-only ones start with {allowed})",
                                     command=cleaned, allowed=allowed), who)
    return cleaned
