"""What both screenshot scripts do: open the real window on a report, then show and grab each step.

Under Xvfb there is no window manager, so the window is "maximized" by hand to the screen size;
each step's screen is grabbed with ImageMagick's ``import`` and reduced to a 256-colour PNG.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
Step = tuple[Callable[[], None], str]  # what to do, and the name of the PNG that shows it


def open_window(report, path: Path, size: str, settings=None):
    """The application and a main window on ``report``, filling a ``WxH`` screen."""
    from ggbg_desktop.app import _application
    from ggbg_desktop.ui.dialogs import UnattendedDialogs
    from ggbg_desktop.ui.main_window import MainWindow

    app = _application("ggbg-desktop")
    extra = {"settings": settings} if settings is not None else {}
    window = MainWindow(dialogs=UnattendedDialogs(), recovery_dir=Path("/tmp/ggbg-shot-recovery"), **extra)
    window.state.load(report, path)
    width, height = (int(n) for n in size.split("x"))
    window.setGeometry(0, 0, width, height)
    window.show()
    return app, window


def shoot(app, window, steps: list[Step], size: str, pause_ms: int, before_quit=None) -> int:
    """Run each step, wait ``pause_ms`` for the paint, grab ``<size>-<name>.png``; quit after the last."""
    from PySide6.QtCore import QTimer

    def run(i: int = 0) -> None:
        if i > 0:
            out = HERE / f"{size}-{steps[i - 1][1]}.png"
            subprocess.run(["import", "-window", "root", str(out)], check=True)
            subprocess.run(["convert", str(out), "-colors", "256", "-strip", f"PNG8:{out}"], check=False)
            print("wrote", out)
        if i == len(steps):
            if before_quit:
                before_quit()
            window.state.undo_stack.setClean()
            window.autosaver.stop()
            app.quit()
            return
        steps[i][0]()
        QTimer.singleShot(pause_ms, lambda: run(i + 1))

    QTimer.singleShot(1000, run)
    return app.exec()
