"""The findings dock edits its list in place: rows that did not change keep their item."""

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
