"""A clerk typing and pasting figures: totals, red cells, navigation, undo and redo."""

from __future__ import annotations

from conftest import complete_report
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ggbg_desktop.report import CellRef
from ggbg_desktop.ui.table_model import STATUS_ROLE

from .helpers import cell_role, cell_text, show_table, tab_text, type_chinese, type_into


def test_new_report_starts_from_the_skeleton(window):
    report = window.state.report
    assert report.meta.year and report.preamble.startswith("本报告依据")
    assert f"{report.meta.year}年1月1日" in report.preamble
    assert "（一）主动公开" in report.parts["p1"] and "（五）监督保障" in report.parts["p1"]
    assert "信息处理费" in report.parts["p6"]
    assert window.act_auto_totals.isChecked()
    assert window.text_editors["p1"].toPlainText() == report.parts["p1"]


def test_typing_figures_updates_totals_and_checks(qtbot, window):
    type_into(qtbot, window, CellRef("t3", 0, 0), "80")
    type_into(qtbot, window, CellRef("t3", 0, 1), "2")
    assert window.state.report.value(CellRef("t3", 0, 0)) == 80
    # 自动合计: the row's 总计 follows, shown read-only and shaded
    assert cell_text(window, CellRef("t3", 0, 6)) == "82"
    total_index = window.table_models["t3"].index_of(CellRef("t3", 0, 6))
    assert not (window.table_models["t3"].flags(total_index) & Qt.ItemFlag.ItemIsEditable)
    assert cell_role(window, CellRef("t3", 0, 6), Qt.ItemDataRole.BackgroundRole) is not None


def test_a_wrong_figure_turns_its_total_red(qtbot, window):
    window.state.load(complete_report(), None)
    assert window.counts_label.text() == "错误 0 · 警告 0"
    window.state.edit_values({CellRef("t3", 0, 6): 87})  # typed totals (no 自动合计 in this file)
    ref = CellRef("t3", 0, 6)
    assert cell_role(window, ref, STATUS_ROLE) == "error"
    tooltip = cell_role(window, ref, Qt.ItemDataRole.ToolTipRole)
    assert "应为 86，现为 87" in tooltip
    assert window.counts_label.text().startswith("错误 2")  # row total and the 勾稽关系 of 总计
    assert tab_text(window, "p3").endswith("（2）")
    assert tab_text(window, "p2") == "二、主动公开"
    # 自动合计 puts the total right again, and the red goes
    window.act_auto_totals.trigger()
    assert cell_text(window, ref) == "86"
    assert cell_role(window, ref, STATUS_ROLE) is None
    assert window.counts_label.text() == "错误 0 · 警告 0"


def test_a_count_refuses_what_is_not_a_whole_number_and_says_why(qtbot, window):
    ref = CellRef("t3", 2, 0)
    type_into(qtbot, window, ref, "12")
    for typed, reason in (("2.5", "不是整数"), ("-5", "负数"), ("1a2", "不是数字"), ("abc", "不是数字"),
                          ("—", "请填 0"), ("无", "请填 0"), ("1,2", "不是数字"),
                          ("10000000000000", "过大")):  # a file could not hold it: refused at the key
        view = show_table(window, "t3")
        view.setCurrentIndex(window.table_models["t3"].index_of(ref))
        if typed.isascii():
            qtbot.keyClicks(view, typed[0])
            editor = view.indexWidget(view.currentIndex())
            assert editor is not None, f"typing “{typed[0]}” should open the cell editor"
            qtbot.keyClicks(editor, typed[1:])
        else:  # "—" and "无" come from the input method, into the editor F2 opened
            qtbot.keyClick(view, Qt.Key.Key_F2)
            editor = view.indexWidget(view.currentIndex())
            assert editor is not None, "F2 should open the cell editor"
            editor.clear()
            type_chinese(editor, typed)
        assert editor.text() == typed  # never rewritten while typing
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(1)
        assert window.state.report.value(ref) == 12, typed  # the cell stays as it was
        assert reason in window.statusBar().currentMessage(), (typed, window.statusBar().currentMessage())
    fee = CellRef("t2", 5, 0)
    type_into(qtbot, window, fee, "236.982")
    assert window.state.report.value(fee) == 236.982


def test_keys_move_between_figures_and_overwrite(qtbot, window):
    window.state.load(complete_report(), None)
    view = type_into(qtbot, window, CellRef("t3", 0, 0), "79", finish=Qt.Key.Key_Tab)
    model = window.table_models["t3"]
    # Tab moved to the next figure in the row; type-to-overwrite replaced 80 by 79
    assert window.state.report.value(CellRef("t3", 0, 0)) == 79
    assert model.ref_at(view.currentIndex()) == CellRef("t3", 0, 1)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    view.setCurrentIndex(model.index_of(CellRef("t3", 0, 0)))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert model.ref_at(view.currentIndex()) == CellRef("t3", 1, 0)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # no figure to the left: stays on the first column
    assert model.ref_at(view.currentIndex()) == CellRef("t3", 1, 0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert model.ref_at(view.currentIndex()) == CellRef("t3", 2, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.state.report.value(CellRef("t3", 2, 0)) is None
    assert cell_role(window, CellRef("t3", 2, 0), STATUS_ROLE) == "blank"
    # table 二: Down from 规章·现行有效 skips the section rows to the next figure below
    view2 = show_table(window, "t2")
    model2 = window.table_models["t2"]
    view2.setCurrentIndex(model2.index_of(CellRef("t2", 1, 0)))
    qtbot.keyClick(view2, Qt.Key.Key_Down)
    assert model2.ref_at(view2.currentIndex()) == CellRef("t2", 2, 0)


def test_paste_a_block_copied_from_excel_into_table_3(qtbot, window):
    expected = complete_report()
    rows = ["\t".join(str(v) for v in row[:6]) for row in expected.tables["t3"]]
    QGuiApplication.clipboard().setText("\r\n".join(rows) + "\r\n")  # what Excel puts there
    view = show_table(window, "t3")
    view.setCurrentIndex(window.table_models["t3"].index_of(CellRef("t3", 0, 0)))
    depth = window.state.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.state.report.tables["t3"] == expected.tables["t3"]  # totals computed too
    assert not [f for f in window.state.findings if f.cells and f.cells[0].table == "t3"]
    assert window.state.undo_stack.count() == depth + 1  # one paste, one undo step
    window.act_undo.trigger()
    assert window.state.report.value(CellRef("t3", 0, 0)) is None
    assert window.state.report.value(CellRef("t3", 0, 6)) is None


def test_paste_with_labels_and_bad_cells(qtbot, window, dialogs):
    view = show_table(window, "t4")
    view.setCurrentIndex(window.table_models["t4"].index_of(CellRef("t4", 0, 0)))
    assert view.paste_text("维持\t纠正\n1\t2\n")  # header row copied along is skipped
    assert window.state.report.tables["t4"][0][:2] == [1, 2]
    assert not view.paste_text("3\tabc")
    assert dialogs.errors and "不是数字" in dialogs.errors[-1][1]
    assert window.state.report.tables["t4"][0][:2] == [1, 2]  # nothing changed


def test_paste_from_a_published_table_reads_dashes_as_zero_and_says_so(qtbot, window):
    view = show_table(window, "t4")
    view.setCurrentIndex(window.table_models["t4"].index_of(CellRef("t4", 0, 0)))
    assert view.paste_text("1\t—\t无\t２\n")  # a row copied from a report on a web page
    assert window.state.report.tables["t4"][0][:4] == [1, 0, 0, 2]
    assert "2 个“—”“无”之类按 0 计" in window.statusBar().currentMessage()


def test_copy_gives_tab_separated_text(qtbot, window):
    window.state.load(complete_report(), None)
    view = show_table(window, "t4")
    model = window.table_models["t4"]
    view.selectionModel().select(model.index_of(CellRef("t4", 0, 0)), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index_of(CellRef("t4", 0, 2)), view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1\t2\t1"


def test_undo_and_redo_every_kind_of_edit(qtbot, window):
    state = window.state
    type_into(qtbot, window, CellRef("t4", 0, 0), "5")
    type_chinese(window.header.organ, "蓝田县")
    window.tabs.setCurrentIndex(4)
    editor = window.text_editors["p5"]
    editor.setFocus()
    type_chinese(editor, "存在的问题")
    assert state.report.parts["p5"] == "存在的问题"
    assert state.report.meta.organ == "蓝田县"
    assert "蓝田县" in window.header.title.placeholderText()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's undo
    assert state.report.parts["p5"] == "" and editor.toPlainText() == ""
    window.act_undo.trigger()
    assert state.report.meta.organ == "" and window.header.organ.text() == ""
    window.act_undo.trigger()
    assert state.report.value(CellRef("t4", 0, 0)) is None
    assert state.report.value(CellRef("t4", 0, 4)) is None
    for _ in range(3):
        window.act_redo.trigger()
    assert state.report.value(CellRef("t4", 0, 4)) == 5
    assert state.report.meta.organ == "蓝田县"
    assert editor.toPlainText() == "存在的问题"
    assert state.is_dirty and window.isWindowModified()


def test_switching_auto_totals_on_says_which_printed_totals_it_replaced(qtbot, real_window):
    from .conftest import find_action

    window = real_window
    report = complete_report()
    report.settings["auto_totals"] = False  # as an imported report comes: its totals as printed
    report.tables["t3"][0][6] = 999
    window.state.load(report, None)
    find_action(window, "工具", "自动合计").trigger()
    message = window.statusBar().currentMessage()
    right = window.state.report.value(CellRef("t3", 0, 6))
    assert right != 999
    assert "1 个" in message and f"999 → {right}" in message and "表三" in message, message
    find_action(window, "编辑", "撤销").trigger()
    assert window.state.report.value(CellRef("t3", 0, 6)) == 999 and not window.state.auto_totals


def test_the_tall_group_label_of_table_3_stands_beside_its_first_rows(window):
    """三、本年度办理结果 spans 22 rows: centred, it sat below the screen's edge at 1366×768 ("三、本年")."""
    from ggbg_desktop.report.schema import T3_GROUPS

    model = window.table_models["t3"]
    cells = {cell.text: cell for cell in model.grid_cells() if cell.text}
    tall, short = cells[T3_GROUPS["handled"]], cells[T3_GROUPS["withheld"]]
    align = Qt.ItemDataRole.TextAlignmentRole
    assert model.data(model.index(tall.row, tall.col), align) & Qt.AlignmentFlag.AlignTop
    assert model.data(model.index(short.row, short.col), align) == Qt.AlignmentFlag.AlignCenter


def test_the_toolbar_check_box_shows_and_switches_auto_totals(qtbot, window):
    """The checkable tool button read as plain text when off; a check box says 开/关 at a glance."""
    box = window.auto_totals_box
    assert box.isChecked() and window.state.auto_totals  # a new report starts with it on
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert not window.state.auto_totals and not window.act_auto_totals.isChecked()
    assert window.auto_label.text() == "自动合计：关"
    window.act_undo.trigger()  # undo switches it back on: the box follows
    assert window.state.auto_totals and box.isChecked() and window.act_auto_totals.isChecked()
    window.act_auto_totals.trigger()  # 工具 → 自动合计 (Alt+T): the box follows too
    assert not box.isChecked() and not window.state.auto_totals
