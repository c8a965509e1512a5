"""Fixtures for driving the real window: isolated settings and recovery folder, and Qt's own dialogs
answered from a timer the way a clerk answers them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from ggbg_desktop.ui.dialogs import CANCEL, Dialogs
from ggbg_desktop.ui.import_log_dialog import ImportLogDialog
from ggbg_desktop.ui.translations import install_chinese


@pytest.fixture(scope="session", autouse=True)
def chinese_qt(qapp):
    """As the program sets up its application: Qt's texts in Chinese. File dialogs are Qt's own
    widgets (as on Linux without a desktop), so a test can fill them in on any platform."""
    QLocale.setDefault(QLocale("zh_CN"))
    install_chinese(qapp)
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    return qapp


# ---- a seam for unit tests: every question answered from a script ------------------------
class ScriptedDialogs(Dialogs):
    """Answers the window's questions from a script and records what it was asked."""

    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.infos: list[str] = []
        self.asked_save: list[str] = []
        self.save_answer = CANCEL
        self.import_logs: list = []
        self.import_answer = True
        self.open_paths: list[str] = []
        self.save_path: str | None = None
        self.export_path: str | None = None
        self.despite_errors: list[str] = []  # 导出/打印 asked about a report with errors
        self.despite_errors_answer = True

    def error(self, parent, message, title="无法完成"):
        self.errors.append((title, message))

    def info(self, parent, message, title="提示"):
        self.infos.append(message)

    def ask_save_changes(self, parent, name):
        self.asked_save.append(name)
        return self.save_answer

    def confirm_despite_errors(self, parent, action, errors, first):
        self.despite_errors.append(action)
        return self.despite_errors_answer

    def confirm_import(self, parent, result, source, accept_text="打开"):
        self.import_logs.append((result, source, accept_text))
        return self.import_answer

    def open_file(self, parent, caption, directory, filters):
        return self.open_paths.pop(0) if self.open_paths else None

    def save_file(self, parent, caption, suggested, filters):
        return self.save_path, filters.split(";;")[0]

    def choose_export_target(self, parent, suggested, filters):
        return self.export_path, filters.split(";;")[0]


@pytest.fixture
def dialogs():
    return ScriptedDialogs()


@pytest.fixture
def make_window(qtbot, tmp_path, dialogs):
    """A factory for main windows sharing one settings file and recovery folder (a 'machine').

    ``real=True`` gives the window the program's own dialogs (answered with :class:`Answers`).
    """
    from ggbg_desktop.ui.main_window import MainWindow
    from ggbg_desktop.ui.settings import AppSettings

    windows = []

    def make(dialogs_=None, autosave_ms=60000, real=False):
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings=settings, dialogs=Dialogs() if real else (dialogs_ or dialogs),
                            recovery_dir=tmp_path / "recovery", autosave_ms=autosave_ms)
        # Closed here at the end, not by qtbot: its closing comes before this fixture's teardown
        # and a real window would ask, in a modal box, whether to save.
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    from ggbg_desktop.ui.dialogs import UnattendedDialogs

    for window in windows:
        window.worker.wait()
        QApplication.processEvents()  # a finished job's result arrives on the next turn of the loop
        window.dialogs = UnattendedDialogs()  # whatever is left unsaved is dropped without asking
        window.state.undo_stack.setClean()
        window.state._forced_dirty = False
        window.autosaver.stop()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def real_window(make_window):
    """The window as a clerk gets it: Qt's real file dialogs, message boxes and import log."""
    return make_window(real=True)


# ---- the clerk at the dialogs ------------------------------------------------------------
def plain(text: str) -> str:
    """A menu or button text without its mnemonic and dots: "打开(&O)…" → "打开"."""
    return re.sub(r"\(&.\)|&|…|\.\.\.", "", text).strip()


def find_action(window, menu: str, item: str):
    """The action under menu ``menu`` (e.g. "文件") whose text starts with ``item``, as a clerk finds it."""
    for top in window.menuBar().actions():
        if plain(top.text()).startswith(menu):
            for action in top.menu().actions():
                if plain(action.text()).startswith(item):
                    return action
    raise AssertionError(f"no menu item {menu} → {item}")


def click_button(box, text: str) -> None:
    button = next((b for b in box.findChildren(QAbstractButton) if plain(b.text()) == text and b.isVisible()),
                  None)
    assert button is not None, f"no button “{text}” in {box.windowTitle()}: " + ", ".join(
        plain(b.text()) for b in box.findChildren(QAbstractButton))
    button.click()


class Answers:
    """Qt's real dialogs answered in the order they appear, from a timer, as a clerk answers them.

    ``expect(match, act)`` queues a step; the timer finds the first visible top-level widget that
    ``match`` accepts and ``act``s on it. Modal dialogs run their own event loop, in which the timer
    still fires.
    """

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.steps: list = []
        self.seen: list[str] = []
        self.texts: list[str] = []
        self.errors: list[BaseException] = []
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def expect(self, match, act, label: str = "") -> Answers:
        self.steps.append((match, act, label))
        return self

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if self.steps and self.steps[0][0](widget):
                self._answer(widget)
                return
            if isinstance(widget, QMessageBox):  # a message nobody expected (an error): fail, never hang
                self.errors.append(AssertionError(f"unexpected message “{widget.windowTitle()}”: {widget.text()}"))
                widget.reject()
                return

    def _answer(self, widget) -> None:
        _match, act, _label = self.steps.pop(0)
        self.seen.append(widget.windowTitle())
        if isinstance(widget, QMessageBox):
            self.texts.append(widget.text())
        try:
            act(widget)
        except BaseException as exc:  # never leave a modal dialog open: the test would hang
            self.errors.append(exc)
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
            raise

    # what a clerk does at each kind of dialog
    def file(self, path, name_filter: str | None = None, title: str | None = None) -> Answers:
        def fill(dialog: QFileDialog):
            if name_filter is not None:
                chosen = next((f for f in dialog.nameFilters() if f.startswith(name_filter)), None)
                assert chosen is not None, f"no filter “{name_filter}” in {dialog.nameFilters()}"
                dialog.selectNameFilter(chosen)
            dialog.setDirectory(str(Path(path).parent))
            name_box = dialog.findChild(QLineEdit, "fileNameEdit")  # where a clerk types the name
            name_box.setText(Path(path).name)
            chosen = dialog.selectedFiles()
            assert chosen and Path(chosen[0]).name.startswith(Path(path).name), (chosen, str(path))
            dialog.accept()
        return self.expect(lambda w: isinstance(w, QFileDialog) and (title is None or w.windowTitle() == title),
                           fill, f"file {path}")

    def cancel_file(self) -> Answers:
        return self.expect(lambda w: isinstance(w, QFileDialog), QDialog.reject, "cancel file")

    def message(self, button: str, contains: str = "") -> Answers:
        return self.expect(lambda w: isinstance(w, QMessageBox) and contains in w.text(),
                           lambda box: click_button(box, button), f"message {contains} → {button}")

    def import_log(self, button: str) -> Answers:
        def answer(dialog: ImportLogDialog):
            self.texts.extend(dialog.tree.topLevelItem(i).text(2) for i in range(dialog.tree.topLevelItemCount()))
            click_button(dialog, button)
        return self.expect(lambda w: isinstance(w, ImportLogDialog), answer, f"import log → {button}")

    def titled(self, title: str, act=QDialog.reject) -> Answers:
        return self.expect(lambda w: w.windowTitle() == title, act, f"{title}")

    def wait_done(self, timeout: int = 20000) -> None:
        self.qtbot.waitUntil(lambda: not self.steps or bool(self.errors), timeout=timeout)
        if self.errors:
            raise self.errors[0]

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def answers(qtbot):
    driver = Answers(qtbot)
    yield driver
    driver.stop()
    leftover = [label for _m, _a, label in driver.steps]
    for widget in QApplication.topLevelWidgets():  # nothing left open for the next test
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    assert not driver.errors, driver.errors
    assert not leftover, f"dialogs that never appeared: {leftover}"

