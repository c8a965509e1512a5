"""The official layout: a report placed into the document every writer typesets."""

from __future__ import annotations

import re

from ..report.model import Report
from ..report.schema import PARTS, TABLES, TableSpec
from ..report.values import chinese_date, format_figure
from .document import BODY, GENERATOR, HEADING1, HEADING2, HEADING3, SIGNATURE, TITLE, Cell, Document, Paragraph, Table

# "（一）" / "(一)" at the start of a line: a second-level heading (楷体).
_HEADING2 = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]")
# "1." / "1．" / "1、" not followed by a digit (so "2023年" and "1.5万元" stay body text).
_HEADING3 = re.compile(r"^\s*\d{1,2}\s*[.．、](?!\d)")
# Where a run-in heading ends: "（一）主动公开情况。2023年…" → "（一）主动公开情况。"
_HEADING_END = re.compile(r"[。：:；;！？!?]")
# Characters XML 1.0 forbids (form feed, vertical tab, BEL, \x1f…: common in text copied from
# PDFs) and the non-characters U+FFFE/U+FFFF: no export format can hold them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# A heading line standing alone is short; longer text after the marker is a run-in heading.
_MAX_HEADING = 40


def layout(report: Report, options=None) -> Document:
    """The report as the official document: title, preamble, six parts, tables, signature.

    ``options`` is an :class:`~ggbg_desktop.formats.registry.ExportOptions` (or None for
    the defaults); only ``signature`` matters here, fonts are the writers' business.
    """
    doc = Document(properties=_properties(report))
    title = printable(report.meta.display_title()).strip()
    if title:
        doc.blocks.append(Paragraph(title, TITLE))
    doc.blocks.extend(text_paragraphs(report.preamble, headings=False))
    for part in PARTS:
        doc.blocks.append(Paragraph(part.heading, HEADING1))
        if part.table:
            doc.blocks.append(table(report, TABLES[part.table]))
        else:
            doc.blocks.extend(text_paragraphs(report.parts.get(part.key, "")))
    if getattr(options, "signature", True):
        doc.blocks.extend(signature(report))
    return doc


def _properties(report: Report) -> dict[str, str]:
    props = {"title": report.meta.display_title().strip(), "author": report.meta.organ.strip(),
             "generator": GENERATOR}
    if report.meta.published:
        props["published"] = report.meta.published
    if report.meta.year:
        props["year"] = str(report.meta.year)
    return {k: printable(v) for k, v in props.items() if v}


def printable(text: str) -> str:
    """``text`` without the control characters no export format can hold (tab and line ends stay).

    Every writer takes its text from the layout, so this is the one place they are removed.
    """
    return _UNPRINTABLE.sub("", text or "")


def text_paragraphs(text: str, headings: bool = True) -> list[Paragraph]:
    """Plain text, one paragraph per non-empty line, with "（一）" and "1." lines as headings."""
    out = []
    for line in printable(text).splitlines():
        line = line.strip()
        if line:
            out.append(Paragraph(line, paragraph_role(line) if headings else BODY))
    return out


def paragraph_role(line: str) -> str:
    if _HEADING2.match(line):
        return HEADING2
    if _HEADING3.match(line):
        return HEADING3
    return BODY


def heading_split(paragraph: Paragraph) -> tuple[str, str]:
    """A heading paragraph as (heading, body text that follows it on the same line).

    "（一）主动公开" → ("（一）主动公开", ""); "（一）主动公开情况。2023年，…" →
    ("（一）主动公开情况。", "2023年，…"). Body paragraphs give ("", text).
    """
    text = paragraph.text
    if paragraph.role not in (HEADING2, HEADING3):
        return "", text
    marker = (_HEADING2 if paragraph.role == HEADING2 else _HEADING3).match(text)
    start = marker.end() if marker else 0
    end = _HEADING_END.search(text, start)
    if end is None:
        return (text, "") if len(text) <= _MAX_HEADING else (text[:start], text[start:])
    if end.end() == len(text):
        return text, ""
    return text[:end.end()], text[end.end():]


def table(report: Report, spec: TableSpec) -> Table:
    """One of the three official tables, cell for cell as the schema's grid prints it."""
    rows: list[list[Cell]] = [[] for _ in range(spec.grid_rows)]
    for g in spec.grid:  # the grid is sorted by (row, col)
        text = format_figure(report.value(g.value)) if g.value is not None else printable(g.text or "")
        rows[g.row].append(Cell(text, g.row_span, g.col_span, g.role))
    return Table(rows=rows, key=spec.key, header_rows=header_rows(spec))


def header_rows(spec: TableSpec) -> int:
    """Leading rows made only of column headers: repeated when the table breaks across pages.

    Table 二 starts with a 第二十条 section row, which belongs to its first block only,
    so it has none.
    """
    roles: dict[int, set[str]] = {}
    for g in spec.grid:
        roles.setdefault(g.row, set()).add(g.role)
    count = 0
    while roles.get(count) == {"header"}:
        count += 1
    return count


def signature(report: Report) -> list[Paragraph]:
    """Organ and 成文日期, right-aligned at the end: the date the clerk set, else the publish date."""
    organ = printable(report.meta.organ).strip()
    when = chinese_date(report.meta.signature_date or report.meta.published)
    lines = [line for line in (organ, when) if line]
    return [Paragraph(line, SIGNATURE) for line in lines]


