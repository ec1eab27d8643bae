"""The console's window must appear fast: installing the part-2 screens imports nothing heavy.

matplotlib, numpy, paramiko and pysnmp's engine cost seconds to import on a modest desk machine; a
screen imports them when it is opened, not when its menu entry is added.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

HEAVY = ("matplotlib", "numpy", "paramiko", "pysnmp.hlapi", "pysnmp.entity.engine", "netmiko")  # pysnmp.proto (values) is light

PROBE = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from egovops.storage import open_database
    from egovops_ui.app import LanguageSwitcher
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession
    window = MainWindow(ConsoleSession(open_database(sys.argv[1])), LanguageSwitcher(app))
    assert window.screen_errors == {}, window.screen_errors
    print(" ".join(sorted(set(sys.modules) & set(sys.argv[2:]))))
    """
)


def test_the_main_window_with_every_screen_installed_imports_nothing_heavy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "store.sqlite3"), *HEAVY],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ""
