"""Build test inputs from a Report in code: Word, Excel, web page and text in the official layout."""

from __future__ import annotations

import io
from html import escape

from ggbg_desktop.report.schema import PARTS, TABLES

SECTION_TITLES = {p.key: p.heading for p in PARTS}


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return str(int(value))


def grid(report, key: str, fmt=value_text) -> list[tuple[int, int, int, int, str]]:
    """(row, col, row_span, col_span, text) of every cell of a table in the official layout."""
    out = []
    for cell in TABLES[key].grid:
        text = cell.text if cell.value is None else fmt(report.value(cell.value))
        out.append((cell.row, cell.col, cell.row_span, cell.col_span, text))
    return out


def text_lines(report) -> list[str]:
    """Paragraph texts in reading order, with ``None`` where a table goes."""
    lines = [f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告", report.preamble]
    for part in PARTS:
        lines.append(part.heading)
        if part.table:
            lines.append(None)
        else:
            lines.extend(report.parts[part.key].split("\n"))
    return lines


# ---- Word ------------------------------------------------------------------------------------------

CHINESE_LIST = """
<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""


def report_docx(report, *, auto_numbering: bool = False, table_style: str | None = "Table Grid",
                headers_and_footers: bool = True) -> bytes:
    """A Word file of the report; tables merged like the official layout. With ``auto_numbering``
    the part headings carry no "一、" in their text: a Chinese-counting list adds it."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    num_id = None
    if auto_numbering:
        numbering = document.part.numbering_part.element
        numbering.insert(0, parse_xml(CHINESE_LIST))
        num = parse_xml('<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                        'w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        numbering.append(num)
        num_id = 90
    if headers_and_footers:
        section = document.sections[0]
        section.header.paragraphs[0].text = "页眉：某某县人民政府办公室"
        section.footer.paragraphs[0].text = "— 1 —"
    document.add_paragraph(f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告")
    document.add_paragraph(report.preamble)
    for part in PARTS:
        if num_id is not None:
            p = document.add_paragraph(part.title)
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml('<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                 f'<w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        else:
            document.add_paragraph(part.heading)
        if part.table:
            add_docx_table(document, report, part.table, table_style)
        else:
            for line in report.parts[part.key].split("\n"):
                document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def add_docx_table(document, report, key: str, style: str | None = "Table Grid", fmt=value_text):
    spec = TABLES[key]
    table = document.add_table(rows=spec.grid_rows, cols=spec.grid_cols)
    if style:
        table.style = style
    for row, col, rs, cs, text in grid(report, key, fmt):
        cell = table.cell(row, col)
        if rs > 1 or cs > 1:
            cell = cell.merge(table.cell(row + rs - 1, col + cs - 1))
        lines = text.split("\n")
        cell.paragraphs[0].text = lines[0]
        for more in lines[1:]:
            cell.add_paragraph(more)
    return table


# ---- web page ----------------------------------------------------------------------------------------

def html_table(report, key: str, fmt=value_text) -> str:
    spec = TABLES[key]
    rows: list[list[str]] = [[] for _ in range(spec.grid_rows)]
    for row, _col, rs, cs, text in grid(report, key, fmt):
        attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        body = "<br>".join(escape(t) for t in text.split("\n")) if text else "&nbsp;"
        rows[row].append(f"<td{attrs}>{body}</td>")
    return "<table border=1>" + "".join(f"<tr>{''.join(r)}</tr>" for r in rows) + "</table>"


def report_html(report, *, charset: str = "utf-8", noise: bool = True) -> bytes:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    title = f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告"
    body = []
    if noise:
        body.append('<div class="nav"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>互动交流</li></ul></div>'
                    '<nav>网站导航 办事服务</nav>')
    body.append(f'<div class="article"><h1>{escape(title)}</h1>')
    if noise:
        body.append(f'<div class="info">发布日期：{report.meta.published} 09:30 浏览次数：1024 '
                    "字号：【大 中 小】</div>")
    body.append(f"<p>{escape(report.preamble)}</p>")
    for part in PARTS:
        body.append(f"<p><strong>{escape(part.heading)}</strong></p>")
        if part.table:
            body.append(html_table(report, part.table))
        else:
            body.extend(f"<p>&nbsp;&nbsp;{escape(line)}</p>" for line in report.parts[part.key].split("\n"))
    body.append("</div>")
    if noise:
        body.append('<div class="footer"><p>主办：某某县人民政府办公室 联系电话：029-1234567</p>'
                    '<p>陕ICP备05001234号 陕公网安备61012202000008号</p></div>'
                    '<script>var x = "一、总体情况";</script>')
    page = (f"<!DOCTYPE html><html><head>{head}<title>{escape(title)}_某某县人民政府</title></head>"
            f"<body>{''.join(body)}</body></html>")
    return page.encode(charset)


# ---- Excel ---------------------------------------------------------------------------------------------

def report_xlsx(report, *, one_sheet: bool = False, numbers_as_text: bool = False) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    offset = 0
    for n, key in enumerate(("t2", "t3", "t4")):
        part = next(p for p in PARTS if p.table == key)
        if one_sheet:
            sheet = first
            sheet.cell(offset + 1, 1, part.heading)
            offset += 1
        else:
            sheet = first if n == 0 else book.create_sheet()
            sheet.title = part.title[:30]
            offset = 0
        spec = TABLES[key]
        for row, col, rs, cs, text in grid(report, key):
            cell = sheet.cell(offset + row + 1, col + 1)
            if text and not numbers_as_text and _numeric(text):
                cell.value = float(text) if "." in text else int(text)
            else:
                cell.value = text or None
            if rs > 1 or cs > 1:
                sheet.merge_cells(start_row=offset + row + 1, start_column=col + 1,
                                  end_row=offset + row + rs, end_column=col + cs)
        offset += spec.grid_rows + 1
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _numeric(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# ---- plain text ------------------------------------------------------------------------------------

def text_table_lines(report, key: str, style: str, fmt=value_text) -> list[str]:
    """A table typed as text: "pipe" (a row per line, " | "), "tab" (a row per line, tabs) or
    "cells" (a cell per line ending in "|"), each row listing the cells that start in it."""
    spec = TABLES[key]
    rows: list[list[str]] = [[] for _ in range(spec.grid_rows)]
    for row, _col, _rs, _cs, text in grid(report, key, fmt):
        rows[row].append(text.replace("\n", ""))
    lines = []
    for cells in rows:
        if style == "pipe":
            lines.append(" | ".join(cells) + " |")
        elif style == "tab":
            lines.append("\t".join(cells))
        else:
            lines.extend(f"{c} |" for c in cells)
    return lines


def report_text(report, style: str = "pipe", fmt=value_text) -> str:
    lines = []
    for part in PARTS:
        if not lines:
            lines += [f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告", report.preamble]
        lines.append(part.heading)
        if part.table:
            lines += text_table_lines(report, part.table, style, fmt)
        else:
            lines += report.parts[part.key].split("\n")
    return "\n".join(lines) + "\n"


def whole_report_xlsx(report) -> bytes:
    """One sheet holding the whole report, as when a clerk pastes a web page into Excel or WPS 表格:
    title, preamble and part texts in cells of column A (one paragraph per row), the tables between."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    row = 1

    def text(value: str) -> None:
        nonlocal row
        sheet.cell(row, 1, value)
        row += 1

    text(f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告")
    for line in report.preamble.split("\n"):
        text(line)
    for part in PARTS:
        text(part.heading)
        if part.table:
            for r, c, rs, cs, value in grid(report, part.table):
                cell = sheet.cell(row + r, c + 1)
                if value and _numeric(value):
                    cell.value = float(value) if "." in value else int(value)
                else:
                    cell.value = value or None
                if rs > 1 or cs > 1:
                    sheet.merge_cells(start_row=row + r, start_column=c + 1, end_row=row + r + rs - 1,
                                      end_column=c + cs)
            row += TABLES[part.table].grid_rows + 1
        else:
            for line in report.parts[part.key].split("\n"):
                text(line)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
