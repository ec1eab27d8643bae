"""One line for every way a command can fail, never a traceback.

The core's own errors already say what went wrong. What is left are failures of the machine
around it: a data folder that cannot be written, a store file that is not a store, a missing
output folder, a keyring backend that cannot be loaded. Each becomes one line naming the file or
the setting, and exit code 1; anything unforeseen still gets one line, and its traceback goes to
the log file (if one could be opened), where a maintainer can find it.
"""

from __future__ import annotations

import logging

from egovops.i18n import tr

log = logging.getLogger("egovops.cli")


def _database_message(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    detail = str(orig or exc).splitlines()[0]
    lowered = detail.lower()
    if "not a database" in lowered or "malformed" in lowered or "disk image" in lowered:
        return tr("the store file is damaged or not an egovops store ({detail}); it was left untouched: "
                  "restore it from a backup", detail=detail)
    if "readonly" in lowered or "read-only" in lowered:
        return tr("the store cannot be written ({detail}): check the data folder's permissions and free space",
                  detail=detail)
    if "locked" in lowered:
        return tr("the store is busy ({detail}): another egovops process holds it; try again", detail=detail)
    return tr("the store cannot be used: {detail}", detail=detail)


def describe(exc: BaseException) -> str:
    """The one line an operator sees for ``exc``."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    if isinstance(exc, (DBAPIError, SQLAlchemyError)):
        return _database_message(exc)
    if isinstance(exc, OSError):
        where = exc.filename or ""
        reason = exc.strerror or type(exc).__name__
        if isinstance(exc, FileNotFoundError) and where:
            return tr("{path}: no such file or folder", path=where)
        return tr("{path}: {reason}", path=where, reason=reason) if where else reason
    if isinstance(exc, MemoryError):
        return tr("out of memory")
    log.error("unexpected failure", exc_info=exc)
    return tr("unexpected failure ({kind}: {message}); the details are in the log file", kind=type(exc).__name__,
              message=str(exc).splitlines()[0] if str(exc) else "")
