"""GB/T 9704 page geometry, type sizes and table column widths shared by the Word and PDF writers."""

from __future__ import annotations

from .. import fonts
from ..document import BODY, CAPTION, HEADING1, HEADING2, HEADING3, SIGNATURE, SUBTITLE, TITLE

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 37.0
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0
MARGIN_RIGHT_MM = 26.0
TYPE_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156
TYPE_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM  # 225

TITLE_PT = 22.0  # 二号
BODY_PT = 16.0  # 三号
PAGE_NUMBER_PT = 14.0  # 四号
LINES_PER_PAGE = 22
# Fixed line pitch: 22 lines in the 225 mm type area, rounded down to whole twips.
LINE_PT = 28.9
TITLE_LINE_PT = 35.0  # the title's lines, a little more than its 22 pt
# Condense body characters slightly so 28 fit the 156 mm line (442 pt / 28 = 15.8 pt).
BODY_CHAR_SPACING_PT = -0.25
FIRST_LINE_INDENT_CHARS = 2
# Page number: 7 mm below the type area, one character in from the edge.
PAGE_NUMBER_GAP_MM = 7.0
PAGE_NUMBER_DASH = "—"

# Role → (font role, bold). Sizes: title 22 pt, everything else 16 pt.
PARAGRAPH_FONTS: dict[str, tuple[str, bool]] = {
    TITLE: (fonts.TITLE, False),
    SUBTITLE: (fonts.KAI, False),
    HEADING1: (fonts.HEI, False),
    HEADING2: (fonts.KAI, False),
    HEADING3: (fonts.BODY, True),
    BODY: (fonts.BODY, False),
    SIGNATURE: (fonts.BODY, False),
    CAPTION: (fonts.BODY, False),
}

# Tables: a smaller 仿宋 so the official columns fit 156 mm.
TABLE_PT: dict[str, float] = {"t2": 12.0, "t3": 10.5, "t4": 10.5}
TABLE_LINE_FACTOR = 1.25  # line height inside cells, relative to the font size
CELL_PADDING_MM = 0.8

# Column widths in mm, summing to the 156 mm type area. Table 三's first two
# columns carry only the vertical group labels ("三、本年度办理结果", "（三）不予公开").
COLUMN_WIDTHS_MM: dict[str, tuple[float, ...]] = {
    "t2": (48.0, 36.0, 36.0, 36.0),
    "t3": (7.0, 16.0, 49.0) + (12.0,) * 7,
    "t4": (156.0 / 15,) * 15,
}


def column_widths_mm(key: str | None, count: int) -> tuple[float, ...]:
    """Widths for a table of ``count`` columns; unknown tables share the width evenly."""
    widths = COLUMN_WIDTHS_MM.get(key or "")
    if widths is None or len(widths) != count:
        return (TYPE_WIDTH_MM / count,) * count
    return widths


def page_number_text(number: int) -> str:
    return f"{PAGE_NUMBER_DASH} {number} {PAGE_NUMBER_DASH}"


# A line of the 22 pt title holds 20 characters in the 156 mm type area.
TITLE_LINE_CHARS = 20
_TITLE_TAIL = "政府信息公开工作年度报告"


def title_lines(title: str) -> list[str]:
    """The title broken where the words allow (GB/T 9704 §7.3.3): a title too long for one line
    goes "{机关}{年度}年" over "政府信息公开工作年度报告"; anything else is left to wrap."""
    if text_width_chars(title) <= TITLE_LINE_CHARS or not title.endswith(_TITLE_TAIL) or len(title) == len(_TITLE_TAIL):
        return [title]
    return [title[: -len(_TITLE_TAIL)].rstrip(), _TITLE_TAIL]


def text_width_chars(text: str) -> float:
    """Width in body characters: half-width letters and digits count half."""
    return sum(0.5 if ch.isascii() else 1 for ch in text)


def signature_right_indents(lines: list[str]) -> list[float]:
    """Right indents, in characters, of the signature lines (GB/T 9704 §7.3.5.2).

    The organ's name ends two characters in from the right; the date below starts
    two characters right of the name's start. When the date is the longer, the date
    ends two characters in and the name moves left to keep that offset.
    """
    if len(lines) != 2:
        return [2.0] * len(lines)
    organ, when = text_width_chars(lines[0]), text_width_chars(lines[1])
    if when + 2 <= organ:
        return [2.0, 2.0 + organ - 2 - when]
    return [4.0 + when - organ, 2.0]


LINE_CHARS = 28  # body characters a line holds
# Table type sizes to try, largest first, before a number would wrap: 小四, 五号, 小五, 六号.
TABLE_SIZES_PT = (12.0, 10.5, 9.0, 7.5)
# A digit is half an em wide in the CJK fonts, up to 0.62 em in the Latin faces a word
# processor may substitute (LibreOffice without 仿宋 sets digits in a sans face).
DIGIT_EM = 0.62
# Label columns give up at most this share of their width to value columns.
_LABEL_SHRINK = 0.3


def _number_width_mm(digits: int, size_pt: float) -> float:
    return digits * DIGIT_EM * size_pt / 72 * 25.4 + 2 * CELL_PADDING_MM + 0.4


def table_metrics(table) -> tuple[float, tuple[float, ...]]:
    """(type size in pt, column widths in mm) so every figure of ``table`` stays on one line.

    Wider value columns are taken from the label columns first (table 三's 49 mm row
    labels); only when that is not enough does the type shrink, down to 六号.
    """
    grid = table.grid()
    n_cols = len(grid[0]) if grid else 0
    widths = list(column_widths_mm(table.key, n_cols))
    value_cols: dict[int, int] = {}
    for line in grid:
        for c, cell in enumerate(line):
            if cell is not None and cell.role == "value" and cell.col_span == 1:
                value_cols[c] = max(value_cols.get(c, 0), len(cell.text))
    # Narrow columns (table 三's vertical group labels) keep their width.
    label_cols = [c for c in range(n_cols) if c not in value_cols and widths[c] >= 20]
    start = TABLE_PT.get(table.key or "", 10.5)
    for size in (s for s in TABLE_SIZES_PT if s <= start):
        need = {c: _number_width_mm(d, size) - widths[c] for c, d in value_cols.items()}
        missing = sum(max(0.0, v) for v in need.values())
        spare = sum(widths[c] for c in label_cols) * _LABEL_SHRINK
        if missing <= 1e-6:
            return size, tuple(widths)
        if label_cols and missing <= spare:
            out = list(widths)
            for c, v in need.items():
                out[c] += max(0.0, v)
            label_total = sum(widths[c] for c in label_cols)
            for c in label_cols:
                out[c] -= missing * widths[c] / label_total
            return size, tuple(out)
    return TABLE_SIZES_PT[-1], tuple(widths)
