"""A collector's zone: the part of the inventory it serves, written as a selector.

``network=intranet site=安徽省/合肥市 tag=core``: clauses separated by spaces or commas, each
``key=value`` (``key:value`` is accepted too, as in procedure selectors) with key ``network``,
``site`` or ``tag``. Clauses with the same key are alternatives, clauses with different keys must
all hold. A bare ``intranet``, ``extranet`` or ``private:NAME`` is a network; a bare word with a
``/`` is a site. ``site`` takes a subtree (the site and everything under it); ``network`` takes a
kind (``intranet``, ``extranet``, ``private``) or a network's name. Empty (or ``all``) is the
whole inventory.

The matching is the procedure selector's (``egovops.procedures.selector``), so a zone and a
``--targets`` of the same words choose the same devices; the grammar is narrower on purpose: a zone
follows the network's physical partition (which network, which region), never a vendor or a name
pattern that changes with an inventory edit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Device, NetworkKind
from egovops.inventory.sites import normalise_path
from egovops.procedures.selector import Selector

KEYS = ("network", "site", "tag")
_KINDS = {k.value for k in NetworkKind}


@dataclass(frozen=True)
class Zone:
    # Canonical (keys in KEYS order, values sorted, key=value): the collectors row shows it, and the
    # leases' fair share and the schedule's claims compare it, so "intranet" and "network=intranet"
    # are one zone, not two that would each run the nightly backup.
    text: str
    clauses: Mapping[str, tuple[str, ...]]

    def matches(self, device: Device) -> bool:
        return Selector(self.text, self.clauses).matches(device)

    def __call__(self, device: Device) -> bool:  # the Poller's zone predicate
        return self.matches(device)

    @property
    def everything(self) -> bool:
        return not self.clauses


def _clause(word: str) -> tuple[str, str]:
    key, sep, value = word.partition("=")
    if not sep:
        key, sep, value = word.partition(":")
        if sep and key not in KEYS:  # private:NAME is a network, not a key
            key, value, sep = "", word, ""
    if not sep:
        if word in _KINDS or word.startswith("private:"):
            return "network", word
        if "/" in word:
            return "site", word
        raise ValidationError(tr("zone {word!r}: write it as key=value with key {keys}",
                                 word=word, keys=", ".join(KEYS)))
    if key not in KEYS:
        raise ValidationError(tr("zone {word!r}: unknown key {key!r} (use {keys})", word=word, key=key,
                                 keys=", ".join(KEYS)))
    if not value:
        raise ValidationError(tr("zone {word!r} has no value", word=word))
    return key, value


def _check(key: str, value: str) -> str:
    if key == "network" and value not in _KINDS and not value.startswith("private:"):
        raise ValidationError(tr("zone network {value!r} is not intranet, extranet, private or private:NAME",
                                 value=value))
    if key == "site":
        try:
            return normalise_path(value)
        except ValueError as exc:
            raise ValidationError(tr("zone site: {reason}", reason=str(exc))) from None
    return value


def parse_zone(text: str | None) -> Zone:
    """The zone a selector describes; ``ValidationError`` (one line) for anything it cannot mean."""
    words = [w for w in re.split(r"[,\s]+", (text or "").strip()) if w]
    clauses: dict[str, list[str]] = {}
    for word in words:
        if word in ("all", "*"):
            continue
        key, value = _clause(word)
        clauses.setdefault(key, []).append(_check(key, value))
    ordered = {k: tuple(sorted(set(clauses[k]))) for k in KEYS if k in clauses}
    return Zone(" ".join(f"{k}={v}" for k, values in ordered.items() for v in values), ordered)
