"""scripts/demo sets up once, then only starts: a desk without package mirrors must still start.

The script runs for real in a copy of the repository's files it reads; its two set-up steps are
replaced by stand-ins that only log (they would run apt-get and pip), and so is the installed
``egovops`` they would have created.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "demo", root / "scripts" / "demo")
    shutil.copy(REPO / "scripts" / "system-packages.txt", root / "scripts" / "system-packages.txt")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    log = root / "log"
    stand_ins = {
        "install-system-packages": f'echo packages >> "{log}"',
        "setup-venv": f'echo "venv $1" >> "{log}"; mkdir -p .venv/bin; '
                      f'printf \'#!/bin/sh\\necho "egovops $*" >> "{log}"\\n\' > .venv/bin/egovops; '
                      'chmod +x .venv/bin/egovops',
    }
    for name, body in stand_ins.items():
        script = root / "scripts" / name
        script.write_text(f"#!/usr/bin/env bash\nset -e\n{body}\n")
        script.chmod(0o755)
    return root


def _start(root: Path) -> list[str]:
    log = root / "log"
    log.unlink(missing_ok=True)
    env = dict(os.environ, DISPLAY=":99")
    done = subprocess.run(["bash", str(root / "scripts" / "demo")], cwd=root, env=env, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 0, done.stderr
    return log.read_text().splitlines()


def test_the_first_start_sets_up_and_later_ones_only_start(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    assert _start(root) == ["packages", "venv gui,demo", "egovops console --demo"]
    assert _start(root) == ["egovops console --demo"]
    assert _start(root) == ["egovops console --demo"]
    with (root / "pyproject.toml").open("a") as f:
        f.write("\n# a new dependency\n")
    assert _start(root)[:2] == ["packages", "venv gui,demo"]  # what to install changed: set up again
    assert _start(root) == ["egovops console --demo"]
