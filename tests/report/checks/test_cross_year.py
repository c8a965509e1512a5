"""Rules 6–7: this year's figures against last year's."""

from ggbg_desktop.report import CellRef, LastYear, check


def _with_last_year(report):
    last = LastYear(year=2022, tables={k: [list(row) for row in v] for k, v in report.tables.items()})
    last.tables["t3"][24] = list(report.tables["t3"][1])  # last year's 结转 = this year's 上年结转
    last.tables["t2"][0] = [0, 0, 11]  # 规章 in force last year: 11 (+1 −0 = 12 now)
    last.tables["t2"][1] = [0, 0, 38]  # 规范性文件: 38 (+3 −1 = 40 now)
    report.last_year = last
    return report


def test_consistent_years_raise_nothing(report):
    assert check(_with_last_year(report)) == []


def test_carried_over_must_equal_last_years_carried_forward(report):
    _with_last_year(report)
    report.set_value(CellRef("t3", 1, 0), 2)
    (finding,) = [f for f in check(report) if f.rule == "carry_over"]
    assert finding.severity == "error"
    assert finding.cells == (CellRef("t3", 1, 0),)
    assert "应为 3" in finding.message and "2022年" in finding.message and "现为 2" in finding.message


def test_in_force_continuity_is_a_warning(report):
    _with_last_year(report)
    report.set_value(CellRef("t2", 1, 2), 41)
    (finding,) = [f for f in check(report) if f.rule == "in_force"]
    assert finding.severity == "warning"
    assert finding.cells == (CellRef("t2", 1, 2),)
    assert (finding.expected, finding.actual) == (40, 41)


def test_without_last_year_no_cross_year_rules(report):
    report.set_value(CellRef("t3", 1, 0), 7)
    assert not [f for f in check(report) if f.rule in ("carry_over", "in_force")]


def test_more_repealed_than_there_were_names_no_negative_target(report):
    _with_last_year(report)
    report.last_year.tables["t2"][0] = [0, 0, 0]  # no 规章 in force last year
    report.set_value(CellRef("t2", 0, 0), 0)
    report.set_value(CellRef("t2", 0, 1), 1)  # …yet one repealed this year
    report.set_value(CellRef("t2", 0, 2), 0)
    (finding,) = [f for f in check(report) if f.rule == "in_force"]
    assert finding.expected is None and "应为 -1" not in finding.message and "不可能为负" in finding.message
