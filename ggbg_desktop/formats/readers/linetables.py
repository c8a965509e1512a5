"""Tables typed as lines of text — cells split by " | " or tabs, a row per line or a cell per line —
and tables that lost their separators (copied from a PDF viewer or a web page): figures split
from their labels by spaces, or standing one per line."""

from __future__ import annotations

from ..document import Block, Cell, Paragraph, Table
from ..noise import is_noise, is_page_number
from ..headings import is_part_heading
from ..normalize import join_lines, squash
from ...report.values import is_value_token

PIPE = "pipe"
TAB = "tab"

# A cell longer than this is prose: the run of lines is not a table after all.
MAX_CELL_LENGTH = 120
# A line without separators inside a table run is a broken cell only when it is this short.
MAX_CONTINUATION_LENGTH = 80
# A table without separators: a run of short lines carrying at least this many figures on at least
# this many lines. Narrative paragraphs are long lines and end such a run.
BARE_MIN_FIGURES = 6
BARE_MIN_FIGURE_LINES = 3
BARE_MIN_FIGURES_ON_ONE_LINE = 5  # table 四 is often a single line of fifteen figures


def line_kind(line: str) -> str | None:
    """PIPE or TAB when the line looks like part of a typed table, else ``None``."""
    if "|" in line:
        t = line.strip()
        # "规章|1|0|18", "行政许可|21023" typed without spaces: a short line split by a bar
        if t.endswith("|") or t.startswith("|") or " | " in t or len(t) <= MAX_CELL_LENGTH:
            return PIPE
    if "\t" in line:
        return TAB
    return None


def split_pipes(line: str) -> list[str]:
    """ "a | b | |" → ["a", "b", ""]: each cell ends at its pipe; text after the last pipe is a cell."""
    t = line.strip()
    parts = t.split("|")
    if t.endswith("|"):
        parts = parts[:-1]
        if t.startswith("|") and len(parts) > 1 and any(p.strip() for p in parts):
            parts = parts[1:]  # "| a | b |", "│a│b│": a bar on both sides frames the row ("|||": 3 cells)
    return [p.strip() for p in parts]


# Cell separators other than "|": the full-width bar a Chinese input method types, and the bars of
# tables drawn with box characters (┌─┬─┐ │ … │ ├─┼─┤), which text exports of Word and WPS tables use.
_BARS = str.maketrans({"｜": "|", "│": "|", "┃": "|", "║": "|"})
_BOX_RULE = set("─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋╒╕╘╛╞╡╤╧╪")
_BOX_FRAME = _BOX_RULE | set("|│┃║-+= ")
_BOX_HINTS = "─━═"  # every frame line has a horizontal stroke
_BAR_HINTS = "｜│┃║"


def unify_bars(line: str) -> str:
    """A line with its cell separators written as "|"."""
    return line.translate(_BARS)


def is_box_rule(line: str) -> bool:
    """A line of a box-drawn table's frame: ┌──┬──┐, ├──┼──┤, └──┴──┘."""
    t = line.strip()
    if not t or (t[0] not in _BOX_RULE and t[0] not in "|+"):
        return False  # a frame line starts with a corner, a junction or a bar
    chars = set(t)
    return bool(chars & _BOX_RULE) and chars <= _BOX_FRAME


def _is_rule(line: str) -> bool:
    """A Markdown separator such as |---|:---:|."""
    t = line.strip()
    return "-" in t and set(t) <= set("|-:+ =")


def _continues(line: str) -> bool:
    s = squash(line)
    return bool(s) and len(s) <= MAX_CONTINUATION_LENGTH and not is_part_heading(line) and not is_noise(line)


def blocks_from_lines(lines: list[str]) -> list[Block]:
    """Paragraphs, one per non-empty line, and a :class:`Table` for each table-shaped run of lines."""
    whole = "\n".join(lines)
    if any(ch in whole for ch in _BOX_HINTS):
        lines = [line for line in lines if not is_box_rule(line)]
    if any(ch in whole for ch in _BAR_HINTS):
        lines = [unify_bars(line) for line in lines]
    blocks: list[Block] = []
    n = len(lines)
    i = 0
    while i < n:
        kind = line_kind(lines[i])
        if kind is None:
            end, table = _bare_table(lines, i)
            if table is not None:
                blocks.append(table)
                i = end
                continue
            _paragraph(blocks, lines[i])
            i += 1
            continue
        run: list[tuple[str, str]] = []  # ("cells"|"blank"|"more", line)
        j = i
        while j < n:
            line = lines[j]
            k = line_kind(line)
            if k == kind:
                run.append(("cells", line))
            elif not line.strip():
                run.append(("blank", line))
            elif _continues(line) and _next_kind(lines, j + 1) == kind:
                run.append(("more", line))
            else:
                break
            j += 1
        while run and run[-1][0] == "blank":
            run.pop()
        end = i + len(run)
        table = _build_table(run, kind)
        if table is not None:
            blocks.append(table)
        else:
            for _, line in run:
                _paragraph(blocks, line)
        i = end
    return blocks


def _next_kind(lines: list[str], j: int) -> str | None:
    """Kind of the next table line, looking past blank lines and a few more broken-cell lines."""
    broken = 0
    while j < len(lines):
        line = lines[j]
        kind = line_kind(line)
        if kind is not None:
            return kind
        if line.strip():
            broken += 1
            if broken > 3 or not _continues(line):
                return None
        j += 1
    return None


def _paragraph(blocks: list[Block], line: str) -> None:
    text = line.strip()
    if text:
        blocks.append(Paragraph(text))


def _cells(kind: str, line: str, stream: bool) -> list[str]:
    if kind == PIPE:
        return split_pipes(line)
    parts = line.rstrip("\r\n").split("\t")
    if stream and parts and not parts[0].strip():
        parts = parts[1:]  # the tab in front of each cell, not an empty cell
    return [p.strip() for p in parts] or [""]


def _build_table(run: list[tuple[str, str]], kind: str) -> Table | None:
    cell_lines = [line for what, line in run if what == "cells" and not (kind == PIPE and _is_rule(line))]
    if not cell_lines:
        return None
    wide = sum(1 for line in cell_lines if sum(1 for c in _cells(kind, line, False) if c) >= 2)
    stream = wide < 0.4 * len(cell_lines)
    rows = _stream_rows(run, kind) if stream else _line_rows(run, kind)
    texts = [c for row in rows for c in row]
    if sum(1 for c in texts if is_value_token(c)) < 2 or any(len(c) > MAX_CELL_LENGTH for c in texts):
        return None
    how = "“|”分隔" if kind == PIPE else "制表符分隔"
    return Table(rows=[[Cell(text) for text in row] for row in rows if any(row)],
                 source=f"按文字表格读取（{how}{'，一个格子一行' if stream else '，一行一个表格行'}）")


def _line_rows(run: list[tuple[str, str]], kind: str) -> list[list[str]]:
    """One row per line; a stray short line continues the last non-empty cell."""
    rows: list[list[str]] = []
    for what, line in run:
        if what == "cells" and not (kind == PIPE and _is_rule(line)):
            rows.append(_cells(kind, line, False))
        elif what == "more" and rows:
            row = rows[-1]
            k = max((i for i, c in enumerate(row) if c), default=len(row) - 1)
            if is_value_token(row[k]):
                rows.append([line.strip()])  # text after a figure starts a row of its own
            else:
                row[k] = join_lines([row[k], line])
    return rows


def _stream_rows(run: list[tuple[str, str]], kind: str) -> list[list[str]]:
    """A cell per line: gather the cells, then start a row at each label that follows a figure."""
    cells: list[str] = []
    for what, line in run:
        if what == "cells" and not (kind == PIPE and _is_rule(line)):
            cells.extend(_cells(kind, line, True))
        elif what == "more":
            if cells and not is_value_token(cells[-1]):
                cells[-1] = join_lines([cells[-1], line])
            else:
                cells.append(line.strip())
    return _rows_from_cells(cells)


def _rows_from_cells(cells: list[str]) -> list[list[str]]:
    rows: list[list[str]] = [[]]
    has_value = False
    for text in cells:
        value = is_value_token(text)
        if text and not value and has_value:
            rows.append([])
            has_value = False
        rows[-1].append(text)
        has_value = has_value or value
    return rows


# ---- tables without separators ------------------------------------------------------------------

def split_spaced(line: str) -> list[str]:
    """ "（三）不予公开 1.属于国家秘密 1 0 0" → ["（三）不予公开 1.属于国家秘密", "1", "0", "0"]: the figures
    at the end of a line are cells, the words before them one label."""
    tokens = line.split()
    k = len(tokens)
    while k > 0 and is_value_token(tokens[k - 1]):
        k -= 1
    label = " ".join(tokens[:k])
    return ([label] if label else []) + tokens[k:]


def _bare_table(lines: list[str], i: int) -> tuple[int, Table | None]:
    """A table whose separators were lost, starting at line ``i``: (line after it, table) or (i, None).

    The run takes short lines up to a part heading, a separated table or a long (narrative) line;
    it is a table when enough of its lines end in figures. Rows start at each label that follows
    a figure, as in a cell-per-line table, so both "规章 1 0 12" and "规章⏎1⏎0⏎12" give one row.
    """
    if is_part_heading(lines[i].strip()):
        return i, None  # the heading stays a paragraph; the table may start on the next line
    j = i
    cells: list[str] = []
    figure_lines = figures = most = 0
    end, kept = i, 0  # the line after the last one with a figure, and the cells up to it
    while j < len(lines):
        line = lines[j]
        text = line.strip()
        if not text or is_page_number(text):  # a page break inside a table copied from a PDF
            j += 1
            continue
        if line_kind(line) is not None or len(squash(text)) > MAX_CELL_LENGTH or is_noise(text):
            break
        if j > i and is_part_heading(text):
            break
        parts = split_spaced(text)
        found = sum(1 for c in parts if is_value_token(c))
        cells.extend(parts)
        j += 1
        if found:
            figure_lines += 1
            figures += found
            most = max(most, found)
            end, kept = j, len(cells)
    # Short lines after the last figure are not the table's: the next part's text copied from a PDF
    # (its lines as short as cells) under a heading not taken for one.
    j, cells = end, cells[:kept]
    if figures < BARE_MIN_FIGURES or (figure_lines < BARE_MIN_FIGURE_LINES and most < BARE_MIN_FIGURES_ON_ONE_LINE):
        return i, None
    rows = [row for row in _rows_from_cells(cells) if any(row)]
    return j, Table(rows=[[Cell(text) for text in row] for row in rows],
                    source="按文字表格读取（没有分隔符，数值从标签后依次读取）")
