"""check_changed: after any edit, the same findings in the same order as a full check."""

from conftest import complete_report
from hypothesis import given, settings
from hypothesis import strategies as st

from ggbg_desktop.report import RULES, CellRef, LastYear, check, check_changed
from ggbg_desktop.report.checks import ALL_RULES, READS
from ggbg_desktop.report.schema import TABLES

CELLS = [CellRef(t, r, c) for t, spec in TABLES.items() for r, n in enumerate(spec.shape()) for c in range(n)]
SENTENCES = ["2022年，本机关共收到政府信息公开申请90件。", "全年发生政府信息公开行政复议7件。", "存在的问题：无。",
             "行政事业性收费0万元。", "下一步将加强培训。", "", "办结申请5件，结转下年度1件。"]


def test_every_rule_says_what_it_reads_and_every_rule_id_has_one_source():
    assert set(READS) == set(ALL_RULES)
    given_ids = [rule_id for _reads, gives in READS.values() for rule_id in gives]
    assert sorted(given_ids) == sorted(RULES)


def _report_with_last_year():
    report = complete_report()
    report.last_year = LastYear(2022, {k: [row[:] for row in v] for k, v in complete_report().tables.items()})
    return report


edit = st.one_of(
    st.tuples(st.just("cell"), st.sampled_from(CELLS), st.one_of(st.none(), st.integers(-2, 120), st.just(2.5))),
    st.tuples(st.just("text"), st.sampled_from(["preamble", "p1", "p5", "p6"]), st.sampled_from(SENTENCES)),
    st.tuples(st.just("meta"), st.sampled_from(["year", "organ", "title"]), st.sampled_from([2023, 2022, None])),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(edit, min_size=1, max_size=6))
def test_check_changed_equals_a_full_check_after_each_edit(edits):
    report = _report_with_last_year()
    findings = check(report)
    for kind, where, value in edits:
        if kind == "cell":
            report.set_value(where, value)
            changed = [where]
        elif kind == "text":
            if where == "preamble":
                report.preamble = value
            else:
                report.parts[where] = report.parts[where] + value
            changed = [where]
        else:
            if where == "year":
                report.meta.year = value
            else:
                setattr(report.meta, where, "" if value is None else f"{value}年报告")
            changed = ["meta"]
        findings = check_changed(report, findings, changed)
        assert findings == check(report)


def test_a_cell_edit_reruns_only_the_rules_that_read_its_table(monkeypatch):
    from ggbg_desktop.report import checks

    report = _report_with_last_year()
    before = check(report)
    ran = []

    def recording(rule):
        def run(report):
            ran.append(rule.__name__)
            return rule(report)
        return run

    wrapped = {rule: recording(rule) for rule in checks.ALL_RULES}
    monkeypatch.setattr(checks, "ALL_RULES", tuple(wrapped[rule] for rule in checks.ALL_RULES))
    monkeypatch.setattr(checks, "READS", {wrapped[rule]: reads for rule, reads in checks.READS.items()})
    report.set_value(CellRef("t4", 0, 0), 5)
    after = checks.check_changed(report, before, [CellRef("t4", 0, 0)])
    assert ran == ["check_t4_totals", "check_values", "check_stated_figures", "check_drafted_stale"]
    assert after == check(report) and after != before
