"""Guard against a PySide6 6.12 bug: ``Signal.emit()`` returns ``True`` without a new reference.

Every emit from Python then drops one reference to ``True``. On CPython 3.12+ ``True``
is immortal and nothing happens; on 3.11 a few thousand emits (a clerk's afternoon of
typing) take its count to zero and the interpreter aborts ("bool_dealloc"). ``True`` is
a static object that must never be freed, so giving it a large reserve of references
is safe and makes it as immortal as 3.12 does. ``tests/ui/test_pyside_fixes.py`` shows
the bug and the guard.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # far more emits than any session makes


def emit_drops_a_reference() -> bool:
    """True when this PySide6 loses a reference to ``True`` on each emit (measured, not guessed)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def install() -> bool:
    """Give ``True`` its reserve where the bug bites; True when the guard was needed."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not emit_drops_a_reference():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(True))
    if refcount.value < RESERVE:
        refcount.value += RESERVE
    return True
