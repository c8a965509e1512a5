"""工具 → 载入上年数据 and 显示上年数 in the real window: Qt's file dialog and the import log answered
from a timer, last year's figures attached as one undoable step, shown under this year's figures."""

from __future__ import annotations

from conftest import SEEDS, complete_report
from PySide6.QtGui import QFontMetrics

from ggbg_desktop.formats.registry import read_path
from ggbg_desktop.report import CellRef
from ggbg_desktop.report.schema import T3_CARRIED_FORWARD, T3_CARRIED_OVER
from ggbg_desktop.ui.table_model import LAST_YEAR_ROLE, change_text, last_year_line
from ggbg_desktop.ui.table_view import last_year_font

from .conftest import find_action
from .helpers import cell_role, show_table

SEED_2023 = SEEDS / "004_52047f2dfa4f4279.txt"
SEED_2022 = SEEDS / "000_087472ced84f1984.txt"
NEW_RECEIVED = CellRef("t3", 0, 0)


def _this_year():
    """A 2024 report whose 上年结转 the clerk typed wrongly (so the carry-over rule has something to say)."""
    report = complete_report()
    report.meta.year = 2024
    last = read_path(SEED_2023).report
    report.tables["t3"][T3_CARRIED_OVER] = [(v or 0) + 5 for v in last.tables["t3"][T3_CARRIED_FORWARD]]
    return report


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30000)
    qtbot.wait(20)


def _rules(window) -> set[str]:
    return {f.rule for f in window.state.findings}


def test_load_last_year_attaches_its_figures_as_one_undoable_step(qtbot, real_window, answers):
    window = real_window
    window.state.load(_this_year(), None)
    assert window.state.report.last_year is None and "carry_over" not in _rules(window)
    before = window.state.report.copy()
    last = read_path(SEED_2023).report
    view = show_table(window, "t3")
    view.setCurrentIndex(window.table_models["t3"].index_of(CellRef("t3", 5, 2)))

    answers.file(SEED_2023, title="载入上年数据").import_log("作为上年数据")
    find_action(window, "工具", "载入上年数据").trigger()
    answers.wait_done()
    _idle(qtbot, window)

    attached = window.state.report
    assert attached.last_year is not None and attached.last_year.year == 2023
    assert attached.last_year.tables == last.tables
    assert attached.tables == before.tables and attached.parts == before.parts  # only last year's figures added
    assert "carry_over" in _rules(window)  # the cross-year rule now reads last year's 结转下年度
    panel_texts = [item.text() for item in window.findings_panel.items()]
    assert any("上年" in text for text in panel_texts), panel_texts
    assert "已载入2023年数据" in window.statusBar().currentMessage()
    assert window.table_models["t3"].ref_at(view.currentIndex()) == CellRef("t3", 5, 2)  # the clerk's place kept

    window.act_undo.trigger()
    assert window.state.report.last_year is None and "carry_over" not in _rules(window)
    window.act_redo.trigger()
    assert window.state.report.last_year.tables == last.tables


def test_last_year_of_the_wrong_year_is_refused_and_nothing_changes(qtbot, real_window, answers):
    window = real_window
    window.state.load(_this_year(), None)
    before = window.state.report.copy()
    answers.file(SEED_2022, title="载入上年数据").import_log("作为上年数据").message("确定", "2023 年度的报告")
    find_action(window, "工具", "载入上年数据").trigger()
    answers.wait_done()
    _idle(qtbot, window)
    assert window.state.report == before
    assert not window.state.undo_stack.canUndo()


def test_show_last_year_puts_last_years_figure_and_the_change_under_each_figure(qtbot, make_window, answers):
    window = make_window(real=True)
    window.state.load(_this_year(), None)
    answers.file(SEED_2023, title="载入上年数据").import_log("作为上年数据")
    find_action(window, "工具", "载入上年数据").trigger()
    answers.wait_done()
    _idle(qtbot, window)
    view = show_table(window, "t3")
    rows = range(view.header_rows, window.table_models["t3"].rowCount())
    plain_heights = [view.rowHeight(r) for r in rows]
    assert cell_role(window, NEW_RECEIVED, LAST_YEAR_ROLE) is None  # off until the clerk asks

    toggle = find_action(window, "工具", "显示上年数")
    assert toggle.isCheckable() and not toggle.isChecked()
    toggle.trigger()
    now = window.state.report.value(NEW_RECEIVED)
    before = window.state.report.last_year.tables["t3"][0][0]
    delta = now - before
    change = "持平" if delta == 0 else (f"+{delta}" if delta > 0 else f"−{-delta}")
    assert cell_role(window, NEW_RECEIVED, LAST_YEAR_ROLE) == f"上年 {before} · {change}"
    two_lines = (QFontMetrics(view.font()).lineSpacing() + QFontMetrics(last_year_font(view.font())).lineSpacing())
    assert all(view.rowHeight(r) >= two_lines for r in rows)  # room for the second line in every figure row
    assert sum(view.rowHeight(r) for r in rows) > sum(plain_heights)
    assert f"上年数（2023年）：{before}" in cell_role(window, NEW_RECEIVED, 3)  # the tooltip says it too
    # the change follows a figure typed now
    window.state.edit_values({NEW_RECEIVED: before})
    assert cell_role(window, NEW_RECEIVED, LAST_YEAR_ROLE) == f"上年 {before} · 持平"
    # the choice is kept between runs
    second = make_window(real=True)
    assert find_action(second, "工具", "显示上年数").isChecked()
    assert second.table_models["t3"].show_last_year
    toggle.trigger()
    assert cell_role(window, NEW_RECEIVED, LAST_YEAR_ROLE) is None
    assert [view.rowHeight(r) for r in rows] == plain_heights


def test_the_change_under_a_figure():
    assert change_text(12, 9) == "+3" and change_text(9, 12) == "−3" and change_text(5, 5) == "持平"
    assert change_text(236.99, 236.982) == "+0.008" and change_text(0.3, 0.1 + 0.2) == "持平"
    assert change_text(None, 5) == "" and change_text(5, None) == ""
    assert last_year_line(None, 7) == "上年 7" and last_year_line(3, None) is None
    assert last_year_line(10, 7) == "上年 7 · +3"
