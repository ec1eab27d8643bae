"""Choosing target devices: ``--targets`` selectors such as ``vendor:huawei,role:core site:安徽省/合肥市``.

Clauses are separated by commas or spaces and written ``key:value``; a bare word is a device name.
Clauses with the same key are alternatives (OR), clauses with different keys must all hold (AND):
``vendor:huawei,vendor:h3c network:intranet`` is every Huawei or H3C device on the intranet.
Names accept shell wildcards (``HF-*``); ``site:`` takes a path and includes everything under it;
``network:`` takes a network name or kind (intranet, extranet, private); ``all`` selects everything.

``vendor:`` matches the inventory's vendor, or where the operator left it empty the vendor polling
identified: callers pass devices through ``egovops.polling.discovered.known_devices``.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Device
from egovops.inventory.sites import normalise_path

KEYS = ("name", "site", "network", "role", "vendor", "tag")


def _site_match(device: Device, value: str) -> bool:
    prefix = normalise_path(value)
    return device.site == prefix or device.site.startswith(prefix + "/")


_MATCHERS: Mapping[str, Callable[[Device, str], bool]] = {
    "name": lambda d, v: fnmatch.fnmatchcase(d.name, v),
    "site": _site_match,
    "network": lambda d, v: d.network == v or d.network.split(":", 1)[0] == v,
    "role": lambda d, v: d.role.value == v.lower(),
    "vendor": lambda d, v: d.vendor.lower() == v.lower(),
    "tag": lambda d, v: v in d.tags,
}


@dataclass(frozen=True)
class Selector:
    text: str
    clauses: Mapping[str, tuple[str, ...]]  # empty: every device

    def matches(self, device: Device) -> bool:
        return all(any(_MATCHERS[key](device, v) for v in values) for key, values in self.clauses.items())


def parse_selector(text: str) -> Selector:
    words = [w for w in re.split(r"[,\s]+", text.strip()) if w]
    if not words:
        raise ValidationError(tr("the target selector is empty; use e.g. vendor:huawei, site:PATH or all"))
    clauses: dict[str, list[str]] = {}
    for word in words:
        if word in ("all", "*"):
            continue
        key, sep, value = word.partition(":")
        if not sep:
            key, value = "name", word
        if key not in KEYS:
            raise ValidationError(tr("target selector {word!r}: unknown key {key!r} (use {keys})", word=word, key=key, keys=", ".join(KEYS)))
        if not value:
            raise ValidationError(tr("target selector {word!r} has no value", word=word))
        clauses.setdefault(key, []).append(value)
    return Selector(text, {k: tuple(v) for k, v in clauses.items()})


def select_devices(selector: Selector, devices: Iterable[Device]) -> list[Device]:
    chosen = [d for d in devices if selector.matches(d)]
    if not chosen:
        raise ValidationError(tr("target selector {text!r} matches no device in the inventory", text=selector.text))
    return chosen
