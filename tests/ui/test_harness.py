"""egovops_ui.testing, the one way tests, screenshot scripts and benchmarks open the console."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from egovops import i18n
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops_ui import testing
from tests.fixtures.outage import ROOT, Outage
from tests.fixtures.overview import DEMO_DEVICES


def test_the_console_opens_in_the_language_asked_with_its_first_overview_shown(outage: Outage, tmp_path: Path) -> None:
    console = testing.open_console(outage.database, "zh_CN", timeout=10)
    try:
        assert console.session.overview is not None  # returned only once the first overview arrived
        assert console.window.windowTitle() == "egovops — 电子政务网络运维" and i18n.language() == "zh_CN"
        assert (console.window.width(), console.window.height()) == testing.SIZE
        assert console.window.map.nodes[ROOT].isVisible()
        # The choice of language went to the test's own settings folder, not the operator's.
        assert Path(QSettings("egovops", "console").fileName()).is_relative_to(tmp_path)
    finally:
        console.switcher.apply("en")  # the application's language and font outlive this console
        console.close()
    assert not console.window.isVisible()


@pytest.mark.parametrize("given", ["folder", "file"])
def test_a_store_named_by_its_folder_or_file_is_opened_by_the_console(demo_store: Database, data_dir: Path,
                                                                      given: str) -> None:
    console = testing.open_console(data_dir if given == "folder" else data_dir / "egovops.sqlite3", timeout=10)
    try:
        assert console.session.database is not demo_store  # a connection of its own, closed with it
        overview = console.session.overview
        assert overview is not None
        assert len(overview.devices) == len(InventoryRepository(demo_store).devices()) == DEMO_DEVICES
    finally:
        console.close()


def test_a_wait_that_never_comes_true_names_what_it_waited_for() -> None:
    with pytest.raises(TimeoutError, match=r"after 0\.2 s waiting for the moon"):
        testing.wait_for(lambda: False, 0.2, "the moon")


def test_a_screenshot_is_the_window_at_its_size(outage: Outage, tmp_path: Path) -> None:
    console = testing.open_console(outage.database, timeout=10)
    try:
        picture = QImage(str(console.shoot(tmp_path / "shots" / "overview.png")))
        assert (picture.width(), picture.height()) == testing.SIZE
        dialog = console.shoot(tmp_path / "dock.png", console.window.alarm_dock)
        assert QImage(str(dialog)).width() == console.window.alarm_dock.width()
        with pytest.raises(OSError, match="could not write"):
            console.shoot(tmp_path / "no-such-format.nothing")
    finally:
        console.close()


def _note_language(folder: Path, fail_in: str, language: str) -> None:
    (folder / language).write_text(f"{os.getpid()}", encoding="utf-8")
    if language == fail_in:
        raise RuntimeError("the shot went wrong")


def test_each_language_runs_in_a_process_of_its_own_and_a_failure_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match=r"^en: the child process ended with exit code 1"):
        testing.in_each_language(partial(_note_language, tmp_path, "en"), timeout=120)
    pids = {(tmp_path / language).read_text() for language in ("zh_CN", "en")}
    assert len(pids) == 2 and str(os.getpid()) not in pids
