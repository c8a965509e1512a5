"""The window's own questions and boxes as a clerk meets them: readable wording, always a way out."""

from __future__ import annotations

from conftest import SEEDS
from PySide6.QtWidgets import QApplication, QDialog

from .conftest import click_button, find_action

SEED = SEEDS / "001_9b0f64044e721509.txt"


def test_the_save_question_after_an_import_names_the_report_plainly(qtbot, real_window, answers):
    window = real_window
    answers.file(SEED, title="导入报告").import_log("打开")
    find_action(window, "文件", "导入").trigger()
    answers.wait_done()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30000)
    qtbot.wait(20)
    title = window.state.report.meta.display_title()
    assert title and window.state.is_dirty
    answers.message("取消", contains="尚未保存")
    find_action(window, "文件", "新建").trigger()
    answers.wait_done()
    question = answers.texts[-1]
    assert question == f"“{title}”有尚未保存的修改，是否保存？", question
    assert window.state.report.meta.display_title() == title  # 取消: nothing replaced


def test_the_user_guide_closes_with_its_own_button(qtbot, real_window):
    window = real_window
    find_action(window, "帮助", "使用说明").trigger()
    guide = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
                 and w.windowTitle() == "使用说明")
    click_button(guide, "关闭")
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=2000)


def test_undo_from_a_texts_right_click_menu(qtbot, real_window, answers):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    from .helpers import type_chinese

    window = real_window
    window.tabs.setCurrentWidget(window.part_pages["p5"])
    editor = window.text_editors["p5"]
    type_chinese(editor, "整改")
    assert window.state.report.parts["p5"] == "整改"
    offered = []

    def read_the_menu(menu: QMenu):
        offered.extend((a.text(), a.isEnabled(), a) for a in menu.actions())
        menu.close()

    answers.expect(lambda w: isinstance(w, QMenu), read_the_menu, "right-click menu")
    where = editor.viewport().rect().center()
    QApplication.sendEvent(editor.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                                 editor.viewport().mapToGlobal(where)))
    answers.wait_done()
    undo = [(enabled, action) for text, enabled, action in offered if text.startswith("撤销")]
    assert len(undo) == 1 and undo[0][0], [(text, enabled) for text, enabled, _a in offered]
    undo[0][1].trigger()
    assert window.state.report.parts["p5"] == ""  # the typing, undone in one step
