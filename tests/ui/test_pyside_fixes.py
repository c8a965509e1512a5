"""The guard for PySide6's emit reference bug keeps a long editing session alive."""

from __future__ import annotations

import subprocess
import sys

LONG_SESSION = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
import ggbg_desktop.ui  # installs the guard
app = QCoreApplication([])
class Typist(QObject):
    key = Signal()
typist = Typist()
for _ in range(200000):  # far more emits than True has references without the guard
    typist.key.emit()
print("alive")
"""


def test_many_emits_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-400:]
    assert "alive" in done.stdout
