"""PDF and print through Qt: the official layout painted page by page onto any paged device.

``export()`` returns a PDF; :func:`render_to_printer` paints onto a QPrinter (or any
QPagedPaintDevice) for the window's print preview and printing. Qt is imported only here.
"""

from __future__ import annotations

import re

from ...report.model import Report
from .. import fonts
from ..document import HEADING1, HEADING2, HEADING3, SIGNATURE, TITLE, Document, Paragraph, Table
from ..layout import heading_split, layout
from . import official as o

CREATOR = "政府信息公开年报编辑器"
def export(report: Report, options) -> bytes:
    """The report as PDF bytes, A4, in the official layout."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(600)
    document = layout(report, options)
    writer.setTitle(document.properties.get("title", ""))
    writer.setAuthor(document.properties.get("author", ""))
    writer.setCreator(CREATOR)
    render(document, writer, options)
    buffer.close()
    return fix_text_mapping(bytes(data), radical_map(_document_text(document), _families(options)))


def render_to_printer(report: Report, printer, options=None) -> int:
    """Paint the report onto ``printer`` (a QPrinter or any QPagedPaintDevice); returns pages."""
    return render(layout(report, options), printer, options)


def ensure_gui_application():
    """Qt needs an application object for fonts and painting."""
    from ...qt_runtime import ensure_application

    return ensure_application()


# ---- painting ---------------------------------------------------------------


def render(document: Document, device, options=None) -> int:
    """Lay ``document`` out on A4 pages of ``device`` and paint it; returns the page count."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter

    ensure_gui_application()
    if hasattr(device, "setFullPage"):  # QPrinter: coordinates from the paper's corner
        device.setFullPage(True)
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    geometry = _Geometry(device)
    text = _TextDocument(document, geometry, getattr(options, "font_set", fonts.OFFICIAL), device)
    pages = text.paginate()
    painter = QPainter()
    if not painter.begin(device):
        from ...errors import ExportError
        raise ExportError("无法开始打印或生成 PDF：输出设备不可用")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(geometry.left, geometry.top - page * geometry.height)
            text.doc.drawContents(painter, QRectF(0, page * geometry.height, geometry.width, geometry.height))
            painter.restore()
            _paint_page_number(painter, geometry, page + 1, text.font(fonts.SONG, o.PAGE_NUMBER_PT))
    finally:
        painter.end()
    return pages


def _families(options) -> list[str]:
    from PySide6.QtGui import QFontDatabase

    installed = QFontDatabase.families()
    font_set = getattr(options, "font_set", fonts.OFFICIAL)
    picked = (fonts.pick(role, installed, font_set) for role in fonts.FALLBACKS)
    return sorted({name for name in picked if name})


def _document_text(document: Document) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, Table):
            parts.extend(cell.text for row in block.rows for cell in row)
        else:
            parts.append(block.text)
    parts.append(o.page_number_text(0) + "0123456789")
    return "".join(parts)


class _Geometry:
    """The page and type area in the device's pixels."""

    def __init__(self, device):
        self.dpi = device.resolution() if hasattr(device, "resolution") else device.logicalDpiY()
        self.left = self.mm(o.MARGIN_LEFT_MM)
        self.top = self.mm(o.MARGIN_TOP_MM)
        self.width = self.mm(o.TYPE_WIDTH_MM)
        self.height = self.mm(o.TYPE_HEIGHT_MM)
        self.page_width = self.mm(o.PAGE_WIDTH_MM)

    def mm(self, value: float) -> float:
        return value / 25.4 * self.dpi

    def pt(self, value: float) -> float:
        return value / 72.0 * self.dpi

    # Qt's text layout scales some lengths of a format from 96 dpi to the device (line
    # heights, top and bottom margins, letter spacing, table widths, padding and borders)
    # and takes others as device pixels (text indent, left and right margins).
    @staticmethod
    def format_pt(value: float) -> float:
        return value * 96.0 / 72.0

    @staticmethod
    def format_mm(value: float) -> float:
        return value / 25.4 * 96.0


def _paint_page_number(painter, geometry: _Geometry, number: int, font) -> None:
    from PySide6.QtCore import QRectF, Qt

    painter.save()
    painter.setFont(font)
    em = geometry.pt(o.PAGE_NUMBER_PT)
    top = geometry.top + geometry.height + geometry.mm(o.PAGE_NUMBER_GAP_MM)
    left = geometry.left + em
    width = geometry.width - 2 * em
    align = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
    painter.drawText(QRectF(left, top, width, 2 * em), align | Qt.AlignmentFlag.AlignTop,
                     o.page_number_text(number))
    painter.restore()


class _TextDocument:
    """The document as a QTextDocument sized to the type area, paginated like the Word file."""

    def __init__(self, document: Document, geometry: _Geometry, font_set: str, device):
        from PySide6.QtCore import QSizeF
        from PySide6.QtGui import QFontDatabase, QTextCursor, QTextDocument

        self.geometry = geometry
        self.families = {role: fonts.pick(role, QFontDatabase.families(), font_set) or ""
                         for role in (fonts.TITLE, fonts.BODY, fonts.KAI, fonts.HEI, fonts.SONG)}
        self.doc = QTextDocument()
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(self.font(fonts.BODY, o.BODY_PT))
        self.cursor = QTextCursor(self.doc)
        # [block, table or None]: a heading (or the signature) that must share a page with the
        # first line after it, or with the first row of the table right after it.
        self.kept: list[list] = []
        self.tables: list = []  # (QTextTable, layout Table)
        signature = [b for b in document.blocks if isinstance(b, Paragraph) and b.role == SIGNATURE]
        self.signature_indents = dict(zip(map(id, signature),
                                          o.signature_right_indents([b.text for b in signature])))
        self.first_signature = signature[0] if signature else None
        for i, block in enumerate(document.blocks):
            if isinstance(block, Table):
                self._table(block)
            else:
                self._paragraph(block, first=i == 0)
        # The layout is created only now, so it runs once rather than after every cell.
        # (Not an edit block: PySide6's beginEditBlock/endEditBlock each drop a reference to None.)
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setPageSize(QSizeF(geometry.width, geometry.height))

    # ---- formats ----
    def font(self, role: str, size_pt: float, bold: bool = False):
        from PySide6.QtGui import QFont

        font = QFont()
        if self.families.get(role):
            font.setFamilies([self.families[role]])
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        return font

    def _char_format(self, role: str, size_pt: float, bold: bool = False, condensed: bool = True):
        from PySide6.QtGui import QFont, QTextCharFormat

        fmt = QTextCharFormat()
        fmt.setFont(self.font(role, size_pt, bold), QTextCharFormat.FontPropertiesInheritanceBehavior
                    .FontPropertiesAll)
        if condensed:
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(self.geometry.format_pt(o.BODY_CHAR_SPACING_PT))
        return fmt

    def _block_format(self, paragraph: Paragraph):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextBlockFormat

        fmt = QTextBlockFormat()
        fixed = int(QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        line = self.geometry.format_pt(o.LINE_PT)
        role = paragraph.role
        if role == TITLE:
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            fmt.setLineHeight(self.geometry.format_pt(o.TITLE_LINE_PT), fixed)
            fmt.setBottomMargin(line)
        elif role == SIGNATURE:
            fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
            indent = self.signature_indents.get(id(paragraph), 2.0)
            fmt.setRightMargin(self.geometry.pt(indent * o.BODY_PT))
            fmt.setLineHeight(line, fixed)
            if paragraph is self.first_signature:
                fmt.setTopMargin(line)
        else:
            fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
            fmt.setTextIndent(self.geometry.pt(o.FIRST_LINE_INDENT_CHARS * o.BODY_PT))
            fmt.setLineHeight(line, fixed)
        return fmt

    # ---- blocks ----
    def _paragraph(self, paragraph: Paragraph, first: bool) -> None:
        fmt = self._block_format(paragraph)
        if first:
            self.cursor.setBlockFormat(fmt)
        else:
            self.cursor.insertBlock(fmt)
        role, bold = o.PARAGRAPH_FONTS.get(paragraph.role, (fonts.BODY, False))
        if paragraph.role == TITLE and self.families[fonts.TITLE] not in fonts.HEAVY_TITLE_FACES:
            bold = True
        size = o.TITLE_PT if paragraph.role == TITLE else o.BODY_PT
        condensed = paragraph.role != TITLE
        head, rest = heading_split(paragraph)
        if head:
            self.cursor.insertText(head, self._char_format(role, size, bold, condensed))
            if rest:
                self.cursor.insertText(rest, self._char_format(fonts.BODY, size))
        else:
            lines = title_lines(paragraph.text) if paragraph.role == TITLE else [paragraph.text]
            self.cursor.insertText("\u2028".join(lines), self._char_format(role, size, bold, condensed))
        if paragraph.role in (HEADING1, HEADING2, HEADING3) or paragraph is self.first_signature:
            self.kept.append([self.cursor.block(), None])

    def _table(self, table: Table) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import (QBrush, QColor, QTextBlockFormat, QTextCharFormat, QTextFrameFormat,
                                   QTextLength, QTextTableCellFormat, QTextTableFormat)

        grid = table.grid()
        n_rows, n_cols = len(grid), len(grid[0]) if grid else 0
        g = self.geometry
        widths = [g.format_mm(w) for w in o.column_widths_mm(table.key, n_cols)]
        fmt = QTextTableFormat()
        fmt.setBorder(g.format_pt(0.5))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(QColor("black")))
        fmt.setBorderCollapse(True)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(g.format_mm(o.CELL_PADDING_MM))
        fmt.setMargin(0)
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setWidth(QTextLength(QTextLength.Type.FixedLength, sum(widths)))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.FixedLength, w) for w in widths])
        fmt.setHeaderRowCount(table.header_rows)
        heading = self.kept[-1] if self.kept else None
        if heading is not None and heading[0].blockNumber() == self.cursor.block().blockNumber():
            before = heading
        else:
            before = None
        qtable = self.cursor.insertTable(n_rows, n_cols, fmt)
        if before is not None:
            before[1] = qtable
        self.tables.append((qtable, table))
        size = o.TABLE_PT.get(table.key or "", 10.5)
        char = self._char_format(fonts.BODY, size, condensed=False)
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        block.setLineHeight(o.TABLE_LINE_FACTOR * 100, int(QTextBlockFormat.LineHeightTypes
                                                            .ProportionalHeight.value))
        cell_format = QTextTableCellFormat()
        cell_format.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        # Collapsed borders are drawn from the cells' own borders: single 0.5 pt lines.
        cell_format.setBorder(g.format_pt(0.5))
        cell_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        cell_format.setBorderBrush(QBrush(QColor("black")))
        cell_format.setPadding(g.format_mm(o.CELL_PADDING_MM))
        cell_format.setTopPadding(g.format_mm(o.CELL_PADDING_MM / 3))  # rows as tight as Word's
        cell_format.setBottomPadding(g.format_mm(o.CELL_PADDING_MM / 3))
        # Cell formats first: setting one later would drop the span a merge stored in it.
        for r in range(n_rows):
            for c in range(n_cols):
                qtable.cellAt(r, c).setFormat(cell_format)
        for r, line in enumerate(grid):
            for c, cell in enumerate(line):
                if cell is None:
                    continue
                if cell.row_span > 1 or cell.col_span > 1:
                    qtable.mergeCells(r, c, cell.row_span, cell.col_span)
                qcell = qtable.cellAt(r, c)
                cursor = qcell.firstCursorPosition()
                cursor.setBlockFormat(block)  # not the block's char format: it holds the cell's spans
                cursor.insertText(cell.text, char)
        self.cursor.movePosition(self.cursor.MoveOperation.End)

    # ---- pages ----
    def paginate(self) -> int:
        """Move headings (and the signature) that would end a page to the next one; page count."""
        from PySide6.QtGui import QTextFormat

        layout_ = self.doc.documentLayout()
        height = self.geometry.height
        for _ in range(8):
            moved = False
            for block, table in self.kept:
                rect = layout_.blockBoundingRect(block)
                page = int(rect.top() // height)
                following = _following_bottom(layout_, block, table)
                if following is not None and int((following - 1) // height) > page:
                    fmt = block.blockFormat()
                    if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                        continue
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    _set_block_format(self.doc, block, fmt)
                    moved = True
                    break
            if not moved:
                break
        # A page break set after layout updates the blocks' positions but not the tables' frames,
        # which painting reads to find where a page starts: whole paragraphs and headings in
        # front of a table were skipped. Lay the whole document out again before painting.
        self.doc.markContentsDirty(0, self.doc.characterCount())
        return max(1, self.doc.pageCount())


def _following_bottom(layout_, block, table) -> float | None:
    """Bottom of what must follow ``block`` on its page: the table's first row, else the
    next paragraph's first line. (QTextCursor.currentTable is avoided: PySide6 mishandles
    the None it returns outside tables.)"""
    if table is not None:
        rect = layout_.blockBoundingRect(table.cellAt(0, 0).firstCursorPosition().block())
        return rect.bottom()
    block = block.next()
    if not block.isValid():
        return None
    rect = layout_.blockBoundingRect(block)
    first = block.layout().lineAt(0) if block.layout() and block.layout().lineCount() else None
    return rect.top() + (first.height() if first is not None else rect.height())


def _set_block_format(doc, block, fmt) -> None:
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(block)
    cursor.setBlockFormat(fmt)


def title_lines(title: str) -> list[str]:
    return o.title_lines(title)


# ---- text extraction fix ----------------------------------------------------

_BFRANGE = re.compile(rb"beginbfrange\n(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def radical_map(text: str, families: list[str]) -> dict[int, int]:
    """Code points Qt would name instead of the characters in ``text``: radicals such as
    "⼀" (U+2F00) and "⺠" (U+2EA0) drawn with the same glyph as "一" and "民" in these fonts."""
    from PySide6.QtGui import QFont, QRawFont

    wanted = sorted({ch for ch in text if ord(ch) >= 0x3000})
    radicals = [chr(code) for code in range(0x2E80, 0x2FE0)]
    mapping: dict[int, int] = {0x09: 0x20}
    for family in families:
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        by_glyph: dict[int, int] = {}
        for ch, glyph in zip(radicals, raw.glyphIndexesForString("".join(radicals))):
            if glyph:
                by_glyph.setdefault(glyph, ord(ch))
        for ch, glyph in zip(wanted, raw.glyphIndexesForString("".join(wanted))):
            radical = by_glyph.get(glyph)
            if glyph and radical is not None:
                mapping.setdefault(radical, ord(ch))
    return mapping


def fix_text_mapping(pdf: bytes, mapping: dict[int, int]) -> bytes:
    """Make copied and extracted text read "一、二" rather than the radicals "⼀、⼆".

    Qt maps each glyph back to the lowest code point that uses it, and CJK fonts
    draw the Kangxi radicals with the ideographs' glyphs; ``mapping`` (from
    :func:`radical_map`) names the character meant instead. The ToUnicode maps Qt
    writes are uncompressed, so each entry is rewritten in place with the same
    length and the file's cross-reference offsets stay valid.
    """

    def fix_entry(match: re.Match) -> bytes:
        code = int(match.group(1), 16)
        new = mapping.get(code, code)
        return match.group(0) if new == code else b"<%04X>" % new

    def fix_range(match: re.Match) -> bytes:
        lines = []
        for line in match.group(1).split(b"\n"):
            parts = line.split(b" ", 2)
            if len(parts) == 3 and parts[2].startswith(b"["):
                parts[2] = _HEX.sub(fix_entry, parts[2])
            elif len(parts) == 3 and parts[0] == parts[1]:  # one glyph in "<a> <a> <u>" form
                parts[2] = _HEX.sub(fix_entry, parts[2])
            lines.append(b" ".join(parts))
        return b"beginbfrange\n" + b"\n".join(lines) + b"endbfrange"

    return _BFRANGE.sub(fix_range, pdf)
