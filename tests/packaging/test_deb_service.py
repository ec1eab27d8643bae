"""The collector service in the .deb, without building the bundle: the files packaging/build-deb
adds for it (packaging/debian_service.py), packed by dpkg-deb as the build packs them, then read
back with dpkg-deb -c / -I. Installing it for real is the opt-in tier's
(tests/packaging/test_linux_package.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import debian_service  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (a Debian-based Linux)")


def service_deb(folder: Path) -> Path:
    """A package of the service's files alone, built the way build-deb builds the real one."""
    tree = folder / "tree"
    debian_service.add_service(tree)
    (tree / "DEBIAN" / "control").write_text(
        "Package: egovops\nVersion: 0.0-test\nArchitecture: all\nMaintainer: test <t@localhost>\n"
        "Depends: adduser\nDescription: the collector service only\n", encoding="utf-8")
    deb = folder / "egovops-service.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(tree), str(deb)], check=True,
                   capture_output=True)
    return deb


def test_the_package_carries_the_unit_and_the_wrapper_root_owned_with_their_modes(tmp_path: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(service_deb(tmp_path))], capture_output=True, text=True,
                             check=True).stdout
    entries = {line.split()[-1]: (line.split()[0], line.split()[1]) for line in listing.splitlines()}
    assert entries["./usr/lib/systemd/system/egovops-collector.service"] == ("-rw-r--r--", "root/root")
    assert entries["./usr/lib/egovops/egovops-collector-start"] == ("-rwxr-xr-x", "root/root")


def test_the_packaged_files_are_the_ones_tested_and_the_unit_calls_the_packaged_wrapper(tmp_path: Path) -> None:
    out = tmp_path / "x"
    subprocess.run(["dpkg-deb", "-x", str(service_deb(tmp_path)), str(out)], check=True)
    unit = (out / "usr/lib/systemd/system/egovops-collector.service").read_text("utf-8")
    assert unit == (ROOT / "packaging/systemd/egovops-collector.service").read_text("utf-8")
    assert (out / "usr/lib/egovops/egovops-collector-start").read_bytes() == \
        (ROOT / "packaging/systemd/egovops-collector-start").read_bytes()
    assert "ExecStart=/usr/lib/egovops/egovops-collector-start " in unit  # where the package put it
    assert "User=egovops" in unit and debian_service.USER == "egovops"  # the user postinst makes


def test_the_maintainer_scripts_make_the_system_user_and_purge_takes_it_away(tmp_path: Path) -> None:
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(service_deb(tmp_path)), str(control)], check=True)
    for name in ("postinst", "prerm", "postrm"):
        script = control / name
        assert script.stat().st_mode & 0o777 == 0o755, name  # dpkg runs them only when executable
        done = subprocess.run(["sh", "-n", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, (name, done.stderr)
    postinst, postrm = (control / "postinst").read_text(), (control / "postrm").read_text()
    assert "adduser --system --group" in postinst and "--shell /usr/sbin/nologin" in postinst
    assert 'if [ "$1" = purge ]' in postrm and "deluser --system" in postrm and "rm -rf /var/lib/egovops" in postrm
    assert "systemctl stop egovops-collector.service" in (control / "prerm").read_text()
