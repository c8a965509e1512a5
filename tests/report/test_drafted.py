"""Drafted passages remembered as drafted: inserted, found again, out of date, rewritten — never the clerk's text."""

import pytest

from ggbg_desktop.errors import UserError
from ggbg_desktop.report import CellRef, check, fill_totals
from ggbg_desktop.report.drafted import insert_drafted, locate, stale, update_drafted
from ggbg_desktop.report.drafting import ACTIVE, FEES, REQUESTS, REVIEWS, draft
from ggbg_desktop.report.last_year import attach_last_year
from ggbg_desktop.report.model import InformationFees
from ggbg_desktop.report.rollover import rollover
from ggbg_desktop.report.schema import T3

from .test_drafting import rolled_over_2024

CLERK_BEFORE = "（一）主动公开\n本镇坚持以公开为常态。"
CLERK_AFTER = "（三）政府信息管理\n严格执行保密审查制度。"
NEW = T3.row_index("new_received")
DISCLOSED = T3.row_index("disclosed")


def _stale_findings(report):
    return [f for f in check(report) if f.rule == "drafted_stale"]


@pytest.fixture
def drafted(report):
    """The complete report with part 一 = clerk's text, the three drafted passages, clerk's text."""
    report.parts["p1"] = CLERK_BEFORE + "\n" + CLERK_AFTER
    return insert_drafted(report, "p1", len(CLERK_BEFORE) + 1).report


def test_insert_puts_each_passage_on_its_own_line_between_the_clerks_text(report, drafted):
    texts = [draft(report, kind).text for kind in (ACTIVE, REQUESTS, REVIEWS)]
    assert drafted.parts["p1"] == "\n".join([CLERK_BEFORE, *texts, CLERK_AFTER])
    assert [(r.part, r.kind) for r in drafted.drafted] == [("p1", ACTIVE), ("p1", REQUESTS), ("p1", REVIEWS)]
    assert [drafted.parts["p1"][r.start:r.start + len(r.text)] for r in drafted.drafted] == texts
    assert report.drafted == [] and report.parts["p1"] == CLERK_BEFORE + "\n" + CLERK_AFTER  # unchanged


def test_insert_in_the_middle_of_a_line_starts_a_new_paragraph(report):
    report.parts["p6"] = "本年度无其他需要报告的事项。另外"
    report.information_fees = InformationFees(0, 0, 0)
    result = insert_drafted(report, "p6", len("本年度无其他需要报告的事项。"))
    fee = draft(report, FEES).text
    assert result.report.parts["p6"] == f"本年度无其他需要报告的事项。\n{fee}\n另外"
    assert result.report.parts["p6"][result.start:result.end] == fee


def test_a_changed_figure_makes_its_passage_out_of_date(drafted):
    assert _stale_findings(drafted) == []
    drafted.set_value(CellRef("t3", NEW, 0), 81)
    drafted.set_value(CellRef("t3", DISCLOSED, 0), 39)
    fill_totals(drafted)
    (finding,) = _stale_findings(drafted)
    assert finding.severity == "warning"
    assert finding.span.part == "p1"
    (requests,) = [r for r in drafted.drafted if r.kind == REQUESTS]
    assert drafted.parts["p1"][finding.span.start:finding.span.end] == requests.text
    assert CellRef("t3", NEW, 0) in finding.cells
    assert "依申请公开" in finding.message and "原为 80，现为 81" in finding.message


def test_update_rewrites_exactly_the_out_of_date_passages(drafted):
    before = drafted.parts["p1"]
    active, requests, reviews = (draft(drafted, k).text for k in (ACTIVE, REQUESTS, REVIEWS))
    drafted.set_value(CellRef("t3", NEW, 0), 81)
    drafted.set_value(CellRef("t3", DISCLOSED, 0), 39)
    fill_totals(drafted)
    updated = update_drafted(drafted)
    new_requests = draft(drafted, REQUESTS).text
    assert new_requests != requests and "新收政府信息公开申请87件" in new_requests
    assert updated.parts["p1"] == before.replace(requests, new_requests)
    assert updated.parts["p1"].startswith(CLERK_BEFORE + "\n" + active + "\n")
    assert updated.parts["p1"].endswith("\n" + reviews + "\n" + CLERK_AFTER)
    assert _stale_findings(updated) == []
    assert [f for f in check(updated) if f.rule == "text_figure"] == []
    assert drafted.parts["p1"] == before  # update is pure
    assert [updated.parts["p1"][r.start:r.start + len(r.text)] for r in updated.drafted] == [
        r.text for r in updated.drafted]


def test_a_passage_the_clerk_edited_is_the_clerks(drafted):
    (requests,) = [r for r in drafted.drafted if r.kind == REQUESTS]
    edited = requests.text.replace("本年度新收", "今年新收")
    drafted.parts["p1"] = drafted.parts["p1"].replace(requests.text, edited)
    drafted.set_value(CellRef("t3", NEW, 0), 81)
    drafted.set_value(CellRef("t3", DISCLOSED, 0), 39)
    fill_totals(drafted)
    assert _stale_findings(drafted) == []
    assert [item.record.kind for item in locate(drafted)] == [ACTIVE, REVIEWS]
    updated = update_drafted(drafted)
    assert updated.parts["p1"] == drafted.parts["p1"]
    assert [r.kind for r in updated.drafted] == [ACTIVE, REVIEWS]
    # the text rule still reads the clerk's sentence like any other
    assert [f.rule for f in check(updated) if f.rule == "text_figure"]


def test_inserting_again_rewrites_in_place_instead_of_duplicating(drafted):
    drafted.set_value(CellRef("t4", 0, 0), 2)
    fill_totals(drafted)
    again = insert_drafted(drafted, "p1", 0).report
    assert again.parts["p1"].startswith(CLERK_BEFORE)
    assert again.parts["p1"].count("政府信息公开行政复议") == 1
    assert "行政复议7件" in again.parts["p1"]
    assert len(again.drafted) == 3 and _stale_findings(again) == []


def test_kinds_can_be_inserted_one_at_a_time(report):
    report.parts["p1"] = ""
    result = insert_drafted(report, "p1", 0, (REVIEWS,))
    assert result.report.parts["p1"] == draft(report, REVIEWS).text
    assert [r.kind for r in result.report.drafted] == [REVIEWS]


def test_nothing_to_draft_is_refused_in_chinese(report):
    with pytest.raises(UserError) as info:
        insert_drafted(report, "p5", 0)
    assert "第五部分" in info.value.message
    with pytest.raises(UserError) as info:
        insert_drafted(report, "p6", 0)  # no information-processing fee figures
    assert "信息处理费" in info.value.message


def test_blank_figures_skip_their_passage_and_say_so(report):
    report.set_value(CellRef("t4", 0, 4), None)
    result = insert_drafted(report, "p1", 0)
    assert [r.kind for r in result.report.drafted] == [ACTIVE, REQUESTS]
    (why,) = result.skipped
    assert "行政复议" in why and "尚未填写" in why


def test_last_years_figures_arriving_make_passages_out_of_date(drafted, report):
    last = report.copy()
    last.meta.year = 2022
    with_last = attach_last_year(drafted, last)
    kinds = {item.record.kind for item in stale(with_last)}
    assert kinds == {REQUESTS, REVIEWS}  # the passages that compare with last year
    assert all("已载入上年数据" in f.message for f in _stale_findings(with_last))
    updated = update_drafted(with_last)
    assert "与上年持平" in updated.parts["p1"]
    assert _stale_findings(updated) == []


def test_rollover_keeps_the_records_and_update_rewrites_once_figures_are_in():
    last = rolled_over_2024()
    last.parts["p1"] = ""
    last = insert_drafted(last, "p1", 0).report
    nxt = rollover(last)
    assert nxt.parts["p1"] == last.parts["p1"]
    assert {item.record.kind for item in stale(nxt)} == {ACTIVE, REQUESTS, REVIEWS}
    assert update_drafted(nxt).parts["p1"] == nxt.parts["p1"]  # figures still blank: left as they are
    nxt.tables = {key: [list(row) for row in table] for key, table in last.tables.items()}
    nxt.tables["t3"][T3.row_index("carried_from_last_year")] = list(last.tables["t3"][T3.row_index(
        "carried_to_next_year")])
    nxt.tables["t3"][T3.row_index("carried_to_next_year")] = list(last.tables["t3"][T3.row_index(
        "carried_from_last_year")])
    updated = update_drafted(nxt)
    assert updated.parts["p1"] == "\n".join(draft(nxt, k).text for k in (ACTIVE, REQUESTS, REVIEWS))
    assert "与上年持平" in updated.parts["p1"] and _stale_findings(updated) == []


def test_inserting_drops_the_records_of_passages_the_clerk_edited(drafted):
    (requests,) = [r for r in drafted.drafted if r.kind == REQUESTS]
    drafted.parts["p1"] = drafted.parts["p1"].replace(requests.text, "依申请公开工作平稳。")
    again = insert_drafted(drafted, "p1", len(drafted.parts["p1"]), (REQUESTS,)).report
    assert again.parts["p1"].startswith(drafted.parts["p1"])  # nothing of the clerk's rewritten
    assert again.parts["p1"].endswith("\n" + requests.text)
    assert [r.kind for r in again.drafted] == [ACTIVE, REVIEWS, REQUESTS]
    assert [item.record.kind for item in locate(again)] == [ACTIVE, REVIEWS, REQUESTS]


def test_update_of_one_finding_rewrites_only_its_passage(drafted):
    drafted.set_value(CellRef("t3", NEW, 0), 81)
    drafted.set_value(CellRef("t3", DISCLOSED, 0), 39)
    drafted.set_value(CellRef("t4", 0, 0), 2)
    fill_totals(drafted)
    findings = _stale_findings(drafted)
    assert len(findings) == 2
    (reviews,) = [f for f in findings if "行政复议、行政诉讼" in f.message]
    updated = update_drafted(drafted, reviews.span)
    (left,) = _stale_findings(updated)
    assert "依申请公开" in left.message
    assert "行政复议7件" in updated.parts["p1"]
    (requests,) = [r for r in drafted.drafted if r.kind == REQUESTS]
    assert updated.parts["p1"][left.span.start:left.span.end] == requests.text  # not rewritten yet


def test_inserting_at_the_start_of_a_passage_being_rewritten(report):
    report.parts["p1"] = "开头。"
    first = insert_drafted(report, "p1", len("开头。"), (REVIEWS,)).report
    (reviews,) = first.drafted
    first.set_value(CellRef("t4", 0, 0), 2)
    fill_totals(first)
    again = insert_drafted(first, "p1", reviews.start).report
    texts = [draft(first, kind).text for kind in (ACTIVE, REQUESTS, REVIEWS)]
    assert again.parts["p1"] == "\n".join(["开头。", *texts])
    assert [again.parts["p1"][r.start:r.start + len(r.text)] for r in again.drafted] == texts
