"""Fixtures for driving the real window: isolated settings and recovery folder, dialogs that answer."""

from __future__ import annotations

import pytest

from ggbg_desktop.ui.dialogs import CANCEL, Dialogs


class ScriptedDialogs(Dialogs):
    """Answers the window's questions from a script and records what it was asked."""

    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.infos: list[str] = []
        self.asked_save: list[str] = []
        self.save_answer = CANCEL
        self.restore_answer = True
        self.restore_asked: list[str] = []
        self.import_logs: list = []
        self.import_answer = True
        self.open_paths: list[str] = []
        self.save_path: str | None = None
        self.export_path: str | None = None
        self.dialogs_run: list = []

    def error(self, parent, message, title="无法完成"):
        self.errors.append((title, message))

    def info(self, parent, message, title="提示"):
        self.infos.append(message)

    def ask_save_changes(self, parent, name):
        self.asked_save.append(name)
        return self.save_answer

    def ask_restore(self, parent, description):
        self.restore_asked.append(description)
        return self.restore_answer

    def confirm_import(self, parent, result, source, accept_text="替换当前报告"):
        self.import_logs.append((result, source, accept_text))
        return self.import_answer

    def open_file(self, parent, caption, directory, filters):
        return self.open_paths.pop(0) if self.open_paths else None

    def save_file(self, parent, caption, suggested, filters):
        return self.save_path, filters.split(";;")[0]

    def choose_export_target(self, parent, suggested, filters):
        return self.export_path, filters.split(";;")[0]

    def run_dialog(self, dialog):
        self.dialogs_run.append(dialog)
        return False


@pytest.fixture
def dialogs():
    return ScriptedDialogs()


@pytest.fixture
def make_window(qtbot, tmp_path, dialogs):
    """A factory for main windows sharing one settings file and recovery folder (a 'machine')."""
    from PySide6.QtCore import QSettings

    from ggbg_desktop.ui.main_window import MainWindow
    from ggbg_desktop.ui.settings import AppSettings

    windows = []

    def make(dialogs_=None, autosave_ms=60000):
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings=settings, dialogs=dialogs_ or dialogs, recovery_dir=tmp_path / "recovery",
                            autosave_ms=autosave_ms)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.state.undo_stack.setClean()
        window.state._forced_dirty = False
        window.autosaver.stop()


@pytest.fixture
def window(make_window):
    return make_window()
