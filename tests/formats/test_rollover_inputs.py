"""Rolling over last year's report from any readable format: seeds as text, exports as Word and Excel."""

import pytest

from conftest import EXPECTED, SEEDS, complete_report
from ggbg_desktop.formats import registry
from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes
from ggbg_desktop.report import check
from ggbg_desktop.report.rollover import rollover
from ggbg_desktop.report.schema import T3_CARRIED_FORWARD, T3_CARRIED_OVER


def _assert_draft(draft, last):
    assert draft.meta.year == last.meta.year + 1
    assert draft.tables["t3"][T3_CARRIED_OVER] == last.tables["t3"][T3_CARRIED_FORWARD]
    blank = [v for key in ("t2", "t4") for v in draft.flat(key)]
    blank += [v for i, row in enumerate(draft.tables["t3"]) if i != T3_CARRIED_OVER for v in row]
    assert all(v is None for v in blank)
    assert draft.last_year.tables == last.tables
    assert not [f for f in check(draft) if f.rule == "carry_over"]


@pytest.mark.skipif(not EXPECTED, reason="shared/seeds not present")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rollover_from_each_seed(name):
    last = registry.read_path(SEEDS / name).report
    draft = rollover(last)
    _assert_draft(draft, last)
    stale = [f for f in check(draft) if f.rule in ("text_year", "text_stale")]
    says_last_year = str(last.meta.year) in "".join(draft.parts.values()) + draft.preamble
    assert bool(stale) == says_last_year  # every seed that names its year gets its sentences flagged


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_rollover_from_an_export(fmt):
    report = complete_report()
    writer = next(f for f in WRITERS if f.name == fmt)
    last = registry.read_bytes(export_bytes(report, writer, ExportOptions()), "last" + writer.extensions[0]).report
    draft = rollover(last)
    _assert_draft(draft, last)
    assert draft.tables["t3"][T3_CARRIED_OVER] == [3, 0, 0, 0, 0, 0, 3]
    assert "2024年1月1日起至2024年12月31日" in draft.preamble
