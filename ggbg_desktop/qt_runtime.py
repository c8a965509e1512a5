"""The Qt runtime for code outside the window: one application object, and a guard for PySide6's
reference bugs.

PySide6 6.12.0 (excluded in pyproject.toml) returns ``True`` from ``Signal.emit()`` and
``None`` from void methods without taking a reference. Where those objects are immortal
(CPython ≥ 3.12) nothing happens; on 3.11 a few thousand calls — an afternoon of typing,
one PDF export — take a count to zero and the interpreter aborts ("bool_dealloc",
"deallocating None"). The guard measures whether the running PySide6 has the fault and
only then gives the object a reserve of references it cannot use up; both are static
objects that are never freed, so the reserve changes nothing else.
"""

from __future__ import annotations

import os
import sys

RESERVE = 1 << 40
_app = None  # an application this module had to create, kept alive


def _leaks(obj, action) -> bool:
    before = sys.getrefcount(obj)
    for _ in range(8):
        action()
    return sys.getrefcount(obj) < before


def guard_reference_bugs() -> list[str]:
    """Reserve references for ``True``/``None`` where this PySide6 drops them; returns which."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return []
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    guarded = []
    for name, obj, action in (("True", True, probe.ping.emit),
                              ("None", None, lambda: probe.setObjectName("probe"))):
        if _leaks(obj, action):
            import ctypes

            refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt, PyObject's first field
            if refcount.value < RESERVE:
                refcount.value += RESERVE
            guarded.append(name)
    return guarded


def ensure_application():
    """The running Qt application, or a new QApplication (offscreen without a display).

    A full QApplication rather than a QGuiApplication, so that a window or dialog opened
    later in the same process (tests, the editor's print preview) still works.
    """
    from PySide6.QtWidgets import QApplication

    global _app
    app = QApplication.instance()
    if app is not None:
        return app
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    guard_reference_bugs()
    _app = QApplication(sys.argv[:1] or ["ggbg"])
    return _app
