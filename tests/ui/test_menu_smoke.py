"""Every action of the menu bar and the toolbar, triggered with whatever dialog it opens cancelled:
no slot may raise (an exception in a slot is otherwise only printed, and the clerk sees nothing)."""

from __future__ import annotations

import sys

import pytest
from conftest import complete_report
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QToolBar


def _actions(menu: QMenu):
    menu.aboutToShow.emit()  # menus filled when opened (最近打开, 导出字体)
    for action in menu.actions():
        if action.menu() is not None:
            yield from _actions(action.menu())
        elif not action.isSeparator():
            yield action


@pytest.mark.qt_no_exception_capture
def test_every_menu_and_toolbar_action_runs_without_an_uncaught_exception(qtbot, real_window, monkeypatch):
    window = real_window
    window.state.load(complete_report(), None)
    raised = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, trace: raised.append(f"{kind.__name__}: {value}"))

    def cancel_dialogs():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    canceller = QTimer()
    canceller.setInterval(50)
    canceller.timeout.connect(cancel_dialogs)
    canceller.start()
    actions = [a for top in window.menuBar().actions() for a in _actions(top.menu())]
    actions += [a for bar in window.findChildren(QToolBar) for a in bar.actions() if not a.isSeparator()]
    quit_action = window.act_quit
    tried = []
    try:
        for action in actions:
            if action is quit_action or not action.isEnabled():
                continue
            tried.append(action.text())
            window.state.load(complete_report(), None)  # nothing unsaved: each action reaches its own dialog
            action.trigger()
            qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
            qtbot.wait(60)
            cancel_dialogs()
        quit_action.trigger()  # unsaved changes: the question is cancelled, the window stays
        qtbot.wait(60)
    finally:
        canceller.stop()
    assert raised == [], raised
    assert len(tried) > 25 and any("从上年报告新建" in t for t in tried)
