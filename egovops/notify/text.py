"""How notification settings are typed, the same at the command line and in the console."""

from __future__ import annotations

from egovops.errors import ValidationError
from egovops.i18n import tr


def pairs(items: list[str] | tuple[str, ...], what: str) -> dict[str, str]:
    """``["mail=a@b", "sms=138…"]`` → ``{"mail": "a@b", "sms": "138…"}``."""
    found = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError(tr("{what} must look like NAME=VALUE, not {item!r}", what=what, item=item))
        found[key.strip()] = value.strip()
    return found


def names(text: str) -> tuple[str, ...]:
    """``"a, b,,c"`` → ``("a", "b", "c")``."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def levels(text: str) -> tuple[tuple[str, ...], ...]:
    """``"oncall | oncall:2 | li, wang"`` → each level's recipients, in order."""
    return tuple(level for level in (names(part) for part in text.split("|")) if level)
