"""The official layout: parts in order, headings detected, tables exactly as the schema's grid."""

from __future__ import annotations

from ggbg_desktop.formats.document import (BODY, HEADING1, HEADING2, HEADING3, SIGNATURE, TITLE, Paragraph,
                                           Table)
from ggbg_desktop.formats.layout import header_rows, heading_split, layout, paragraph_role
from ggbg_desktop.formats.registry import ExportOptions
from ggbg_desktop.report.schema import PARTS, TABLES
from ggbg_desktop.report.values import format_figure


def test_blocks_follow_the_official_order(report):
    doc = layout(report, ExportOptions())
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.role == TITLE
    assert first.text == "蓝田县人民政府2023年政府信息公开工作年度报告"
    headings = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role == HEADING1]
    assert headings == [p.heading for p in PARTS]
    # Each table part's heading is followed directly by its table.
    for part in PARTS:
        i = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph) and b.text == part.heading)
        if part.table:
            assert isinstance(doc.blocks[i + 1], Table) and doc.blocks[i + 1].key == part.table
    assert doc.properties["title"] == first.text and doc.properties["author"] == "蓝田县人民政府"


def test_part_text_lines_become_paragraphs_with_heading_levels(report):
    report.parts["p1"] = ("（一）主动公开\n2023年，全县制发文件12件。\n\n1.加强组织领导。成立领导小组。\n"
                          "(二)依申请公开情况。全年收到申请86件。")
    doc = layout(report, ExportOptions())
    start = next(i for i, b in enumerate(doc.blocks) if getattr(b, "text", "") == "一、总体情况")
    part = doc.blocks[start + 1:start + 5]
    assert [(p.text, p.role) for p in part] == [
        ("（一）主动公开", HEADING2), ("2023年，全县制发文件12件。", BODY),
        ("1.加强组织领导。成立领导小组。", HEADING3), ("(二)依申请公开情况。全年收到申请86件。", HEADING2)]
    assert heading_split(part[0]) == ("（一）主动公开", "")
    assert heading_split(part[2]) == ("1.加强组织领导。", "成立领导小组。")
    assert heading_split(part[3]) == ("(二)依申请公开情况。", "全年收到申请86件。")
    assert heading_split(part[1]) == ("", "2023年，全县制发文件12件。")


def test_numbers_are_not_headings():
    assert paragraph_role("2023年，我县共收到申请86件。") == BODY
    assert paragraph_role("1.5万元用于平台建设。") == BODY
    assert paragraph_role("12、完善制度。") == HEADING3
    assert paragraph_role("（十一）其他") == HEADING2


def _spans(table: Table) -> set[tuple]:
    grid = table.grid()
    return {(r, c, cell.row_span, cell.col_span, cell.text)
            for r, line in enumerate(grid) for c, cell in enumerate(line) if cell is not None}


def test_tables_are_the_schema_grid_with_values(report):
    doc = layout(report, ExportOptions())
    for table in doc.tables():
        spec = TABLES[table.key]
        expected = {(g.row, g.col, g.row_span, g.col_span,
                     format_figure(report.value(g.value)) if g.value else g.text) for g in spec.grid}
        assert _spans(table) == expected
        grid = table.grid()
        assert len(grid) == spec.grid_rows and all(len(line) == spec.grid_cols for line in grid)
        # The grid tiles the rectangle: every position covered exactly once.
        covered = [[0] * spec.grid_cols for _ in range(spec.grid_rows)]
        for g in spec.grid:
            for r in range(g.row, g.row + g.row_span):
                for c in range(g.col, g.col + g.col_span):
                    covered[r][c] += 1
        assert all(n == 1 for line in covered for n in line)
    assert [header_rows(TABLES[k]) for k in ("t2", "t3", "t4")] == [0, 3, 3]


def test_values_are_formatted_for_print(report):
    report.tables["t3"][0][0] = 1691.0
    report.tables["t3"][5][0] = None
    t3 = next(t for t in layout(report, ExportOptions()).tables() if t.key == "t3")
    texts = [c.text for row in t3.rows for c in row]
    assert "236.982" not in texts and "" in texts
    assert "1691" in texts and "1691.0" not in texts


def test_signature_is_optional_and_dated(report):
    report.meta.signature_date = "2024-01-20"
    doc = layout(report, ExportOptions(signature=True))
    tail = [(b.text, b.role) for b in doc.blocks[-2:]]
    assert tail == [("蓝田县人民政府", SIGNATURE), ("2024年1月20日", SIGNATURE)]
    doc = layout(report, ExportOptions(signature=False))
    assert all(getattr(b, "role", "") != SIGNATURE for b in doc.blocks)
