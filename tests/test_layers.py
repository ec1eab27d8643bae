"""The import contracts bite: a forbidden import placed in any core folder turns lint-imports red.

Runs import-linter on a copy of the packages in which every core package (and the plugins) gets
one import that its contracts forbid: the layer above it, or Qt for the top layer. The report must
name every one of them, so a package left out of the layers, or a contract loosened by mistake,
fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [[name.strip() for name in layer.split("|")] for layer in contract["layers"]]


def core_packages() -> list[str]:
    """Every package and top-level module of the core, as the import system sees them."""
    found = [p.name for p in (ROOT / "egovops").iterdir() if (p / "__init__.py").exists()]
    found += [p.stem for p in (ROOT / "egovops").glob("*.py") if p.stem not in ("__init__", "__main__")]
    return sorted(f"egovops.{name}" for name in found)


def test_every_core_package_is_in_a_layer() -> None:
    placed = {name for layer in layers() for name in layer}
    assert sorted(set(core_packages()) - placed) == []
    assert sorted(placed - set(core_packages())) == []


def forbidden_for(package: str) -> str:
    """An import the contracts forbid to this package: the lowest module of the layer above it."""
    order = layers()
    level = next(i for i, layer in enumerate(order) if package in layer)
    return "PySide6" if level == 0 else order[level - 1][0]


def source_file(copy: Path, package: str) -> Path:
    path = copy / Path(*package.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "egovops", tmp_path / "egovops", ignore=ignore)
    shutil.copytree(ROOT / "ui" / "egovops_ui", tmp_path / "ui" / "egovops_ui", ignore=ignore)
    shutil.copytree(ROOT / "plugins" / "egovops_plugins", tmp_path / "plugins" / "egovops_plugins", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def lint(copy: Path) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS, "lint-imports comes with the test extra (import-linter)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(copy / p) for p in ("", "ui", "plugins"))}
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=copy, env=env, capture_output=True, text=True, timeout=120)


def test_the_untouched_copy_is_green(copy: Path) -> None:
    done = lint(copy)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_forbidden_import_in_any_core_folder_turns_it_red(copy: Path) -> None:
    planted = {package: forbidden_for(package) for package in core_packages()}
    for package, target in planted.items():
        with source_file(copy, package).open("a", encoding="utf-8") as f:
            f.write(f"\nimport {target}  # planted by test_layers\n")
    plugin = copy / "plugins" / "egovops_plugins" / "clock_check" / "__init__.py"
    with plugin.open("a", encoding="utf-8") as f:
        f.write("\nfrom egovops.storage import database  # planted by test_layers\n")
    ui = copy / "ui" / "egovops_ui" / "states.py"
    with ui.open("a", encoding="utf-8") as f:
        f.write("\nfrom egovops.storage.tables import inventory  # planted by test_layers\n")

    done = lint(copy)
    assert done.returncode != 0
    report = done.stdout
    missed = [f"{package} -> {target}" for package, target in planted.items() if f"{package} -> {target}" not in report
              and f"{package}.__init__ -> {target}" not in report]
    assert missed == [], report
    assert "egovops_plugins.clock_check -> egovops.storage.database" in report
    assert "egovops_ui.states -> egovops.storage.tables.inventory" in report
