"""The findings dock, tab titles, stale text marked in the editors, and 从上年报告新建."""

from __future__ import annotations

from conftest import complete_report
from PySide6.QtCore import Qt

from ggbg_desktop.formats import native
from ggbg_desktop.report import CellRef, LastYear

from .helpers import cell_role


def _click(qtbot, panel, item):
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_finding_lands_on_its_cell(qtbot, window):
    report = complete_report()
    report.tables["t4"][2][4] = 5  # 复议后起诉·总计 should be 1
    window.state.load(report, None)
    window.tabs.setCurrentIndex(0)
    panel = window.findings_panel
    item = next(i for i in panel.items() if "表四" in i.text())
    assert "应为 1，现为 5" in item.text()
    _click(qtbot, panel, item)
    assert window.tabs.currentWidget() is window.part_pages["p4"]
    view = window.table_views["t4"]
    assert window.table_models["t4"].ref_at(view.currentIndex()) == CellRef("t4", 2, 4)
    assert view.hasFocus()
    assert window.counts_label.text() == "错误 1 · 警告 0"


def test_clicking_a_text_finding_selects_the_sentence(qtbot, window):
    report = complete_report()
    report.parts["p1"] = report.parts["p1"].replace("收到政府信息公开申请86件", "收到政府信息公开申请90件")
    window.state.load(report, None)
    panel = window.findings_panel
    item = next(i for i in panel.items() if "第一部分" in i.text())
    _click(qtbot, panel, item)
    editor = window.text_editors["p1"]
    assert window.tabs.currentWidget() is window.part_pages["p1"]
    assert "90" in editor.textCursor().selectedText()
    assert any(f.rule == "text_figure" for f in editor.marked_findings())


def test_stale_year_is_marked_in_the_text(qtbot, window):
    report = complete_report()
    report.meta.year = 2024
    report.preamble = report.preamble.replace("2023", "2024")
    window.state.load(report, None)
    editor = window.text_editors["p1"]
    stale = [f for f in editor.marked_findings() if f.rule == "text_year"]
    assert stale and report.parts["p1"][stale[0].span.start:stale[0].span.end].startswith("2023年")
    assert _marked_spans(editor) == [(f.span.start, f.span.end) for f in editor.marked_findings()]
    # rewriting the sentence takes the mark away
    editor.selectAll()
    editor.insertPlainText(report.parts["p1"].replace("2023年，", "2024年，"))
    assert not [f for f in editor.marked_findings() if f.rule == "text_year"]


def _marked_spans(editor) -> list[tuple[int, int]]:
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in editor.extraSelections()]


def test_opening_a_rolled_over_draft_marks_its_stale_sentences(window, tmp_path):
    """The findings of an opened file arrive before its text reaches the editor; the marks must
    still fall on the sentences, not on where the previous text ended."""
    from ggbg_desktop.report.rollover import rollover

    path = tmp_path / "2024.ggbg"
    native.save(rollover(complete_report()), path)
    assert window.open_path(path)
    editor = window.text_editors["p1"]
    spans = [(f.span.start, f.span.end) for f in editor.marked_findings()]
    assert spans and _marked_spans(editor) == spans
    text = editor.toPlainText()
    assert any(text[a:b].startswith("2023年，我县") for a, b in spans)


def test_last_year_figures_in_the_tooltips(window):
    report = complete_report()
    report.last_year = LastYear(2022, complete_report().tables)
    report.last_year.tables["t3"][0][0] = 70
    window.state.load(report, None)
    tip = cell_role(window, CellRef("t3", 0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "上年数（2022年）：70" in tip


def test_new_from_last_year(qtbot, window, dialogs, tmp_path):
    last = complete_report()
    path = tmp_path / "2023.ggbg"
    native.save(last, path)
    window.files.new_from_last_year(str(path))
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10000)
    qtbot.waitUntil(lambda: window.state.report.meta.year == 2024, timeout=5000)
    assert not dialogs.errors
    assert dialogs.import_logs and dialogs.import_logs[-1][2] == "以此新建本年报告"
    draft = window.state.report
    assert draft.meta.year == 2024 and draft.last_year is not None
    assert draft.tables["t3"][1][:6] == last.tables["t3"][24][:6]
    assert window.state.path is None and window.state.is_dirty
    tip = cell_role(window, CellRef("t3", 1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "上年数" in tip
    assert any(f.rule in ("text_year", "text_stale") for e in window.text_editors.values()
               for f in e.marked_findings())


def test_check_action_goes_to_the_first_error(qtbot, window):
    report = complete_report()
    report.tables["t3"][5][2] = None
    window.state.load(report, None)
    window.act_check.trigger()
    assert window.tabs.currentWidget() is window.part_pages["p3"]
    assert window.table_models["t3"].ref_at(window.table_views["t3"].currentIndex()) == CellRef("t3", 5, 2)
