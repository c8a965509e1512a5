"""Figures the narrative states, found where a page or a typesetter broke the sentence."""

import pytest

from ggbg_desktop.report.narrative import HANDLED, NEW_RECEIVED, stated_figures


def _facts(text: str, year=2023):
    return [(f.fact, f.value) for f in stated_figures(text, year)]


def test_a_figure_after_a_line_break_inside_the_sentence_is_found():
    text = "2023年，我局共受理政府\n信息公开申请 17 件，均已按期答复。"
    figures = stated_figures(text, 2023)
    assert [(f.fact, f.value) for f in figures] == [(NEW_RECEIVED, 17)]
    assert text[figures[0].start:figures[0].end] == "17"  # the offset points into the text as typed


@pytest.mark.parametrize("text, value", [
    ("本年度共收到政府信息公开申请 3 119 件。", 3119),
    ("本年度共收到政府信息公开申请3\u2009119件。", 3119),
    ("本年度共收到政府信息公开申请18,582件。", 18582),
    ("本年度共收到政府信息公开申请 86 件。", 86),
])
def test_figures_spaced_as_typeset_numbers_are_read_whole(text, value):
    assert _facts(text) == [(NEW_RECEIVED, value)]


def test_a_finished_sentence_does_not_run_into_the_next_line():
    text = "本年度未收到政府信息公开申请。\n办理人大代表建议 5 件。"
    assert _facts(text) == [(NEW_RECEIVED, 0)]
    text = "本年度未收到政府信息公开申请\n办理人大代表建议 5 件。"  # joined: still one zero, no "办理 5 件"
    assert _facts(text)[0] == (NEW_RECEIVED, 0)


def test_separate_paragraphs_keep_their_own_figures():
    text = "（二）依申请公开\n全年共收到政府信息公开申请86件，办结86件。"
    assert sorted(_facts(text)) == sorted([(NEW_RECEIVED, 86), (HANDLED, 86)])
