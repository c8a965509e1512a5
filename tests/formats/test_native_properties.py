"""Property tests: any report survives a .ggbg round trip unchanged."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ggbg_desktop.formats import native
from ggbg_desktop.report import LastYear, Meta, Report

count = st.one_of(st.none(), st.integers(min_value=-5, max_value=10**9))
fee = st.one_of(st.none(), st.integers(0, 10**6),
                st.floats(min_value=0, max_value=1e6, allow_nan=False).filter(lambda x: not x.is_integer()))
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
date = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10))


@st.composite
def tables(draw):
    t2 = [draw(count) for _ in range(9)] + [draw(fee)]
    t3 = [[draw(count) for _ in range(7)] for _ in range(25)]
    t4 = [draw(count) for _ in range(15)]
    report = Report()
    report.set_flat("t2", t2)
    report.tables["t3"] = t3
    report.set_flat("t4", t4)
    return report.tables


@st.composite
def reports(draw):
    report = Report(meta=Meta(organ=draw(text), year=draw(st.one_of(st.none(), st.integers(1900, 2999))),
                              title=draw(text), published=draw(date), website=draw(text),
                              contact=draw(text), signature_date=draw(date)))
    report.preamble = draw(text)
    report.parts = {"p1": draw(text), "p5": draw(text), "p6": draw(text)}
    report.tables = draw(tables())
    if draw(st.booleans()):
        report.last_year = LastYear(year=draw(st.integers(1900, 2999)), tables=draw(tables()))
    report.settings = draw(st.dictionaries(st.sampled_from(["auto_totals", "font_set"]),
                                           st.one_of(st.booleans(), text), max_size=2))
    return report


@settings(max_examples=80, deadline=None)
@given(reports())
def test_round_trip(report):
    assert native.loads(native.dumps(report)) == report


any_text = st.text(max_size=40)  # lone surrogates included (category Cs)


@settings(max_examples=60, deadline=None)
@given(reports(), any_text, any_text)
def test_what_save_writes_load_opens(tmp_path_factory, report, title, part):
    """Issue 14: save and load share one set of limits; unencodable text is saved and repaired at load."""
    report.meta.title = title
    report.parts["p1"] = part
    path = tmp_path_factory.mktemp("save") / "r.ggbg"
    native.save(report, path)
    notices: list[str] = []
    loaded = native.load(path, notices)
    repaired = native._SURROGATE.sub(native.REPLACEMENT, title)
    assert loaded.meta.title == repaired
    assert loaded.parts["p1"] == native._SURROGATE.sub(native.REPLACEMENT, part)
    assert bool(notices) == (repaired != title or loaded.parts["p1"] != part)


extreme = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**40, 10**40))


@settings(max_examples=80, deadline=None)
@given(reports(), extreme, st.integers(0, 9), st.integers(1000, 4000))
def test_save_refuses_exactly_what_load_would_refuse(tmp_path_factory, report, value, where, year):
    import math

    from ggbg_desktop.errors import ReportFileError
    from ggbg_desktop.report.model import MAX_VALUE, YEAR_MAX, YEAR_MIN

    report.tables["t2"][0][where % len(report.tables["t2"][0])] = value
    report.meta.year = year
    path = tmp_path_factory.mktemp("save") / "r.ggbg"
    acceptable = (YEAR_MIN <= year <= YEAR_MAX and not (isinstance(value, float) and not math.isfinite(value))
                  and abs(value) <= MAX_VALUE)
    if acceptable:
        native.save(report, path)
        # no bare NaN/Infinity constant (the report's own text may well hold the letters "NaN")
        json.loads(path.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(f"{c} written"))
        assert native.load(path).meta.year == year
    else:
        with pytest.raises(ReportFileError, match="^无法保存："):
            native.save(report, path)
        assert not path.exists()
