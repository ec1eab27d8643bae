"""Configuration drift between a production device and its DR peer, from their stored backups.

A DR peer is meant to carry the same configuration, except what names the box itself: its host
name (sysname/hostname) and the comment lines a vendor writes at the top (build, time of saving).
Those lines are left out of the comparison; everything else that differs is drift.
"""

from __future__ import annotations

import difflib
import re

from egovops.dr.model import Drift
from egovops.storage.procedures_repo import ConfigVersion

# Lines that are the device's identity or the vendor's noise, not its configuration.
_IGNORED = re.compile(r"^\s*(sysname|hostname)\b|^\s*(!|#)|^\s*$|^\s*(Building configuration|Current configuration)",
                      re.IGNORECASE)


def compared_lines(text: str) -> list[str]:
    return [line.rstrip() + "\n" for line in text.splitlines() if not _IGNORED.match(line)]


def drift(device: str, peer: str, mine: ConfigVersion | None, theirs: ConfigVersion | None) -> Drift:
    if mine is None or theirs is None:
        return Drift(device, peer, mine.version if mine else None, theirs.version if theirs else None,
                     mine.taken_at if mine else None, theirs.taken_at if theirs else None, "", 0)
    lines = list(difflib.unified_diff(compared_lines(mine.text), compared_lines(theirs.text),
                                      f"{device} v{mine.version}", f"{peer} v{theirs.version}"))
    changed = sum(1 for line in lines if line[:1] in "+-" and not line.startswith(("+++", "---")))
    return Drift(device, peer, mine.version, theirs.version, mine.taken_at, theirs.taken_at, "".join(lines), changed)
