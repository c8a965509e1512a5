"""The .ggbg file carries the information-processing fee figures and the drafted-passage records."""

import json

import pytest

from ggbg_desktop.errors import ReportFileError
from ggbg_desktop.formats import native
from ggbg_desktop.report import Report
from ggbg_desktop.report.drafted import insert_drafted, locate
from ggbg_desktop.report.model import InformationFees


def test_round_trip_keeps_fees_and_drafted_records(report, tmp_path):
    report.information_fees = InformationFees(notices=2, notice_amount=150.5, collected=0)
    report.parts["p6"] = "其他事项。"
    drafted = insert_drafted(insert_drafted(report, "p1", 0).report, "p6", 0).report
    path = tmp_path / "r.ggbg"
    native.save(drafted, path)
    loaded = native.load(path)
    assert loaded == drafted
    assert [item.record.kind for item in locate(loaded)] == ["active", "requests", "reviews", "fees"]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["information_fees"] == {"notices": 2, "notice_amount": 150.5, "collected": 0}
    assert data["drafted"][1]["kind"] == "requests" and data["drafted"][1]["figures"]["t3.0.6"] == 86


def test_files_without_them_load_as_before():
    report = native.loads(json.dumps({"version": 1, "meta": {}, "tables": {}}))
    assert report.drafted == [] and report.information_fees == InformationFees()
    assert "drafted" not in native.report_to_data(Report())
    assert "information_fees" not in native.report_to_data(Report())


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(information_fees=[]), "information_fees"),
    (lambda d: d.update(information_fees={"notices": -1}), "information_fees.notices"),
    (lambda d: d.update(information_fees={"notices": 1.5}), "information_fees.notices"),
    (lambda d: d.update(drafted={}), "drafted"),
    (lambda d: d.update(drafted=[{"part": "p5", "kind": "requests", "text": ""}]), "drafted 第 1 项"),
    (lambda d: d.update(drafted=[{"part": "p1", "kind": "requests", "text": 3}]), "text"),
    (lambda d: d.update(drafted=[{"part": "p1", "kind": "requests", "text": "", "figures": {"t9.0.0": 1}}]),
     "figures"),
    (lambda d: d.update(drafted=[{"part": "p1", "kind": "requests", "text": "", "figures": {"t3.0.6": "1"}}]),
     "figures"),
    (lambda d: d.update(drafted=[{"part": "p1", "kind": "requests", "text": "", "start": -1}]), "start"),
])
def test_bad_records_are_refused_with_a_message(change, words):
    data = native.report_to_data(Report())
    change(data)
    with pytest.raises(ReportFileError) as info:
        native.loads(json.dumps(data))
    assert words in info.value.message


def test_an_infinite_fee_or_drafted_figure_is_refused(tmp_path):
    good = tmp_path / "a.ggbg"
    native.save(Report(), good)
    for extra in ({"information_fees": {"notices": 0, "notice_amount": 1e400, "collected": 0}},
                  {"information_fees": {"notices": 0, "notice_amount": 10**13, "collected": 0}}):
        data = json.loads(good.read_text(encoding="utf-8"))
        data.update(extra)
        bad = tmp_path / "b.ggbg"
        bad.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ReportFileError):
            native.load(bad)
