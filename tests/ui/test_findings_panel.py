"""The findings dock edits its list in place: rows that did not change keep their item, the highlight its finding."""

from __future__ import annotations

from conftest import complete_report

from ggbg_desktop.report import CellRef
from ggbg_desktop.ui.findings_panel import FINDING_ROLE


def test_a_changed_finding_updates_its_row_and_keeps_the_others(window):  # noqa: F811 (fixture)
    report = complete_report()
    report.tables["t4"][2][4] = 5  # 复议后起诉·总计 should be 1
    report.tables["t2"][0][0] = -1  # a count cannot be negative
    window.state.load(report, None)
    panel = window.findings_panel
    before = panel.items()
    assert [f.rule for f in window.state.findings] == ["t4_total", "value"]
    assert "应为 1，现为 5" in before[0].text() and "不能为负数" in before[1].text()

    window.state.edit_values({CellRef("t4", 2, 4): 6})
    after = panel.items()
    assert after[0] is before[0] and after[1] is before[1]  # edited in place, not rebuilt
    assert "应为 1，现为 6" in after[0].text() and after[0].toolTip().startswith("表四")
    assert "现为 6" in after[0].toolTip()
    assert after[0].data(FINDING_ROLE) == window.state.findings[0]
    assert "不能为负数" in after[1].text()

    window.state.edit_values({CellRef("t4", 2, 4): 1})
    assert [i.text() for i in panel.items()] == [before[1].text()]
    assert panel.items()[0].data(FINDING_ROLE).rule == "value"

    window.state.edit_values({CellRef("t2", 0, 0): 1})
    assert [i.text() for i in panel.items()] == ["没有发现问题"]
    assert panel.items()[0].data(FINDING_ROLE) is None

    window.state.edit_values({CellRef("t4", 2, 4): 4})
    assert len(panel.items()) == 1 and "现为 4" in panel.items()[0].text()


def _click(qtbot, panel, row: int) -> None:
    from PySide6.QtCore import Qt

    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_highlight_stays_with_the_chosen_finding_as_others_are_fixed(qtbot, real_window):
    from .helpers import type_into

    window = real_window
    report = complete_report()
    report.tables["t2"][0][0] = -1  # a count cannot be negative
    report.tables["t2"][1][0] = -2
    report.tables["t4"][2][4] = 5  # 复议后起诉·总计 should be 1
    window.state.load(report, None)
    panel = window.findings_panel
    assert len(window.state.findings) == 3
    _click(qtbot, panel, 1)  # the middle one
    finding = window.state.findings[1]
    assert panel.list.currentItem().data(FINDING_ROLE) == finding
    fixed = window.state.findings[0].cells[0]
    type_into(qtbot, window, fixed, "1")  # the clerk fixes the one above it: the rows move up
    assert len(window.state.findings) == 2 and window.state.findings[0] == finding
    current = panel.list.currentItem()
    assert current is not None and current.data(FINDING_ROLE) == finding, current and current.text()

    type_into(qtbot, window, finding.cells[0], "1")  # and then the chosen one: nothing is highlighted
    assert panel.list.currentItem() is None or panel.list.currentItem().data(FINDING_ROLE) is None


def test_check_highlights_the_finding_it_goes_to(qtbot, real_window):
    from .conftest import find_action

    window = real_window
    report = complete_report()
    report.tables["t4"][2][4] = 5
    report.tables["t2"][0][0] = -1
    window.state.load(report, None)
    _click(qtbot, window.findings_panel, 1)
    find_action(window, "工具", "检查").trigger()
    first_error = window.state.findings[0]
    assert window.findings_panel.list.currentItem().data(FINDING_ROLE) == first_error
