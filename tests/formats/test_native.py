"""The .ggbg file: round trip, minimal files, and refusal of bad files without half-loading."""

import json

import pytest

from ggbg_desktop.errors import ReportFileError
from ggbg_desktop.formats import native
from ggbg_desktop.report import LastYear, Report


def test_round_trip_keeps_everything(report, tmp_path):
    report.last_year = LastYear(year=2022, tables=report.copy().tables)
    report.settings = {"auto_totals": True}
    report.meta.website = "http://www.lantian.gov.cn/"
    path = tmp_path / "报告.ggbg"
    native.save(report, path)
    assert native.load(path) == report
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["tables"]["t2"] == [1, 0, 12, 3, 1, 40, 67711, 40592, 2502, 236.982]
    assert len(data["tables"]["t3"]) == 25 and data["tables"]["t3"][0] == [80, 2, 0, 1, 2, 1, 86]
    assert len(data["tables"]["t4"]) == 15
    assert data["parts"]["p1"].startswith("（一）主动公开\n")
    assert "蓝田县人民政府" in path.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes


def test_minimal_file_loads_with_parts_empty():
    text = json.dumps({"version": 1, "meta": {"organ": "某镇", "year": 2023},
                       "tables": {"t2": [0] * 10, "t3": [[0] * 7] * 25, "t4": [0] * 15}})
    report = native.loads(text)
    assert report.meta.organ == "某镇" and report.parts == {"p1": "", "p5": "", "p6": ""}
    assert report.preamble == "" and report.last_year is None


def test_null_is_a_blank_cell_and_bom_is_accepted():
    data = {"version": 1, "meta": {}, "tables": {"t2": [None] * 10}}
    report = native.load_bytes(b"\xef\xbb\xbf" + json.dumps(data).encode())
    assert report.flat("t2") == [None] * 10
    assert report.flat("t4") == [None] * 15


def _valid():
    return native.report_to_data(Report())


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(version=2), "更新版本"),
    (lambda d: d.pop("version"), "版本"),
    (lambda d: d.pop("tables"), "tables"),
    (lambda d: d["tables"].update(t2=[0] * 9), "10 个数"),
    (lambda d: d["tables"].update(t3=[[0] * 7] * 24), "25 行"),
    (lambda d: d["tables"]["t4"].__setitem__(3, "3"), "数字"),
    (lambda d: d["tables"]["t4"].__setitem__(3, True), "数字"),
    (lambda d: d["meta"].update(year="2023"), "年份"),
    (lambda d: d["meta"].update(published="2024/1/20"), "日期"),
    (lambda d: d.update(parts={"p1": 5}), "文字"),
    (lambda d: d.update(meta=[]), "meta"),
])
def test_bad_files_are_refused_with_a_message(change, words):
    data = _valid()
    change(data)
    with pytest.raises(ReportFileError) as info:
        native.loads(json.dumps(data))
    assert words in info.value.message


@pytest.mark.parametrize("raw, words", [
    (b"{not json", "格式有误"),
    (b"\xff\xfe\x00junk", "UTF-8"),
    (b"[" * 100000, "年报文件"),
    (b"[]", "对象"),
])
def test_malformed_files_are_refused(raw, words):
    with pytest.raises(ReportFileError) as info:
        native.load_bytes(raw)
    assert words in info.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReportFileError, match="找不到"):
        native.load(tmp_path / "无.ggbg")
    with pytest.raises(ReportFileError, match="文件夹"):
        native.load(tmp_path)


# ---- issue 14: values that should never pass; save and load share one set of limits -----------


def _with_t2_value(literal: str) -> str:
    text = json.dumps(_valid())
    return text.replace('"t2": [null', f'"t2": [{literal}', 1)


@pytest.mark.parametrize("literal", ["Infinity", "-Infinity", "NaN", "1e400", "9" * 5000, "1" * 20])
def test_non_finite_and_absurd_values_are_refused_at_load(literal):
    text = _with_t2_value(literal)
    assert text != json.dumps(_valid())
    with pytest.raises(ReportFileError) as info:
        native.loads(text)
    assert "Traceback" not in info.value.message and len(info.value.message) < 200


@pytest.mark.parametrize("day", ["2024-13-45", "2023-02-29", "2024-00-10"])
def test_impossible_dates_are_refused(day):
    data = _valid()
    data["meta"]["published"] = day
    with pytest.raises(ReportFileError, match="日期"):
        native.loads(json.dumps(data))


def test_a_real_leap_day_is_accepted():
    data = _valid()
    data["meta"]["published"] = "2024-02-29"
    assert native.loads(json.dumps(data)).meta.published == "2024-02-29"


def test_version_written_as_a_float_is_version_one():
    data = _valid()
    data["version"] = 1.0
    assert native.loads(json.dumps(data)).meta.year is None
    data["version"] = 1.5
    with pytest.raises(ReportFileError, match="整数"):
        native.loads(json.dumps(data))


def test_nan_is_never_written_as_bare_nan(tmp_path):
    report = Report()
    report.tables["t2"][0][0] = float("nan")
    path = tmp_path / "r.ggbg"
    with pytest.raises(ReportFileError, match="无法保存"):
        native.save(report, path)
    assert not path.exists()


def test_year_3000_is_refused_by_save_and_by_rollover(tmp_path):
    from ggbg_desktop.errors import RolloverError
    from ggbg_desktop.report.rollover import rollover

    report = Report()
    report.meta.year = 2999
    native.save(report, tmp_path / "2999.ggbg")
    with pytest.raises(RolloverError, match="2999"):
        rollover(native.load(tmp_path / "2999.ggbg"))
    report.meta.year = 3000
    with pytest.raises(ReportFileError, match="无法保存.*年份"):
        native.save(report, tmp_path / "3000.ggbg")


def test_a_report_too_large_for_the_file_is_refused_at_save_not_at_load(tmp_path, monkeypatch):
    monkeypatch.setattr(native, "MAX_FILE_BYTES", 4000)
    report = Report()
    report.parts["p1"] = "一、总体情况。" * 400
    with pytest.raises(ReportFileError, match="无法保存：内容过多"):
        native.save(report, tmp_path / "big.ggbg")
    assert not (tmp_path / "big.ggbg").exists()


def test_an_import_too_large_for_the_file_is_refused_at_import(monkeypatch):
    from ggbg_desktop.errors import ImportRefused
    from ggbg_desktop.formats import registry

    monkeypatch.setattr(native, "MAX_FILE_BYTES", 3000)
    text = ("一、总体情况\n" + "本机关认真贯彻落实条例。" * 400 + "\n").encode("utf-8")
    with pytest.raises(ImportRefused, match="超出年报文件的范围"):
        registry.read_bytes(text, "big.txt")


def test_lone_surrogates_are_replaced_at_load_with_a_notice(tmp_path):
    data = _valid()
    data["meta"]["organ"] = "某\ud800局"
    data["parts"]["p1"] = "正文\udfff"
    path = tmp_path / "broken.ggbg"
    path.write_text(json.dumps(data), encoding="ascii")  # ensure_ascii writes "\ud800" escapes
    notices: list[str] = []
    report = native.load(path, notices)
    assert report.meta.organ == "某\ufffd局" and report.parts["p1"] == "正文\ufffd"
    assert len(notices) == 1 and "2 处" in notices[0] and "meta.organ" in notices[0]
    native.save(report, path)  # and it saves again, without a notice next time
    again: list[str] = []
    assert native.load(path, again) == report and again == []


def test_a_report_holding_a_surrogate_still_saves_and_reopens_with_the_notice(tmp_path):
    report = Report()
    report.preamble = "导语\ud83d"
    path = tmp_path / "r.ggbg"
    native.save(report, path)
    notices: list[str] = []
    assert native.load(path, notices).preamble == "导语\ufffd"
    assert notices


def test_the_importer_puts_load_notices_into_the_import_log():
    from ggbg_desktop.formats import registry

    data = _valid()
    data["preamble"] = "\ud800"
    result = registry.read_bytes(json.dumps(data).encode(), "x.ggbg")
    assert result.report.preamble == "\ufffd"
    assert any("代理码位" in e.message for e in result.log.entries)
