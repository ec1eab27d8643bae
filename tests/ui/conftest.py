"""Console tests run on Qt's offscreen platform with their own QSettings folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before pytest-qt creates the QApplication

from egovops_ui.testing import private_settings  # noqa: E402  (needs the platform chosen first)


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path) -> Iterator[None]:
    """Window state and language go to a folder of the test's own, never the operator's."""
    private_settings(tmp_path / "settings")
    yield


from tests.ui.console import console  # noqa: E402,F401  (the fixture, shared by the console tests)
