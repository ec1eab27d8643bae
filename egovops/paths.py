"""Where egovops keeps its files.

The per-user data folder comes from platformdirs (XDG on Linux/Kylin/UOS, AppData on Windows);
``EGOVOPS_HOME`` or the command line's ``--data-dir`` override it, which is how tests and several
side-by-side installations keep their stores apart.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "egovops"
DATABASE_FILE = "egovops.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created on first use."""
    chosen = override or os.environ.get("EGOVOPS_HOME")
    folder = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if not folder.is_dir():
        private_folder(folder)  # the store holds configurations and the audit trail: owner only
    return folder


def database_path(folder: Path) -> Path:
    return folder / DATABASE_FILE


def log_dir(folder: Path) -> Path:
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    return logs


PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def private_folder(folder: Path) -> Path:
    """``folder`` (and missing parents) created readable by the owner only: run folders hold
    configurations and logs of devices, which other local users have no business reading."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    for made in missing:
        os.chmod(made, PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)
    return folder


def write_private(path: Path, content: str | bytes) -> Path:
    """Write ``content`` to a file only its owner can read, whatever the umask; the mode is set
    when the file is created, so there is no moment when it is readable by others."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(path, PRIVATE_FILE)  # an existing file keeps its old mode through O_CREAT
    return path


def safe_file_name(name: str, fallback: str = "unnamed") -> str:
    """A file name made from ``name`` (a device name, an artefact name) that stays inside the folder
    it is joined to: no separators, no ``.``/``..``, no leading dot, no control characters. A name
    that had to change gets a short digest of the original, so two names never share a file; an
    extension (".cfg") is kept."""
    stem, dot, suffix = name.rpartition(".")
    if not (dot and suffix.isalnum() and len(suffix) <= 8):
        stem, suffix = name, ""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).lstrip(".")[:100]
    if cleaned != stem or not cleaned:
        cleaned = f"{cleaned or fallback}-{hashlib.sha256(name.encode('utf-8', 'replace')).hexdigest()[:8]}"
    return f"{cleaned}.{suffix}" if suffix else cleaned
