"""Web page, plain text and Excel exports: every value, the official merges, readable metadata."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from ggbg_desktop.report.values import format_figure
from ggbg_desktop.formats.registry import WRITERS, ExportOptions
from ggbg_desktop.formats.writers import html, text, xlsx
from ggbg_desktop.report.schema import HEADER_FIELDS, TABLES


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
    for table, key in zip(tables, ("t2", "t3", "t4"), strict=True):
        spec = TABLES[key]
        expected = sorted((g.row_span, g.col_span, format_figure(report.value(g.value)) if g.value else g.text)
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
            assert format_figure(value) in numbers
    rows = [line for line in lines if " | " in line or line.endswith(" |")]
    assert len(rows) == sum(spec.grid_rows for spec in TABLES.values())  # every table row, full width


def test_xlsx_sheets_merges_and_numbers(report):
    report.meta.website = "http://www.lantian.gov.cn"
    report.meta.signature_date = "2024-01-22"
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export(report, ExportOptions())))
    assert book.sheetnames[0] == "报告信息" and len(book.sheetnames) == 4
    info = {row[0].value: row[1].value for row in book["报告信息"].iter_rows()}
    assert info["机关名称"] == "蓝田县人民政府" and info["报告年度"] == 2023
    assert info["发布日期"] == "2024-01-20" and info["网站"] == "http://www.lantian.gov.cn"
    assert info["成文日期"] == "2024年1月22日" and info["标题"] == report.meta.display_title()
    labels = [row[0].value for row in book["报告信息"].iter_rows()]
    assert labels[:len(HEADER_FIELDS)] == [f.label for f in HEADER_FIELDS]
    assert info["一、总体情况"] == report.parts["p1"] and info["导语"] == report.preamble
    for sheet, key in zip(book.worksheets[1:], ("t2", "t3", "t4"), strict=True):
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


# ---- every text a clerk can get into a report (issue 12, item 4) -----------------------------------

CONTROL = "\x07\x0b\x0c\x1f"


@pytest.mark.parametrize("fmt", [f.name for f in WRITERS])
def test_control_characters_from_a_pdf_export_to_every_format(report, fmt):
    from ggbg_desktop.formats.registry import export_bytes

    report.meta.organ = f"蓝田县{CONTROL}人民政府"
    report.preamble = f"导语\x0c第二页{CONTROL}"
    report.parts["p1"] = f"（一）主动公开\x0b情况。正文{CONTROL}继续"
    report.parts["p6"] = "\x1f其他\x07事项"
    data = export_bytes(report, next(f for f in WRITERS if f.name == fmt), ExportOptions())
    assert data
    if fmt in ("html", "text"):
        text = data.decode("utf-8")
        assert not any(ch in text for ch in CONTROL)
        assert "蓝田县人民政府" in text and "导语第二页" in text


def test_layout_removes_control_characters_once():
    from ggbg_desktop.formats.layout import printable

    assert printable(f"a{CONTROL}b\tc\nd\x00\ufffe") == "ab\tc\nd"


def _sheet_xml(data: bytes, sheet: int = 1) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(f"xl/worksheets/sheet{sheet}.xml").decode("utf-8")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://example.com","点此")', "+86 029", "-1", "@SUM(A1)"])
def test_text_that_looks_like_a_formula_is_a_string(report, text):
    report.parts["p6"] = text
    report.meta.contact = text
    data = xlsx.export(report, None)
    sheet = _sheet_xml(data)
    assert "<f>" not in sheet
    book = openpyxl.load_workbook(io.BytesIO(data))
    values = [row[1] for row in book["报告信息"].iter_rows(values_only=True)]
    assert values.count(text) == 2


def test_a_part_over_excels_cell_limit_is_split_over_rows_not_cut(report):
    long_text = "\n".join(f"第{i}段。" + "公开" * 400 for i in range(60))
    assert len(long_text) > xlsx.CELL_LIMIT
    report.parts["p5"] = long_text
    book = openpyxl.load_workbook(io.BytesIO(xlsx.export(report, None)))
    rows = list(book["报告信息"].iter_rows(values_only=True))
    pieces = [value for label, value in rows if label and label.startswith("五、")]
    assert len(pieces) >= 2 and all(len(p) <= xlsx.CELL_LIMIT for p in pieces)
    assert "".join(pieces) == long_text


# ---- the web page pasted into a CMS (item 5) ---------------------------------------------------------


def test_html_tables_carry_borders_captions_and_scopes_inline(report):
    page = html.export(report, None).decode("utf-8")
    body = page[page.index("<body>"):]
    assert body.count("<table") == 3 and body.count("<caption") == 3
    assert "表三 收到和处理政府信息公开申请情况" in body
    for cell in re.findall(r"<t[hd][ >][^>]*>", body):
        assert "border:1px solid #000" in cell
    assert 'scope="col"' in body and 'scope="colgroup"' in body and 'scope="row"' in body
    assert all('border="1"' in t for t in re.findall(r"<table[^>]*>", body))
