"""PDF reader on pdfplumber: ruled tables by their cells, the narrative re-flowed into paragraphs,
running headers, footers and page numbers left out — no outside program on any platform.

Published reports are mostly a Word or WPS file saved as PDF. Its text layer gives every character
with its position: the tables come from their ruling lines and cell rectangles (merged cells as
spans, a table continued on the next page joined to its first part; a table printed without rules
from the columns of its text), the rest of each page is
printed lines, joined back into the paragraphs the page shows (a first-line indent, a heading or a
line that stops short starts one). A scan has no text layer and is refused.
"""

from __future__ import annotations

import io

from ...errors import ImportRefused
from ..document import Document, Paragraph, Table
from . import pdfcolumns, pdftables
from .pdftext import (Line, Measure, chars_to_lines, furniture, is_page_number, paragraph_text, starts_paragraph,
                      unique_chars)

# A report is a handful of pages; bounds far above that keep a hostile file from costing minutes.
MAX_PAGES = 60
MAX_CHARS_PER_PAGE = 15_000
MAX_CHARS = 200_000
MAX_GRAPHICS_PER_PAGE = 20_000  # ruling lines and rectangles: table finding is quadratic in them


def _open(data: bytes, name: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportRefused(f"“{name}”已加密（需要密码），无法读取；请用原始的 Word 文件导入") from None
    except Exception:  # pdfminer raises many kinds on damaged files
        raise ImportRefused(f"“{name}”不是可读取的 PDF 文件（可能已损坏），请用原始的 Word 文件导入") from None
    if len(pages) > MAX_PAGES:
        pdf.close()
        raise ImportRefused(f"“{name}”有 {len(pages)} 页，不像一份年度报告（通常不超过 20 页），未导入")
    return pdf


def _page_content(page, number: int, name: str) -> tuple[list[Line], list[pdftables.PdfTable]]:
    """The printed lines outside tables and the ruled tables of one page."""
    try:
        chars = unique_chars(page.chars)  # "bold" printed by overprinting each character
        graphics = len(page.rects) + len(page.lines) + len(page.curves)
    except Exception:
        raise ImportRefused(f"“{name}”第 {number + 1} 页已损坏，无法读取") from None
    if len(chars) > MAX_CHARS_PER_PAGE:
        raise ImportRefused(f"“{name}”第 {number + 1} 页的文字异常多，不像一份年度报告，未导入")
    tables = pdftables.page_tables(page, chars, number) if graphics <= MAX_GRAPHICS_PER_PAGE else []
    boxes = [(t.left, t.top, t.right, t.bottom) for t in tables]
    outside = [c for c in chars if not any(x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
                                           and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1
                                           for x0, top, x1, bottom in boxes)]
    return chars_to_lines(outside, number), tables


def read(data: bytes, *, name: str) -> Document:
    pdf = _open(data, name)
    pages: list[list[Line]] = []
    tables: list[list[pdftables.PdfTable]] = []
    total = 0
    try:
        for number, page in enumerate(pdf.pages):
            lines, found = _page_content(page, number, name)
            total += sum(len(ln.text) for ln in lines)
            if total > MAX_CHARS:
                raise ImportRefused(f"“{name}”的文字异常多，不像一份年度报告，未导入")
            pages.append(lines)
            tables.append(found)
    except ImportRefused:
        raise
    except Exception:  # a damaged content stream
        raise ImportRefused(f"“{name}”不是可读取的 PDF 文件（可能已损坏），请用原始的 Word 文件导入") from None
    finally:
        pdf.close()
    if not any(pages) and not any(tables):
        raise ImportRefused(f"“{name}”没有文字层（可能是扫描件或图片），无法读取其中的文字；请用原始的 Word "
                            "文件导入，或用“粘贴报告”粘贴全文")
    document = Document(properties={"source_format": "pdf", "converted_by": "pdfplumber"})
    fenced = [(min((t.top for t in ts), default=float("inf")), max((t.bottom for t in ts), default=float("-inf")))
              for ts in tables]
    dropped_ids = furniture(pages, fenced)
    numbers = 0
    running: dict[str, None] = {}
    for lines in pages:
        for line in lines:
            if id(line) in dropped_ids:
                if is_page_number(line.text):
                    numbers += 1
                else:
                    running.setdefault(line.text)
    document.dropped.extend(f"页眉页脚：{text}" for text in running)
    if numbers:
        document.dropped.append(f"页码（{numbers} 处）")
    body = [[ln for ln in lines if id(ln) not in dropped_ids] for lines in pages]
    _assemble(document, body, tables)
    return document


def _assemble(document: Document, pages: list[list[Line]], tables: list[list[pdftables.PdfTable]]) -> None:
    """Paragraphs and tables in reading order; a paragraph or a table may run on to the next page."""
    items: list[Line | pdftables.PdfTable] = []
    for lines, found in zip(pages, tables, strict=True):  # one entry per page each
        page_items: list[tuple[float, int, Line | pdftables.PdfTable]] = [(ln.top, 1, ln) for ln in lines]
        page_items += [(t.top, 0, t) for t in found]
        page_items.sort(key=lambda item: (item[0], item[1]))
        for _, _, item in page_items:
            prev = items[-1] if items else None
            if isinstance(item, pdftables.PdfTable) and isinstance(prev, pdftables.PdfTable) \
                    and pdftables.continues(prev, item):
                pdftables.join(prev, item)
                continue
            if isinstance(item, pdftables.PdfTable) and item.lone_row is not None:
                items.extend(chars_to_lines(item.lone_row, item.page))  # a ruled line of text, not a table
                continue
            items.append(item)
    paragraph: list[Line] = []

    def flush() -> None:
        if paragraph:
            text = paragraph_text(paragraph)
            if text:
                document.blocks.append(Paragraph(text))
            paragraph.clear()

    prev_line: Line | None = None
    unruled = pdfcolumns.unruled_tables(items)
    in_tables = {k for start, (end, _) in unruled.items() for k in range(start, end)}
    measure = Measure.of([item for k, item in enumerate(items) if isinstance(item, Line) and k not in in_tables])
    for k, item in enumerate(items):
        if k in unruled:
            flush()
            document.blocks.append(unruled[k][1])
            prev_line = None
            continue
        if k in in_tables:
            continue
        if isinstance(item, pdftables.PdfTable):
            flush()
            table: Table = pdftables.to_table(item)
            table.source = "从 PDF 表格线读取" + (f"（跨 {item.pages} 页，已拼接）" if item.pages > 1 else "")
            document.blocks.append(table)
            prev_line = None
            continue
        if starts_paragraph(prev_line, item, measure):
            flush()
        paragraph.append(item)
        prev_line = item
    flush()

