"""Start the editor window (``ggbg-desktop``). Placeholder until the editor lands."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

    from .report.schema import PARTS

    argv = list(sys.argv[1:] if argv is None else argv)
    exit_when_ready = "--exit-when-ready" in argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("政府信息公开年报编辑器")
    tabs = QTabWidget()
    for part in PARTS:
        tabs.addTab(QLabel(part.heading), f"{part.number}、{part.title}")
    window.setCentralWidget(tabs)
    window.resize(1100, 760)
    window.show()
    if exit_when_ready:
        QTimer.singleShot(0, app.quit)
    return app.exec()
