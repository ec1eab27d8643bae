"""Work-around for a reference-counting defect of PySide6 6.12.0 on Python 3.11.

That release hands ``None``, ``True`` and ``False`` back to Python without owning a reference to
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

from PySide6.QtCore import QObject, Signal

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
