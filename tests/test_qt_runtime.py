"""The guard for PySide6's reference bugs keeps long sessions alive; the shared application works for widgets."""

from __future__ import annotations

import subprocess
import sys

LONG_SESSION = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
from ggbg_desktop.qt_runtime import guard_reference_bugs
guard_reference_bugs()
app = QCoreApplication([])
class Typist(QObject):
    key = Signal()
typist = Typist()
for _ in range(200000):  # more emits and void calls than True and None have references unguarded
    typist.key.emit()
    typist.setObjectName("x")
print("alive")
"""


def test_many_emits_and_void_calls_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-400:]
    assert "alive" in done.stdout


def test_pdf_export_needs_no_qt_application():
    """The PDF is typeset by Typst: exporting one imports no Qt (the CLI stays Qt-free), and a
    window started afterwards creates its application as usual."""
    code = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import sys; sys.path.insert(0, "tests")
from conftest import complete_report
from ggbg_desktop.formats.registry import ExportOptions, WRITERS, export_bytes
pdf = export_bytes(complete_report(), next(f for f in WRITERS if f.name == "pdf"), ExportOptions())
assert pdf.startswith(b"%PDF")
assert not [m for m in sys.modules if m.startswith("PySide6")], "PDF export imported Qt"
from ggbg_desktop.qt_runtime import ensure_application
ensure_application()
from PySide6.QtWidgets import QLabel
label = QLabel("表三"); label.show()
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-600:]
    assert "ok" in done.stdout
