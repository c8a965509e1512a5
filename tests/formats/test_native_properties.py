"""Property tests: any report survives a .ggbg round trip unchanged."""

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
