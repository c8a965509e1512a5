"""Tables a PDF prints without ruling lines, read from the columns of their text: a row per line of
figures, the labels a narrow column wraps onto the lines below joined back to their cells."""

from __future__ import annotations

import re

from ..document import Cell, Table
from ..normalize import join_lines
from ..headings import is_part_heading
from ...report.values import is_value_token
from .pdftext import Line

# A run of printed lines with column gaps is a table printed without rules when it carries at least
# this many lines with figures (or one line of many figures: table 四).
UNRULED_MIN_LINES = 3
UNRULED_MIN_FIGURES_ON_ONE_LINE = 5
MAX_CONTINUATION = 24  # characters of a label line broken inside a cell
MAX_WRAPPED_LINES = 16  # lines a long label may wrap into in a narrow column
# A label that starts a row of its own, never the rest of the label above: 第二十条…, （五）, 1., 一、
_ROW_START = re.compile(r"^(?:第[一二三四五六七八九十百]+条|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．]|"
                        r"[一二三四五六七八九十]{1,3}、)")


def unruled_tables(items: list) -> dict[int, tuple[int, Table]]:
    """Tables printed without ruling lines among the page items (lines and ruled tables): runs of
    lines whose columns stand apart (a wide gap, read as a tab), with the lines of labels wrapped in a
    narrow column between them. Returns {index of a run's first item: (index after it, table)}."""
    out: dict[int, tuple[int, Table]] = {}
    k = 0
    n = len(items)
    while k < n:
        item = items[k]
        if not (isinstance(item, Line) and "\t" in item.text):
            k += 1
            continue
        end = k
        j = k
        while j < n and isinstance(items[j], Line):
            text = items[j].text
            if "\t" in text:
                end = j + 1
            elif len(text) > MAX_CONTINUATION or is_part_heading(text) or not any(
                    isinstance(x, Line) and "\t" in x.text for x in items[j + 1:j + MAX_WRAPPED_LINES]):
                break
            j += 1
        run = items[k:end]
        cells = [[c.strip() for c in ln.text.split("\t")] for ln in run]
        figure_lines = sum(1 for row in cells if any(is_value_token(c) for c in row[1:]))
        most = max((sum(1 for c in row if is_value_token(c)) for row in cells), default=0)
        if figure_lines >= UNRULED_MIN_LINES or most >= UNRULED_MIN_FIGURES_ON_ONE_LINE:
            table = _unruled_table(run)
            table.source = "按 PDF 文字的列位置读取（表格没有表格线）"
            out[k] = (end, table)
            k = end
        else:
            k += 1
    return out


def _unruled_table(run: list[Line]) -> Table:
    """Rows of a table printed without rules: a line with figures starts a row; a line without figures
    after it holds the rest of labels its cells could not fit (a narrow label column wraps), each piece
    joined to the cell of the row above that stands over it."""
    every = [(ln.size, piece) for ln in run for piece in (ln.columns or [(ln.x0, ln.x1, ln.text)])]

    def full(x0: float, x1: float) -> bool:
        """The piece reaches the right edge of its column (as far as any piece starting there): it wrapped."""
        extent = max(p[1] for size, p in every if abs(p[0] - x0) <= size)
        return x1 >= extent - 2.5 * max((size for size, p in every if abs(p[0] - x0) <= size), default=10)

    rows: list[list[list]] = []  # [x0, x1, text, wrapped]
    open_row = False  # the last row has figures: lines without figures continue its labels
    for line in run:
        pieces = list(line.columns) or [(line.x0, line.x1, line.text.replace("\t", ""))]
        has_figures = any(is_value_token(t) for _, _, t in pieces)
        if rows and open_row and not has_figures:
            row = rows[-1]
            targets: list[list] = []
            for x0, _x1, _text in pieces:
                over = [cell for cell in row if abs(cell[0] - x0) <= line.size and cell[3]]
                if over:
                    targets.append(over[0])
            if len(targets) == len(pieces) and not any(_ROW_START.match(text) for _, _, text in pieces):
                for target, (x0, x1, text) in zip(targets, pieces, strict=True):
                    target[2] = join_lines([target[2], text])
                    target[3] = full(x0, x1)
                continue
        rows.append([[x0, x1, text, full(x0, x1) and not is_value_token(text)] for x0, x1, text in pieces])
        open_row = has_figures
    return Table(rows=[[Cell(cell[2]) for cell in row] for row in rows])
