"""Vendor, OS and model from sysObjectID and sysDescr, by the table in resources/vendors/identify.yaml.

The table is data so that a maintainer adds a vendor or a model without touching code.
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
    model: str = ""
    model_from_entity: bool = True  # whether the ENTITY-MIB chassis may still supply the model


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
            extra = found.groupdict().get("version")
            return f"{value} {extra}" if extra else value
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
        model_from_entity=rule.model_from_entity,
    )


def clean_entity_model(vendor: str, model: str, rules: list[VendorRule] | None = None) -> str:
    """A chassis model from ENTITY-MIB without the vendor prefix some agents put in front."""
    rules = vendor_rules() if rules is None else rules
    for rule in rules:
        if rule.vendor == vendor and rule.strip_model_prefix and model.startswith(rule.strip_model_prefix):
            return model[len(rule.strip_model_prefix):].strip()
    return re.sub(r"\s+chassis$", "", re.sub(r"^(?i:huawei)\s+", "", model)).strip()
