"""Which rows of a document's tables belong to table 2, 3 or 4 — by the labels they carry."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...report.schema import PART_BY_KEY, TABLES
from ..document import Table
from .normalize import norm


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


def _markers() -> dict[str, tuple[str, ...]]:
    words = {
        "t2": ["第二十条", "信息内容", "制发件数", "废止件数", "现行有效", "处理决定数量", "收费金额",
               "政府集中采购", "新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "对外管理服务事项"],
        "t3": ["勾稽关系", "申请人情况", "自然人", "法人或其他组织", "本年度办理结果", "不予公开", "无法提供",
               "不予处理", "其他处理"],
        "t4": ["结果维持", "结果纠正", "其他结果", "尚未审结"],
    }
    for key, spec in TABLES.items():
        part = PART_BY_KEY[spec.part]
        words[key] += [part.title, *part.aliases]
        words[key] += [a for r in spec.rows for a in r.aliases if len(norm(a)) >= 4]
        words[key] += [a for cols in spec.row_columns for c in cols for a in c.aliases if len(norm(a)) >= 4]
    return {key: tuple(dict.fromkeys(norm(w) for w in ws)) for key, ws in words.items()}


MARKERS = _markers()


def row_vote(texts: list[str]) -> str | None:
    """The table whose labels this row carries most, or ``None`` when it carries none."""
    joined = "|".join(norm(t) for t in texts if t)
    if not joined:
        return None
    scores = {key: sum(1 for m in markers if m in joined) for key, markers in MARKERS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else None


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
        for row, vote in zip(rows, votes):
            current = vote or current
            region = regions.setdefault(current, Region(current))
            region.rows.append(row)
            if block not in region.blocks:
                region.blocks.append(block)
    return regions
