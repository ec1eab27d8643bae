"""The Windows installer, built on this Linux machine: what it carries is checked, not run.

Opt-in tier with the Linux package (EGOVOPS_PACKAGING_TESTS=1): it downloads about 200 MB of
wheels and compresses them with NSIS. Running the installer and the console needs Windows itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from check_wheels import wrong_processor  # noqa: E402
from windows_payload import check  # noqa: E402

pytestmark = [
    pytest.mark.skipif(os.environ.get("EGOVOPS_PACKAGING_TESTS") != "1",
                       reason="packaging tier: set EGOVOPS_PACKAGING_TESTS=1"),
    pytest.mark.skipif(shutil.which("makensis") is None, reason="needs NSIS (scripts/system-packages.txt)"),
    pytest.mark.timeout(1800),
]


def test_the_installer_is_built_and_its_payload_is_a_complete_windows_runtime() -> None:
    built = subprocess.run([str(ROOT / "packaging" / "build-windows")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    setup = Path(built.stdout.strip().splitlines()[-1])
    assert wrong_processor(setup.read_bytes()[:4096], "win_amd64") is not None  # a Windows program (NSIS stubs are x86)
    payload = ROOT / "build" / "packaging" / "windows"
    assert check(payload / "python") == []  # x64 binaries only, PSF-signed interpreter, nothing Windows-only missing
    pth = next((payload / "python").glob("python3*._pth")).read_text("utf-8").splitlines()
    assert "Lib\\site-packages" in pth and "import site" in pth
    assert (payload / "egovops.cmd").read_bytes().endswith(b"%*\r\n")
    print(f"\n{setup.name}: {setup.stat().st_size / 2**20:.1f} MiB")
