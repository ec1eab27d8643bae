"""The real console, opened by code: for the UI tests, the screenshot scripts and the console benchmarks.

One way to start it, so a change to how the console starts (a new argument of ``ConsoleSession``,
a new step before the first picture) is made here once and every test, script and benchmark
follows. Nothing here is used by the console itself; it needs no pytest, so scripts can use it too.

    console = open_console(store, "zh_CN")         # window shown, first overview on screen
    console.wait_for(lambda: console.session.operator is not None, what="the operator")
    console.shoot(out / "overview-zh_CN.png")       # the window; screen=True for dialogs and menus
    console.close()

    in_each_language(partial(shoot, out))           # shoot(out, language), once per language,
                                                    # each in a fresh process
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from egovops.overview.live import LivePolling
from egovops.paths import database_path
from egovops.storage.database import Database, open_database
from egovops_ui.app import LANGUAGES, LanguageSwitcher, create_application
from egovops_ui.main_window import MainWindow
from egovops_ui.session import ConsoleSession

WAIT_S = 30.0  # generous for a loaded machine; a wait that passes returns as soon as it can
SIZE = (1600, 1000)  # what the screenshots are taken at (the Xvfb screen of the scripts is this size)

_settings_folder: list[Path] = []  # the one chosen last, if any


def private_settings(folder: Path | None = None) -> Path:
    """Window state and the language choice go to ``folder`` (or a temporary one), never the operator's.

    Without ``folder`` the folder chosen before is kept, so a test's own folder is not replaced
    by the console it opens.
    """
    if folder is None and _settings_folder:
        return _settings_folder[-1]
    folder = folder or Path(tempfile.mkdtemp(prefix="egovops-settings-"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    _settings_folder[:] = [folder]
    return folder


def wait_for(check: Callable[[], object], timeout: float = WAIT_S, what: str = "the console") -> None:
    """Run Qt's event loop until ``check()`` is true; TimeoutError after ``timeout`` seconds."""
    app = create_application([])
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}")
        app.processEvents()
        time.sleep(0.01)  # let the workers' threads run; the queued results arrive on the next turn


def settle(seconds: float = 0.3) -> None:
    """Run the event loop a little: layouts, repaints and timers of zero length catch up."""
    app = create_application([])
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


@dataclass
class Console:
    """A main window on a session, started; ``close()`` stops the session and the window."""

    app: QApplication
    switcher: LanguageSwitcher
    session: ConsoleSession
    window: MainWindow
    _owned: Database | None = field(default=None, repr=False)

    def wait_for(self, check: Callable[[], object], timeout: float = WAIT_S, what: str = "the console") -> None:
        wait_for(check, timeout, what)

    def settle(self, seconds: float = 0.3) -> None:
        settle(seconds)

    def shoot(self, path: Path, widget: QWidget | None = None, screen: bool = False) -> Path:
        """Save a PNG of ``widget`` (default: the main window), or of the whole screen with ``screen``:
        a dialog or a popup menu is a window of its own, outside the main window's picture."""
        self.settle()
        picture = self.app.primaryScreen().grabWindow(0) if screen else (widget or self.window).grab()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not picture.save(str(path)):
            raise OSError(f"could not write {path}")
        return path

    def close(self) -> None:
        self.session.stop()
        self.window.close()
        self.window.deleteLater()
        self.settle(0.1)
        if self._owned is not None:
            self._owned.close()


def open_console(
    store: Database | Path, language: str = "en", *, live: LivePolling | None = None, refresh_ms: int = 600_000,
    start: bool = True, timeout: float = WAIT_S,
) -> Console:
    """The console on ``store`` (a database, its file or its data folder) in ``language``.

    With ``start`` (the default) the session starts and this returns once the first overview is
    on the window. ``refresh_ms`` is long by default so that nothing reloads behind a test's back.
    """
    private_settings()
    app = create_application([])
    switcher = LanguageSwitcher(app)
    switcher.apply(language)
    owned = None
    if not isinstance(store, Database):
        owned = store = open_database(database_path(store) if store.is_dir() else store)
    session = ConsoleSession(store, refresh_ms=refresh_ms, live=live)
    window = MainWindow(session, switcher)
    window.resize(*SIZE)
    window.show()
    console = Console(app, switcher, session, window, owned)
    if start:
        shown: list[object] = []
        session.overviewChanged.connect(shown.append)
        session.start()
        console.wait_for(lambda: shown, timeout, "the console's first overview")
        session.overviewChanged.disconnect(shown.append)
    return console


def in_each_language(work: Callable[[str], object], languages: Sequence[str] = LANGUAGES, timeout: float = 600) -> None:
    """``work(language)`` for each language, each in a fresh process: one QApplication, one language,
    as an operator's console has, and nothing one language left behind seen by the next.

    ``work`` must be picklable (a module-level function, or a ``functools.partial`` of one): the
    child is started with multiprocessing's "spawn", which imports the caller's module anew.
    """
    context = multiprocessing.get_context("spawn")
    for language in languages:
        child = context.Process(target=_child, args=(work, language, timeout), name=f"console-{language}")
        child.start()
        child.join(timeout)
        if child.is_alive():
            child.terminate()
            child.join(10)
            raise TimeoutError(f"{language}: still running after {timeout:g} s")
        if child.exitcode != 0:
            raise RuntimeError(f"{language}: the child process ended with exit code {child.exitcode}")


def _child(work: Callable[[str], object], language: str, timeout: float) -> None:
    # A child that hangs says where before it is stopped, instead of only "still running".
    faulthandler.dump_traceback_later(max(timeout - 5, 1), exit=True)
    work(language)
