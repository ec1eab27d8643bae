"""Typed procedure parameters: declared in the manifest, given as text on the command line.

A parameter marked ``secret`` is never written to the audit log or a log file (shown as ``***``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from egovops.errors import ValidationError
from egovops.i18n import language, tr

TYPES = ("string", "integer", "number", "boolean", "choice")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class ParameterSpec:
    name: str
    type: str
    default: Any = None
    required: bool = False
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    secret: bool = False
    labels: Mapping[str, str] = field(default_factory=dict)  # "en"/"zh_CN" names for a form; optional
    descriptions: Mapping[str, str] = field(default_factory=dict)

    def label(self, lang: str | None = None) -> str:
        return self.labels.get(lang or language()) or self.labels.get("en") or self.name

    def text(self, lang: str | None = None) -> str:
        """The description in ``lang``, else the English one."""
        return self.descriptions.get(lang or language()) or self.description


def _localised(name: str, key: str, value: Any) -> dict[str, str]:
    """A manifest text given either as one (English) string or as 'en' and 'zh_CN' texts."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, Mapping) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in ("en", "zh_CN")):
        return {str(k): str(v) for k, v in value.items()}
    raise ValidationError(tr("{name}: {key} must be a text or 'en' and 'zh_CN' texts", name=name, key=key))


def parse_parameter(data: Any) -> ParameterSpec:
    if not isinstance(data, Mapping):
        raise ValidationError(tr("a parameter must be a mapping with name and type"))
    name, kind = data.get("name"), data.get("type")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValidationError(tr("parameter name {name!r} must be lower-case letters, digits and '_'", name=name))
    if kind not in TYPES:
        raise ValidationError(tr("{name}: type {kind!r} is not one of {types}", name=name, kind=kind, types=", ".join(TYPES)))
    choices = tuple(str(c) for c in data.get("choices") or ())
    if kind == "choice" and not choices:
        raise ValidationError(tr("{name}: a choice parameter needs choices", name=name))
    descriptions = _localised(name, "description", data.get("description"))
    spec = ParameterSpec(
        name=name, type=kind, required=bool(data.get("required", False)), description=descriptions.get("en", ""),
        minimum=data.get("minimum"), maximum=data.get("maximum"), choices=choices, pattern=data.get("pattern"),
        secret=bool(data.get("secret", False)), labels=_localised(name, "label", data.get("label")),
        descriptions=descriptions,
    )
    if "default" in data and data["default"] is not None:
        spec = replace(spec, default=coerce(spec, data["default"]))
    return spec


def coerce(spec: ParameterSpec, raw: Any) -> Any:
    """The value of ``raw`` (text from the command line, or a YAML value) as the declared type."""
    text = str(raw).strip()
    try:
        if spec.type == "integer":
            value: Any = int(text)
        elif spec.type == "number":
            value = float(text)
        elif spec.type == "boolean":
            if isinstance(raw, bool):
                value = raw
            elif text.lower() in _TRUE | _FALSE:
                value = text.lower() in _TRUE
            else:
                raise ValueError(text)
        else:
            value = str(raw)
    except ValueError:
        raise ValidationError(tr("{name}: {value!r} is not a valid {kind}", name=spec.name, value=("***" if spec.secret else text), kind=spec.type)) from None
    _check_bounds(spec, value)
    return value


def _check_bounds(spec: ParameterSpec, value: Any) -> None:
    if spec.type in ("integer", "number"):
        if spec.minimum is not None and value < spec.minimum:
            raise ValidationError(tr("{name}: {value} is below the minimum {limit}", name=spec.name, value=value, limit=spec.minimum))
        if spec.maximum is not None and value > spec.maximum:
            raise ValidationError(tr("{name}: {value} is above the maximum {limit}", name=spec.name, value=value, limit=spec.maximum))
    if spec.type == "choice" and value not in spec.choices:
        raise ValidationError(tr("{name}: {value!r} is not one of {choices}", name=spec.name, value=value, choices=", ".join(spec.choices)))
    if spec.pattern and spec.type == "string" and not re.fullmatch(spec.pattern, value):
        shown = "***" if spec.secret else value
        raise ValidationError(tr("{name}: {value!r} does not match {pattern}", name=spec.name, value=shown, pattern=spec.pattern))


def resolve_parameters(specs: tuple[ParameterSpec, ...], given: Mapping[str, Any]) -> dict[str, Any]:
    """Declared parameters with defaults filled in; every problem reported together."""
    by_name = {s.name: s for s in specs}
    problems = [tr("unknown parameter {name!r} (known: {known})", name=n, known=", ".join(by_name) or "-") for n in given if n not in by_name]
    values: dict[str, Any] = {}
    for spec in specs:
        try:
            if spec.name in given:
                values[spec.name] = coerce(spec, given[spec.name])
            elif spec.required:
                problems.append(tr("parameter {name!r} is required", name=spec.name))
            else:
                values[spec.name] = spec.default
        except ValidationError as exc:
            problems.append(str(exc))
    if problems:
        raise ValidationError("; ".join(problems))
    return values


def public_values(specs: tuple[ParameterSpec, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    """Values fit for the audit log and logs: secret parameters replaced by ``***``."""
    secret = {s.name for s in specs if s.secret}
    return {k: ("***" if k in secret else v) for k, v in values.items()}
