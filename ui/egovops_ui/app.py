"""The console application: QApplication, translators, CJK font, settings, and running the window."""

from __future__ import annotations

import logging
import signal
import sys
import time
from typing import TYPE_CHECKING, Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from egovops import i18n
from egovops.accounts.signin import SignIn, sign_in_required
from egovops.overview.live import LivePolling
from egovops.storage.database import Database

if TYPE_CHECKING:
    from egovops_ui.session import ConsoleSession

log = logging.getLogger("egovops.console")  # under "egovops": goes to the data folder's log file
ORGANISATION = "egovops"
APPLICATION = "console"
LANGUAGES = ("zh_CN", "en")
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def choose_language(explicit: str | None = None) -> str:
    """--lang first, then the operator's last choice, then the system locale."""
    if explicit in LANGUAGES:
        return explicit  # type: ignore[return-value]
    stored = settings().value("language")
    return stored if stored in LANGUAGES else system_language()


def cjk_family() -> str | None:
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


def translations_folder() -> Path:
    return Path(str(resources.files("egovops_ui").joinpath("i18n")))


class LanguageSwitcher(QObject):
    """Installs the console's and Qt's own translators for a language and picks a font that has its glyphs."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.language = "en"
        self.default_font = QFont(app.font())
        self._translators: list[QTranslator] = []

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        # One catalogue for the shell (egovops_*) and one per screen package (screens.py), so each
        # screen's strings are kept next to the others without one file for everything.
        catalogues = [(f"egovops_{language}", translations_folder())]
        catalogues += [(p.stem, translations_folder()) for p in sorted(translations_folder().glob(f"*_{language}.qm"))
                       if p.stem != f"egovops_{language}"]
        catalogues.append((f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))))
        for name, folder in catalogues:
            translator = QTranslator(self)
            if translator.load(name, str(folder)):
                self.app.installTranslator(translator)  # sends LanguageChange to every widget
                self._translators.append(translator)
        self.app.setFont(self._font_for(language))
        i18n.set_language(language)  # core messages (errors from the store) follow the console
        self.language = language
        settings().setValue("language", language)

    def _font_for(self, language: str) -> QFont:
        font = QFont(self.default_font)
        family = cjk_family() if language == "zh_CN" else None
        if family:
            # Latin text keeps the default face; Han characters come from the CJK face.
            font.setFamilies([family, *font.families()] if language == "zh_CN" else font.families())
        return font


def _quit_on_sigterm(app: QApplication) -> None:
    """SIGTERM closes the window normally, so the console stops its poller and demo network."""
    signal.signal(signal.SIGTERM, lambda _signum, _frame: app.quit())
    # Python runs signal handlers only between bytecodes: a timer gives it a chance while Qt waits.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return app  # type: ignore[return-value]


def run_console(
    database: Database, language: str | None = None, started: float | None = None,
    live: LivePolling | None = None, wait_for: Callable[[], None] | None = None,
) -> int:
    """Open the main window on ``database`` and run until it closes (or SIGTERM); returns the exit code.

    With ``live`` the console also polls, in the background, after ``wait_for`` returns.
    """
    from egovops.overview.service import Overview
    from egovops_ui.main_window import MainWindow
    from egovops_ui.session import ConsoleSession

    started = started or time.monotonic()
    app = create_application()
    switcher = LanguageSwitcher(app)
    switcher.apply(choose_language(language))
    session = ConsoleSession(database, live=live, wait_for=wait_for)
    if not _signed_in(database, session):
        return 1
    window = MainWindow(session, switcher)
    _quit_on_sigterm(app)

    shown: set[str] = set()

    def first_picture(overview: Overview) -> None:
        # How long a newcomer waits for the window, then for the living province (acceptance:
        # under 15 s); benchmarks/console_startup.py reads these lines.
        if "window" not in shown:
            shown.add("window")
            log.info("console ready: %d devices shown %.1f s after start", len(overview.devices), time.monotonic() - started)
        polled = sum(1 for h in overview.health.values() if h.last_poll is not None and h.state != "unknown")
        if overview.poll is not None and polled:
            log.info("console living: %d of %d devices with a polled state %.1f s after start",
                     polled, len(overview.devices), time.monotonic() - started)
            session.overviewChanged.disconnect(first_picture)

    session.overviewChanged.connect(first_picture)
    window.show()
    session.start()
    code = app.exec()
    session.stop()
    if session.operator is not None and session.operator.source == "local":
        try:
            SignIn(database).sign_out(session.operator)  # the desk's sign-out, in the audit trail
        except Exception as exc:  # noqa: BLE001 - the store may be gone by now; closing must still succeed
            log.warning("sign-out of %s not recorded: %s: %s", session.operator.label(), type(exc).__name__, exc)
    return code


def _signed_in(database: Database, session: ConsoleSession) -> bool:
    """On a shared store with accounts, nothing is shown before a local account signs in (issue 17);
    False if the operator quit instead. An embedded store trusts the OS user: True at once."""
    from PySide6.QtWidgets import QDialog

    from egovops_ui.signin_dialog import SignInDialog

    if not sign_in_required(database):
        return True
    dialog = SignInDialog(database)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.operator is None:
        return False
    session.set_operator(dialog.operator)
    return True
