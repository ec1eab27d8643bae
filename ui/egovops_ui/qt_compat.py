"""Where PySide6 releases differ, the console goes through this module and nowhere else.

Supported: PySide6 6.9.3 (the newest a Kylin V10 desk, glibc 2.28, gets from pip; the lower bound in
pyproject.toml, tested in .venv-oldest by scripts/test) up to the newest release.

1. Filter changes of a QSortFilterProxyModel (``filter_change``): 6.9 has ``beginFilterChange()``
   followed by ``invalidateRowsFilter()``; 6.10 added ``endFilterChange()`` and deprecated the
   invalidate calls.
2. A reference-counting defect of PySide6 6.12.0 on Python 3.11 (``make_singletons_immortal``):

that release hands ``None``, ``True`` and ``False`` back to Python without owning a reference to
them in several places (``SignalInstance.emit()`` returns ``True`` this way; ``QGraphicsScene.render``
and Python overrides called from C++ do it with ``None``). From Python 3.12 on these objects are
immortal and nothing happens; on 3.11 every such call takes one reference off them, and after a few
thousand calls (seconds of map painting) the interpreter aborts with "Fatal Python error:
none_dealloc" or "bool_dealloc".

When the running PySide6 is seen to lose references, the console does what Python 3.12 does: it
makes these singletons effectively immortal by giving them a reference count no leak can drain.
They are never freed by a live interpreter anyway, so the extra count changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QSortFilterProxyModel, Signal


@contextmanager
def filter_change(proxy: QSortFilterProxyModel) -> Iterator[None]:
    """Bracket a change of the proxy's own row filter (the attributes filterAcceptsRow reads)."""
    proxy.beginFilterChange()  # 6.9+: finishes a pending sort first so rows are not lost
    yield
    if hasattr(proxy, "endFilterChange"):  # 6.10+
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # 6.9: begin has no end yet; invalidating the rows is its documented partner
        proxy.invalidateRowsFilter()


# Far beyond any drain rate (a billion leaks a second would take decades), far below overflow.
_RESERVE = 1 << 60
_SINGLETONS = (None, True, False, Ellipsis, NotImplemented)


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """Whether this PySide6 drops a reference to True on every emit (the defect's cheapest symptom)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    return sys.getrefcount(True) <= before - 8


def make_singletons_immortal() -> bool:
    """Apply the work-around if this interpreter and PySide6 need it; True if applied."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount") or not emit_loses_references():
        return False  # immortal already, a debug build (different object header), or a fixed PySide6
    for obj in _SINGLETONS:
        # ob_refcnt is the first field of every object in release builds of CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    return True


APPLIED = make_singletons_immortal()
