"""The neutral document every reader produces and every writer consumes.

A document is a list of blocks: paragraphs and tables. A table is a list of rows;
each row lists the cells that *start* in it, left to right, as HTML does; a cell
spanning rows or columns covers the positions to its right and below.
:meth:`Table.grid` expands that into a full rectangle for readers of the table.

Readers fill ``text`` (and ``numbering`` where a word processor generated "一、"
outside the text). The layout fills ``role`` so writers know how to typeset a
block; readers may leave it "body".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import APP_NAME

# Paragraph roles the layout uses (writers map them to styles).
TITLE = "title"
SUBTITLE = "subtitle"  # a line under the title, e.g. "（2024年1月20日）"
HEADING1 = "heading1"  # 一、总体情况 — 黑体
HEADING2 = "heading2"  # （一）主动公开 — 楷体
HEADING3 = "heading3"  # 1. … — 仿宋 bold
BODY = "body"
SIGNATURE = "signature"  # organ and date, right-aligned
CAPTION = "caption"  # a line above a table

# Written into the metadata of every file this program exports ("generator" property). Our files
# write 0 as 0, so a blank cell in them is a cell nobody filled; in other files blank means 0.
GENERATOR_ID = "ggbg_desktop"
GENERATOR = f"{APP_NAME} {GENERATOR_ID}"

# What a table in a real report can be: the three official tables have under 30 rows and 12 columns;
# a whole report pasted into one table has a few hundred rows. Spans and sizes beyond these come from
# damaged or hostile files (a 5 KB .docx with w:gridSpan="2000000000") and are cut here, once, for every
# reader: a table grid never holds more than MAX_TABLE_ROWS x MAX_TABLE_COLUMNS positions.
MAX_TABLE_ROWS = 2000
MAX_TABLE_COLUMNS = 100
# Positions all spans of one table may cover together; spans beyond this budget count as 1 x 1, so that
# thousands of overlapping 200 x 200 cells (a 200 KB web page) cost no more than one full table.
MAX_SPANNED_POSITIONS = 50_000


def bounded_span(value: int, limit: int) -> int:
    """A span or count from a file, as an int between 1 and ``limit``."""
    return min(limit, max(1, value))


def is_own(document: Document) -> bool:
    """True for a document this program exported."""
    return GENERATOR_ID in document.properties.get("generator", "")


@dataclass
class Paragraph:
    text: str
    role: str = BODY
    # Text a word processor's automatic list numbering adds before the paragraph
    # ("一、", "1."), which is not part of ``text``. Empty when none.
    numbering: str = ""

    @property
    def full_text(self) -> str:
        return self.numbering + self.text


@dataclass
class Cell:
    text: str = ""
    row_span: int = 1
    col_span: int = 1
    role: str = "label"  # "header", "section", "label" or "value" — alignment hints for writers


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    key: str | None = None  # "t2"/"t3"/"t4" when the layout made it
    header_rows: int = 0  # rows to repeat when the table breaks across pages
    source: str = ""  # how the reader found it, for the import log: "PDF 表格线（跨 2 页，已拼接）"

    def bound(self) -> None:
        """Cut the table to what a report can have (see MAX_TABLE_ROWS): rows and cells beyond the limits
        are dropped, spans clamped to the table. Idempotent and cheap; :meth:`grid` calls it."""
        del self.rows[MAX_TABLE_ROWS:]
        spanned = 0
        for r, row in enumerate(self.rows):
            del row[MAX_TABLE_COLUMNS:]
            for cell in row:
                cell.col_span = bounded_span(cell.col_span, MAX_TABLE_COLUMNS)
                cell.row_span = bounded_span(cell.row_span, len(self.rows) - r)
                area = cell.col_span * cell.row_span
                if area > 1:
                    spanned += area
                    if spanned > MAX_SPANNED_POSITIONS:
                        cell.col_span = cell.row_span = 1

    def grid(self) -> list[list[Cell | None]]:
        """The table as a rectangle: each position holds the cell that starts there, or
        ``None`` where a span from above or from the left covers it. At most MAX_TABLE_COLUMNS wide:
        cells that would start further right are left out."""
        self.bound()
        out: list[list[Cell | None]] = []
        covered: dict[tuple[int, int], bool] = {}
        width = 0
        for r, row in enumerate(self.rows):
            line: list[Cell | None] = []
            c = 0
            for cell in row:
                while covered.get((r, c)):
                    line.append(None)
                    c += 1
                if c >= MAX_TABLE_COLUMNS:
                    break
                cell.col_span = min(cell.col_span, MAX_TABLE_COLUMNS - c)
                line.append(cell)
                for dr in range(max(1, cell.row_span)):
                    for dc in range(max(1, cell.col_span)):
                        if dr or dc:
                            covered[(r + dr, c + dc)] = True
                c += max(1, cell.col_span)
                for _ in range(max(1, cell.col_span) - 1):
                    line.append(None)
            while covered.get((r, c)) and c < MAX_TABLE_COLUMNS:
                line.append(None)
                c += 1
            width = max(width, len(line))
            out.append(line)
        for line in out:
            line.extend([None] * (width - len(line)))
        return out

    def text_grid(self) -> list[list[str]]:
        """Every position's text: a spanned cell's text repeated over the positions it covers."""
        grid = self.grid()
        text = [["" for _ in line] for line in grid]
        for r, line in enumerate(grid):
            for c, cell in enumerate(line):
                if cell is None:
                    continue
                for dr in range(max(1, cell.row_span)):
                    for dc in range(max(1, cell.col_span)):
                        if r + dr < len(text) and c + dc < len(text[r + dr]):
                            text[r + dr][c + dc] = cell.text
        return text


Block = Paragraph | Table


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    # What the source said about itself: "title", "author", "published" (YYYY-MM-DD),
    # "source_format" ("docx", "html", …).
    properties: dict[str, str] = field(default_factory=dict)
    # Text the reader dropped as page noise (发布日期, 浏览次数, filing numbers…), kept
    # so the import log can list it.
    dropped: list[str] = field(default_factory=list)
    # What the reader could not read as it stands, one Chinese sentence each (a formula without a saved
    # result, a link to outside content left closed); the import log shows them as warnings.
    warnings: list[str] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
