"""插入数据说明, the fee figures above part 六, and 更新 of an out-of-date drafted passage, in the real
window: menu actions found by their text, the text editor's right-click menu and the findings panel."""

from __future__ import annotations

from conftest import complete_report
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from ggbg_desktop.report import CellRef
from ggbg_desktop.report.drafted import locate

from .conftest import find_action, plain
from .helpers import type_chinese, type_into

CLERK_P1 = "（三）政府信息管理\n本机关严格执行公开前审查制度。"
NEW_RECEIVED = CellRef("t3", 0, 0)


def _report():
    report = complete_report()
    report.parts["p1"] = CLERK_P1
    report.parts["p6"] = "无其他需要报告的事项。"
    return report


def _rules(window) -> list[str]:
    return [f.rule for f in window.state.findings]


def _cursor_at(editor, position: int) -> None:
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_insert_at_the_cursor_of_part_one_then_undo(qtbot, real_window):
    window = real_window
    window.state.load(_report(), None)
    editor = window.text_editors["p1"]
    window.tabs.setCurrentWidget(window.part_pages["p1"])
    _cursor_at(editor, len("（三）政府信息管理\n"))  # before the clerk's second paragraph

    find_action(window, "编辑", "插入数据说明").trigger()

    text = window.state.report.parts["p1"]
    assert text.startswith("（三）政府信息管理\n") and text.endswith("\n本机关严格执行公开前审查制度。")
    drafted = locate(window.state.report)
    assert [item.record.kind for item in drafted] == ["active", "requests", "reviews"]
    assert all(text[item.start:item.end] == item.record.text for item in drafted)
    assert "新收政府信息公开申请86件。其中，自然人申请80件" in text
    assert editor.toPlainText() == text and editor.textCursor().selectedText()  # shown, selected
    assert not {"text_figure", "text_stale", "drafted_stale"} & set(_rules(window))
    assert "已在第一部分插入" in window.statusBar().currentMessage()

    window.act_undo.trigger()
    assert window.state.report.parts["p1"] == CLERK_P1 and window.state.report.drafted == []
    assert editor.toPlainText() == CLERK_P1


def test_a_passage_whose_figures_are_blank_is_skipped_and_the_status_bar_says_why(qtbot, real_window):
    window = real_window
    report = _report()
    report.tables["t4"] = [[None] * len(row) for row in report.tables["t4"]]
    window.state.load(report, None)
    window.tabs.setCurrentWidget(window.part_pages["p1"])
    _cursor_at(window.text_editors["p1"], len(CLERK_P1))
    find_action(window, "编辑", "插入数据说明").trigger()
    assert [item.record.kind for item in locate(window.state.report)] == ["active", "requests"]
    message = window.statusBar().currentMessage()
    assert "未起草" in message and "行政复议" in message, message


def test_fee_figures_above_part_six_and_insert_from_the_right_click_menu(qtbot, real_window, answers):
    window = real_window
    window.state.load(_report(), None)
    window.tabs.setCurrentWidget(window.part_pages["p6"])
    editor = window.text_editors["p6"]

    # the fee figures still blank: nothing to draft, said in a message box, nothing changed
    _cursor_at(editor, 0)
    answers.message("确定", "未填写信息处理费")
    find_action(window, "工具", "插入数据说明").trigger()
    answers.wait_done()
    assert window.state.report.parts["p6"] == "无其他需要报告的事项。"

    form = window.tabs.fees_form
    for key, typed in (("notices", "2"), ("notice_amount", "150"), ("collected", "１００元")):
        field = form.fields[key]
        field.setFocus()
        field.selectAll()
        if typed.isascii():
            qtbot.keyClicks(field, typed)
        else:
            type_chinese(field, typed)  # full-width digits come from the input method
        qtbot.keyClick(field, Qt.Key.Key_Return)
    fees = window.state.report.information_fees
    assert (fees.notices, fees.notice_amount, fees.collected) == (2, 150, 100)
    window.act_undo.trigger()  # each figure one step
    assert window.state.report.information_fees.collected is None and form.fields["collected"].text() == ""
    window.act_redo.trigger()
    assert form.fields["collected"].text() == "100"

    _cursor_at(editor, len("无其他需要报告的事项。"))

    def choose_insert(menu: QMenu):
        action = next(a for a in menu.actions() if plain(a.text()).startswith("插入数据说明"))
        menu.close()
        action.trigger()

    answers.expect(lambda w: isinstance(w, QMenu), choose_insert, "right-click menu")
    QApplication.postEvent(editor.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), editor.viewport().mapToGlobal(QPoint(5, 5))))
    answers.wait_done()
    qtbot.waitUntil(lambda: bool(window.state.report.drafted))
    assert window.state.report.parts["p6"] == (
        "无其他需要报告的事项。\n本年度发出信息处理费收费通知2件，收费通知总金额150元，实际收取信息处理费100元。")


def test_a_changed_figure_makes_the_passage_stale_and_update_rewrites_only_it(qtbot, real_window):
    window = real_window
    window.state.load(_report(), None)
    editor = window.text_editors["p1"]
    window.tabs.setCurrentWidget(window.part_pages["p1"])
    _cursor_at(editor, len(CLERK_P1))
    find_action(window, "工具", "插入数据说明").trigger()
    drafted_text = window.state.report.parts["p1"]
    # the clerk writes more after the drafted sentences
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText("\n下一步将继续做好依申请公开工作。")
    clerk_text = window.state.report.parts["p1"]
    assert clerk_text == drafted_text + "\n下一步将继续做好依申请公开工作。"

    type_into(qtbot, window, NEW_RECEIVED, "90")
    stale = [f for f in window.state.findings if f.rule == "drafted_stale"]
    assert len(stale) == 1 and "依申请公开" in stale[0].message and "原为 80，现为 90" in stale[0].message

    panel = window.findings_panel
    item = next(i for i in panel.items() if "数据说明已过时" in i.text())
    panel.show()
    panel.list.setCurrentRow(-1)
    assert not panel.update_button.isVisibleTo(panel)  # offered only on a finding it can fix
    panel.list.setCurrentItem(item)
    assert panel.update_button.isVisibleTo(panel) and plain(panel.update_button.text()) == "更新此数据说明"
    panel.update_button.click()

    updated = window.state.report.parts["p1"]
    assert "drafted_stale" not in _rules(window)
    assert "自然人申请90件" in updated and "自然人申请80件" not in updated
    assert updated.startswith(CLERK_P1) and updated.endswith("\n下一步将继续做好依申请公开工作。")
    assert updated == clerk_text.replace("自然人申请80件", "自然人申请90件")  # exactly that passage, nothing else
    assert len(locate(window.state.report)) == 3

    window.act_undo.trigger()  # back to the stale passage
    assert window.state.report.parts["p1"] == clerk_text and "drafted_stale" in _rules(window)
    find_action(window, "工具", "更新数据说明").trigger()  # the menu rewrites every stale passage
    assert window.state.report.parts["p1"] == updated and "drafted_stale" not in _rules(window)
    find_action(window, "编辑", "更新数据说明").trigger()  # nothing left out of date: only a message
    assert window.state.report.parts["p1"] == updated
    assert "没有过时的数据说明" in window.statusBar().currentMessage()


def test_fee_figures_filled_in_against_the_new_report_s_zero_sentence(qtbot, real_window):
    """A new report's part 六 says 0 notices, 0 元; the clerk fills in 2 notices, 150 元 and 100 元 above
    it and leaves the sentence: the findings say so, and clicking one selects the 0 in part 六."""
    window = real_window
    find_action(window, "文件", "新建").trigger()
    window.tabs.setCurrentWidget(window.part_pages["p6"])
    form = window.tabs.fees_form
    for key, typed in (("notices", "2"), ("notice_amount", "150"), ("collected", "100")):
        field = form.fields[key]
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    fee_findings = [f for f in window.state.findings if f.rule == "text_fee"]
    assert [(f.expected, f.actual) for f in fee_findings] == [(2, 0), (150, 0), (100, 0)]
    panel = window.findings_panel
    item = next(i for i in panel.items() if "发出收费通知的件数为 0" in i.text())
    window.tabs.setCurrentWidget(window.part_pages["p1"])
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.text_editors["p6"]
    assert window.tabs.currentWidget() is window.part_pages["p6"]
    cursor = editor.textCursor()
    assert cursor.selectedText() == "0"
    assert editor.toPlainText()[cursor.selectionStart() - 4:cursor.selectionEnd()] == "收费通知0"
