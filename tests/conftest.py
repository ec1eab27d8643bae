"""Shared fixtures. Servers each test area needs live in tests/fixtures/, one module per server."""

from __future__ import annotations

import os

import pytest

pytest_plugins = [
    "tests.fixtures.store",
    "tests.fixtures.postgres",
    "tests.fixtures.secret_service",
    "tests.fixtures.sshd",
    "tests.fixtures.snmpd",
    "tests.fixtures.snmpsim",
    "tests.fixtures.netns",
    "tests.fixtures.demo_sim",
    "tests.fixtures.overview",
    "tests.fixtures.outage",
    "tests.fixtures.device_view",
    "tests.fixtures.smtp",
    "tests.fixtures.http_sink",
]

# No test may touch the real user's data folder or keyring.
os.environ.pop("EGOVOPS_HOME", None)
os.environ.setdefault("EGOVOPS_LANG", "en")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EGOVOPS_HOME", str(tmp_path_factory.mktemp("egovops-home")))
