"""Alarm kinds and messages in the operator's language, whatever language the poller wrote them in.

The poller runs in its own process with its own locale, and SNMP errors are plain English, so a
stored message can be in either language. The console translates at display time: the stored
message is matched against the English and the translated form of its kind's templates, the
values are pulled out, and the template is filled in again in the wanted language. Values that are
themselves messages (an SNMP error inside "device does not answer (…)") are translated the same
way. A message no template fits is shown as stored.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

from egovops import i18n

# Every kind an alarm can have, with its name for the operator (keys of the core's catalogue).
KIND_LABELS = {
    "device_down": "device down",
    "device_unreachable": "unreachable (cut off)",
    "poll_config": "cannot be polled",
    "network_bridging": "intranet/extranet bridged",
    "snmp_auth": "SNMP authentication failed",
    "snmp_malformed": "malformed SNMP reply",
    "snmp_no_response": "SNMP not answering",
    "cpu_high": "CPU high",
    "memory_high": "memory high",
    "temperature_high": "temperature high",
    "interface_errors": "interface errors",
    "interface_down": "critical interface down",
    "cross_network_link": "cross-network link",
    "collector_silent": "collector silent",
    "security": "security: repeated authentication failures",  # raised by events (egovops/events)
    "hardware": "hardware fault",
    "event_storm": "event storm",
}

# The messages each kind's alarms carry (as written in egovops/polling/state.py and topology).
KIND_TEMPLATES = {
    "device_down": ("device does not answer ({detail})",),
    "device_unreachable": ("unreachable behind failed device {root}",),
    "poll_config": ("cannot be polled", "{detail}"),
    "network_bridging": ("this workstation bridges the intranet and the extranet: {where}",),
    "snmp_auth": ("{detail}",),
    "snmp_malformed": ("{detail}",),
    "snmp_no_response": ("answers ping but not SNMP: {detail}",),
    "cpu_high": ("CPU {value:.0f}% over {limit:.0f}%",),
    "memory_high": ("memory {value:.0f}% over {limit:.0f}%",),
    "temperature_high": ("temperature {value:.0f} °C over {limit:.0f} °C",),
    "interface_errors": ("{name}: {rate:.1f} errors+discards/s",),
    "interface_down": ("critical interface {name} is down",),
    "cross_network_link": ("cross-network link: {a} port {a_if} ({a_net}) is cabled to {b} port {b_if} ({b_net})",),
    "collector_silent": ("collector {name} on {where} has not reported for {value:.0f} s",),  # egovops.collector
}

# What can fill a {detail}: the SNMP layer's and the credentials' errors (English in the code).
DETAIL_TEMPLATES = (
    "no response",
    "no SNMP target",
    "SNMP to {device}: {detail}",
    "no response from {address} after {tries} tries of {timeout} s ({detail})",
    "no response from {address} within {timeout} s",
    "agent down, wrong community or port filtered",
    "agent down or port filtered",
    "authentication failed: {detail}",
    "authentication failed for user {user}: {indication}",
    "the agent does not know SNMPv3 user {user}",
    "wrong SNMPv3 authentication key or protocol for user {user}",
    "wrong SNMPv3 privacy key or protocol for user {user}",
    "the agent does not accept this security level for user {user}",
    "malformed reply: {indication}",
    "{address} answered with data that is not an SNMP message",
    "asked for {asked} values, got {got}",
    "asked for {oid}, the reply carries {other}",
    "walk of {oid}: OID {name} does not increase after {previous}",
    "walk of {oid}: OID {name} does not increase",
    "no such object: {oids}",
    "the agent answered {status} (at {oid})",
    "cannot configure {address}: {error}",
    "cannot send the request: {error}",
    "{device}: no credential profile is set, so it cannot be polled over SNMP",
    "{device}: credential profile {profile} is {kind}, not an SNMP profile",
    "the keyring holds no {fields} for profile {profile}; add the profile again",
)
NESTED_FIELDS = frozenset({"detail"})  # fields whose value is itself a message to translate
NETWORK_FIELDS = frozenset({"a_net", "b_net"})
NETWORK_NAMES = ("intranet", "extranet")  # stored as these words; the catalogue names them
MAX_DEPTH = 4


def kind_label(kind: str) -> str:
    """The kind's name in the current language; an unknown kind shows as stored."""
    label = KIND_LABELS.get(kind)
    return i18n.tr(label) if label else kind


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    fields: tuple[str, ...]


def _fields(template: str) -> list[tuple[str, str | None]]:
    """(literal text, field name or None) pieces of a str.format template."""
    return [(literal, name) for literal, name, _spec, _conv in string.Formatter().parse(template)]


@lru_cache(maxsize=None)
def _form(template: str) -> _Form:
    """A regex that reads a filled-in ``template`` back into its values."""
    parts, seen = ["^"], []
    for literal, name in _fields(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.append(name)
    parts.append("$")
    return _Form(re.compile("".join(parts), re.DOTALL), tuple(seen))


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with already formatted values: their format specs were applied when stored."""
    return "".join(literal + (values.get(name, "") if name is not None else "") for literal, name in _fields(template))


def _forms(template: str) -> list[str]:
    """The template as the poller may have written it: English, or any catalogue's translation."""
    found = [template]
    for lang in i18n.SUPPORTED:
        translated = i18n.catalogue(lang).get(template)
        if translated and translated not in found:
            found.append(translated)
    return found


def _render(template: str, values: dict[str, str], lang: str, depth: int) -> str:
    shown = {}
    for name, value in values.items():
        if name in NESTED_FIELDS:
            value = _translate(value, DETAIL_TEMPLATES, lang, depth + 1)
        elif name in NETWORK_FIELDS:
            value = _network(value, lang)
        shown[name] = value
    return _fill(i18n.catalogue(lang).get(template, template), shown)


def _network(value: str, lang: str) -> str:
    for english in NETWORK_NAMES:
        if value in _forms(english):
            return i18n.catalogue(lang).get(english, english)
    return value


def _translate(text: str, templates: tuple[str, ...], lang: str, depth: int) -> str:
    if depth > MAX_DEPTH:
        return text
    for template in templates:
        for form in _forms(template):
            match = _form(form).pattern.match(text)
            if match is not None:
                return _render(template, match.groupdict(), lang, depth)
    return text


def localized_message(kind: str, message: str, lang: str | None = None) -> str:
    """``message`` of an alarm of ``kind`` in ``lang`` (default: the current language)."""
    return _localized(kind, message, lang or i18n.language())


@lru_cache(maxsize=20_000)  # the desk redraws the same few hundred messages over and over
def _localized(kind: str, message: str, lang: str) -> str:
    return _translate(message, KIND_TEMPLATES.get(kind, ("{detail}",)), lang, 0)


def localized_detail(text: str | None, lang: str | None = None) -> str:
    """An SNMP or credential error (as the poller stored or raised it) in ``lang``."""
    return "" if not text else _translate(text, DETAIL_TEMPLATES, lang or i18n.language(), 0)
