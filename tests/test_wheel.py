"""The wheel is built from pyproject.toml alone, and every module sits where its source file does.

Each top-level folder holds one package under its own name (egovops/, ui/egovops_ui/,
plugins/egovops_plugins/, resources/egovops_resources/), so a source file's path below its folder
is its path in the wheel: a type checker, a traceback and a reader all find the same file.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"egovops": ROOT, "egovops_ui": ROOT / "ui", "egovops_plugins": ROOT / "plugins",
           "egovops_resources": ROOT / "resources"}
SHIPPED = (".py", ".yaml", ".json", ".qm", ".ini", ".mako", ".snmprec")


def tracked_files() -> list[str]:
    done = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    # A copy of the tracked files only: leftovers in the work tree (build/, *.egg-info) stay out.
    source = tmp_path_factory.mktemp("source")
    for name in tracked_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes((ROOT / name).read_bytes())
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(out), str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("egovops-*.whl")
    return zipfile.ZipFile(built)


def test_there_is_no_setup_py() -> None:
    assert not (ROOT / "setup.py").exists()


def test_every_package_file_is_in_the_wheel_at_its_source_path(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = set()
    for name in tracked_files():
        path = ROOT / name
        for package, folder in FOLDERS.items():
            if path.is_relative_to(folder / package) and name.endswith(SHIPPED):
                expected.add(path.relative_to(folder).as_posix())
    assert len(expected) > 300
    assert sorted(expected - names) == []


def test_the_wheel_holds_nothing_outside_the_four_packages(wheel: zipfile.ZipFile) -> None:
    tops = {name.split("/")[0] for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert tops == set(FOLDERS)
