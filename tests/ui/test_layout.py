"""The window on a 1366×768 office laptop: it fits, every tab shows, tables use the width, headings stay."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

MEASURE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from ggbg_desktop.report import CellRef
    from ggbg_desktop.ui.main_window import MainWindow
    from ggbg_desktop.ui.settings import AppSettings
    home = Path(sys.argv[1])
    window = MainWindow(settings=AppSettings(QSettings(str(home / "s.ini"), QSettings.Format.IniFormat)),
                        recovery_dir=home / "recovery")
    window.show()
    app.processEvents()
    screen = window.screen().availableGeometry()
    out = {"screen": [screen.x(), screen.y(), screen.width(), screen.height()],
           "first": [window.frameGeometry().x(), window.frameGeometry().y(),
                     window.frameGeometry().width(), window.frameGeometry().height()]}
    window.showMaximized()
    for _ in range(5):
        app.processEvents()
    bar = window.tabs.tabBar()
    out["tab_bar"] = bar.rect().width()
    out["tabs"] = [[bar.tabRect(i).x(), bar.tabRect(i).right()] for i in range(bar.count())]
    out["scroll"] = {}
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        for _ in range(3):
            app.processEvents()
    for table, view in window.table_views.items():
        window.tabs.setCurrentWidget(window.part_pages[{"t2": "p2", "t3": "p3", "t4": "p4"}[table]])
        app.processEvents()
        out["scroll"][table] = view.horizontalScrollBar().maximum()
    view = window.table_views["t3"]
    window.tabs.setCurrentWidget(window.part_pages["p3"])
    last = CellRef("t3", 24, 5)
    view.go_to(last)
    app.processEvents()
    cell = view.visualRect(view.table_model.index_of(last))
    out["last_cell"] = [cell.top(), cell.bottom(), view.viewport().height()]
    header = getattr(view, "frozen", None)  # the frozen heading rows
    out["header"] = [header is not None and header.isVisible(), header.geometry().top() if header else 0,
                     header.height() if header else 0, view.viewport().geometry().top()]
    out["status_bar"] = window.statusBar().isVisible() and window.statusBar().geometry().bottom() < window.height()
    print(json.dumps(out))
""")


def test_the_window_fits_a_1366x768_screen(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-c", MEASURE, str(tmp_path)], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    sx, sy, sw, sh = out["screen"]
    assert (sw, sh) == (1366, 768)
    x, y, w, h = out["first"]
    assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, out["first"]
    assert len(out["tabs"]) == 6
    for left, right in out["tabs"]:
        assert left >= 0 and right < out["tab_bar"], out["tabs"]  # every tab shown, none behind arrows
    assert out["scroll"] == {"t2": 0, "t3": 0, "t4": 0}  # no table scrolls sideways
    top, bottom, height = out["last_cell"]
    assert top >= 0 and bottom <= height, out["last_cell"]  # the last row of 表三 is in view …
    visible, header_top, header_height, viewport_top = out["header"]
    assert visible and header_height > 40 and header_top + header_height <= viewport_top + 1, out["header"]
    assert out["status_bar"]
