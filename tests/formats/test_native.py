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
