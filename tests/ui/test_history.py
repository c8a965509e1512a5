"""撤销 and 重做 show what they change: a figure undone in 表二 while part 五 is shown comes into view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ggbg_desktop.report import CellRef

from .conftest import find_action
from .helpers import type_chinese, type_into

CELL = CellRef("t2", 0, 0)


def test_undo_and_redo_bring_a_figure_in_another_part_into_view(qtbot, real_window):
    window = real_window
    type_into(qtbot, window, CELL, "5")
    window.tabs.setCurrentWidget(window.part_pages["p5"])
    find_action(window, "编辑", "撤销").trigger()
    assert window.state.report.value(CELL) is None
    assert window.tabs.currentWidget() is window.part_pages["p2"]
    view = window.table_views["t2"]
    assert window.table_models["t2"].ref_at(view.currentIndex()) == CELL
    assert window.statusBar().currentMessage().startswith("已撤销：修改表二")
    window.tabs.setCurrentWidget(window.part_pages["p6"])
    find_action(window, "编辑", "重做").trigger()
    assert window.state.report.value(CELL) == 5 and window.tabs.currentWidget() is window.part_pages["p2"]
    assert window.statusBar().currentMessage().startswith("已重做：修改表二")


def test_ctrl_z_in_a_table_brings_back_text_typed_in_another_part(qtbot, real_window):
    window = real_window
    window.tabs.setCurrentWidget(window.part_pages["p5"])
    type_chinese(window.text_editors["p5"], "问题")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    view = window.table_views["t3"]
    window.tabs.setCurrentWidget(window.part_pages["p3"])
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.report.parts["p5"] == ""
    assert window.tabs.currentWidget() is window.part_pages["p5"]


def test_undoing_the_organ_leaves_the_part_shown(qtbot, real_window):
    window = real_window
    window.tabs.setCurrentWidget(window.part_pages["p4"])
    type_chinese(window.header.organ, "蓝田县人民政府")  # also rewrites the 导语 of part 一
    find_action(window, "编辑", "撤销").trigger()
    assert window.state.report.meta.organ == ""
    assert window.tabs.currentWidget() is window.part_pages["p4"]  # the header is always in view


def test_ctrl_z_leaves_only_the_undone_figure_selected(qtbot, real_window):
    window = real_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    type_into(qtbot, window, CellRef("t2", 0, 2), "3", finish=Qt.Key.Key_Tab)  # on to 行政规范性文件
    window.tabs.setCurrentWidget(window.part_pages["p5"])
    window.text_editors["p5"].setFocus()
    qtbot.waitUntil(window.text_editors["p5"].hasFocus, timeout=2000)
    qtbot.keyClick(window.text_editors["p5"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    view, model = window.table_views["t2"], window.table_models["t2"]
    assert window.tabs.currentWidget() is window.part_pages["p2"]
    assert [model.ref_at(i) for i in view.selectionModel().selectedIndexes()] == [CellRef("t2", 0, 2)]
