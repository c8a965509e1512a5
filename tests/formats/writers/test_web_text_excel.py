"""Web page, plain text and Excel exports: every value, the official merges, readable metadata."""

from __future__ import annotations

import io
import re

import pytest

from ggbg_desktop.formats.layout import format_value
from ggbg_desktop.formats.registry import ExportOptions
from ggbg_desktop.formats.writers import html, text, xlsx
from ggbg_desktop.report.schema import TABLES


def test_html_is_self_contained_with_spanned_tables(report):
    report.meta.signature_date = "2024-01-20"
    page = html.export(report, ExportOptions()).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert "<h1>蓝田县人民政府2023年政府信息公开工作年度报告</h1>" in page
    assert "<h2>三、收到和处理政府信息公开申请情况</h2>" in page and "<h3>（一）主动公开</h3>" in page
    assert '<meta name="pubdate" content="2024-01-20">' in page
    from lxml import html as lxml_html

    tables = lxml_html.fromstring(page).findall(".//table")
    assert len(tables) == 3
    for table, key in zip(tables, ("t2", "t3", "t4")):
        spec = TABLES[key]
        expected = sorted((g.row_span, g.col_span, format_value(report.value(g.value)) if g.value else g.text)
                          for g in spec.grid)
        got = sorted((int(cell.get("rowspan", 1)), int(cell.get("colspan", 1)), cell.text_content())
                     for cell in table.iter("td", "th"))
        assert got == expected
        assert len(table.findall(".//tr")) == spec.grid_rows


def test_text_has_every_value_in_pipe_rows(report):
    content = text.export(report, ExportOptions()).decode("utf-8")
    lines = content.splitlines()
    assert lines[0] == "蓝田县人民政府2023年政府信息公开工作年度报告"
    assert "规章 | 1 | 0 | 12" in lines
    assert "行政事业性收费 | 236.982 |  |" in lines
    assert "一、本年新收政府信息公开申请数量 |  |  | 80 | 2 | 0 | 1 | 2 | 1 | 86" in lines
    numbers = re.findall(r"\d+(?:\.\d+)?", content)
    for key in ("t2", "t3", "t4"):
        for value in report.flat(key):
            assert format_value(value) in numbers
    rows = [line for line in lines if " | " in line or line.endswith(" |")]
    assert len(rows) == sum(spec.grid_rows for spec in TABLES.values())  # every table row, full width


def test_xlsx_sheets_merges_and_numbers(report):
    openpyxl = pytest.importorskip("openpyxl")
    report.meta.website = "http://www.lantian.gov.cn"
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export(report, ExportOptions())))
    assert book.sheetnames[0] == "报告信息" and len(book.sheetnames) == 4
    info = {row[0].value: row[1].value for row in book["报告信息"].iter_rows()}
    assert info["机关名称"] == "蓝田县人民政府" and info["报告年度"] == 2023
    assert info["发布日期"] == "2024-01-20" and info["网站"] == "http://www.lantian.gov.cn"
    assert info["一、总体情况"] == report.parts["p1"] and info["导语"] == report.preamble
    for sheet, key in zip(book.worksheets[1:], ("t2", "t3", "t4")):
        spec = TABLES[key]
        top = 2
        merged = {(m.min_row - top, m.min_col - 1, m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                  for m in sheet.merged_cells.ranges if m.min_row >= top}
        assert merged == {(g.row, g.col, g.row_span, g.col_span) for g in spec.grid
                          if g.row_span > 1 or g.col_span > 1}
        for g in spec.grid:
            cell = sheet.cell(top + g.row, g.col + 1)
            if g.value is not None:
                assert cell.value == report.value(g.value)
                assert isinstance(cell.value, (int, float))
            else:
                assert cell.value == g.text
            assert cell.alignment.horizontal == "center" and cell.border.left.style == "thin"
