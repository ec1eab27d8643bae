"""The console's screens beyond the overview, each in a module of its own that installs itself.

A screen module defines ``install(window) -> Screen``: it adds its actions to ``window.menus``
(``"tools"``, ``"inventory"``, ``"device"``), connects to the window's signals and opens its
widgets with ``window.open_tab`` or as dialogs. The returned object's ``retranslate()`` runs on
every language switch. Keeping the list here lets each screen grow without touching MainWindow.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from egovops_ui.main_window import MainWindow

log = logging.getLogger(__name__)

# In menu order. A module not (yet) present in this installation is left out.
SCREEN_MODULES = (
    "egovops_ui.device_view.screen",
    "egovops_ui.runner.screen",
    "egovops_ui.reports_page.screen",
    "egovops_ui.evaluation_page.screen",
    "egovops_ui.duty_log.screen",
    "egovops_ui.notifications.screen",
    "egovops_ui.events_page",
    "egovops_ui.inventory_edit.screen",
    "egovops_ui.settings_dialogs.screen",
    "egovops_ui.collectors_panel",
    "egovops_ui.dr_page.screen",
    "egovops_ui.first_run.screen",  # last: it reuses the inventory and credential actions above
)


class Screen(Protocol):
    def retranslate(self) -> None: ...


def available_screens() -> list[str]:
    present = []
    for name in SCREEN_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:  # the screen's package itself is absent
            found = False
        if found:
            present.append(name)
    return present


def install_screens(window: "MainWindow") -> tuple[list[Screen], dict[str, str]]:
    """Installed screens, and {module: error} for those that failed: a broken screen must not keep
    the operator from the map and the alarm desk, but it is logged and named in the status bar."""
    installed, failed = [], {}
    for name in available_screens():
        try:
            installed.append(importlib.import_module(name).install(window))
        except Exception as exc:  # noqa: BLE001 - any failure of one screen is reported, the rest go on
            log.exception("console screen %s failed to install", name)
            failed[name] = f"{type(exc).__name__}: {exc}"
    return installed, failed
