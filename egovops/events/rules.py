"""Rules from resources/egovops_resources/events/rules.yaml (or a maintainer's copy): validated on
load with one-line errors naming the rule and field, then matched against each event."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from egovops.errors import ValidationError
from egovops.events.model import Event
from egovops.i18n import tr
from egovops.storage.tables.events import EVENT_KINDS
from egovops.storage.tables.polling import ALARM_SEVERITIES

_MATCH_LISTS = ("trap", "oid_prefix", "module", "mnemonic", "vendor")
_MATCH_REGEX = ("text", "mnemonic_re")
_RULE_KEYS = {"name", "match", "severity", "repeat", "alarm", "poll", "backup"}
SUBJECTS = ("interface", "index", "none")


@dataclass(frozen=True)
class AlarmAction:
    kind: str
    action: str  # raise | clear
    severity: str = "major"
    subject: str = "none"


@dataclass
class Rule:
    name: str
    kind: str | None = None
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    regexes: dict[str, re.Pattern[str]] = field(default_factory=dict)
    severity: str | None = None
    repeat: tuple[int, float] | None = None
    alarm: AlarmAction | None = None
    poll: bool = False
    backup: bool = False  # a configuration backup run of the device (events/backup.py)

    def matches(self, event: Event) -> bool:
        if self.kind is not None and event.kind != self.kind:
            return False
        for key, wanted in self.lists.items():
            if key == "oid_prefix":
                oid = event.extra.get("trap_oid", "")
                if not any(oid == p or oid.startswith(p + ".") for p in wanted):
                    return False
            elif _field(event, key).lower() not in wanted:
                return False
        return all(pattern.search(_field(event, key)) for key, pattern in self.regexes.items())


def _field(event: Event, key: str) -> str:
    if key == "trap":
        return f"{event.module}::{event.mnemonic}" if event.module else event.extra.get("trap_oid", "")
    if key == "mnemonic_re":
        return event.mnemonic
    if key == "vendor":
        return event.extra.get("vendor", "")
    return str(getattr(event, key))


class Rules:
    """The rule list and the trap names; ``match`` keeps the counts of ``repeat`` rules."""

    def __init__(self, rules: list[Rule], names: Mapping[str, str]) -> None:
        self.rules, self.names = rules, dict(names)
        self.by_name = {v: k for k, v in self.names.items()}
        for rule in rules:  # a trap given by name matches its OID too (an agent's enterprise-less v1 trap)
            if "trap" in rule.lists:
                rule.lists["trap"] = rule.lists["trap"] | {self.by_name[n].lower() for n in rule.lists["trap"]
                                                          if n in self.by_name}
        self._seen: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def first(self, event: Event) -> Rule | None:
        return next((r for r in self.rules if r.matches(event)), None)

    def due(self, rule: Rule, event: Event) -> bool:
        """Whether the rule acts on this event: always, or on the N-th within S seconds from one source."""
        if rule.repeat is None:
            return True
        count, within = rule.repeat
        seen = self._seen[(rule.name, event.source)]
        seen.append(event.received_at)
        while seen and seen[0] < event.received_at - within:
            seen.popleft()
        if len(seen) >= count:
            seen.clear()
            return True
        return False


def _fail(where: str, message: str) -> ValidationError:
    return ValidationError(tr("events rules: {where}: {problem}", where=where, problem=message))


def _strings(value: Any, where: str) -> frozenset[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(i, (str, int, float)) for i in items):
        raise _fail(where, tr("must be a text or a list of texts"))
    return frozenset(str(i).lower() for i in items)


def _alarm(value: Any, where: str) -> AlarmAction:
    if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        raise _fail(where, tr("needs {kind: ..., action: raise|clear}"))
    unknown = set(value) - {"kind", "action", "severity", "subject"}
    if unknown:
        raise _fail(where, tr("unknown field {field!r}", field=sorted(unknown)[0]))
    action = AlarmAction(value["kind"], str(value.get("action", "raise")), str(value.get("severity", "major")),
                         str(value.get("subject", "none")))
    if action.action not in ("raise", "clear"):
        raise _fail(where, tr("action {action!r} is not raise or clear", action=action.action))
    if action.severity not in ALARM_SEVERITIES:
        raise _fail(where, tr("severity {value!r} is not one of {choices}", value=action.severity,
                                 choices=", ".join(ALARM_SEVERITIES)))
    if action.subject not in SUBJECTS:
        raise _fail(where, tr("subject {value!r} is not one of {choices}", value=action.subject,
                                 choices=", ".join(SUBJECTS)))
    return action


def _match(rule: Rule, match: Any, where: str) -> None:
    if not isinstance(match, dict) or not match:
        raise _fail(where, tr("match must be a mapping of at least one field"))
    for key, value in match.items():
        if key == "kind":
            if value not in EVENT_KINDS:
                raise _fail(f"{where}.kind", tr("{value!r} is not one of {choices}", value=value,
                                                  choices=", ".join(EVENT_KINDS)))
            rule.kind = value
        elif key in _MATCH_LISTS:
            rule.lists[key] = _strings(value, f"{where}.{key}")
        elif key in _MATCH_REGEX:
            try:
                rule.regexes[key] = re.compile(str(value))
            except re.error as exc:
                raise _fail(f"{where}.{key}", tr("not a regular expression ({error})", error=exc)) from None
        else:
            raise _fail(where, tr("unknown field {field!r}", field=key))


def _rule(raw: Any, index: int) -> Rule:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise _fail(tr("rule {number}", number=index + 1), tr("needs a name"))
    where = tr("rule {name!r}", name=raw["name"])
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(where, tr("unknown field {field!r}", field=sorted(unknown)[0]))
    rule = Rule(raw["name"], poll=bool(raw.get("poll", False)), backup=bool(raw.get("backup", False)))
    _match(rule, raw.get("match"), tr("{where} match", where=where))
    if "severity" in raw:
        if raw["severity"] not in ALARM_SEVERITIES:
            raise _fail(where, tr("severity {value!r} is not one of {choices}", value=raw["severity"],
                                     choices=", ".join(ALARM_SEVERITIES)))
        rule.severity = raw["severity"]
    if "repeat" in raw:
        repeat = raw["repeat"]
        if not (isinstance(repeat, dict) and isinstance(repeat.get("count"), int) and repeat["count"] > 0
                and isinstance(repeat.get("within_s"), (int, float)) and repeat["within_s"] > 0):
            raise _fail(where, tr("repeat needs {count: N > 0, within_s: S > 0}"))
        rule.repeat = (repeat["count"], float(repeat["within_s"]))
    if "alarm" in raw:
        rule.alarm = _alarm(raw["alarm"], tr("{where} alarm", where=where))
    return rule


def parse_rules(text: str, origin: str = "rules.yaml") -> Rules:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = tr(" line {number}", number=mark.line + 1) if mark is not None else ""
        raise ValidationError(tr("events rules: {where}: not valid YAML", where=origin + line)) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ValidationError(tr("events rules: {where}: needs a 'rules' list", where=origin))
    names = data.get("names") or {}
    if not isinstance(names, dict) or not all(isinstance(v, str) and "::" in v for v in names.values()):
        raise ValidationError(tr("events rules: {where}: 'names' maps OIDs to MIB::name", where=origin))
    return Rules([_rule(r, i) for i, r in enumerate(data["rules"])], {str(k): v for k, v in names.items()})


@lru_cache(maxsize=1)
def _shipped_text() -> str:
    return resources.files("egovops_resources").joinpath("events").joinpath("rules.yaml").read_text("utf-8")


def load_rules(path: Path | None = None) -> Rules:
    """The shipped rules, or a maintainer's file."""
    if path is None:
        return parse_rules(_shipped_text())
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ValidationError(tr("events rules: cannot read {path}: {reason}", path=path,
                                 reason=exc.strerror)) from None
    return parse_rules(text, str(path))
