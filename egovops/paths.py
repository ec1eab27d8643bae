"""Where egovops keeps its files.

The per-user data folder comes from platformdirs (XDG on Linux/Kylin/UOS, AppData on Windows);
``EGOVOPS_HOME`` or the command line's ``--data-dir`` override it, which is how tests and several
side-by-side installations keep their stores apart.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "egovops"
DATABASE_FILE = "egovops.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created on first use."""
    chosen = override or os.environ.get("EGOVOPS_HOME")
    folder = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_path(folder: Path) -> Path:
    return folder / DATABASE_FILE


def log_dir(folder: Path) -> Path:
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    return logs
