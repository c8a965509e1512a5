"""Qt's own texts (file dialog, message-box buttons, print dialogs) in Chinese."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QTranslator


def translation_dirs() -> list[str]:
    """Where qtbase_zh_CN.qm may be: Qt's configured path, and PySide6's own folder (a bundle may
    move Qt's files where the configured path no longer points)."""
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    package = Path(PySide6.__file__).resolve().parent
    dirs += [str(package / "Qt" / "translations"), str(package / "translations")]
    return dirs


def install_chinese(app) -> bool:
    """Install qtbase_zh_CN once for ``app``; True when Qt's texts are now Chinese."""
    if getattr(app, "_ggbg_translator", None) is not None:
        return True
    translator = QTranslator(app)
    for directory in translation_dirs():
        if translator.load("qtbase_zh_CN", directory):
            app.installTranslator(translator)
            app._ggbg_translator = translator  # kept alive with the application
            return True
    return False
