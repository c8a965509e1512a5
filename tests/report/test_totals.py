"""Totals computed from their parts always satisfy the sum rules."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ggbg_desktop.report import CellRef, Report, check, fill_totals
from ggbg_desktop.report.totals import TOTAL_CELLS

SUM_RULES = {"t3_row_total", "t3_column_total", "t4_total"}


def test_fill_totals_computes_every_total(report):
    for ref in TOTAL_CELLS:
        report.set_value(ref, None)
    changed = fill_totals(report)
    assert set(changed) == TOTAL_CELLS
    assert report.value(CellRef("t3", 0, 6)) == 86
    assert report.value(CellRef("t3", 23, 0)) == 80
    assert report.value(CellRef("t4", 0, 4)) == 6
    assert fill_totals(report) == []


def test_all_blank_parts_leave_the_total_blank():
    report = Report()
    fill_totals(report)
    assert report.value(CellRef("t3", 0, 6)) is None
    report.set_value(CellRef("t3", 0, 2), 4)
    fill_totals(report)
    assert report.value(CellRef("t3", 0, 6)) == 4


counts = st.integers(min_value=0, max_value=10_000)


@settings(max_examples=60, deadline=None)
@given(t3=st.lists(st.lists(counts, min_size=7, max_size=7), min_size=25, max_size=25),
       t4=st.lists(counts, min_size=15, max_size=15))
def test_computed_totals_never_break_a_sum_rule(t3, t4):
    report = Report()
    report.tables["t3"] = t3
    report.set_flat("t4", t4)
    fill_totals(report)
    assert not [f for f in check(report) if f.rule in SUM_RULES]
