"""Start the editor window: ``ggbg-desktop [--exit-when-ready] [FILE]``."""

from __future__ import annotations

import sys
from dataclasses import dataclass

USAGE = """用法：ggbg-desktop [--exit-when-ready] [文件]

打开政府信息公开工作年度报告编辑器。
  文件                 要打开的年报文件（.ggbg），或要导入的 Word、Excel、网页、文本文件
  --exit-when-ready    打开窗口（并载入文件）、绘制一次后退出，用于测量启动时间和冒烟测试
"""


@dataclass
class Arguments:
    file: str | None = None
    exit_when_ready: bool = False


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

    from .ui.fonts import ui_font
    from .ui.settings import APPLICATION, ORGANIZATION
    from .ui.translations import install_chinese

    app = QApplication.instance()
    if app is None:
        # Fractional scaling (125 %, 150 % on office laptops) rendered exactly, not rounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([argv0])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("政府信息公开年报编辑器")
    QLocale.setDefault(QLocale("zh_CN"))  # by name: the Language/Country enums cost 30 ms to build
    install_chinese(app)  # Qt's own buttons and dialogs in Chinese
    app.setFont(ui_font())
    return app


def main(argv: list[str] | None = None) -> int:
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    app = _application(sys.argv[0] if sys.argv else "ggbg-desktop")

    from .ui.main_window import MainWindow

    if args.exit_when_ready:
        from .ui.dialogs import UnattendedDialogs

        dialogs = UnattendedDialogs()
        window = MainWindow(dialogs=dialogs)  # nobody is there to answer a dialog
        window.show()
        if args.file:
            window.open_path(args.file)
            while window.worker.busy:  # an import runs in the worker: wait for it
                window.worker.wait(50)
                app.processEvents()
        window.repaint()  # one full paint of the window with its report
        app.processEvents()
        window.autosaver.stop()
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
