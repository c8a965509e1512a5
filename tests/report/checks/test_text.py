"""Rules 8–10: the narrative against the tables, the year, completeness — and no false alarms."""

import pytest

from ggbg_desktop.report import CellRef, check
from ggbg_desktop.report.rollover import rollover

TEXT_RULES = {"text_figure", "text_year", "text_stale"}


def text_findings(report):
    return [f for f in check(report) if f.rule in TEXT_RULES]


def test_stated_figures_that_match_raise_nothing(report):
    assert text_findings(report) == []


def test_a_stated_figure_that_differs_is_named_with_its_span(report):
    report.parts["p1"] = "2023年，我县共收到政府信息公开申请90件，均已按时答复。"
    (finding,) = text_findings(report)
    assert finding.rule == "text_figure" and finding.severity == "warning"
    assert finding.cells == (CellRef("t3", 0, 6),)
    assert report.parts["p1"][finding.span.start:finding.span.end] == "90"
    assert "90" in finding.message and "86" in finding.message


@pytest.mark.parametrize("sentence, cell, value", [
    ("本年度共办结政府信息公开申请86件。", CellRef("t3", 23, 6), 86),
    ("上年结转政府信息公开申请3件。", CellRef("t3", 1, 6), 3),
    ("3件政府信息公开申请结转下年度继续办理。", CellRef("t3", 24, 6), 3),
    ("全年发生政府信息公开行政复议案件6件。", CellRef("t4", 0, 4), 6),
    ("因政府信息公开被提起行政诉讼2起。", CellRef("t4", 1, 4), 1),
])
def test_each_kind_of_stated_figure(report, sentence, cell, value):
    report.parts["p1"] = sentence
    assert text_findings(report) == []
    report.set_value(cell, value + 5)
    found = text_findings(report)
    assert [f.cells[0] for f in found] == [cell], sentence


def test_none_phrases_mean_zero(report):
    report.parts["p1"] = "本年度未收到政府信息公开申请，无行政复议、行政诉讼情况。"
    found = text_findings(report)
    assert {f.cells[0] for f in found} == {CellRef("t3", 0, 6), CellRef("t4", 0, 4), CellRef("t4", 1, 4)}
    for ref in (CellRef("t3", 0, 6), CellRef("t4", 0, 4), CellRef("t4", 1, 4), CellRef("t4", 2, 4)):
        report.set_value(ref, 0)
    assert text_findings(report) == []


@pytest.mark.parametrize("sentence", [
    "县政府网站共接收各类咨询、投诉、建议266件，办结266件。",  # not about applications
    "较2022年收到的申请增长10件。",  # a comparison
    "收到政府信息公开申请较上年增加12件。",
    "2022年共收到政府信息公开申请40件。",  # another year
    "全年收到咨询投诉件9件，均在规定时间内规范答复。",
])
def test_figures_about_something_else_are_not_compared(report, sentence):
    report.parts["p1"] = sentence
    assert not [f for f in text_findings(report) if f.rule == "text_figure"]


@pytest.mark.parametrize("sentence", [
    "现将2022年政务公开工作总结如下。",
    "2022年度本机关未收取信息处理费。",
    "截至2022年底，共公开信息300条。",
    "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
    "我镇 2022 年未收到政府信息公开申请。",
    "针对以上问题，我镇2022年重点抓好以下工作。",
    "开展政务公开工作，2022 年相关任务台账全部落实完成。",
    "本报告统计数据为2022年1月至12月。",
])
def test_other_ways_of_writing_last_year_as_this_year(report, sentence):
    report.parts["p1"] = sentence
    assert [f.rule for f in check(report) if f.rule == "text_year"] == ["text_year"], sentence


def test_a_sentence_written_for_last_year_is_flagged(report):
    report.parts["p5"] = "2022年，我县政务公开工作取得新进展。存在问题：解读形式单一。下一步将加强解读。"
    (finding,) = [f for f in check(report) if f.rule == "text_year"]
    assert finding.span.part == "p5"
    assert report.parts["p5"][finding.span.start:finding.span.end].startswith("2022年，我县")
    assert "2022" in finding.message and "2023" in finding.message


@pytest.mark.parametrize("sentence", [
    "较2022年增长15%。",
    "与2022年相比，主动公开信息增加。",
    "自2021年以来，我县持续推进标准化建设。",
    "认真落实《2023年政务公开工作要点》和国办公开办函〔2021〕30号要求。",
    "2024年我们将继续加强政务公开管理。",
    "2023年，我县共收到政府信息公开申请86件。",
])
def test_rightful_mentions_of_other_years_are_not_flagged(report, sentence):
    report.parts["p1"] = sentence
    assert not [f for f in check(report) if f.rule == "text_year"], sentence


def test_title_with_another_year(report):
    report.meta.title = "蓝田县人民政府2022年政府信息公开工作年度报告"
    assert [f.rule for f in check(report)] == ["text_year"]


def test_seed_texts_raise_no_false_text_warnings():
    from conftest import EXPECTED, SEEDS, report_from_expected

    for name in EXPECTED:
        report = report_from_expected(name)
        report.parts["p1"] = (SEEDS / name).read_text(encoding="utf-8")
        assert text_findings(report) == [], name


def test_rolled_over_draft_flags_stale_sentences_and_figures(report):
    draft = rollover(report)
    stale = text_findings(draft)
    assert {f.rule for f in stale} == {"text_year", "text_stale"}
    year_sentences = [draft.parts[f.span.part][f.span.start:f.span.end] for f in stale if f.rule == "text_year"]
    assert any(s.startswith("2023年，我县共收到") for s in year_sentences)
    figure = next(f for f in stale if f.rule == "text_stale")
    assert "行政复议" in figure.message and "6" in figure.message


def test_completeness(report):
    report.parts["p6"] = "无。"
    report.parts["p5"] = ""
    messages = [f.message for f in check(report) if f.rule == "completeness"]
    assert any("第五部分" in m and "没有内容" in m for m in messages)
    assert any("信息处理费" in m for m in messages)
    report.meta.organ = ""
    assert any(f.message == "未填写机关名称" for f in check(report))


def _undated(findings) -> list:
    return [f for f in findings if f.rule == "completeness" and "落款将没有日期" in f.message]


def test_a_signature_without_any_date_is_warned(report):
    report.meta.signature_date = None
    report.meta.published = None
    [finding] = _undated(check(report))
    assert finding.severity == "warning" and "成文日期" in finding.message and "发布日期" in finding.message


@pytest.mark.parametrize("signed, published",
                         [("2024-01-22", None), (None, "2024-01-20"), ("2024-01-22", "2024-01-20")])
def test_a_signature_with_a_date_is_quiet(report, signed, published):
    report.meta.signature_date = signed
    report.meta.published = published
    assert _undated(check(report)) == []


def test_a_later_year_used_as_the_current_one_is_flagged(report):
    report.preamble = report.preamble.replace("2023年1月1日起至2023年12月31日止", "2024年1月1日起至2024年12月31日止")
    found = [f for f in check(report) if f.rule == "text_year"]
    assert found and found[0].actual == 2024 and found[0].span.part == "preamble"
    report.preamble = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。2024年，我县将进一步做好公开工作。"
    assert not [f for f in check(report) if f.rule == "text_year"]  # plans for next year are fine


def test_header_findings_name_their_field():
    from ggbg_desktop.report import Report

    fields = {f.field for f in check(Report()) if f.rule == "completeness" and not f.cells and f.span is None}
    assert {"organ", "year"} <= fields
