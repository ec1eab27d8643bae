"""A run's own log file (``runs/<run id>/run.log``), kept with its artefacts.

Only device names, statuses and messages are logged; secret parameters are masked before they
reach a log call, and ``Secret`` objects print as ``***`` even by mistake.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from egovops.paths import private_folder, write_private


class _DeviceDefault(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "device"):
            record.device = "-"
        return True


@contextmanager
def open_run_log(root: Path, run_id: str, procedure_id: str) -> Iterator[logging.Logger]:
    folder = private_folder(root / run_id)
    if not (folder / "run.log").exists():
        write_private(folder / "run.log", b"")  # 0600 before the handler appends to it
    logger = logging.getLogger(f"egovops.procedures.{procedure_id}.{run_id}")
    logger.setLevel(logging.INFO)
    logger.propagate = True
    handler = logging.FileHandler(folder / "run.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(device)s] %(message)s"))
    handler.addFilter(_DeviceDefault())
    logger.addHandler(handler)
    try:
        yield logger
    finally:
        logger.removeHandler(handler)
        handler.close()
