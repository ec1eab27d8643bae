"""Vendor, OS, model and version from sysObjectID and sysDescr, and the model and serial number
from the ENTITY-MIB chassis, by the table in resources/vendors/identify.yaml.

The table is data so that a maintainer adds a vendor or fixes a model or version rule without
touching code. sysDescr often names a software image family ("C3560") or a part number
("LSQ1WCMD0") rather than the product: such patterns are listed as ``family`` and give the model
only when the chassis entity gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from egovops.errors import ValidationError


@dataclass(frozen=True)
class Identity:
    vendor: str = ""
    os: str = ""
    model: str = ""  # a sure model (sysObjectID table, a product name in sysDescr)
    version: str = ""
    family: str = ""  # sysDescr's image family or part number: the model only if the chassis says nothing
    model_from_entity: bool = True  # whether the ENTITY-MIB chassis may supply the model
    entity_first: bool = False  # the chassis's model wins even over a sure one (Cisco: sysObjectIDs name families)
    serial_oids: tuple[str, ...] = ()  # the vendor's own serial number objects, for devices without ENTITY-MIB


@dataclass(frozen=True)
class VendorRule:
    vendor: str
    enterprises: tuple[str, ...]
    descr: tuple[re.Pattern[str], ...]
    models: dict[str, str] = field(default_factory=dict)
    model: tuple[re.Pattern[str], ...] = ()
    os: tuple[re.Pattern[str], ...] = ()
    default_os: str = ""
    strip_model_prefix: str = ""
    model_from_entity: bool = True
    family: tuple[re.Pattern[str], ...] = ()
    version: tuple[re.Pattern[str], ...] = ()
    entity_first: bool = False
    part_number: tuple[re.Pattern[str], ...] = ()
    entity_clean: tuple[re.Pattern[str], ...] = ()
    serial: tuple[str, ...] = ()

    def matches_oid(self, sys_object_id: str) -> bool:
        return any(sys_object_id == e or sys_object_id.startswith(e + ".") for e in self.enterprises)

    def matches_descr(self, sys_descr: str) -> bool:
        return any(p.search(sys_descr) for p in self.descr)


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in patterns)
    except re.error as exc:
        raise ValidationError(f"identify.yaml: bad regex in {where}: {exc}") from None


def parse_rules(data: dict[str, Any]) -> list[VendorRule]:
    rules = []
    for entry in data.get("vendors", []):
        name = entry["vendor"]
        rules.append(VendorRule(
            vendor=name,
            enterprises=tuple(str(e) for e in entry.get("enterprises", [])),
            descr=_compile(entry.get("descr", []), f"{name}.descr"),
            models={str(k): str(v) for k, v in (entry.get("models") or {}).items()},
            model=_compile(entry.get("model", []), f"{name}.model"),
            os=_compile(entry.get("os", []), f"{name}.os"),
            default_os=entry.get("default_os", ""),
            strip_model_prefix=entry.get("strip_model_prefix", ""),
            model_from_entity=entry.get("model_from_entity", True),
            family=_compile(entry.get("family", []), f"{name}.family"),
            version=_compile(entry.get("version", []), f"{name}.version"),
            entity_first=entry.get("entity_first", False),
            part_number=_compile(entry.get("part_number", []), f"{name}.part_number"),
            entity_clean=_compile(entry.get("entity_clean", []), f"{name}.entity_clean"),
            serial=tuple(str(o) for o in entry.get("serial", [])),
        ))
    return rules


@lru_cache(maxsize=1)
def vendor_rules() -> list[VendorRule]:
    text = resources.files("egovops_resources").joinpath("vendors", "identify.yaml").read_text("utf-8")
    return parse_rules(yaml.safe_load(text))


def _first_group(patterns: tuple[re.Pattern[str], ...], text: str, group: str) -> str:
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            value = found.group(group).strip()
            extra = found.groupdict().get("version") if group != "version" else found.groupdict().get("release")
            return f"{value} {extra}".strip() if extra else value
    return ""


def identify(sys_object_id: str, sys_descr: str, rules: list[VendorRule] | None = None) -> Identity:
    rules = vendor_rules() if rules is None else rules
    rule = next((r for r in rules if r.matches_oid(sys_object_id)), None)
    rule = rule or next((r for r in rules if r.matches_descr(sys_descr)), None)
    if rule is None:
        return Identity()
    model = rule.models.get(sys_object_id) or _first_group(rule.model, sys_descr, "model")
    return Identity(
        vendor=rule.vendor,
        os=_first_group(rule.os, sys_descr, "os") or rule.default_os,
        model=model,
        version=_first_group(rule.version, sys_descr, "version"),
        family=_first_group(rule.family, sys_descr, "model"),
        model_from_entity=rule.model_from_entity,
        entity_first=rule.entity_first,
        serial_oids=rule.serial,
    )


def _rule(vendor: str, rules: list[VendorRule] | None) -> VendorRule | None:
    return next((r for r in (vendor_rules() if rules is None else rules) if r.vendor == vendor), None)


def clean_entity_model(vendor: str, model: str, rules: list[VendorRule] | None = None) -> str:
    """A chassis model from ENTITY-MIB without the vendor prefix and suffix some agents put around it."""
    rule = _rule(vendor, rules)
    if rule is not None and rule.strip_model_prefix and model.startswith(rule.strip_model_prefix):
        model = model[len(rule.strip_model_prefix):]
    for pattern in rule.entity_clean if rule is not None else ():
        model = pattern.sub("", model)
    return re.sub(r"\s+(?i:chassis)$", "", re.sub(r"^(?i:huawei)\s+", "", model.strip())).strip()


def chassis_model(vendor: str, model_name: str, descr: str, name: str, rules: list[VendorRule] | None = None) -> str:
    """The model an ENTITY-MIB chassis row gives: entPhysicalModelName, unless it is empty or a part
    number (HP's "JE068A"), then entPhysicalDescr, then entPhysicalName."""
    rule = _rule(vendor, rules)
    parts = rule.part_number if rule is not None else ()
    for value in (model_name, descr, name):
        value = value.strip()
        if value and not value.isdigit() and not any(p.fullmatch(value) for p in parts):
            return clean_entity_model(vendor, value, rules)
    return ""
