"""Translations of the core's and the command line's messages (zh_CN and en).

Messages are written in English in the code and looked up in ``resources/i18n/<lang>.json``, keyed
by the English text, so a missing translation degrades to English instead of failing. The language
comes from ``EGOVOPS_LANG`` (zh_CN or en), else from the POSIX locale variables. The console uses
Qt's own .ts/.qm machinery for its widgets; this catalogue serves everything headless.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources

SUPPORTED = ("zh_CN", "en")
_current: str | None = None


def detect_language() -> str:
    explicit = os.environ.get("EGOVOPS_LANG")
    if explicit in SUPPORTED:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def language() -> str:
    return _current or detect_language()


def set_language(lang: str | None) -> None:
    """Force a language (the console's menu); None returns to the detected one."""
    global _current
    if lang is not None and lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    _current = lang


@cache
def catalogue(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    text = resources.files("egovops_resources").joinpath("i18n", f"{lang}.json").read_text("utf-8")
    loaded: dict[str, str] = json.loads(text)
    return loaded


def tr(message: str, /, **values: object) -> str:
    """The message in the current language, with ``{name}`` fields filled in."""
    template = catalogue(language()).get(message, message)
    return template.format(**values) if values else template


# Words the store keeps (enum values, alarm severities and states) and the name a reader is shown
# for each; the names are keys of the catalogue. A value shown raw ("major", "extranet") is English
# in a Chinese table, so every table and message shows values through ``value_name``.
VALUE_NAMES: dict[str, dict[str, str]] = {
    "severity": {"critical": "critical", "major": "major", "minor": "minor", "warning": "warning", "info": "info"},
    "state": {"up": "up", "degraded": "degraded", "down": "down", "unreachable": "unreachable", "unknown": "unknown"},
    "alarm_state": {"open": "not acknowledged", "acknowledged": "acknowledged", "cleared": "cleared",
                    "active": "active"},
    "network": {"intranet": "intranet", "extranet": "extranet", "private": "private network"},
    "migration": {"planned": "planned", "migrating": "migrating", "migrated": "migrated"},
    "device_role": {"core": "core", "aggregation": "aggregation", "access": "access", "firewall": "firewall",
                    "server": "server", "storage": "storage", "other": "other"},
    "operator_role": {"operator": "operator", "engineer": "engineer", "supervisor": "supervisor", "admin": "admin"},
    "status": {"ok": "ok", "failed": "failed", "skipped": "skipped", "running": "running"},
    "risk": {"read-only": "read-only", "changes-config": "changes the configuration", "disruptive": "disruptive"},
    # The baseline plugin's item titles (plugins/egovops_plugins/baseline_check/rules.py TITLES).
    "baseline_item": {"ssh-only": "SSH only, telnet off", "snmp": "SNMPv1/v2c off or restricted",
                      "password-complexity": "Password complexity",
                      "login-lockout": "Lockout after failed logins", "idle-timeout": "Idle timeout on remote sessions",
                      "syslog": "Log host (syslog) configured", "ntp": "NTP configured",
                      "unused-ports": "Unused ports shut down"},
    "summary": {"devices_checked": "devices checked", "devices_compliant": "devices compliant",
                "average_score": "average score",
                "failures_by_item": "failures by item", "backed_up": "backed up", "changed": "changed",
                "devices_in_sync": "devices in sync", "without_ntp": "without NTP", "worst_offset": "worst offset",
                "devices_with_errors": "devices with errors", "interfaces": "interfaces", "error": "error"},
    # A target's own result fields (the shipped procedures' data), as the runner's details show them.
    "result": {"score": "score", "compliant": "compliant", "version": "version", "changed": "changed",
               "added": "lines added",
               "removed": "lines removed", "lines": "lines", "offset_seconds": "clock offset (s)",
               "ntp_servers": "NTP servers",
               "not_authoritative": "not authoritative", "in_sync": "in sync", "interfaces": "interfaces"},
}


def value_name(domain: str, value: str) -> str:
    """``value`` of ``domain`` named in the current language; a private network ``private:x`` keeps
    its own name; anything unknown shows as stored."""
    if domain == "network" and value.startswith("private:"):
        return tr("private network {name}", name=value.split(":", 1)[1])
    english = VALUE_NAMES.get(domain, {}).get(value)
    return tr(english) if english else value


@cache
def _english_of(lang: str) -> dict[str, str]:
    return {translated: english for english, translated in catalogue(lang).items()}


def stored_text(text: str) -> str:
    """A text the program itself stored in one language (the seeded networks' descriptions), shown
    in the current one; text an operator typed is not in the catalogue and stays as typed."""
    for lang in SUPPORTED:
        english = _english_of(lang).get(text)
        if english is not None:
            return tr(english)
    return text
