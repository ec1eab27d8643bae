"""The log file every egovops process writes: ``<data dir>/logs/egovops.log``, rotated.

An operator tells a slow network from an overloaded console partly from here, so every process
(command line, poller, console) logs to the same place. Secrets never reach a log: they travel as
``Secret`` objects whose repr is masked.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from egovops.paths import log_dir

LOG_FILE = "egovops.log"
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def setup_logging(data_folder: Path, level: int = logging.INFO) -> Path:
    """Send the ``egovops`` loggers to the rotating file; idempotent per process."""
    path = log_dir(data_folder) / LOG_FILE
    logger = logging.getLogger("egovops")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=10 * 1024 * 1024, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
    logger.setLevel(level)
    return path
