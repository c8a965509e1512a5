"""What spreadsheet readers share: a cell value as text, a sheet's cells and merges as a Table — or, for
a sheet holding a whole report (title, preamble and part texts in cells around the tables), as
paragraphs and tables in the order of the sheet."""

from __future__ import annotations

import datetime

from ...errors import ImportRefused
from ..document import Block, Cell, Paragraph, Table
from ..headings import is_part_heading
from ..tablemarks import row_vote

MAX_SHEET_CELLS = 200_000  # a report's three tables have a few hundred
MAX_MERGES = 5_000  # the official tables have about forty merged ranges
PROSE = 40  # a cell this long, or holding a full stop, is narrative text, not a table label


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
    if len(merges) > MAX_MERGES:
        raise ImportRefused(f"“{name}”中的合并单元格过多（{len(merges)} 处），不像年度报告的表格，未导入")
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


def _is_prose(text: str) -> bool:
    return len(text) >= PROSE or "。" in text


def sheet_blocks(table: Table) -> list[Block]:
    """A sheet's table split into what it holds: rows of one text cell standing outside the tables
    (a title, the preamble, part headings and texts) become paragraphs, runs of other rows tables.
    A sheet without narrative text stays one table, as before."""
    grid = table.grid()
    spanned: set[int] = set()  # rows a merged cell from a row above reaches into
    for r, line in enumerate(grid):
        for cell in line:
            if cell is not None and cell.row_span > 1:
                spanned.update(range(r + 1, r + cell.row_span))
    lone: list[str | None] = []  # the row's one text, when it has exactly one cell with text
    for r, line in enumerate(grid):
        filled = [cell.text.strip() for cell in line if cell is not None and cell.text.strip()]
        lone.append(filled[0] if len(filled) == 1 and r not in spanned else None)
    if not any(t and _is_prose(t) for t in lone):
        return [table]

    def is_paragraph(r: int) -> bool:
        text = lone[r]
        if text is None:
            return False
        if _is_prose(text) or is_part_heading(text):
            return True
        if row_vote([text]) is not None:
            return False  # "第二十条第（一）项" and other section rows of a table
        before = next((k for k in range(r - 1, -1, -1) if any(c and c.text.strip() for c in grid[k] if c)), None)
        after = next((k for k in range(r + 1, len(grid)) if any(c and c.text.strip() for c in grid[k] if c)), None)
        return before is None or after is None or lone[before] is not None or lone[after] is not None

    blocks: list[Block] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            blocks.append(_sub_table(table, grid, run[0], run[-1] + 1))
            run.clear()

    for r in range(len(grid)):
        if not any(c is not None and c.text.strip() for c in grid[r]) and not run:
            continue
        if is_paragraph(r):
            flush()
            blocks.extend(Paragraph(part.strip()) for part in (lone[r] or "").split("\n") if part.strip())
        else:
            run.append(r)
    flush()
    return blocks


def _sub_table(table: Table, grid: list[list[Cell | None]], start: int, end: int) -> Table:
    """Rows ``start``–``end`` of a table, spans cut at its last row."""
    rows = []
    for r in range(start, end):
        row = []
        for cell in grid[r]:
            if cell is None:
                continue
            row.append(Cell(cell.text, row_span=min(cell.row_span, end - r), col_span=cell.col_span, role=cell.role))
        rows.append(row)
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    return Table(rows=rows, source=table.source)
