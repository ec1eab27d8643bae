"""The oldest PySide6 that scripts/test runs the UI tests on is the one pyproject.toml promises."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]


def _pins(text: str) -> dict[str, str]:
    return {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.MULTILINE)}


def test_the_gui_lower_bound_is_the_pinned_oldest_version() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    gui = pyproject["project"]["optional-dependencies"]["gui"]
    bounds = dict(re.fullmatch(r"([A-Za-z0-9_.-]+)>=(\S+)", requirement).groups() for requirement in gui)  # type: ignore[union-attr]
    pins = _pins((ROOT / "scripts" / "oldest-supported.txt").read_text("utf-8"))
    assert bounds["PySide6-Essentials"] == pins["pyside6-essentials"] == pins["shiboken6"]


def test_scripts_test_runs_the_ui_tests_in_the_oldest_environment() -> None:
    script = (ROOT / "scripts" / "test").read_text("utf-8")
    assert "scripts/setup-venv test .venv-oldest scripts/oldest-supported.txt" in script
    assert re.search(r"^\s+\.venv-oldest/bin/python -m pytest \"\$@\" tests/ui$", script, re.MULTILINE)
