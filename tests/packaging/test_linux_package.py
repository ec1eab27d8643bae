"""The Linux package as a user gets it: built, installed with dpkg, started, screenshotted, removed.

Opt-in tier: building the bundle takes minutes on two cores (PyInstaller over PySide6, numpy,
matplotlib…) and installing it needs root, so it runs only with EGOVOPS_PACKAGING_TESTS=1:

    EGOVOPS_PACKAGING_TESTS=1 .venv/bin/python -m pytest tests/packaging

EGOVOPS_DEB=path/to/egovops_….deb tests an already built package instead of building one.
The screenshot is kept in build/packaging/installed-console.png for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "packaging"
START_TIMEOUT_S = 60

pytestmark = [
    pytest.mark.skipif(os.environ.get("EGOVOPS_PACKAGING_TESTS") != "1",
                       reason="packaging tier: set EGOVOPS_PACKAGING_TESTS=1"),
    pytest.mark.skipif(sys.platform != "linux" or shutil.which("dpkg") is None, reason="needs a Debian-based Linux"),
    pytest.mark.timeout(1800),
]


@pytest.fixture(scope="module")
def deb() -> Path:
    if os.environ.get("EGOVOPS_DEB"):
        return Path(os.environ["EGOVOPS_DEB"])
    built = subprocess.run([str(ROOT / "packaging" / "build-deb")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    return Path(built.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[Path]:
    """dpkg -i on this machine; dpkg -r afterwards, whatever the test did."""
    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root")
    result = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    try:
        assert result.returncode == 0, result.stderr  # every Depends met by scripts/system-packages.txt
        yield Path("/usr/bin/egovops")
    finally:
        subprocess.run(["dpkg", "-r", "egovops"], capture_output=True, check=False)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    server, number = _start_xvfb(tmp_path / "xvfb.log")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _start_xvfb(log: Path, attempts: int = 3) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display, once it serves clients (other Xvfbs come and go on a shared machine:
    one that takes the display first makes this one exit, and the next attempt picks another)."""
    for _ in range(attempts):
        read, write = os.pipe()
        with log.open("ab") as errors:
            server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1440x900x24",
                                       "-nolisten", "tcp"],
                                      pass_fds=(write,), stdout=errors, stderr=errors)
        os.close(write)
        text = b""
        while not text.endswith(b"\n"):  # to the newline: Xvfb dies if the pipe closes before it wrote all
            chunk = os.read(read, 16)
            if not chunk:
                break
            text += chunk
        os.close(read)
        number = text.decode().strip()
        deadline = time.monotonic() + 15
        while number and server.poll() is None and time.monotonic() < deadline:
            if _x_accepts(number):  # Xvfb names its display a moment before it serves clients
                return server, number
            time.sleep(0.1)
        server.kill()
        server.wait()
    raise AssertionError(f"Xvfb did not start: {log.read_text(errors='replace')[-1000:]}")


def _x_accepts(number: str) -> bool:
    """Whether the X server completes a connection set-up (its first reply byte 1 is Success)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(2)
            client.connect(f"/tmp/.X11-unix/X{number}")
            client.sendall(b"l\0" + struct.pack("<HHHH", 11, 0, 0, 0) + b"\0\0")  # little-endian, X11.0, no auth
            return client.recv(1) == b"\x01"
    except OSError:
        return False


def test_the_package_declares_what_it_needs_and_carries_its_runtime(deb: Path) -> None:
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    depends = next(line for line in fields.splitlines() if line.startswith("Depends:"))
    for needed in ("libc6 (>=", "libxcb-cursor0", "fonts-noto-cjk |", "gnome-keyring |", ", adduser"):
        assert needed in depends
    assert "Recommends: dbus, gnome-keyring" in fields  # the collector service's wrapper runs both
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in ("./opt/egovops/egovops", "./usr/bin/egovops -> /opt/egovops/egovops",
                 "./usr/share/applications/egovops.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/egovops.svg", "libpython3", "libQt6Widgets",
                 "./usr/lib/systemd/system/egovops-collector.service", "./usr/lib/egovops/egovops-collector-start"):
        assert path in listing
    print(f"\n{deb.name}: {deb.stat().st_size / 2**20:.1f} MiB; {depends}")


def test_installed_package_answers_starts_the_console_and_is_removed(installed: Path, display: str,
                                                                     tmp_path: Path) -> None:
    assert installed.resolve() == Path("/opt/egovops/egovops")
    assert "电子政务运维" in Path("/usr/share/applications/egovops.desktop").read_text("utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}  # nothing of the venv or the project
    began = time.monotonic()
    version = subprocess.run([str(installed), "--version"], capture_output=True, text=True, env=env, timeout=60)
    print(f"\negovops --version: {time.monotonic() - began:.2f} s")
    assert version.returncode == 0 and version.stdout.strip() == "egovops, version 0.1.0", version.stderr

    data = tmp_path / "data"
    log = data / "logs" / "egovops.log"
    began = time.monotonic()
    console = subprocess.Popen([str(installed), "--data-dir", str(data), "console", "--lang", "zh_CN"],
                               env={**env, "DISPLAY": display}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    try:
        while "console ready" not in (log.read_text("utf-8") if log.exists() else ""):
            assert console.poll() is None, console.stdout.read() if console.stdout else ""
            assert time.monotonic() - began < START_TIMEOUT_S, "the console did not open"
            time.sleep(0.2)
        print(f"console ready after {time.monotonic() - began:.1f} s: "
              + next(line for line in log.read_text("utf-8").splitlines() if "console ready" in line))
        time.sleep(1.5)  # let it paint
        shot = OUT / "installed-console.png"
        _screenshot(display, shot)
        assert shot.stat().st_size > 20_000  # a painted window, not a black screen
    finally:
        console.send_signal(signal.SIGTERM)  # closes the window as an operator would
        output = console.communicate(timeout=30)[0]
    assert console.returncode == 0, output
    assert "Traceback" not in output and "compiled using NumPy" not in output, output

    subprocess.run(["dpkg", "-r", "egovops"], capture_output=True, text=True, check=True)
    assert not Path("/opt/egovops").exists() and not Path("/usr/bin/egovops").exists()
    assert subprocess.run(["dpkg", "-s", "egovops"], capture_output=True).returncode != 0


def _screenshot(display: str, path: Path) -> None:
    """The whole virtual screen, grabbed by the test's own PySide6 through X11."""
    path.parent.mkdir(parents=True, exist_ok=True)
    code = ("import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication(sys.argv); "
            f"sys.exit(0 if app.primaryScreen().grabWindow(0).save({str(path)!r}) else 1)")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)


def test_the_package_installs_the_collector_service_and_purge_takes_its_user_away(deb: Path) -> None:
    """Last: it installs and purges on its own, after the console test removed the package."""
    import grp
    import pwd

    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root")
    unit = Path("/usr/lib/systemd/system/egovops-collector.service")
    wrapper = Path("/usr/lib/egovops/egovops-collector-start")
    result = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    try:
        assert result.returncode == 0, result.stderr
        account = pwd.getpwnam("egovops")  # made by postinst: a system account that cannot log in
        assert account.pw_uid < 1000 and account.pw_shell == "/usr/sbin/nologin", account
        assert account.pw_dir == "/var/lib/egovops" and grp.getgrgid(account.pw_gid).gr_name == "egovops"
        assert unit.stat().st_mode & 0o777 == 0o644 and os.access(wrapper, os.X_OK)
        verify = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
        assert (verify.returncode, verify.stdout + verify.stderr) == (0, "")  # the unit as installed, wrapper and all
        assert not Path("/etc/systemd/system/multi-user.target.wants/egovops-collector.service").exists()
        assert subprocess.run(["dpkg", "-i", str(deb)], capture_output=True).returncode == 0  # reinstall: user kept
        assert pwd.getpwnam("egovops").pw_uid == account.pw_uid
    finally:
        purged = subprocess.run(["dpkg", "-P", "egovops"], capture_output=True, text=True)
    assert purged.returncode == 0, purged.stderr
    with pytest.raises(KeyError):
        pwd.getpwnam("egovops")
    with pytest.raises(KeyError):
        grp.getgrnam("egovops")
    assert not unit.exists() and not wrapper.exists() and not Path("/var/lib/egovops").exists()
