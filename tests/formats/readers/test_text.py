"""The text reader: encodings, line endings, the typed-table layouts of the seeds, and junk."""

from __future__ import annotations

import pytest

from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.document import Table
from ggbg_desktop.formats.readers import text

SAMPLE = ("一、总体情况\n本年度共收到申请5件。\n规章 | 1 | 2 | 3 |\n行政规范性文件 | 4 | 5 | 6 |\n"
          "五、存在的主要问题及改进情况\n无。\n")


def cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030",
                                      "utf-32"])
def test_encodings(encoding):
    data = SAMPLE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = (b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff") + data
    doc = text.read(data, name="a.txt")
    assert doc.paragraphs()[0].text == "一、总体情况"
    assert cells(doc.tables()[0]) == [["规章", "1", "2", "3"], ["行政规范性文件", "4", "5", "6"]]


def test_bomless_utf16_and_crlf():
    doc = text.read(SAMPLE.replace("\n", "\r\n").encode("utf-16-le"), name="a.txt")
    assert [p.text for p in doc.paragraphs()] == [
        "一、总体情况", "本年度共收到申请5件。", "五、存在的主要问题及改进情况", "无。"]


def test_short_gbk_text_is_not_mistaken():
    doc = text.read("六、其他需要报告的事项\n本年度未收取信息处理费。".encode("gbk"), name="a.txt")
    assert doc.paragraphs()[1].text == "本年度未收取信息处理费。"


def test_cell_per_line_layout():
    lines = ("第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
             "规章 |\n1 |\n0 |\n3 |\n行政规范性文件 |\n2 |\n0 |\n7 |\n")
    rows = cells(text.read(lines.encode(), name="a.txt").tables()[0])
    assert rows[0][-4:] == ["规章", "1", "0", "3"]
    assert rows[1] == ["行政规范性文件", "2", "0", "7"]


def test_tab_stream_with_cells_broken_over_lines():
    lines = ["三、收到和处理政府信息公开申请情况", "\t(三)不", "予公开", "\t1.属于国家秘密", "\t1", "\t0", "",
             "\t", "\t",
             "\t2.其他法律行政法规禁止公开", "\t2", "\t0", "", "四、政府信息公开行政复议、行政诉讼情况"]
    doc = text.read("\n".join(lines).encode(), name="a.txt")
    rows = cells(doc.tables()[0])
    assert rows[0] == ["(三)不予公开", "1.属于国家秘密", "1", "0", "", ""]
    assert rows[1] == ["2.其他法律行政法规禁止公开", "2", "0"]
    assert doc.blocks[-1].text == "四、政府信息公开行政复议、行政诉讼情况"


def test_tab_rows_keep_leading_empty_cells():
    doc = text.read("\t(三) 不予公开\t1.属于国家秘密\t0\t1\n\t\t2.其他\t3\t4\n".encode(), name="a.txt")
    assert cells(doc.tables()[0]) == [["", "(三) 不予公开", "1.属于国家秘密", "0", "1"], ["", "", "2.其他", "3", "4"]]


def test_indented_prose_is_not_a_table():
    doc = text.read("\t2023年，我县共收到申请5件。\n\t全部按时办结。\n".encode(), name="a.txt")
    assert not doc.tables()
    assert [p.text for p in doc.paragraphs()] == ["2023年，我县共收到申请5件。", "全部按时办结。"]


def test_csv():
    doc = text.read("规章,1,2,3\n行政许可,5\n".encode(), name="a.csv")
    assert cells(doc.tables()[0]) == [["规章", "1", "2", "3"], ["行政许可", "5"]]


def test_binary_junk_is_refused():
    import random

    rng = random.Random(3)
    junk = bytes(rng.getrandbits(8) for _ in range(5000))
    with pytest.raises(ImportRefused) as info:
        text.read(junk, name="junk.txt")
    assert "文本" in info.value.message or "编码" in info.value.message


def test_huge_text_is_refused_before_decoding():
    with pytest.raises(ImportRefused) as info:
        text.read(b"a" * (50 * 1024 * 1024), name="big.txt")
    assert "MB" in info.value.message


def test_empty_text_is_refused():
    with pytest.raises(ImportRefused):
        text.read(b"  \n\n ", name="blank.txt")


def test_sheet_saved_as_unicode_text():
    """Excel's "Unicode 文本": UTF-16, every row padded with tabs to the sheet's width, a cell holding a
    line break quoted. Paragraphs in column A come back as paragraphs, table rows keep their cells."""
    pad = "\t" * 6
    lines = ["某县2023年政府信息公开工作年度报告" + pad, pad, "一、总体情况" + pad, "本年度共收到申请5件。" + pad,
             '\t"法人或其他\n组织"\t\t\t总计\t\t', "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\t\t\t",
             "规章\t1\t2\t3\t\t\t", "行政规范性文件\t4\t5\t6\t\t\t", "五、存在的主要问题及改进情况" + pad, "无。" + pad]
    data = "\ufeff" + "\r\n".join(lines) + "\r\n"
    doc = text.read(data.encode("utf-16-le"), name="excel.txt")
    paragraphs = [p.text for p in doc.paragraphs()]
    assert paragraphs[:3] == ["某县2023年政府信息公开工作年度报告", "一、总体情况", "本年度共收到申请5件。"]
    (table,) = doc.tables()
    assert cells(table)[0] == ["", "法人或其他组织", "", "", "总计"]
    assert cells(table)[2:] == [["规章", "1", "2", "3"], ["行政规范性文件", "4", "5", "6"]]


def test_page_numbers_inside_a_table_copied_from_a_pdf_are_left_out():
    lines = ["四、结转下年度继续办理", "3", "0", "0", "0", "0", "1", "4", "— 3 —", "行政复议", "1", "2", "3", "4",
             "10"]
    doc = text.document_from_text("一、本年新收政府信息公开申请数量\n1\n2\n3\n4\n5\n6\n21\n" + "\n".join(lines))
    rows = [r for t in doc.tables() for r in cells(t)]
    assert ["四、结转下年度继续办理", "3", "0", "0", "0", "0", "1", "4"] in rows
    assert not any("—" in c or c == "— 3 —" for r in rows for c in r)


@pytest.mark.parametrize("rows", [
    ["信息内容｜本年制发件数｜本年废止件数｜现行有效件数", "规章｜1｜2｜3", "行政规范性文件｜4｜5｜6"],  # full width
    ["信息内容|本年制发件数|本年废止件数|现行有效件数", "规章|1|2|3", "行政规范性文件|4|5|6"],  # no spaces
    ["┌────┬────┬────┬────┐", "│信息内容│本年制发件数│本年废止件数│现行有效件数│", "├────┼────┼────┼────┤",
     "│规章│1│2│3│", "├────┼────┼────┼────┤", "│行政规范性文件│4│5│6│", "└────┴────┴────┴────┘"],  # box drawn
])
def test_tables_typed_with_other_bars(rows):
    doc = text.document_from_text("一、总体情况\n正文。\n" + "\n".join(rows) + "\n五、存在的主要问题及改进情况\n无。\n")
    (table,) = doc.tables()
    assert cells(table)[1:] == [["规章", "1", "2", "3"], ["行政规范性文件", "4", "5", "6"]]
    assert [p.text for p in doc.paragraphs()] == ["一、总体情况", "正文。", "五、存在的主要问题及改进情况", "无。"]


def test_split_pipes_frames_and_covered_cells():
    from ggbg_desktop.formats.readers.linetables import split_pipes

    assert split_pipes("| 规章 | 1 | 2 |") == ["规章", "1", "2"]  # a framed row
    assert split_pipes("| | 1 |") == ["", "1"]
    assert split_pipes("|||") == ["", "", ""]  # seed 001: three cells a merge covers
    assert split_pipes("规章 | 1 | 2 |") == ["规章", "1", "2"]
