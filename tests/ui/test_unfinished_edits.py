"""What the clerk typed but has not left yet (a figure still in its cell editor, a 信息处理费 field) counts:
Ctrl+S saves it, closing asks about it, 检查 checks it."""

from __future__ import annotations

from conftest import complete_report
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from ggbg_desktop.formats import native
from ggbg_desktop.report import CellRef

from .helpers import show_table

CELL = CellRef("t2", 0, 0)


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _start_typing(qtbot, window, ref: CellRef, figure: str) -> None:
    """Type a figure into a cell and stay in it: its editor is still open."""
    view = show_table(window, ref.table)
    view.setCurrentIndex(window.table_models[ref.table].index_of(ref))
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    for char in figure:
        qtbot.keyClicks(QApplication.focusWidget(), char)
    assert isinstance(QApplication.focusWidget(), QLineEdit)


def test_ctrl_s_in_an_open_cell_saves_the_figure_typed(qtbot, real_window, tmp_path):
    window = real_window
    path = tmp_path / "本机关2023.ggbg"
    native.save(complete_report(), path)
    assert window.open_path(path)
    _active(qtbot, window)
    _start_typing(qtbot, window, CELL, "73")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert native.load(path).value(CELL) == 73
    assert not window.state.is_dirty


def test_closing_with_a_figure_still_in_its_cell_asks_to_save(qtbot, real_window, answers):
    window = real_window
    assert not window.state.is_dirty
    _active(qtbot, window)
    _start_typing(qtbot, window, CELL, "7")
    answers.message("取消", contains="尚未保存")
    assert not window.close()  # the title bar's ×: 取消 keeps the window and the figure
    answers.wait_done()
    assert window.isVisible() and window.state.report.value(CELL) == 7


def test_closing_with_a_fee_still_in_its_field_asks_to_save(qtbot, real_window, answers):
    window = real_window
    _active(qtbot, window)
    window.tabs.setCurrentWidget(window.part_pages["p6"])
    field = window.tabs.fees_form.fields["notices"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    qtbot.keyClicks(field, "4")
    answers.message("取消", contains="尚未保存")
    assert not window.close()
    answers.wait_done()
    assert window.state.report.information_fees.notices == 4


def test_check_with_a_figure_still_in_its_cell_checks_that_figure(qtbot, real_window):
    from .conftest import find_action

    window = real_window
    report = complete_report()
    window.state.load(report, None)
    _active(qtbot, window)
    _start_typing(qtbot, window, CellRef("t4", 0, 0), "50")  # 行政复议·结果维持: its total no longer holds
    find_action(window, "工具", "检查").trigger()
    assert window.state.report.value(CellRef("t4", 0, 0)) == 50
    assert any(CellRef("t4", 0, 0) in f.cells or CellRef("t4", 0, 4) in f.cells for f in window.state.findings)


def test_opening_a_recent_file_with_a_figure_still_in_its_cell_asks_to_save(qtbot, real_window, answers, tmp_path):
    from ggbg_desktop.ui.actions import fill_recent_menu

    window = real_window
    other = tmp_path / "另一份.ggbg"
    native.save(complete_report(), other)
    window.settings.add_recent_file(str(other))
    _active(qtbot, window)
    _start_typing(qtbot, window, CELL, "7")
    fill_recent_menu(window)  # as the menu fills itself when it opens
    recent = next(a for a in window.recent_menu.actions() if "另一份" in a.text())
    answers.message("取消", contains="尚未保存")
    recent.trigger()
    answers.wait_done()
    assert window.state.path is None and window.state.report.value(CELL) == 7
