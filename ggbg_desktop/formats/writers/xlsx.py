"""Excel (.xlsx): report information on a first sheet, then the three official tables, one sheet each."""

from __future__ import annotations

import io

from ...report.model import Meta, Report
from ...report.schema import HEADER_FIELDS, META_NAME, PARTS, PREAMBLE_NAME, SEE_SHEET, TABLE_NAMES, TABLES, HeaderField
from ...report.values import chinese_date
from ..document import Table
from ..layout import layout, printable
from . import official as o

_MM_TO_WIDTH = 0.55  # Excel column width units (characters of the default font) per mm
CELL_LIMIT = 32767  # characters Excel holds in one cell
CONTINUED = "（续）"


def set_text(cell, text: str) -> None:
    """``text`` as a string cell, never a formula: "=HYPERLINK(…)" or "+86…" stays text."""
    cell.value = text
    cell.data_type = "s"


def cell_chunks(text: str) -> list[str]:
    """Text cut into pieces Excel can hold, at line ends where possible."""
    chunks = []
    while len(text) > CELL_LIMIT:
        cut = text.rfind("\n", 0, CELL_LIMIT) + 1 or CELL_LIMIT
        chunks.append(text[:cut])
        text = text[cut:]
    chunks.append(text)
    return chunks


def export(report: Report, options) -> bytes:
    """The report as an .xlsx workbook's bytes."""
    from openpyxl import Workbook

    document = layout(report, options)
    book = Workbook()
    _info_sheet(book.active, report)
    tables = {t.key: t for t in document.tables()}
    for key, spec in TABLES.items():
        sheet = book.create_sheet(f"{TABLE_NAMES[key]} {spec.title}"[:31])
        _table_sheet(sheet, report, tables[key])
    book.properties.title = document.properties.get("title", "")[:255]
    book.properties.creator = document.properties.get("author", "")
    book.properties.description = document.properties.get("generator", "")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _info_sheet(sheet, report: Report) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = META_NAME
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    rows: list[tuple[str, object]] = [(f.label, _header_value(report.meta, f)) for f in HEADER_FIELDS]
    rows.append((PREAMBLE_NAME, report.preamble))
    for part in PARTS:
        rows.append((part.heading, report.parts.get(part.key, "") if part.kind == "text"
                     else f"{SEE_SHEET}“{TABLE_NAMES[str(part.table)]} {TABLES[str(part.table)].title}”"[:60]))
    r = 0
    for label, value in rows:
        pieces = cell_chunks(printable(value)) if isinstance(value, str) else [value]
        for i, piece in enumerate(pieces):
            r += 1
            sheet.cell(r, 1, label + (CONTINUED if i else "")).font = bold
            cell = sheet.cell(r, 2)
            if isinstance(piece, str):
                if piece:
                    set_text(cell, piece)
            elif piece is not None:
                cell.value = piece
            cell.alignment = wrap
            sheet.cell(r, 1).alignment = wrap


def _header_value(meta: Meta, field: HeaderField) -> object:
    """What the first sheet shows for a header field: the title as printed, the 成文日期 as the signature
    prints it ("2024年1月20日"), the publish date as "2024-01-20", the year as a number."""
    if field.key == "title":
        return meta.display_title()
    value = getattr(meta, field.key)
    if field.key == "signature_date":
        return chinese_date(value)
    return "" if value is None and field.kind == "date" else value


def _table_sheet(sheet, report: Report, table: Table) -> None:
    """The table cell for cell as printed: merges, borders, widths; values as numbers."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    key = table.key or ""
    spec = TABLES[key]
    side = Side(style="thin", color="000000")
    border = Border(left=side, right=side, top=side, bottom=side)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    font = Font(name="仿宋", size=o.TABLE_PT.get(key, 10.5))
    title_font = Font(name="黑体", size=14)
    set_text(sheet.cell(1, 1), spec.title)
    sheet.cell(1, 1).font = title_font
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=spec.grid_cols)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    top = 2  # the grid starts under the title row
    widths = o.column_widths_mm(key, spec.grid_cols)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(6.0, width * _MM_TO_WIDTH * 1.6)
    for r in range(spec.grid_rows):
        for c in range(spec.grid_cols):
            cell = sheet.cell(top + r, c + 1)
            cell.border = border
            cell.alignment = centred
            cell.font = font
    for g in spec.grid:
        cell = sheet.cell(top + g.row, g.col + 1)
        if g.value is not None:
            value = report.value(g.value)
            cell.value = value  # a figure stays a number (Value: int, float or None)
        else:
            set_text(cell, printable(g.text or ""))
        if g.row_span > 1 or g.col_span > 1:
            sheet.merge_cells(start_row=top + g.row, start_column=g.col + 1,
                              end_row=top + g.row + g.row_span - 1, end_column=g.col + g.col_span)
    sheet.freeze_panes = sheet.cell(top + table.header_rows, 1)
    sheet.print_options.horizontalCentered = True
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if table.header_rows:
        sheet.print_title_rows = f"{top}:{top + table.header_rows - 1}"
