"""Rules 1–5: each on a correct and a broken report, the broken cell named."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ggbg_desktop.report import CellRef, check
from ggbg_desktop.report.schema import T3_RESULT_ROWS


def rules(findings):
    return sorted(f.rule for f in findings)


def test_complete_report_has_no_findings(report):
    assert check(report) == []


def test_seed_values_satisfy_the_sum_rules():
    from conftest import EXPECTED, report_from_expected

    for name in EXPECTED:
        findings = [f for f in check(report_from_expected(name)) if f.is_error]
        assert findings == [], name


def test_row_total(report):
    report.set_value(CellRef("t3", 2, 1), 2)  # （一）予以公开·商业企业 1 → 2
    row = [f for f in check(report) if f.rule == "t3_row_total"]
    assert len(row) == 1
    assert row[0].cells[0] == CellRef("t3", 2, 6)
    assert row[0].severity == "error"
    assert "（一）予以公开·总计 应为 41，现为 40" in row[0].message
    assert (row[0].expected, row[0].actual) == (41, 40)


def test_column_total_names_the_total_cell(report):
    report.set_value(CellRef("t3", 23, 0), 79)
    found = {f.rule: f for f in check(report)}
    assert found["t3_column_total"].cells[0] == CellRef("t3", 23, 0)
    assert "（七）总计·自然人 应为 80，现为 79" in found["t3_column_total"].message


def test_balance_names_the_four_cells(report):
    report.set_value(CellRef("t3", 24, 0), 4)
    report.set_value(CellRef("t3", 24, 6), 4)
    balance = [f for f in check(report) if f.rule == "t3_balance"]
    assert [f.cells[0].col for f in balance] == [0, 6]
    assert balance[0].cells == tuple(CellRef("t3", r, 0) for r in (0, 1, 23, 24))
    assert "自然人列" in balance[0].message and "83" in balance[0].message and "84" in balance[0].message


def test_review_total(report):
    report.set_value(CellRef("t4", 1, 0), 2)
    (finding,) = [f for f in check(report) if f.rule == "t4_total"]
    assert finding.cells[0] == CellRef("t4", 1, 4)
    assert "未经复议直接起诉·总计 应为 2，现为 1" in finding.message


def test_negative_and_fractional_counts(report):
    report.set_value(CellRef("t2", 2, 0), -1)
    report.set_value(CellRef("t2", 0, 0), 1.5)
    report.set_value(CellRef("t2", 5, 0), 12.5)  # the fee may carry decimals
    values = [f for f in check(report) if f.rule == "value"]
    assert {f.cells[0] for f in values} == {CellRef("t2", 2, 0), CellRef("t2", 0, 0)}
    assert any("不能为负数" in f.message for f in values)
    assert any("应为整数" in f.message for f in values)


def test_blank_is_not_zero(report):
    report.set_value(CellRef("t4", 2, 3), None)
    report.set_value(CellRef("t4", 2, 4), None)
    blank = [f for f in check(report) if f.rule == "blank"]
    assert len(blank) == 1
    assert blank[0].cells == (CellRef("t4", 2, 3), CellRef("t4", 2, 4))
    assert "空格不等于 0" in blank[0].message
    # a blank part does not also raise a sum error for its row
    assert not [f for f in check(report) if f.rule == "t4_total"]


def test_seed_004_with_one_changed_cell(seed_004):
    """The acceptance case: 自然人 of 一、本年新收 84 → 85 breaks the row total and the balance."""
    seed_004.meta.organ = "蓝田县人民政府"
    assert not [f for f in check(seed_004) if f.is_error]
    seed_004.set_value(CellRef("t3", 0, 0), 85)
    errors = [f for f in check(seed_004) if f.is_error]
    assert rules(errors) == ["t3_balance", "t3_row_total"]
    row = next(f for f in errors if f.rule == "t3_row_total")
    assert row.cells[0] == CellRef("t3", 0, 6) and (row.expected, row.actual) == (87, 86)
    balance = next(f for f in errors if f.rule == "t3_balance")
    assert balance.cells[0] == CellRef("t3", 0, 0)
    assert (balance.expected, balance.actual) == (85, 84)


def _expected_rules(r, c):
    """The sum rules a change of t3[r][c] alone breaks."""
    broken = {"t3_row_total"}
    if r in T3_RESULT_ROWS or r == 23:
        broken.add("t3_column_total")
    if r in (0, 1, 23, 24):
        broken.add("t3_balance")
    return broken


@settings(max_examples=80, deadline=None)
@given(r=st.integers(0, 24), c=st.integers(0, 6), delta=st.integers(1, 50))
def test_any_single_changed_cell_breaks_exactly_its_rules(r, c, delta):
    from conftest import complete_report

    report = complete_report()
    report.set_value(CellRef("t3", r, c), report.value(CellRef("t3", r, c)) + delta)
    found = {f.rule for f in check(report) if f.is_error}
    assert found == _expected_rules(r, c)
    for f in check(report):
        if f.rule == "t3_row_total":
            assert f.cells[0] == CellRef("t3", r, 6)
        if f.rule in ("t3_column_total", "t3_balance"):
            assert f.cells[0].col == c


@pytest.mark.parametrize("value", [10 ** 5000, float("inf"), float("nan"), 10 ** 13],
                         ids=["5000-digits", "inf", "nan", "1e13"])
@pytest.mark.parametrize("where", [CellRef("t2", 0, 0), CellRef("t3", 0, 0), CellRef("t4", 0, 0)])
def test_absurd_values_are_errors_and_never_a_traceback(report, value, where):
    """Issue 14: a 5 000-digit integer made str() raise inside check; Infinity passed with 0 errors."""
    report.set_value(where, value)
    findings = check(report)
    assert any(f.rule == "value" and where in f.cells for f in findings)
    assert all(len(f.message) < 300 for f in findings)
