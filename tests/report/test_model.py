"""The report model: values in reading order, copies, blank reports."""

import pytest

from ggbg_desktop.report import CellRef, Report


def test_flat_round_trip_keeps_reading_order():
    report = Report()
    values = list(range(10))
    report.set_flat("t2", values)
    assert report.flat("t2") == values
    assert report.tables["t2"][0] == [0, 1, 2]
    assert report.tables["t2"][5] == [9]
    assert report.value(CellRef("t2", 2, 0)) == 6


def test_set_flat_refuses_a_wrong_count():
    with pytest.raises(ValueError):
        Report().set_flat("t4", [0] * 14)


def test_copy_is_deep(report):
    twin = report.copy()
    twin.set_value(CellRef("t3", 0, 0), 999)
    assert report.value(CellRef("t3", 0, 0)) != 999


def test_new_report_is_blank_and_typing_makes_it_not():
    report = Report()
    assert report.is_blank()
    report.set_value(CellRef("t4", 0, 0), 0)
    assert not report.is_blank()
    assert Report().meta.display_title() == "政府信息公开工作年度报告"
