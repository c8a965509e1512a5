"""Which rows of a document's tables belong to table 2, 3 or 4 — by the labels they carry."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Table
from ..tablemarks import row_vote


@dataclass
class Row:
    """One row of a source table: the cells that start in it, and every position's text."""

    cells: list[tuple[int, str]]  # (grid column, text) of cells starting here, left to right
    spread: list[str]  # text at every grid position, spanned cells repeated (for headers)
    block: int  # index of the table block in the document


@dataclass
class Region:
    key: str  # "t2", "t3", "t4"
    rows: list[Row] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


def table_rows(table: Table, block: int) -> list[Row]:
    grid = table.grid()
    spread = table.text_grid()
    rows = []
    for r, line in enumerate(grid):
        cells = [(c, cell.text) for c, cell in enumerate(line) if cell is not None]
        rows.append(Row(cells, spread[r] if r < len(spread) else [], block))
    return rows


def find_regions(tables: list[tuple[int, Table]]) -> dict[str, Region]:
    """Rows of every table, grouped by the report table they belong to (rows without a vote follow
    the row before them; a table block's first unvoted rows follow its first vote)."""
    regions: dict[str, Region] = {}
    for block, table in tables:
        rows = table_rows(table, block)
        votes = [row_vote([t for _, t in row.cells]) for row in rows]
        current = next((v for v in votes if v), None)
        if current is None:
            continue
        for row, vote in zip(rows, votes, strict=True):
            current = vote or current
            region = regions.setdefault(current, Region(current))
            region.rows.append(row)
            if block not in region.blocks:
                region.blocks.append(block)
    return regions
