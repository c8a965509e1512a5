"""Last year's report → this year's draft."""

import pytest

from ggbg_desktop.errors import RolloverError
from ggbg_desktop.report import CellRef, check
from ggbg_desktop.report.rollover import rollover


def test_year_moves_on_and_carry_over_is_filled(report):
    report.meta.title = "蓝田县人民政府2023年政府信息公开工作年度报告"
    draft = rollover(report)
    assert draft.meta.year == 2024
    assert draft.meta.title == "蓝田县人民政府2024年政府信息公开工作年度报告"
    assert "2024年1月1日起至2024年12月31日" in draft.preamble
    assert "《中华人民共和国政府信息公开条例》" in draft.preamble
    assert draft.tables["t3"][1] == report.tables["t3"][24]
    assert draft.meta.published is None
    assert draft.last_year.year == 2023
    assert draft.last_year.tables == report.tables
    assert draft.parts == report.parts


def test_other_figures_are_blank(report):
    draft = rollover(report)
    for key in ("t2", "t4"):
        assert all(v is None for v in draft.flat(key))
    rows = [row for i, row in enumerate(draft.tables["t3"]) if i != 1]
    assert all(v is None for row in rows for v in row)


def test_changing_carry_over_raises_a_cross_year_error(report):
    draft = rollover(report)
    draft.set_value(CellRef("t3", 1, 0), 4)
    (finding,) = [f for f in check(draft) if f.rule == "carry_over"]
    assert "应为 3" in finding.message and "2023年" in finding.message


def test_document_numbers_keep_their_year(report):
    report.preamble = "依据国办公开办函〔2023〕30号和《2023年政务公开工作要点》，统计2023年度数据。"
    assert rollover(report).preamble == "依据国办公开办函〔2023〕30号和《2023年政务公开工作要点》，统计2024年度数据。"


def test_a_report_without_year_is_refused(report):
    report.meta.year = None
    with pytest.raises(RolloverError) as info:
        rollover(report)
    assert "年度" in info.value.message


def test_the_reports_own_quoted_title_moves_on(report):
    report.preamble = ("根据《国务院办公厅政府信息与政务公开办公室关于印发"
                       "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》，"
                       "现发布《古城镇 2023 年政府信息公开工作年度报告》。")
    draft = rollover(report)
    assert "《古城镇 2024 年政府信息公开工作年度报告》" in draft.preamble
    assert "〈中华人民共和国政府信息公开工作年度报告格式〉" in draft.preamble


def test_rollover_past_the_last_storable_year_is_refused(report):
    """Issue 14: 2999 rolled over to 3000, which the file format then refused to open."""
    from ggbg_desktop.report.model import YEAR_MAX

    report.meta.year = YEAR_MAX
    with pytest.raises(RolloverError, match=str(YEAR_MAX)):
        rollover(report)
