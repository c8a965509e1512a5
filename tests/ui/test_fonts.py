"""The window's fonts: part headings in the UI face's regular weight (no second CJK font file at start-up)."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from ggbg_desktop.report.schema import PARTS
from ggbg_desktop.ui.fonts import heading_font, ui_font


def test_a_heading_is_larger_than_the_text_and_not_bold(qapp):
    base = ui_font(10)
    heading = heading_font(base)
    assert heading.pointSizeF() > base.pointSizeF()
    assert heading.weight() == QFont.Weight.Normal
    assert heading.families() == base.families()


def test_the_part_headings_of_the_window_need_no_bold_face(window):
    headings = [label for label in window.findChildren(QLabel) if label.text() in {p.heading for p in PARTS}]
    assert len(headings) == len(PARTS)
    assert all(label.font().weight() <= QFont.Weight.Normal for label in headings)
    assert all(label.font().pointSizeF() > window.font().pointSizeF() for label in headings)


def test_the_error_count_of_a_new_report_is_red_in_the_regular_weight(window):
    errors, _ = window.state.counts()
    assert errors  # a new report: every figure still blank
    assert "#b00020" in window.counts_label.styleSheet()
    assert "bold" not in window.counts_label.styleSheet()
