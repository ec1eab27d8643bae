"""The Secret Service fixture itself: it must never wait on a prompt that nobody can answer."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.secret_service import _start_bus, _wait_until_usable


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server: where gnome-keyring shows its prompt when there is a display, as under
    the screenshot scripts' xvfb-run."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"], pass_fds=(write,),
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    yield display
    xvfb.terminate()
    xvfb.wait(timeout=10)


@pytest.mark.timeout(45)
def test_a_keyring_still_without_its_login_collection_is_not_usable_yet_and_nothing_waits_on_a_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, x_display: str,
) -> None:
    """Until the daemon has read the password it has no login collection. Asking for the default
    collection the creating way (secretstorage.get_default_collection) then puts a prompt on the
    display and waits for ever; the fixture must answer "not yet" and try again instead."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("DISPLAY", x_display)
    bus_pid, address = _start_bus(runtime)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(runtime))
    daemon = subprocess.Popen(["gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground"], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:  # the password is never written: the collection never comes
        started = time.monotonic()
        assert _wait_until_usable(env, seconds=3) is False
        assert time.monotonic() - started < 10
    finally:
        daemon.kill()
        daemon.wait(timeout=10)
        os.kill(bus_pid, signal.SIGTERM)
