"""Chinese and English: complete catalogues, switching from the menu, a CJK font, the choice remembered."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from egovops import i18n
from egovops_ui.app import choose_language, translations_folder
from egovops_ui.main_window import MainWindow
from tests.fixtures.outage import CITY

UI = Path(__file__).resolve().parents[2] / "ui" / "egovops_ui"


def sources_of(prefix: str) -> list[str]:
    """The shell's catalogue (egovops_*) holds ui/*.py; a screen package's holds its own folder."""
    found = sorted(UI.glob("*.py")) if prefix == "egovops" else sorted((UI / prefix).rglob("*.py"))
    return [str(p) for p in found]


def catalogues() -> list[tuple[str, str]]:
    names = sorted({p.stem.rsplit("_zh_CN", 1)[0] for p in (UI / "i18n").glob("*_zh_CN.ts")})
    return [(prefix, language) for prefix in names for language in ("zh_CN", "en")]


def test_every_screen_package_has_its_catalogues() -> None:
    packages = sorted(p.parent.name for p in UI.glob("*/__init__.py") if p.parent.name != "i18n")
    assert [p for p in packages if (p, "zh_CN") not in catalogues() or (p, "en") not in catalogues()] == []


@pytest.mark.parametrize("prefix,language", catalogues())
def test_every_visible_string_has_a_finished_translation(tmp_path: Path, prefix: str, language: str) -> None:
    """Re-extract the sources into a copy of the catalogue: nothing new, nothing unfinished."""
    # Qt's tools sit beside the running interpreter (the venv's bin/), which need not be on PATH.
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6-Essentials"
    catalogue = tmp_path / "i18n" / f"{prefix}_{language}.ts"
    catalogue.parent.mkdir()
    shutil.copy(translations_folder() / catalogue.name, catalogue)
    sources = sources_of(prefix)
    assert sources, f"no sources for the catalogue {prefix}"
    done = subprocess.run([lupdate, *sources, "-ts", str(catalogue)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    unfinished = [
        m.findtext("source") for m in ET.parse(catalogue).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []
    assert (translations_folder() / f"{prefix}_{language}.qm").stat().st_size > 100


def test_switching_to_chinese_from_the_menu(qtbot: QtBot, console: MainWindow) -> None:
    console.language_actions["zh_CN"].trigger()
    # Qt posts LanguageChange to the windows: it arrives on the next pass of the event loop.
    qtbot.waitUntil(lambda: console.windowTitle() == "egovops — 电子政务网络运维", timeout=5000)
    assert console.site_dock.windowTitle() == "站点" and console.alarm_dock.windowTitle() == "告警"
    assert console.sites.model.headerData(1, qt_horizontal()) == "故障"
    assert console.alarms.model.headerData(0, qt_horizontal()) == "级别"
    assert console.alarms.severity.itemText(1) == "紧急"
    assert console.map.layer.currentText() == "电子政务外网"
    assert "1 故障" in console.status.devices.text()
    root_row = [a.device for a in console.alarms.visible_alarms()].index("HF-EXT-AGG-01")
    assert console.alarms.proxy.index(root_row, 8).data() == "未确认（折叠 9 条）"
    assert "Noto Sans CJK SC" in QApplication.font().families()
    assert i18n.language() == "zh_CN"  # the core's messages follow
    assert choose_language() == "zh_CN"  # remembered for the next start
    console.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: console.windowTitle() == "egovops — e-government network operations", timeout=5000)
    assert console.sites.model.headerData(1, qt_horizontal()) == "Down"
    assert "Noto Sans CJK SC" not in QApplication.font().families()
    assert choose_language("zh_CN") == "zh_CN" and choose_language() == "en"


def test_site_names_stay_chinese_in_english(console: MainWindow) -> None:
    index = console.sites.model.index_of(CITY)
    assert index.data() == "合肥市"


def qt_horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
