"""A procedure's manifest: what it is, how risky, which parameters, which targets.

The manifest is a YAML file next to the plugin's code (``manifest.yaml`` in its package) and is
validated before that code is imported, so a broken or dangerous-looking plugin is reported by
what it declares without running any of it. Every problem in a manifest is reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping

from egovops.errors import ValidationError
from egovops.i18n import language, tr
from egovops.inventory.model import DeviceRole
from egovops.procedures.parameters import ParameterSpec, parse_parameter

API_VERSION = 1
_ID = re.compile(r"^[a-z][a-z0-9-]{1,62}$")
_VERSION = re.compile(r"^\d+(\.\d+){0,2}([.-]?[a-z0-9]+)?$")
KNOWN_VENDORS = ("huawei", "h3c", "ruijie", "zte", "cisco", "linux")


CONNECTIONS = ("ssh", "snmp")


class Risk(str, Enum):
    READ_ONLY = "read-only"
    CHANGES_CONFIG = "changes-config"
    DISRUPTIVE = "disruptive"


class ManifestError(ValidationError):
    """A manifest that cannot be accepted; the message lists every problem found."""


@dataclass(frozen=True)
class TargetFilter:
    """Which devices a procedure is meant for; empty means any."""

    vendors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()  # network names, or kinds: intranet, extranet, private

    def refusal(self, vendor: str, role: str, network: str) -> str | None:
        """Why a device with these attributes is not a target, or None if it is."""
        if self.vendors and vendor.lower() not in self.vendors:
            return tr("vendor {vendor!r} is not supported (supported: {allowed})", vendor=vendor or "?", allowed=", ".join(self.vendors))
        if self.roles and role not in self.roles:
            return tr("role {role} is not among {allowed}", role=role, allowed=", ".join(self.roles))
        kind = network.split(":", 1)[0]
        if self.networks and network not in self.networks and kind not in self.networks:
            return tr("network {network} is not among {allowed}", network=network, allowed=", ".join(self.networks))
        return None


@dataclass(frozen=True)
class Manifest:
    id: str
    version: str
    names: Mapping[str, str]  # "en" and "zh_CN"
    descriptions: Mapping[str, str]
    risk: Risk
    parameters: tuple[ParameterSpec, ...] = ()
    targets: TargetFilter = field(default_factory=TargetFilter)
    timeout: float = 120.0  # per target, seconds
    max_concurrency: int | None = None
    # What the procedure talks to devices with. The runner fetches SSH host keys before a run (to
    # ask about unknown ones once) only for procedures that may use SSH; unsaid means both.
    connects: tuple[str, ...] = CONNECTIONS

    def name(self, lang: str | None = None) -> str:
        return self.names.get(lang or language()) or self.names["en"]

    def description(self, lang: str | None = None) -> str:
        return self.descriptions.get(lang or language()) or self.descriptions.get("en", "")


def _texts(data: Mapping[str, Any], key: str, problems: list[str], required: bool) -> dict[str, str]:
    value = data.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(value.get(lang), str) and value.get(lang).strip() for lang in ("en", "zh_CN")):
        problems.append(tr("{key} needs non-empty 'en' and 'zh_CN' texts", key=key))
        return {}
    return {str(k): str(v) for k, v in value.items()}


def _names(value: Any, key: str, allowed: tuple[str, ...] | None, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(tr("targets.{key} must be a list of names", key=key))
        return ()
    cleaned = tuple(v.strip().lower() if key != "networks" else v.strip() for v in value)
    if allowed is not None:
        for bad in (v for v in cleaned if v not in allowed):
            problems.append(tr("targets.{key}: {value!r} is not one of {allowed}", key=key, value=bad, allowed=", ".join(allowed)))
    return cleaned


def _target_filter(data: Any, problems: list[str]) -> TargetFilter:
    if data is None:
        return TargetFilter()
    if not isinstance(data, Mapping):
        problems.append(tr("targets must be a mapping of vendors, roles and networks"))
        return TargetFilter()
    for unknown in set(data) - {"vendors", "roles", "networks"}:
        problems.append(tr("targets: unknown key {key!r}", key=unknown))
    return TargetFilter(
        _names(data.get("vendors"), "vendors", KNOWN_VENDORS, problems),
        _names(data.get("roles"), "roles", tuple(r.value for r in DeviceRole), problems),
        _names(data.get("networks"), "networks", None, problems),
    )


def _parameters(data: Any, problems: list[str]) -> tuple[ParameterSpec, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(tr("parameters must be a list"))
        return ()
    specs: list[ParameterSpec] = []
    for index, item in enumerate(data):
        try:
            specs.append(parse_parameter(item))
        except ValidationError as exc:
            problems.append(tr("parameter {n}: {error}", n=index + 1, error=str(exc)))
    names = [s.name for s in specs]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.append(tr("parameter {name!r} is declared twice", name=dup))
    return tuple(specs)


def _number(data: Mapping[str, Any], key: str, default: float | None, low: float, high: float, problems: list[str]) -> float | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        problems.append(tr("{key} must be a number from {low} to {high}", key=key, low=low, high=high))
        return default
    return value


def parse_manifest(data: Any, source: str) -> Manifest:
    """A validated manifest, or ManifestError naming ``source`` and every problem in it."""
    if not isinstance(data, Mapping):
        raise ManifestError(tr("manifest {source}: not a YAML mapping", source=source))
    problems: list[str] = []
    ident = data.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        problems.append(tr("id must be lower-case letters, digits and '-' (got {value!r})", value=ident))
    version = str(data.get("version", ""))
    if not _VERSION.match(version):
        problems.append(tr("version {value!r} is not a version number like 1.2.0", value=version))
    api = data.get("api", API_VERSION)
    if api != API_VERSION:
        problems.append(tr("api {value!r} is not supported (this egovops offers api {api})", value=api, api=API_VERSION))
    try:
        risk = Risk(data.get("risk"))
    except ValueError:
        problems.append(tr("risk must be one of {choices}", choices=", ".join(r.value for r in Risk)))
        risk = Risk.DISRUPTIVE
    names = _texts(data, "name", problems, required=True)
    descriptions = _texts(data, "description", problems, required=False)
    parameters = _parameters(data.get("parameters"), problems)
    targets = _target_filter(data.get("targets"), problems)
    timeout = _number(data, "timeout", 120.0, 1, 3600, problems)
    concurrency = _number(data, "max_concurrency", None, 1, 1000, problems)
    connects = _connects(data.get("connects", list(CONNECTIONS)), problems)
    known = {"id", "version", "api", "risk", "name", "description", "parameters", "targets", "timeout", "max_concurrency", "connects"}
    problems += [tr("unknown key {key!r}", key=k) for k in sorted(set(map(str, data)) - known)]
    if problems:
        raise ManifestError(tr("manifest {source}: {problems}", source=source, problems="; ".join(problems)))
    return Manifest(
        id=ident, version=version, names=names, descriptions=descriptions, risk=risk, parameters=parameters,  # type: ignore[arg-type]
        targets=targets, timeout=float(timeout or 120.0), max_concurrency=int(concurrency) if concurrency else None,
        connects=connects,
    )


def _connects(value: Any, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or any(v not in CONNECTIONS for v in value):
        problems.append(tr("connects must be a non-empty list of {choices}", choices=", ".join(CONNECTIONS)))
        return CONNECTIONS
    return tuple(value)
