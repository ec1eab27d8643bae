"""Turning untrusted text (a CSV row, a YAML entry, a form) into inventory objects.

Every problem is reported as a :class:`FieldProblem` naming the column and the reason, so that an
import can list all the problems of a row at once instead of stopping at the first.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from egovops.i18n import tr
from egovops.inventory.model import Device, DeviceRole
from egovops.inventory.sites import normalise_path

DEVICE_COLUMNS = (
    "name",
    "address",
    "snmp_port",
    "ssh_port",
    "network",
    "site",
    "vendor",
    "model",
    "role",
    "security_domain",
    "protection_level",
    "owner_unit",
    "contact",
    "credential_profile",
    "tags",
)
REQUIRED_COLUMNS = ("name", "address", "network", "site")
TAG_SEPARATOR = ";"
_HOSTNAME = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
_NETWORK_NAME = re.compile(r"^(intranet|extranet|private:\S.*)$")


# Longest values a column may hold: the store's columns, and what an operator can read in a table.
MAX_NAME = 64
MAX_SITE = 500
MAX_FIELD = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class FieldProblem:
    column: str
    reason: str


def check_address(text: str) -> str:
    """An IP address or a DNS host name, as given; raises ValueError otherwise."""
    value = text.strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        if _HOSTNAME.match(value) and not value.replace(".", "").isdigit():
            return value
    raise ValueError(tr("invalid address {value!r}", value=text))


def check_port(text: str, default: int) -> int:
    if not text.strip():
        return default
    try:
        port = int(text.strip())
    except ValueError:
        raise ValueError(tr("port {value!r} is not a number", value=text)) from None
    if not 1 <= port <= 65535:
        raise ValueError(tr("port {value} is outside 1-65535", value=port))
    return port


def check_protection_level(text: str) -> int | None:
    if not text.strip():
        return None
    try:
        level = int(text.strip())
    except ValueError:
        raise ValueError(tr("protection level {value!r} is not a number", value=text)) from None
    if not 1 <= level <= 4:
        raise ValueError(tr("protection level {value} is outside 1-4", value=level))
    return level


def check_role(text: str) -> DeviceRole:
    if not text.strip():
        return DeviceRole.OTHER
    try:
        return DeviceRole(text.strip().lower())
    except ValueError:
        choices = ", ".join(role.value for role in DeviceRole)
        raise ValueError(tr("unknown role {value!r} (one of: {choices})", value=text, choices=choices)) from None


def check_network_name(text: str) -> str:
    value = text.strip()
    if not _NETWORK_NAME.match(value):
        raise ValueError(tr("network {value!r} is not intranet, extranet or private:<name>", value=text))
    return value


def check_cidrs(values: Iterable[object]) -> tuple[str, ...]:
    """A network's address ranges in canonical form; raises ValueError naming a bad one."""
    return tuple(str(ipaddress.ip_network(str(v).strip(), strict=False)) for v in values)


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in text.split(TAG_SEPARATOR) if tag.strip())


def check_device_name(text: str) -> str:
    """A device name names its files in a run's folder and its configuration history: no path
    separators, no "." or ".." and no leading dot (``..`` once wrote outside the run's folder)."""
    name = text.strip()
    if "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(tr("{name!r} cannot be a device name: no '/', '\\' or leading '.'", name=name))
    return name


def text_problems(row: Mapping[str, str]) -> list[FieldProblem]:
    """Control characters (NUL, newlines, escapes) and over-long values in any field: they break
    tables, exports and file names, and no inventory value needs them."""
    problems = []
    for column, value in row.items():
        if not isinstance(value, str):
            continue
        if _CONTROL.search(value):
            problems.append(FieldProblem(column, tr("contains a control character (such as NUL or a line break)")))
            continue
        limit = MAX_NAME if column == "name" else MAX_SITE if column == "site" else MAX_FIELD
        if len(value.strip()) > limit:
            problems.append(FieldProblem(column,
                                         tr("is {n} characters long; at most {limit} are allowed", n=len(value.strip()),
                                            limit=limit)))
    return problems


def device_from_row(row: Mapping[str, str], known_networks: set[str]) -> Device | list[FieldProblem]:
    """A Device from a row of text fields, or every problem found in the row."""
    problems: list[FieldProblem] = text_problems(row)
    values: dict[str, object] = {}

    def take(column: str, check: object) -> None:
        try:
            values[column] = check(row.get(column, "") or "")  # type: ignore[operator]
        except ValueError as exc:
            problems.append(FieldProblem(column, str(exc)))

    for column in REQUIRED_COLUMNS:
        if not (row.get(column) or "").strip():
            problems.append(FieldProblem(column, tr("required value is empty")))
    if (row.get("name") or "").strip():
        take("name", check_device_name)
    if (row.get("address") or "").strip():
        take("address", check_address)
    take("snmp_port", lambda t: check_port(t, 161))
    take("ssh_port", lambda t: check_port(t, 22))
    take("role", check_role)
    take("protection_level", check_protection_level)
    if (row.get("site") or "").strip():
        take("site", normalise_path)
    network = (row.get("network") or "").strip()
    if network and network not in known_networks:
        problems.append(FieldProblem("network", tr("unknown network {value!r}", value=network)))
    if problems:
        return problems
    return Device(
        name=row["name"].strip(),
        address=str(values["address"]),
        network=network,
        site=str(values["site"]),
        role=values["role"],  # type: ignore[arg-type]
        snmp_port=int(values["snmp_port"]),  # type: ignore[call-overload]
        ssh_port=int(values["ssh_port"]),  # type: ignore[call-overload]
        vendor=(row.get("vendor") or "").strip(),
        model=(row.get("model") or "").strip(),
        security_domain=(row.get("security_domain") or "").strip(),
        protection_level=values["protection_level"],  # type: ignore[arg-type]
        owner_unit=(row.get("owner_unit") or "").strip(),
        contact=(row.get("contact") or "").strip(),
        credential_profile=(row.get("credential_profile") or "").strip(),
        tags=split_tags(row.get("tags") or ""),
    )


def device_to_row(device: Device) -> dict[str, str]:
    """The inverse of :func:`device_from_row`, for exports."""
    level = device.protection_level
    return {
        "name": device.name,
        "address": device.address,
        "snmp_port": str(device.snmp_port),
        "ssh_port": str(device.ssh_port),
        "network": device.network,
        "site": device.site,
        "vendor": device.vendor,
        "model": device.model,
        "role": device.role.value,
        "security_domain": device.security_domain,
        "protection_level": "" if level is None else str(level),
        "owner_unit": device.owner_unit,
        "contact": device.contact,
        "credential_profile": device.credential_profile,
        "tags": TAG_SEPARATOR.join(device.tags),
    }
