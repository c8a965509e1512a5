"""Last year's report attached to this year's: its three tables whole, the cross-year rules on them."""

import pytest

from ggbg_desktop.errors import UserError
from ggbg_desktop.report import CellRef, Report, check
from ggbg_desktop.report.last_year import attach_last_year
from ggbg_desktop.report.schema import T2, T3

CARRIED_OVER = T3.row_index("carried_from_last_year")
CARRIED_FORWARD = T3.row_index("carried_to_next_year")


def _last_of(report):
    last = report.copy()
    last.meta.year = report.meta.year - 1
    last.tables["t3"][CARRIED_FORWARD] = list(report.tables["t3"][CARRIED_OVER])
    return last


def test_attach_keeps_last_years_three_tables_whole(report):
    last = _last_of(report)
    attached = attach_last_year(report, last)
    assert attached.last_year.year == 2022
    assert attached.last_year.tables == last.tables
    assert report.last_year is None  # the open report is not changed in place
    last.tables["t2"][0][0] = 99
    assert attached.last_year.tables["t2"][0][0] != 99  # a copy, not shared


def test_blank_carry_over_is_filled_and_typed_figures_stay(report):
    last = _last_of(report)
    report.tables["t3"][CARRIED_OVER] = [None, None, None, None, None, None, None]
    assert attach_last_year(report, last).tables["t3"][CARRIED_OVER] == last.tables["t3"][CARRIED_FORWARD]
    report.tables["t3"][CARRIED_OVER] = [4, 0, 0, 0, 0, 0, 4]
    attached = attach_last_year(report, last)
    assert attached.tables["t3"][CARRIED_OVER] == [4, 0, 0, 0, 0, 0, 4]
    findings = [f for f in check(attached) if f.rule == "carry_over"]
    assert [f.cells for f in findings] == [(CellRef("t3", CARRIED_OVER, 0),), (CellRef("t3", CARRIED_OVER, 6),)]


def test_cross_year_rules_use_the_attached_figures(report):
    last = _last_of(report)
    rules, normative = T2.row_index("rules"), T2.row_index("normative_documents")
    last.tables["t2"][rules] = [0, 0, 11]  # 11 + 1 − 0 = 12 now
    last.tables["t2"][normative] = [0, 0, 30]  # 30 + 3 − 1 ≠ 40 now
    (finding,) = [f for f in check(attach_last_year(report, last)) if f.rule == "in_force"]
    assert finding.cells == (CellRef("t2", normative, 2),) and (finding.expected, finding.actual) == (32, 40)


def test_a_report_of_another_year_is_refused(report):
    last = _last_of(report)
    last.meta.year = 2021
    with pytest.raises(UserError) as info:
        attach_last_year(report, last)
    assert "2021 年度" in info.value.message and "2022 年度" in info.value.message


def test_a_report_without_figures_is_refused(report):
    with pytest.raises(UserError) as info:
        attach_last_year(report, Report())
    assert "没有表格数字" in info.value.message
