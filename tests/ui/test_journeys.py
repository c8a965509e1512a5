"""A clerk's journeys through the real window: menus found by their text, Qt's real dialogs answered.

No dialog here is replaced: the file dialogs, message boxes, the import log and the print preview
are the program's own, found among the top-level widgets and answered from a timer (``answers``).
"""

from __future__ import annotations

import time

from conftest import EXPECTED, SEEDS, complete_report
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog

from ggbg_desktop.formats import native
from ggbg_desktop.formats.registry import WRITERS, read_path
from ggbg_desktop.report import CellRef

from .conftest import click_button, find_action
from .helpers import type_chinese, type_into
from .test_recovery import _editor_until_autosaved, answer_recovery, kill_hard

SEED = SEEDS / "004_52047f2dfa4f4279.txt"


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30000)
    qtbot.wait(20)  # results are used on the next turn of the event loop


def _keys(qtbot, window, key) -> None:
    """Ctrl+<key> as a clerk presses it: into the focused widget of the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def test_new_fill_save_and_reopen(qtbot, real_window, answers, tmp_path):
    window = real_window
    find_action(window, "文件", "新建").trigger()
    type_chinese(window.header.organ, "蓝田县人民政府")
    type_into(qtbot, window, CellRef("t3", 0, 0), "80")
    type_into(qtbot, window, CellRef("t4", 0, 0), "1")
    find_action(window, "编辑", "空白格填 0").trigger()
    assert window.state.report.value(CellRef("t3", 5, 2)) == 0
    assert not [f for f in window.state.findings if f.rule == "blank"]
    saved = tmp_path / "蓝田县2025.ggbg"
    answers.file(saved, title="另存为")
    _keys(qtbot, window, Qt.Key.Key_S)  # Ctrl+S, pressed where the clerk's cursor is (表三)
    answers.wait_done()
    assert saved.exists() and not window.state.is_dirty
    assert saved.name in window.windowTitle()
    expected = window.state.report.copy()

    find_action(window, "文件", "新建").trigger()
    assert window.state.report.meta.organ == "蓝田县人民政府"  # remembered for the next new report
    answers.file(saved, title="打开")
    _keys(qtbot, window, Qt.Key.Key_O)
    answers.wait_done()
    assert window.state.report == expected and window.state.path == saved
    assert window.header.organ.text() == "蓝田县人民政府"


def test_open_import_and_save_never_overwrites_the_open_file(qtbot, real_window, answers, tmp_path):
    window = real_window
    original = tmp_path / "本机关2023.ggbg"
    native.save(complete_report(), original)
    before = original.read_bytes()
    window.settings.set_default_organ("蓝田县人民政府")
    answers.file(original, title="打开")
    find_action(window, "文件", "打开").trigger()
    answers.wait_done()
    assert window.state.path == original

    progress_on_top = []

    def read_the_log(dialog):
        QTest.qWait(700)  # as long as a clerk takes to read it: no box may come up over it
        progress_on_top.extend(w for w in QApplication.topLevelWidgets()
                               if isinstance(w, QProgressDialog) and w.isVisible())
        click_button(dialog, "打开")

    from ggbg_desktop.ui.import_log_dialog import ImportLogDialog

    answers.file(SEED, title="导入报告").expect(lambda w: isinstance(w, ImportLogDialog), read_the_log, "log")
    find_action(window, "文件", "导入").trigger()
    answers.wait_done()
    _idle(qtbot, window)
    assert progress_on_top == [], "the 请稍候 box stayed on top of the import log"
    assert window.state.report.tables["t3"] == EXPECTED[SEED.name]["t3"]
    assert window.state.path is None and SEED.name in window.windowTitle()

    copy = tmp_path / "导入的报告.ggbg"
    answers.file(copy, title="另存为")  # the first save asks where
    find_action(window, "文件", "保存").trigger()
    answers.wait_done()
    assert original.read_bytes() == before
    assert window.state.path == copy, (window.state.path, sorted(p.name for p in tmp_path.iterdir()))
    assert native.load(copy).tables["t3"] == EXPECTED[SEED.name]["t3"]
    assert window.settings.default_organ() == "蓝田县人民政府"  # another organ's report taught nothing


def test_rollover_from_the_menu_then_save(qtbot, real_window, answers, tmp_path):
    window = real_window
    last = complete_report()
    last_path = tmp_path / "2023年报.ggbg"
    native.save(last, last_path)
    answers.file(last_path, title="选择上年的报告").import_log("以此新建本年报告")
    action = find_action(window, "工具", "从上年报告新建")
    assert action.shortcut().toString() == "Ctrl+Shift+N"
    action.trigger()
    answers.wait_done()
    _idle(qtbot, window)
    draft = window.state.report
    assert draft.meta.year == 2024 and draft.last_year is not None
    assert draft.tables["t3"][1][:6] == last.tables["t3"][24][:6]  # carried over from last year
    saved = tmp_path / "2024年报.ggbg"
    answers.file(saved, title="另存为")
    find_action(window, "文件", "保存").trigger()
    answers.wait_done()
    again = native.load(saved)
    assert again.meta.year == 2024 and again.last_year is not None and again.last_year.year == 2023


def test_export_every_format_from_the_menu(qtbot, real_window, answers, tmp_path):
    window = real_window
    window.state.load(complete_report(), None)
    for fmt in WRITERS:
        target = tmp_path / f"年报{fmt.extensions[0]}"
        answers.file(tmp_path / "年报", name_filter=fmt.label, title="导出")
        find_action(window, "文件", "导出").trigger()
        answers.wait_done()
        _idle(qtbot, window)
        assert target.exists() and target.stat().st_size > 200, fmt.name
        assert str(target) in window.statusBar().currentMessage()
        if fmt.name == "pdf":
            assert target.read_bytes().startswith(b"%PDF")
        else:
            assert read_path(target).report.tables["t4"] == complete_report().tables["t4"], fmt.name


def test_print_preview_opens_and_closes(qtbot, real_window, answers):
    import io

    import pdfplumber

    from ggbg_desktop.formats.registry import ExportOptions
    from ggbg_desktop.formats.writers import pdf

    window = real_window
    window.state.load(complete_report(), None)
    with pdfplumber.open(io.BytesIO(pdf.export(complete_report(), ExportOptions()))) as document:
        pages = len(document.pages)
    seen = []
    answers.expect(lambda w: w.windowTitle().startswith("打印预览"),
                   lambda w: (seen.append((w.windowTitle(), w.page_count.text())), w.reject()), "preview")
    find_action(window, "文件", "打印预览").trigger()
    answers.wait_done()
    assert seen == [(f"打印预览（共 {pages} 页）", f"共 {pages} 页，A4 纵向")]


def test_printing_from_the_preview_asks_about_errors_first(qtbot, real_window, answers):
    """The preview's 打印 asks as 文件 → 打印 does; 先去修改 closes the preview onto the first error."""
    window = real_window
    report = complete_report()
    report.settings["auto_totals"] = False
    report.tables["t4"][2][4] = 5  # 复议后起诉·总计 should be 1
    window.state.load(report, None)
    # clicked on the next turn, so the question it opens is answered by the same timer
    answers.expect(lambda w: w.windowTitle().startswith("打印预览"),
                   lambda w: QTimer.singleShot(0, w.print_button.click), "preview")
    answers.message("先去修改", "报告还有 1 处错误")
    find_action(window, "文件", "打印预览").trigger()
    answers.wait_done()
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.part_pages["p4"], timeout=5000)
    assert window.table_models["t4"].ref_at(window.table_views["t4"].currentIndex()) == CellRef("t4", 2, 4)


def test_changing_the_year_rewrites_the_standard_text(qtbot, real_window):
    window = real_window
    report = window.state.report
    year = report.meta.year
    window.header.year.setValue(year + 1)
    assert f"自{year + 1}年1月1日起至{year + 1}年12月31日止" in window.state.report.preamble
    assert f"{year + 1}年度本机关" in window.state.report.parts["p6"]
    assert not [f for f in window.state.findings if f.rule == "text_year"]
    window.act_undo.trigger()  # one step takes year and text back
    assert window.state.report.meta.year == year
    assert f"自{year}年1月1日起" in window.state.report.preamble


def test_typing_the_organ_rewrites_the_standard_text_in_one_undo_step(qtbot, real_window):
    window = real_window
    start = window.state.report.meta.organ
    assert f"由{start or '本机关'}编制" in window.state.report.preamble
    window.header.organ.setFocus()
    window.header.organ.selectAll()
    type_chinese(window.header.organ, "蓝田县人民政府")
    assert window.state.report.meta.organ == "蓝田县人民政府"
    assert "由蓝田县人民政府编制" in window.state.report.preamble
    assert window.text_editors["preamble"].toPlainText() == window.state.report.preamble
    assert window.act_undo.text().endswith("修改机关名称及标准文字")
    window.act_undo.trigger()  # the whole name typed, and the sentence with it, in one step
    assert window.state.report.meta.organ == start
    assert f"由{start or '本机关'}编制" in window.state.report.preamble
    assert window.header.organ.text() == start


def test_cancel_in_the_progress_box_abandons_the_job(qtbot, real_window):
    window = real_window
    used = []
    window.worker.run("正在导入“慢.docx”…", lambda: time.sleep(1.2) or "done", used.append, used.append)
    qtbot.waitUntil(lambda: window.worker.progress is not None and window.worker.progress.isVisible(), timeout=3000)
    box = window.worker.progress
    click_button(box, "取消")
    assert not window.worker.busy and not box.isVisible()
    qtbot.wait(1600)
    assert used == []  # the abandoned job's result is discarded


def test_closing_the_window_during_an_import_cancels_it(qtbot, real_window):
    window = real_window
    used = []
    window.worker.run("正在导入…", lambda: time.sleep(1.0) or "done", used.append, used.append)
    assert window.close()
    qtbot.wait(1300)
    assert used == []


def test_kill_mid_edit_and_restore_with_the_real_question(qtbot, make_window, tmp_path):
    """Kill -9 an editor with unsaved work; the next start lists its copy in the real recovery dialog."""
    kill_hard(_editor_until_autosaved(tmp_path, "灞桥区人民政府", 41))
    window = make_window(real=True)
    seen = answer_recovery("恢复所选")
    assert window.offer_recovery()
    assert seen and any("灞桥区" in title for title in seen[-1])
    assert window.state.report.meta.organ == "灞桥区人民政府"
    assert window.state.report.value(CellRef("t3", 0, 6)) == 42
    assert window.state.is_dirty and "灞桥区人民政府" in window.windowTitle()


def test_find_goes_across_parts(qtbot, real_window):
    window = real_window
    window.state.load(complete_report(), None)
    find_action(window, "编辑", "查找").trigger()
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    type_chinese(window.find_bar.field, "信息处理费")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.part_pages["p6"]
    assert window.text_editors["p6"].textCursor().selectedText() == "信息处理费"
    report = window.state.report
    texts = [report.preamble, report.parts["p1"], report.parts["p5"], report.parts["p6"]]
    total = sum(text.count("信息处理费") for text in texts)
    before = sum(text.count("信息处理费") for text in texts[:3])
    assert window.find_bar.result.text() == f"第 {before + 1} 处，共 {total} 处"  # where it stands among all
    window.find_bar.field.setText("政策解读")
    assert window.find_bar.find_next()
    assert window.tabs.currentWidget() is window.part_pages["p5"]
    window.find_bar.field.setText("没有这几个字")
    assert not window.find_bar.find_next() and "未找到" in window.find_bar.result.text()


def test_cut_a_figure_from_the_menu(qtbot, real_window):
    from .helpers import show_table

    window = real_window
    window.state.load(complete_report(), None)
    view = show_table(window, "t4")
    view.setCurrentIndex(window.table_models["t4"].index_of(CellRef("t4", 0, 1)))
    find_action(window, "编辑", "剪切").trigger()
    assert QApplication.clipboard().text() == "2"
    assert window.state.report.value(CellRef("t4", 0, 1)) is None


def test_a_fixed_finding_leaves_the_status_bar(qtbot, real_window):
    window = real_window
    report = complete_report()
    report.tables["t4"][0][0] = None
    window.state.load(report, None)
    find_action(window, "工具", "检查").trigger()
    assert "未填写" in window.statusBar().currentMessage() or "表四" in window.statusBar().currentMessage()
    window.state.edit_values({CellRef("t4", 0, 0): 1})
    assert window.statusBar().currentMessage() == ""


def test_qt_file_dialog_speaks_chinese(qtbot, real_window, answers):
    texts = []

    def look(dialog):
        from PySide6.QtWidgets import QAbstractButton, QLabel

        texts.extend(b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text())
        texts.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text())
        dialog.reject()

    from PySide6.QtWidgets import QFileDialog

    answers.expect(lambda w: isinstance(w, QFileDialog), look)
    find_action(real_window, "文件", "打开").trigger()
    answers.wait_done()
    english = [t for t in texts if any(word in t for word in ("Open", "Cancel", "Look in", "File name", "Files of"))]
    assert texts and not english, texts


def test_export_under_the_name_the_title_suggests_even_with_a_slash_in_it(qtbot, real_window, answers, tmp_path):
    """A joint report's title "…发展和改革局/…粮食局…" proposed the folder "…发展和改革局" and the name "…粮食局…":
    accepting the proposal saved nowhere. The proposal is the title with ／ and lands where the clerk is."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    window = real_window
    report = complete_report()
    report.meta.title = "某县发展和改革局/某县粮食局2024年政府信息公开工作年度报告"
    window.state.load(report, None)
    window.settings.set_last_directory(str(tmp_path))
    proposed = []

    def accept_as_proposed(dialog: QFileDialog):
        proposed.append(dialog.findChild(QLineEdit, "fileNameEdit").text())
        dialog.accept()

    answers.expect(lambda w: isinstance(w, QFileDialog) and w.windowTitle() == "导出", accept_as_proposed, "export")
    find_action(window, "文件", "导出").trigger()
    answers.wait_done()
    _idle(qtbot, window)
    expected = tmp_path / "某县发展和改革局／某县粮食局2024年政府信息公开工作年度报告.docx"
    assert proposed == [expected.name]
    assert expected.exists() and read_path(expected).report.tables == report.tables


def test_export_of_a_report_with_errors_asks_first_and_can_go_to_the_first_error(qtbot, real_window, answers,
                                                                                 tmp_path):
    """Auditors find 一+二 ≠ 三+四 in published reports: 导出 of a report the checks still find errors in
    asks first. 先去修改 exports nothing and lands on the first error; 仍然导出 writes the file."""
    window = real_window
    report = complete_report()
    report.settings["auto_totals"] = False
    report.tables["t4"][2][4] = 5  # 复议后起诉·总计 should be 1
    window.state.load(report, None)
    out = tmp_path / "导出"
    out.mkdir()
    window.settings.set_last_directory(str(out))
    answers.message("先去修改", "报告还有 1 处错误")
    find_action(window, "文件", "导出").trigger()
    answers.wait_done()
    assert list(out.iterdir()) == []
    assert window.tabs.currentWidget() is window.part_pages["p4"]
    assert window.table_models["t4"].ref_at(window.table_views["t4"].currentIndex()) == CellRef("t4", 2, 4)

    answers.message("仍然导出", "复议后起诉").file(out / "年报", name_filter="Word", title="导出")
    find_action(window, "文件", "导出").trigger()
    answers.wait_done()
    _idle(qtbot, window)
    assert (out / "年报.docx").exists()
