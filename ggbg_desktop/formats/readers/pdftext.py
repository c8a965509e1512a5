"""Printed lines of a PDF page back into text: characters into lines, page furniture out, lines into paragraphs."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..normalize import join_lines

# Characters that take no space around them in Chinese text: ideographs, CJK punctuation, full-width forms.
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FA1F))
_OPEN_QUOTES = "“‘《〈「『【〔（"
_CLOSE_QUOTES = "”’》〉」』】〕）"

# Page numbers as offices print them: "1", "-1-", "— 2 —", "第 3 页", "第3页 共6页", "3/6", "Page 3 of 6".
_PAGE_NUMBER = re.compile(
    r"^[-－—–―‒~～·•_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:[/／]|of|共)\s*\d{1,4}\s*页?)?[-－—–―‒~～·•_\s]*$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$", re.IGNORECASE)
# A line that starts a heading or a numbered item: 一、 （一） (1) 1. 1、 第一部分
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]"
                            r"|\d{1,2}\s*[、．.](?!\d)|第[一二三四五六七八九十]{1,3}(?:部分|章))")
_SENTENCE_END = "。！？；：!?;:"
COLUMN_GAP = 1.5  # a gap wider than this many characters separates columns, not words


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return any(a <= o <= b for a, b in _CJK_RANGES) or ch in _OPEN_QUOTES or ch in _CLOSE_QUOTES


def tidy_spaces(text: str) -> str:
    """Spaces a PDF puts between letter-spaced or justified Chinese characters removed ("淮 安市",
    "电 话 ："); a space survives only between two characters that are not Chinese."""
    if " " not in text and "\u3000" not in text:
        return text.strip()
    out: list[str] = []
    pending = False
    for ch in text:
        if ch in " \u3000\u00a0":
            pending = bool(out)
            continue
        if pending and not is_cjk(out[-1]) and not is_cjk(ch):
            out.append(" ")
        pending = False
        out.append(ch)
    return "".join(out)


def unique_chars(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """The characters without the copies printed over them ("bold" made by printing each character
    two or three times, a hair apart): a copy has the same text, font and size and stands within
    ``tolerance`` points of one before it; the first is kept. pdfplumber's ``dedupe_chars`` in one
    pass (it sorts and clusters every page: a fifth of reading a PDF)."""
    seen: dict[tuple, list[tuple[float, float]]] = {}
    out: list[dict] = []
    for ch in chars:
        x, y = ch["x0"], ch["top"]
        bx, by = int(x // tolerance), int(y // tolerance)
        key = (ch["text"], ch.get("fontname"), ch.get("size"), ch.get("upright"))
        copy = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for px, py in seen.get((*key, bx + dx, by + dy), ()):
                    if abs(px - x) <= tolerance and abs(py - y) <= tolerance:
                        copy = True
                        break
        seen.setdefault((*key, bx, by), []).append((x, y))  # copies too: a chain of copies is one character
        if not copy:
            out.append(ch)
    return out


@dataclass
class Line:
    """One printed line: its text and where it stands on its page (PDF points, top-down)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size (median of its characters)
    font: str  # the most common font name
    page: int
    # (x0, x1, text) of the pieces a wide gap separates: the columns of a table printed without rules
    columns: tuple[tuple[float, float, str], ...] = ()

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


def chars_to_lines(chars: list[dict], page: int) -> list[Line]:
    """Characters grouped into lines by their vertical overlap, left to right, spaces from the gaps."""
    chars = [c for c in chars if c.get("text") and c["text"].strip() and c.get("upright", True)]
    chars.sort(key=lambda c: (round(c["top"], 1), c["x0"]))
    bands: list[tuple[float, float]] = []
    rows: list[list[dict]] = []
    for ch in chars:
        mid = (ch["top"] + ch["bottom"]) / 2
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if bands[k][0] <= mid <= bands[k][1]:
                rows[k].append(ch)
                break
        else:
            bands.append((ch["top"], ch["bottom"]))
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        sizes = [c.get("size", 0) for c in row]
        size = statistics.median(sizes) if sizes else 0
        parts: list[str] = []
        columns: list[list] = []  # [x0, x1, pieces]
        prev = None
        for ch in row:
            gap = ch["x0"] - prev["x1"] if prev is not None else 0
            if prev is None or gap > COLUMN_GAP * max(size, 1):
                if prev is not None:
                    parts.append("\t")  # a gap between columns of a table printed without rules
                columns.append([ch["x0"], ch["x1"], []])
            elif gap > 0.25 * max(size, 1):
                parts.append(" ")
                columns[-1][2].append(" ")
            parts.append(ch["text"])
            columns[-1][1] = ch["x1"]
            columns[-1][2].append(ch["text"])
            prev = ch
        text = tidy_spaces("".join(parts))
        if not text:
            continue
        font = Counter(c.get("fontname", "") for c in row).most_common(1)[0][0]
        pieces = tuple((x0, x1, tidy_spaces("".join(p))) for x0, x1, p in columns) if len(columns) > 1 else ()
        lines.append(Line(text, min(c["x0"] for c in row), max(c["x1"] for c in row),
                          min(c["top"] for c in row), max(c["bottom"] for c in row), size, font, page, pieces))
    return lines


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _shape(text: str) -> str:
    """A running header's text with its figures blanked, so "第 3 页" on every page is one shape."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def furniture(pages: list[list[Line]], fenced: list[tuple[float, float]]) -> set[int]:
    """ids of lines that are running headers, footers or page numbers.

    Only lines above or below everything else on their page are candidates (``fenced`` gives per
    page the top and bottom of its tables, so nothing inside the body is taken): a page number by
    its form, anything else when the same text stands at the same height on several pages."""
    candidates: list[tuple[Line, str]] = []
    for lines, (table_top, table_bottom) in zip(pages, fenced, strict=True):
        ordered = sorted(lines, key=lambda ln: ln.top)
        taken: set[int] = set()
        for k, line in enumerate(ordered[:2]):
            if line.bottom > table_top or (k and len(ordered) <= 3):
                break
            candidates.append((line, "head"))
            taken.add(id(line))
        for k, line in enumerate(ordered[::-1][:2]):
            if line.top < table_bottom or (k and len(ordered) <= 3) or id(line) in taken:
                break
            candidates.append((line, "foot"))
    shapes = Counter((where, _shape(line.text), round(line.top / 4)) for line, where in candidates)
    pages_with_text = sum(1 for lines in pages if lines)
    drop: set[int] = set()
    for line, where in candidates:
        repeated = shapes[(where, _shape(line.text), round(line.top / 4))]
        if is_page_number(line.text) or (repeated >= 2 and repeated * 2 >= pages_with_text):
            drop.add(id(line))
    return drop


@dataclass
class Measure:
    """The body text block of the document: left edge, right edge, usual size and line pitch."""

    left: float
    right: float
    size: float
    pitch: float

    @classmethod
    def of(cls, lines: list[Line]) -> Measure:
        if not lines:
            return cls(0, 0, 12, 18)
        sizes: Counter = Counter()
        for ln in lines:
            sizes[round(ln.size)] += len(ln.text)  # the size most of the text is set in
        size = float(sizes.most_common(1)[0][0]) or 12.0
        body = [ln for ln in lines if abs(ln.size - size) < 1] or lines
        left = Counter(round(ln.x0) for ln in body).most_common(1)[0][0]
        right = sorted(ln.x1 for ln in body)[int(0.9 * (len(body) - 1))]
        pitches = [b.top - a.top for a, b in itertools.pairwise(body)
                   if a.page == b.page and 0 < b.top - a.top < 4 * size]
        pitch = statistics.median(pitches) if pitches else 1.5 * size
        return cls(float(left), float(right), size, pitch)


def starts_paragraph(prev: Line | None, line: Line, m: Measure) -> bool:
    """Whether ``line`` begins a paragraph of its own, as the printed page shows it."""
    if prev is None:
        return True
    unit = max(line.size, m.size * 0.8)
    centred = abs(line.middle - (m.left + m.right) / 2) < unit and line.x0 > m.left + unit
    if centred and abs(prev.middle - line.middle) < unit and abs(prev.size - line.size) < 0.6 \
            and prev.x1 - prev.x0 > 0.75 * (m.right - m.left):
        return False  # a title printed over two centred lines
    if abs(prev.size - line.size) > 1.0:
        return True
    if line.x0 > m.left + 0.8 * unit:  # first-line indent, centred or right-aligned text
        return True
    if prev.x1 < m.right - 1.5 * unit:  # the line before stopped short: its paragraph ended there
        return True
    if _HEADING_START.match(line.text):
        return True
    # a blank line or extra spacing between paragraphs
    return prev.page == line.page and line.top - prev.top > 1.8 * max(m.pitch, 1)


def paragraph_text(lines: list[Line]) -> str:
    return tidy_spaces(join_lines([ln.text.replace("\t", " ") for ln in lines]))


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1:] in _SENTENCE_END
