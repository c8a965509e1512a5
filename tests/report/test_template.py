"""The starting text and year of a new report."""

import datetime

from ggbg_desktop.report import check
from ggbg_desktop.report.model import AUTO_TOTALS
from ggbg_desktop.report.schema import PARTS
from ggbg_desktop.report.template import default_year, new_report, texts_following


def test_default_year_follows_the_drafting_season():
    assert default_year(datetime.date(2027, 1, 20)) == 2026  # January: finishing last year's report
    assert default_year(datetime.date(2026, 6, 1)) == 2025
    assert default_year(datetime.date(2026, 11, 22)) == 2026  # autumn: drafting this year's


def test_new_report_has_the_starting_text_and_no_false_text_warnings():
    report = new_report("蓝田县人民政府", 2026)
    assert "由蓝田县人民政府编制" in report.preamble
    assert "2026年1月1日起至2026年12月31日" in report.preamble
    assert all(p.title in report.preamble for p in PARTS)
    assert report.parts["p1"].splitlines()[0].startswith("（一）")
    assert "信息处理费" in report.parts["p6"] and "2026年度" in report.parts["p6"]
    assert report.settings[AUTO_TOTALS] is True
    assert all(v is None for table in report.tables.values() for row in table for v in row)
    assert not [f for f in check(report) if f.rule in ("text_year", "text_figure", "text_stale")]


def test_the_standard_sentences_follow_the_year():
    report = new_report("蓝田县人民政府", 2025)
    texts = texts_following(report, "year", 2026)
    assert "自2026年1月1日起至2026年12月31日止" in texts["preamble"]
    assert "2026年度本机关" in texts["p6"]
    assert texts_following(report, "year", None) == {}


def test_the_standard_sentence_follows_the_organ_and_the_clerks_wording_stays():
    report = new_report("", 2025)
    texts = texts_following(report, "organ", "蓝田县人民政府")
    assert set(texts) == {"preamble"}
    assert "由蓝田县人民政府编制" in texts["preamble"] and "本机关编制" not in texts["preamble"]
    report.meta.organ = "蓝田县人民政府"
    report.preamble = texts["preamble"]
    assert "由本机关编制" in texts_following(report, "organ", "")["preamble"]
    report.preamble = "本报告由县政府办公室起草。"
    assert texts_following(report, "organ", "灞桥区人民政府") == {}
    assert texts_following(report, "title", "某某") == {}
