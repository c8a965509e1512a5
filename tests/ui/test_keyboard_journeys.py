"""A clerk who fills the report with the keyboard only: Tab into a part, Ctrl+PgDown to the next part,
Tab and Enter from figure to figure past the totals that 自动合计 computes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from ggbg_desktop.report import CellRef

from .conftest import find_action
from .helpers import show_table


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the clerk's cursor is."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _type_figures(qtbot, figures, finish=Qt.Key.Key_Tab) -> None:
    """Figures typed one after another, each followed by Tab (or Enter), into whatever has the focus."""
    for figure in figures:
        for char in figure:  # the first opens the cell's editor, which takes the rest
            qtbot.keyClicks(QApplication.focusWidget(), char)
        assert isinstance(QApplication.focusWidget(), QLineEdit), "typing a figure opens the cell's editor"
        _press(qtbot, finish)
        qtbot.wait(1)  # the editor commits and the next cell opens on the next turn of the event loop


def test_tab_from_the_part_tab_goes_into_its_table(qtbot, real_window):
    window = real_window
    _active(qtbot, window)
    window.tabs.setCurrentWidget(window.part_pages["p2"])
    window.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: window.tabs.tabBar().hasFocus(), timeout=2000)
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.table_views["t2"], QApplication.focusWidget()
    _type_figures(qtbot, ["5"])
    assert window.state.report.value(CellRef("t2", 0, 0)) == 5


def test_ctrl_pgdown_and_pgup_walk_the_parts_from_a_table_and_from_a_text(qtbot, real_window):
    window = real_window
    _active(qtbot, window)
    show_table(window, "t2")
    qtbot.waitUntil(lambda: window.table_views["t2"].hasFocus(), timeout=2000)
    _press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.part_pages["p3"]
    assert QApplication.focusWidget() is window.table_views["t3"]
    _type_figures(qtbot, ["12"])  # straight on with the figures of the part now shown
    assert window.state.report.value(CellRef("t3", 0, 0)) == 12
    for part in ("p4", "p5", "p6", "p1"):
        _press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is window.part_pages[part], part
    assert QApplication.focusWidget() is window.text_editors["preamble"]
    _press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.part_pages["p6"]
    assert QApplication.focusWidget() is window.text_editors["p6"]
    assert find_action(window, "编辑", "下一部分").shortcut().toString() == "Ctrl+PgDown"


def test_tab_across_a_row_of_table_three_skips_the_computed_total(qtbot, real_window):
    window = real_window
    assert window.state.auto_totals
    _active(qtbot, window)
    view = show_table(window, "t3")
    view.setCurrentIndex(window.table_models["t3"].index_of(CellRef("t3", 0, 0)))
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    _type_figures(qtbot, ["10", "2", "0", "0", "1", "0", "3"])  # 一、本年新收 then 二、上年结转 自然人
    report = window.state.report
    assert report.tables["t3"][0] == [10, 2, 0, 0, 1, 0, 13]
    assert report.value(CellRef("t3", 1, 0)) == 3  # not lost on the 总计 that cannot be typed in
    shift_tab = Qt.KeyboardModifier.ShiftModifier
    _press(qtbot, Qt.Key.Key_Escape)
    _press(qtbot, Qt.Key.Key_Backtab, shift_tab)
    assert window.table_models["t3"].ref_at(view.currentIndex()) == CellRef("t3", 1, 0)
    _press(qtbot, Qt.Key.Key_Backtab, shift_tab)
    assert window.table_models["t3"].ref_at(view.currentIndex()) == CellRef("t3", 0, 5)


def test_enter_down_a_column_skips_the_computed_total_row(qtbot, real_window):
    window = real_window
    _active(qtbot, window)
    view = show_table(window, "t3")
    model = window.table_models["t3"]
    view.setCurrentIndex(model.index_of(CellRef("t3", 22, 0)))  # （六）其他处理·3.其他·自然人
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    _type_figures(qtbot, ["1", "4"], finish=Qt.Key.Key_Return)
    assert window.state.report.value(CellRef("t3", 22, 0)) == 1
    assert window.state.report.value(CellRef("t3", 24, 0)) == 4  # 四、结转下年度, past （七）总计


def test_typing_on_a_computed_total_says_why_nothing_is_typed(qtbot, real_window):
    window = real_window
    _active(qtbot, window)
    view = show_table(window, "t3")
    total = CellRef("t3", 0, 6)
    view.setCurrentIndex(window.table_models["t3"].index_of(total))
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    before = window.state.report.value(total)
    qtbot.keyClicks(view, "5")
    assert window.state.report.value(total) == before
    message = window.statusBar().currentMessage()
    assert "自动合计" in message and "总计" in message, message
    find_action(window, "工具", "自动合计").trigger()  # off: the clerk may type the total now
    qtbot.keyClicks(view, "5")
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.report.value(total) == 5, timeout=2000)


def test_home_end_and_page_keys_land_on_figures_that_take_typing(qtbot, real_window):
    window = real_window
    _active(qtbot, window)
    view = show_table(window, "t3")
    model = window.table_models["t3"]
    view.setCurrentIndex(model.index_of(CellRef("t3", 0, 3)))
    qtbot.waitUntil(view.hasFocus, timeout=2000)

    def at():
        return model.ref_at(view.currentIndex())

    ctrl = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, Qt.Key.Key_Home)
    assert at() == CellRef("t3", 0, 0)  # the row's first figure, not its label
    _press(qtbot, Qt.Key.Key_End)
    assert at() == CellRef("t3", 0, 6)
    _press(qtbot, Qt.Key.Key_End, ctrl)
    assert at() == CellRef("t3", 24, 6)
    _press(qtbot, Qt.Key.Key_Home, ctrl)
    assert at() == CellRef("t3", 0, 0)
    _press(qtbot, Qt.Key.Key_PageDown)
    landed = at()
    assert landed is not None and landed.row > 0 and landed.col == 0, landed
    _type_figures(qtbot, ["8"], finish=Qt.Key.Key_Return)
    assert window.state.report.value(landed) == 8
    _press(qtbot, Qt.Key.Key_PageUp)
    assert at() is not None and at().col == 0


def test_typing_on_a_row_label_says_where_figures_go(qtbot, real_window):
    window = real_window
    _active(qtbot, window)
    view = show_table(window, "t3")
    model = window.table_models["t3"]
    row = model.index_of(CellRef("t3", 0, 0)).row()
    label = next(model.index(row, c) for c in range(model.columnCount()) if model.ref_at(model.index(row, c)) is None)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(label).center())
    assert model.ref_at(view.currentIndex()) is None
    before = window.state.report.copy()
    qtbot.keyClicks(view, "9")
    assert window.state.report == before
    message = window.statusBar().currentMessage()
    assert "固定文字" in message and "本年新收" in message, message
