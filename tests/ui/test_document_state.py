"""DocumentState: each edit rechecks only what it can change, with the findings of a full check."""

from conftest import complete_report

from ggbg_desktop.report import CellRef, LastYear, check
from ggbg_desktop.report.schema import T3
from ggbg_desktop.ui import document_state
from ggbg_desktop.ui.document_state import DocumentState


def _state() -> DocumentState:
    report = complete_report()
    report.last_year = LastYear(report.meta.year - 1, {k: [row[:] for row in v] for k, v in report.tables.items()})
    state = DocumentState()
    state.load(report, None)
    return state


def test_every_edit_leaves_the_findings_of_a_full_check(qapp):
    state = _state()
    total = T3.ref("total_handled", "total")
    steps = [
        lambda: state.edit_values({CellRef("t3", 0, 0): 999}),
        lambda: state.edit_values({total: None, CellRef("t2", 0, 0): 2.5}),
        lambda: state.edit_text("p1", state.report.parts["p1"] + "2019年共收到申请12345件。"),
        lambda: state.edit_text("preamble", ""),
        lambda: state.edit_meta("year", state.report.meta.year + 1),
        lambda: state.edit_meta("organ", ""),
        lambda: state.set_auto_totals(True),
        lambda: state.edit_values({CellRef("t3", 1, 1): 7}),
        lambda: state.set_auto_totals(False),
    ]
    for step in steps:
        step()
        assert state.findings == check(state.report)
    while state.undo_stack.canUndo():
        state.undo_stack.undo()
        assert state.findings == check(state.report)


def test_an_edit_runs_only_the_rules_that_read_what_it_changed(qapp, monkeypatch):
    state = _state()
    ran = []
    real = document_state.check_changed

    def spy(report, previous, changed):
        ran.append(set(changed))
        return real(report, previous, changed)

    monkeypatch.setattr(document_state, "check_changed", spy)
    monkeypatch.setattr(document_state, "check", lambda report: (_ for _ in ()).throw(AssertionError("full check")))
    state.edit_text("p5", "存在的问题：无。")
    state.edit_meta("organ", "某某局")
    state.edit_values({CellRef("t4", 0, 0): 3})
    assert ran == [{"p5"}, {"meta"}, {CellRef("t4", 0, 0)}]
