"""Ruled tables of a PDF: cells from ruling lines and cell rectangles, merged cells as spans, a table
continued on the next page joined to its first part (a row broken by the page joined too)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..document import Cell, Table
from ..normalize import join_lines, split_numbering
from ...report.values import is_value_token
from .pdftext import chars_to_lines, paragraph_text

SNAP = 2.5  # points: two ruling positions this close are one
MAX_TABLE_CELLS = 5000  # a report table has a few hundred; a page of hatching has thousands
MAX_RULING_GRID = 4000  # distinct column rulings × row rulings on one page (table 三: about 11 × 30)

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
            "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length": 3}


@dataclass
class PdfCell:
    row: int  # first row, counted in the table's own rows
    rows: int  # rows it spans
    x0: float
    x1: float
    text: str


@dataclass
class PdfTable:
    """A table as printed: rows of cells placed by x-range, so pieces from several pages can be joined."""

    top: float
    bottom: float
    page: int  # the page it ends on
    cells: list[PdfCell] = field(default_factory=list)
    height: int = 0  # number of rows
    pages: int = 1
    # A single ruled row: the last row of a table the page broke off (or a row cut in two). It is kept
    # only to be joined to the table on the page before; otherwise its characters are text again.
    lone_row: list[dict] | None = None

    @property
    def left(self) -> float:
        return min(c.x0 for c in self.cells)

    @property
    def right(self) -> float:
        return max(c.x1 for c in self.cells)


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _index(positions: list[float], v: float) -> int:
    """The index of the position nearest ``v`` in the sorted ``positions`` (the first of two as near)."""
    i = bisect.bisect_left(positions, v)
    if i == 0:
        return 0
    if i == len(positions):
        return i - 1
    return i - 1 if v - positions[i - 1] <= positions[i] - v else i


def _closing_rules(page) -> list[dict]:
    """Horizontal rules where two or more column rulings end with no rule drawn there (some
    typesetters stroke a table's bottom as part of the page), so the last row is still a row."""
    vertical = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 3]
    horizontal = [e for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 3]
    ends: dict[int, list[dict]] = {}
    for e in vertical:
        for y in (e["top"], e["bottom"]):
            ends.setdefault(round(y), []).append(e)
    rules = []
    for y, edges in ends.items():
        if len(edges) < 2:
            continue
        x0, x1 = min(e["x0"] for e in edges), max(e["x1"] for e in edges)
        if any(abs(h["top"] - y) <= SNAP and h["x0"] <= x0 + SNAP and h["x1"] >= x1 - SNAP for h in horizontal):
            continue
        rules.append({"x0": x0, "x1": x1, "top": float(y), "bottom": float(y), "width": x1 - x0, "height": 0,
                      "orientation": "h", "object_type": "line"})
    return rules


def ruling_grid(page) -> int:
    """How many cells the page's rulings could make at most (distinct column rulings × row rulings):
    table finding costs about this much, and a report's page has a few hundred."""
    xs = {round(e["x0"]) for e in page.edges if e["orientation"] == "v"}
    ys = {round(e["top"]) for e in page.edges if e["orientation"] == "h"}
    return len(xs) * len(ys)


def page_tables(page, chars: list[dict], number: int) -> list[PdfTable]:
    """Ruled tables of one page (at least two rows and two columns), their cells' text from ``chars``."""
    if ruling_grid(page) > MAX_RULING_GRID:
        return []  # hatching or a drawing, not a report's table: the page is read as text
    found = page.find_tables(dict(SETTINGS, explicit_horizontal_lines=_closing_rules(page)))
    tables = []
    for t in found:
        boxes = [b for b in t.cells if b]
        if len(boxes) > MAX_TABLE_CELLS:
            continue
        ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
        xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
        if len(ys) < 2 or len(xs) < 3:
            continue  # a box around some text is not a table
        x0, top, x1, bottom = t.bbox
        inside = [c for c in chars if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
                  and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1]
        table = PdfTable(top=top, bottom=bottom, page=number, height=len(ys) - 1,
                         lone_row=inside if len(ys) < 3 else None)
        by_cell: dict[int, list[dict]] = {i: [] for i in range(len(boxes))}
        for ch in inside:
            mx, my = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
            for i, (bx0, btop, bx1, bbottom) in enumerate(boxes):
                if bx0 <= mx <= bx1 and btop <= my <= bbottom:
                    by_cell[i].append(ch)
                    break
        for i, (bx0, btop, bx1, bbottom) in enumerate(boxes):
            r0, r1 = _index(ys, btop), _index(ys, bbottom)
            if r1 <= r0:
                continue
            text = paragraph_text(chars_to_lines(by_cell[i], number)) if by_cell[i] else ""
            table.cells.append(PdfCell(r0, r1 - r0, bx0, bx1, text))
        if any(c.text for c in table.cells):
            tables.append(table)
    return tables


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SNAP


def continues(first: PdfTable, second: PdfTable) -> bool:
    """Whether ``second`` (first thing on its page) continues ``first`` (last thing on the page before):
    same outer edges, and most of its column rulings where the first part has them."""
    if second.page != first.page + 1 or not _same(first.left, second.left) or not _same(first.right, second.right):
        return False
    mine = _cluster([c.x0 for c in first.cells] + [c.x1 for c in first.cells])
    theirs = _cluster([c.x0 for c in second.cells] + [c.x1 for c in second.cells])
    shared = sum(1 for x in theirs if any(_same(x, y) for y in mine))
    return shared >= 0.6 * min(len(theirs), len(mine))


def _figures(cells: list[PdfCell]) -> bool:
    return any(is_value_token(c.text) for c in cells)


def _row_texts(table: PdfTable, row: int) -> list[str]:
    return [c.text for c in sorted((c for c in table.cells if c.row == row), key=lambda c: c.x0)]


def drop_repeated_header(first: PdfTable, second: PdfTable) -> int:
    """Take off the top of ``second`` the header rows Word and WPS repeat on each page a table runs
    on to (rows of labels the same as the first part's first rows); returns how many."""
    rows = 0
    while rows < min(first.height, second.height) - 1:
        texts = _row_texts(second, rows)
        if not texts or texts != _row_texts(first, rows) or _figures([c for c in second.cells if c.row == rows]):
            break
        rows += 1
    # a header cell reaching below the rows taken off (the page cut it) keeps them all
    while rows and any(c.row < rows < c.row + c.rows for c in second.cells):
        rows -= 1
    if rows:
        second.cells = [c for c in second.cells if c.row >= rows]
        for c in second.cells:
            c.row -= rows
        second.height -= rows
    return rows


def _numbered(text: str) -> bool:
    """A label that starts a row of its own ("3.危及…", "（七）总计", "四、结转…"): the rest of a label
    the page cut never starts with a numbering, even when the row's figures are all blank."""
    return bool(split_numbering(text)[0])


def join(first: PdfTable, second: PdfTable) -> None:
    """Append ``second`` to ``first``. The header rows repeated at the top of the page are left out; a
    row the page cut in two (the second part's first row only completes cells of the first part's last
    row) becomes one row again; a merged label cell cut by the page (continued by an empty cell of the
    same columns) becomes one cell again."""
    drop_repeated_header(first, second)
    last_row = first.height - 1
    reaching = [c for c in first.cells if c.row + c.rows == first.height]
    head = [c for c in second.cells if c.row == 0]
    pairs = [(h, next((m for m in reaching if _same(m.x0, h.x0) and _same(m.x1, h.x1)), None)) for h in head]
    matched = [(h, m) for h, m in pairs if m is not None]
    # A figure is one line: it is never the end of text begun on the page before. A figure under a
    # filled cell (a header row on one page, the first row of figures on the next) starts a new row.
    cut_row = bool(head) and len(matched) == len(pairs) \
        and not (_figures([c for c in first.cells if c.row == last_row]) and _figures(head)) \
        and not any(is_value_token(h.text) and m.text.strip() for h, m in matched) \
        and not any(_numbered(h.text) for h in head) \
        and all(not h.text or m.row == last_row for h, m in matched)
    absorbed: set[int] = set()
    if cut_row:
        offset = last_row
        for h, m in matched:
            m.text = join_lines([m.text, h.text])
            m.rows += h.rows - 1
            absorbed.add(id(h))
    else:
        offset = first.height
        figures_from = min((h.x0 for h in head if is_value_token(h.text)), default=float("inf"))
        for h, above in matched:
            if not h.text and above.rows > 1 and above.text and above.x1 <= figures_from + SNAP:
                above.rows += h.rows
                absorbed.add(id(h))
    for cell in second.cells:
        if id(cell) not in absorbed:
            cell.row += offset
            first.cells.append(cell)
    first.height = offset + second.height
    first.lone_row = None
    first.bottom = second.bottom
    first.page = second.page
    first.pages += 1


def to_table(table: PdfTable) -> Table:
    """The neutral table: grid columns from every ruling position, each cell's spans from its edges;
    a position no cell covers gets an empty cell, so every row lines up."""
    xs = _cluster([c.x0 for c in table.cells] + [c.x1 for c in table.cells])
    width = len(xs) - 1
    placed: dict[tuple[int, int], tuple[PdfCell, int]] = {}
    covered: set[tuple[int, int]] = set()
    for cell in sorted(table.cells, key=lambda c: (c.row, c.x0)):
        c0, c1 = _index(xs, cell.x0), _index(xs, cell.x1)
        if c1 <= c0 or (cell.row, c0) in covered:
            continue
        span = [(cell.row + dr, c0 + dc) for dr in range(cell.rows) for dc in range(c1 - c0)]
        if any(p in covered for p in span):
            continue
        placed[(cell.row, c0)] = (cell, c1 - c0)
        covered.update(span)
    rows: list[list[Cell]] = []
    for r in range(table.height):
        row: list[Cell] = []
        for c in range(width):
            if (r, c) in placed:
                cell, cols = placed[(r, c)]
                rows_down = min(cell.rows, table.height - r)
                row.append(Cell(cell.text, row_span=rows_down, col_span=cols,
                                role="value" if is_value_token(cell.text) else "label"))
            elif (r, c) not in covered:
                row.append(Cell(""))
        rows.append(row)
    return Table(rows=rows)
