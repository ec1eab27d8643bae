"""Translations of the core's and the command line's messages (zh_CN and en).

Messages are written in English in the code and looked up in ``resources/i18n/<lang>.json``, keyed
by the English text, so a missing translation degrades to English instead of failing. The language
comes from ``EGOVOPS_LANG`` (zh_CN or en), else from the POSIX locale variables. The console uses
Qt's own .ts/.qm machinery for its widgets; this catalogue serves everything headless.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
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


@lru_cache(maxsize=None)
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
