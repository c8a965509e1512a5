"""Rule 8 for 信息处理费: part 六's fee figures against the ones filled in."""

from ggbg_desktop.report import check
from ggbg_desktop.report.checks.fees import check_fee_text, stated_fees
from ggbg_desktop.report.model import InformationFees, Report
from ggbg_desktop.report.template import fee_sentence, new_report


def _report(text: str, notices=None, amount=None, collected=None, year=2024) -> Report:
    report = Report()
    report.meta.year = year
    report.parts["p6"] = text
    report.information_fees = InformationFees(notices, amount, collected)
    return report


def test_a_new_report_s_zero_sentence_against_figures_filled_in():
    report = new_report("某县人民政府", 2024)
    assert not [f for f in check(report) if f.rule == "text_fee"]  # nothing filled in: nothing compared
    report.information_fees = InformationFees(2, 300, 300)
    found = check_fee_text(report)
    assert [f.expected for f in found] == [2, 300, 300] and [f.actual for f in found] == [0, 0, 0]
    assert found[0].message == "第六部分文字称发出收费通知的件数为 0，但上方“信息处理费”中填的是 2"
    text = report.parts["p6"]
    assert [text[f.span.start:f.span.end] for f in found] == ["0", "0", "0"]
    assert found[0].span.part == "p6" and fee_sentence(2024) in text


def test_the_drafted_sentence_and_other_wordings_agree_with_what_is_filled_in():
    agree = [
        "本年度发出信息处理费收费通知2件，收费通知总金额300元，实际收取信息处理费300元。",
        "2024年度本机关共发出收费通知书2份，收费通知的金额为0.03万元，收取信息处理费0.03万元。",
    ]
    for text in agree:
        assert check_fee_text(_report(text, 2, 300, 300)) == [], text
    assert check_fee_text(_report("本年度未发出收费通知，未收取信息处理费。", 0, 0, 0)) == []


def test_what_is_not_this_year_s_figure_is_not_compared():
    quiet = [
        "2023年度发出收费通知5件，收取信息处理费500元。",  # another year
        "较上年增加收费通知3件。",  # a difference
        "本年度共收到申请12件，办结10件。",  # not about the fee
    ]
    for text in quiet:
        assert stated_fees(text, 2024) == (), text
        assert check_fee_text(_report(text, 2, 300, 300)) == [], text


def test_a_collected_amount_that_differs_is_named():
    found = check_fee_text(_report("本年度实际收取信息处理费200元。", 2, 300, 300))
    assert [(f.expected, f.actual) for f in found] == [(300, 200)]
    assert "实际收取的总金额（元）为 200" in found[0].message
