"""The PySide6 desktop console (installed as ``egovops_ui``)."""

from egovops_ui import qt_compat  # noqa: F401  (must run before any other Qt call of the console)
