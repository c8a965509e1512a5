"""Start the editor window: ``ggbg-desktop [--exit-when-ready] [FILE]``.

Start-up is measured (``benchmarks/bench_startup.py``): the window loads on first use what
its first paint does not need (dialogs, table views, readers, writers), and the modules it
does need that do not use Qt are imported before PySide6. PySide6 reads the source of every
module imported after it (to find out whether the module uses Qt); the domain modules are
spared that, and the sources it did read are dropped again before the window is built.
"""

from __future__ import annotations

import sys

USAGE = """用法：ggbg-desktop [--exit-when-ready] [文件]

打开政府信息公开工作年度报告编辑器。
  文件                 要打开的年报文件（.ggbg），或要导入的 Word、Excel、网页、文本文件
  --exit-when-ready    打开窗口（并载入文件）、绘制一次后退出，用于测量启动时间和冒烟测试
"""


class Arguments:
    def __init__(self) -> None:
        self.file: str | None = None
        self.exit_when_ready = False


def _parse(argv: list[str]) -> Arguments:
    """The two options by hand: argparse alone would cost a noticeable part of start-up."""
    args = Arguments()
    for arg in argv:
        if arg in ("-h", "--help"):
            print(USAGE)
            raise SystemExit(0)
        if arg == "--exit-when-ready":
            args.exit_when_ready = True
        elif arg.startswith("-") and arg != "-":
            sys.stderr.write(f"未知选项：{arg}\n\n{USAGE}")
            raise SystemExit(2)
        elif args.file is None:
            args.file = arg
        else:
            sys.stderr.write(f"只能打开一个文件\n\n{USAGE}")
            raise SystemExit(2)
    return args


def _application(argv0: str):
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from . import APP_NAME
    from .ui.fonts import ui_font
    from .ui.settings import APPLICATION, ORGANIZATION
    from .ui.translations import install_chinese

    running = QApplication.instance()
    if isinstance(running, QApplication):
        app = running
    else:
        # Fractional scaling (125 %, 150 % on office laptops) rendered exactly, not rounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([argv0])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale("zh_CN"))  # by name: the Language/Country enums cost 30 ms to build
    install_chinese(app)  # Qt's own buttons and dialogs in Chinese
    app.setFont(ui_font())
    return app


def _import_domain() -> None:
    """The modules every start needs that do not use Qt: the report, its checks, the native file."""
    from .formats import native  # noqa: F401
    from .report import checks  # noqa: F401


def _forget_read_sources() -> None:
    """Drop the module sources PySide6 read into linecache while importing the window (~2 MB)."""
    import linecache

    linecache.clearcache()


def _paint_once(app, window) -> None:
    """Process events until the window has been painted (it is shown, so the platform exposes it)."""
    import time

    from PySide6.QtCore import QEvent, QObject

    painted = []

    class _Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(obj)
            return False

    watcher = _Painted()
    window.installEventFilter(watcher)
    deadline = time.monotonic() + 10
    while not painted and time.monotonic() < deadline:
        app.processEvents()
    window.removeEventFilter(watcher)


def _end_process(code: int) -> None:
    """End the program without the interpreter's teardown.

    When the window has closed, everything that must outlive the process is already on
    disk: the file was saved or discarded on the clerk's word, the autosaver removed its
    working copy and lock, the settings were synced. What remains is Python freeing some
    two hundred modules and Qt its objects one by one — 50–80 ms of CPU on every exit
    (``docs/benchmarks.md``), which also keeps the process alive after its window is gone.
    """
    import os

    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """The program; called with ``argv`` (tests) it returns the exit status instead of ending the process."""
    code = _run(_parse(list(sys.argv[1:] if argv is None else argv)))
    if argv is None:
        _end_process(code)
    return code


def _run(args: Arguments) -> int:
    _import_domain()
    app = _application(sys.argv[0] if sys.argv else "ggbg-desktop")

    from .ui.main_window import MainWindow

    _forget_read_sources()
    if args.exit_when_ready:
        from .ui.dialogs import UnattendedDialogs

        dialogs = UnattendedDialogs()
        window = MainWindow(dialogs=dialogs)  # nobody is there to answer a dialog
        if args.file:  # opened before showing: the window is laid out and painted once, with the report
            window.open_path(args.file)
            while window.worker.busy:  # an import runs in the worker: wait for it
                window.worker.wait(50)
                app.processEvents()
        window.show()
        _paint_once(app, window)
        window.autosaver.stop()
        window.settings.sync()
        return 1 if dialogs.errors else 0
    from PySide6.QtCore import QTimer

    window = MainWindow()
    window.show()

    def after_start() -> None:
        restored = window.offer_recovery()
        if args.file and not restored:
            window.open_file(args.file)

    QTimer.singleShot(0, after_start)
    return app.exec()
