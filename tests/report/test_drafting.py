"""Drafted figure sentences: every number equals the table value it names; zero and change in words."""

import re

import pytest
from conftest import SEED_NAMES, report_from_expected

from ggbg_desktop.report import CellRef, check, fill_totals
from ggbg_desktop.report.drafted import insert_drafted
from ggbg_desktop.report.drafting import (
    FEES,
    KINDS,
    REQUESTS,
    REVIEWS,
    DraftIncomplete,
    change_clause,
    draft,
    percent,
)
from ggbg_desktop.report.model import InformationFees
from ggbg_desktop.report.narrative import (
    CARRIED_FORWARD,
    CARRIED_OVER,
    HANDLED,
    LITIGATION,
    NEW_RECEIVED,
    RECONSIDERATION,
    stated_figures,
)
from ggbg_desktop.report.rollover import rollover
from ggbg_desktop.report.schema import T3, T4

from .figure_reader import expected_value, stated

TEXT_AGAINST_TABLE = {"text_figure", "text_stale", "text_year"}


def rolled_over_2024():
    """Seed 004 (2023) rolled over to 2024, this year's figures typed in: more applications,
    as many reconsiderations, more lawsuits than last year."""
    report = rollover(report_from_expected("004_52047f2dfa4f4279.txt"))
    report.set_flat("t2", [0, 0, 0, 2, 0, 2, 70000, 39000, 2600, 240.5])
    t3 = report.tables["t3"]
    values = {
        "new_received": [90, 3, 1, 0, 0, 2],
        "disclosed": [40, 1, 0, 0, 0, 1],
        "partly_disclosed": [16, 0, 0, 0, 0, 0],
        "withheld_third_party": [2, 0, 0, 0, 0, 0],
        "unavailable_not_held": [20, 1, 1, 0, 0, 1],
        "not_processed_repeated": [5, 0, 0, 0, 0, 0],
        "other_fee_unpaid": [1, 0, 0, 0, 0, 0],
        "carried_to_next_year": [9, 1, 0, 0, 0, 0],
    }
    for r, row in enumerate(T3.rows):
        if r == T3.row_index("carried_from_last_year"):
            continue
        t3[r] = list(values.get(row.key, [0] * 6)) + [None]
    report.set_flat("t4", [2, 1, 1, 2, None, 0, 0, 0, 0, None, 1, 0, 0, 1, None])
    fill_totals(report)
    report.information_fees = InformationFees(notices=2, notice_amount=150, collected=100)
    return report


def _reports():
    cases = [(name, report_from_expected(name)) for name in SEED_NAMES]
    cases.append(("2024-from-004", rolled_over_2024()))
    for _, report in cases[:-1]:
        report.information_fees = InformationFees(0, 0, 0)
    return cases


CASES = _reports()


@pytest.mark.parametrize("name,report", CASES, ids=[c[0] for c in CASES])
def test_every_number_equals_the_table_value_it_names(name, report):
    for kind in KINDS:
        text = draft(report, kind).text
        figures = stated(text)
        assert len(figures) == len(re.findall(r"\d+(?:\.\d+)?", text)), text
        for figure in figures:
            assert figure.value == expected_value(report, figure, report.information_fees), (figure, text)


@pytest.mark.parametrize("name,report", CASES, ids=[c[0] for c in CASES])
def test_the_text_rule_reads_the_same_figures(name, report):
    """stated_figures (the text-against-table rule's reader) finds the headline figures and agrees."""
    text = "\n".join(draft(report, kind).text for kind in (REQUESTS, REVIEWS))
    facts = {f.fact: f.value for f in stated_figures(text, report.meta.year)}
    total = T3.row_columns[0][-1].key
    t3 = {key: report.tables["t3"][T3.row_index(key)][[c.key for c in T3.row_columns[0]].index(total)]
          for key in ("new_received", "carried_from_last_year", "total_handled", "carried_to_next_year")}
    assert facts[NEW_RECEIVED] == t3["new_received"]
    if t3["carried_from_last_year"]:
        assert facts[CARRIED_OVER] == t3["carried_from_last_year"]
    if t3["total_handled"]:
        assert facts[HANDLED] == t3["total_handled"]
    if t3["carried_to_next_year"]:
        assert facts[CARRIED_FORWARD] == t3["carried_to_next_year"]
    t4_total = [c.key for c in T4.row_columns[0]].index("total")
    assert facts[RECONSIDERATION] == report.tables["t4"][0][t4_total]
    assert facts[LITIGATION] == report.tables["t4"][1][t4_total] + report.tables["t4"][2][t4_total]


@pytest.mark.parametrize("name,report", CASES, ids=[c[0] for c in CASES])
def test_check_finds_nothing_in_parts_holding_only_drafted_sentences(name, report):
    report = report.copy()
    report.parts = {key: "" for key in report.parts}
    report = insert_drafted(report, "p1", 0).report
    report = insert_drafted(report, "p6", 0).report
    assert report.parts["p1"] and report.parts["p6"]
    found = [f for f in check(report) if f.rule in TEXT_AGAINST_TABLE | {"drafted_stale"}]
    assert found == []


def test_year_on_year_change_of_the_rolled_over_report():
    report = rolled_over_2024()
    requests = draft(report, REQUESTS).text
    # 96 new against 86 last year: +10, 10/86 = 11.63%
    assert "本年度新收政府信息公开申请96件，较上年增加10件，增长11.6%。" in requests
    assert "上年结转政府信息公开申请3件。" in requests
    reviews = draft(report, REVIEWS).text
    assert "本年度发生政府信息公开行政复议6件，与上年持平，" in reviews
    assert "本年度发生政府信息公开行政诉讼2件，较上年增加1件，增长100.0%，" in reviews
    assert draft(report, FEES).text == "本年度发出信息处理费收费通知2件，收费通知总金额150元，实际收取信息处理费100元。"


def test_no_percentage_when_last_year_was_zero():
    report = rollover(report_from_expected("000_087472ced84f1984.txt"))
    report.tables["t3"] = [[0] * 7 for _ in T3.rows]
    report.set_value(CellRef("t3", T3.row_index("new_received"), 0), 5)
    report.set_value(CellRef("t3", T3.row_index("disclosed"), 0), 5)
    report.set_flat("t4", [0] * 15)
    fill_totals(report)
    text = draft(report, REQUESTS).text
    assert "本年度新收政府信息公开申请5件，较上年增加5件。" in text
    assert "%" not in text


def test_change_in_words():
    assert change_clause(5, None) == ""
    assert change_clause(7, 7) == "，与上年持平"
    assert change_clause(3, 0) == "，较上年增加3件"
    assert change_clause(74, 86) == "，较上年减少12件，下降14.0%"
    assert change_clause(98, 86) == "，较上年增加12件，增长14.0%"
    # one decimal rounded half up, not to even: 1/16 = 6.25%
    assert percent(1, 16) == "6.3"
    assert percent(-1, 8) == "12.5"


def test_zero_in_the_register_real_reports_use():
    report = report_from_expected("003_e51fc33f15234b62.txt")
    assert draft(report, REQUESTS).text == "本年度未收到政府信息公开申请，无上年结转的政府信息公开申请。"
    assert draft(report, REVIEWS).text == "本年度未发生政府信息公开行政复议、行政诉讼案件。"
    report.information_fees = InformationFees(0, 0, 0)
    assert draft(report, FEES).text.startswith("本年度未收取信息处理费")


def test_zero_this_year_says_last_years_figure():
    report = rollover(report_from_expected("004_52047f2dfa4f4279.txt"))
    report.tables["t3"] = [[0] * 7 for _ in T3.rows]
    report.set_flat("t4", [0] * 15)
    text = draft(report, REQUESTS).text
    assert text == "本年度未收到政府信息公开申请，上年为86件，无上年结转的政府信息公开申请。"
    assert draft(report, REVIEWS).text == ("本年度未发生政府信息公开行政复议、行政诉讼案件，"
                                           "上年行政复议6件、行政诉讼1件。")


def test_blank_figures_are_named_not_guessed():
    report = report_from_expected("004_52047f2dfa4f4279.txt")
    report.set_value(CellRef("t3", T3.row_index("new_received"), 6), None)
    with pytest.raises(DraftIncomplete) as info:
        draft(report, REQUESTS)
    assert "一、本年新收申请·总计" in info.value.message and "尚未填写" in info.value.message


def test_the_fee_sentence_needs_the_fee_figures():
    """The tables hold no fee-notice figures: without Report.information_fees nothing is claimed."""
    report = report_from_expected("004_52047f2dfa4f4279.txt")
    with pytest.raises(DraftIncomplete) as info:
        draft(report, FEES)
    assert "信息处理费" in info.value.message
    report.information_fees = InformationFees(notices=1, notice_amount=20, collected=0)
    assert draft(report, FEES).text == "本年度发出信息处理费收费通知1件，收费通知总金额20元，实际未收取信息处理费。"


def test_drafts_record_every_figure_they_read():
    report = rolled_over_2024()
    figures = draft(report, REQUESTS).figures
    new_total = f"t3.{T3.row_index('new_received')}.6"
    assert figures[new_total] == 96
    assert figures["last." + new_total] == 86


@pytest.mark.parametrize("name", SEED_NAMES)
def test_imported_seeds_drafted_parts_pass_the_text_rules(name):
    """The seed files as imported (not only their expected values): drafted parts agree with the tables."""
    from conftest import SEEDS

    from ggbg_desktop.formats.registry import read_path

    report = read_path(SEEDS / name).report
    report.parts = {key: "" for key in report.parts}
    report.information_fees = InformationFees(0, 0, 0)
    report = insert_drafted(insert_drafted(report, "p1", 0).report, "p6", 0).report
    assert report.parts["p1"].count("\n") == 2
    assert [f for f in check(report) if f.rule in TEXT_AGAINST_TABLE | {"drafted_stale"}] == []
