"""Tables that lost their separators — copied from a PDF viewer (spaces) or a web page (a cell per line)."""

import re

import pytest

from conftest import EXPECTED, SEEDS, complete_report
from ggbg_desktop.formats import registry
from ggbg_desktop.formats.readers.linetables import blocks_from_lines, split_spaced
from ggbg_desktop.formats.document import Paragraph, Table
from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes

SEPARATOR = re.compile(r"[ \t]*[|\t][ \t]*")


def _text_export(report) -> str:
    return export_bytes(report, next(f for f in WRITERS if f.name == "text"), ExportOptions()).decode("utf-8")


def _import(text: str):
    return registry.read_bytes(text.encode("utf-8"), "report.txt").report


def test_split_spaced_keeps_the_label_whole():
    assert split_spaced("（三）不予公开 1.属于国家秘密 1 0 0") == ["（三）不予公开 1.属于国家秘密", "1", "0", "0"]
    assert split_spaced("1 2 1 2 6") == ["1", "2", "1", "2", "6"]
    assert split_spaced("行政事业性收费 236.982") == ["行政事业性收费", "236.982"]
    assert split_spaced("共发布信息 892 条") == ["共发布信息 892 条"]


@pytest.mark.parametrize("separator", [" ", "  ", "\n"], ids=["space", "spaces", "cell-per-line"])
def test_a_report_whose_tables_lost_their_separators_imports_exactly(separator):
    report = complete_report()
    imported = _import(SEPARATOR.sub(separator, _text_export(report)))
    assert imported.tables == report.tables
    assert imported.parts == report.parts


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("separator", [" ", "\n"], ids=["space", "cell-per-line"])
def test_seeds_without_separators(name, separator):
    e = EXPECTED[name]
    report = _import(SEPARATOR.sub(separator, (SEEDS / name).read_text(encoding="utf-8")))
    assert report.flat("t2") == e["t2"]
    assert report.tables["t3"] == e["t3"]
    assert report.flat("t4") == e["t4"]
    assert report.meta.year == e["year"]


def test_prose_and_headings_stay_paragraphs():
    lines = ["二、主动公开政府信息情况", "规章 1 0 12", "行政规范性文件 3 1 40", "行政许可 67711",
             "三、收到和处理政府信息公开申请情况"]
    blocks = blocks_from_lines(lines)
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[1], Table) and isinstance(blocks[2], Paragraph)
    assert [[c.text for c in row] for row in blocks[1].rows] == [
        ["规章", "1", "0", "12"], ["行政规范性文件", "3", "1", "40"], ["行政许可", "67711"]]


def test_a_few_figures_in_prose_are_not_a_table():
    lines = ["全年共发布信息 892 条。", "其中政策解读 23 篇，", "图解 5 篇。"]
    assert all(isinstance(b, Paragraph) for b in blocks_from_lines(lines))


def test_a_list_of_figures_in_part_one_stays_in_its_text():
    report = complete_report()
    text = _text_export(report)
    listing = "主动公开信息分类 条数\n政策文件 120\n政策解读 23\n人事信息 15\n财政信息 8\n"
    anchor = "全年发生政府信息公开行政复议"
    assert anchor in text
    text = text.replace(anchor, listing + anchor)
    imported = _import(text)
    assert "政策文件 120" in imported.parts["p1"] and "财政信息 8" in imported.parts["p1"]
    assert imported.tables == report.tables


def test_short_lines_after_the_last_figure_are_not_the_tables():
    """Text copied from a PDF: table 四's figures one per line, then part 五 under a heading not taken for
    one, its lines as short as cells. The lines after the last figure stay paragraphs."""
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
              "复议后起诉"]
    after = ["五、问题与改进", "一是部分栏目更新不够及时，", "二是解读形式单一。"]
    blocks = blocks_from_lines(["四、政府信息公开行政复议、行政诉讼情况", *header, *[str(k % 3) for k in range(15)],
                                *after])
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and [c.text for c in tables[0].rows[-1]][-1] == "2"
    assert [b.text for b in blocks if isinstance(b, Paragraph)][-3:] == after
