"""What spreadsheet readers share: a cell value as text, a sheet's cells and merges as a Table."""

from __future__ import annotations

import datetime

from ...errors import ImportRefused
from ..document import Cell, Table

MAX_SHEET_CELLS = 200_000  # a report's three tables have a few hundred


def cell_text(value) -> str:
    """A number as the text a clerk typed (1691, 236.982), dates as YYYY-MM-DD, text as is."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def sheet_table(width: int, height: int, value_at, merges: list[tuple[int, int, int, int]], name: str) -> Table:
    """A Table from a sheet: ``value_at(r, c)`` gives text (0-based); merges are (row, col, rows, cols)."""
    if width * height > MAX_SHEET_CELLS:
        raise ImportRefused(f"“{name}”中的工作表过大（{height} 行 × {width} 列），不像年度报告的表格，未导入")
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for r, c, rs, cs in merges:
        if r >= height or c >= width:
            continue
        rs, cs = min(rs, height - r), min(cs, width - c)
        spans[(r, c)] = (rs, cs)
        covered.update((r + dr, c + dc) for dr in range(rs) for dc in range(cs) if dr or dc)
    rows: list[list[Cell]] = []
    for r in range(height):
        row = []
        for c in range(width):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            row.append(Cell(value_at(r, c), row_span=rs, col_span=cs))
        rows.append(row)
    while rows and not any(cell.text for cell in rows[-1]) and not any(
            cell.row_span > 1 for cell in rows[-1]):
        rows.pop()
    return Table(rows=rows)
