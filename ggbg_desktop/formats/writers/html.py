"""Web page (.html): one self-contained UTF-8 file for the site's 文字版, tables with spans."""

from __future__ import annotations

from html import escape

from ...report.model import Report
from ...report.schema import TABLE_NAMES, TABLES
from ..document import (
    BODY,
    CAPTION,
    HEADING1,
    HEADING2,
    HEADING3,
    SIGNATURE,
    SUBTITLE,
    TITLE,
    Document,
    Paragraph,
    Table,
)
from ..layout import heading_split, layout
from . import official as o

_STYLE = """
body { max-width: 46em; margin: 2em auto; padding: 0 1em; font-family: "仿宋_GB2312", "仿宋", FangSong, serif;
       font-size: 16pt; line-height: 1.8; color: #000; background: #fff; }
h1 { font-family: "方正小标宋简体", "宋体", SimSun, serif; font-size: 22pt; font-weight: normal;
     text-align: center; line-height: 1.6; margin: 0 0 1em; }
h2 { font-family: "黑体", SimHei, sans-serif; font-size: 16pt; font-weight: normal; margin: 0.4em 0 0;
     text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; font-size: 16pt; font-weight: normal; margin: 0;
     text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.h3 { font-weight: bold; }
p.h3 span, h3 span { font-family: "仿宋_GB2312", "仿宋", FangSong, serif; font-weight: normal; }
p.signature { text-align: right; text-indent: 0; padding-right: 2em; }
p.signature.first { margin-top: 1.8em; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.6em; font-size: 10.5pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 0.2em 0.3em; text-align: center; vertical-align: middle;
         font-weight: normal; }
""".strip()

_TAGS = {TITLE: "h1", HEADING1: "h2", HEADING2: "h3"}


def export(report: Report, options) -> bytes:
    """The report as one HTML page's UTF-8 bytes."""
    return write(layout(report, options)).encode("utf-8")


def write(document: Document) -> str:
    title = escape(document.properties.get("title", ""))
    author = document.properties.get("author", "")
    head = ['<!DOCTYPE html>', '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>"]
    if author:
        head.append(f'<meta name="author" content="{escape(author)}">')
    if document.properties.get("generator"):
        head.append(f'<meta name="generator" content="{escape(document.properties["generator"])}">')
    if document.properties.get("published"):
        head.append(f'<meta name="pubdate" content="{escape(document.properties["published"])}">')
    head += [f"<style>\n{_STYLE}\n</style>", "</head>", "<body>"]
    body = []
    first_signature = True
    for block in document.blocks:
        if isinstance(block, Table):
            body.append(table_html(block))
        else:
            body.append(paragraph_html(block, first_signature))
            if block.role == SIGNATURE:
                first_signature = False
    return "\n".join(head + body + ["</body>", "</html>", ""])


def paragraph_html(paragraph: Paragraph, first_signature: bool = False) -> str:
    tag = _TAGS.get(paragraph.role)
    head, rest = heading_split(paragraph)
    inner = f"{escape(head)}<span>{escape(rest)}</span>" if head and rest else escape(paragraph.text)
    if paragraph.role == HEADING2 and rest:  # a run-in heading: a paragraph opening in 楷体
        return f'<p><span style="font-family:楷体_GB2312,楷体,KaiTi,serif">{escape(head)}</span>{escape(rest)}</p>'
    if tag:
        return f"<{tag}>{inner}</{tag}>"
    classes = {HEADING3: "h3", SIGNATURE: "signature first" if first_signature else "signature",
               SUBTITLE: "signature", CAPTION: "", BODY: ""}.get(paragraph.role, "")
    attribute = f' class="{classes}"' if classes else ""
    return f"<p{attribute}>{inner}</p>"


# Borders, widths and alignment on the elements themselves: a CMS editor pasting the body
# keeps them even where it drops the <head> style sheet.
_TABLE_STYLE = ("border-collapse:collapse;border:1px solid #000;width:100%;margin:0.3em 0 0.6em;"
                "font-size:10.5pt;line-height:1.4")
_CELL_STYLE = "border:1px solid #000;padding:0.2em 0.3em;text-align:center;vertical-align:middle;font-weight:normal"
_CAPTION_STYLE = "caption-side:top;text-align:center;font-weight:normal;padding:0.2em"


def table_caption(table: Table) -> str:
    """"表三 收到和处理政府信息公开申请情况" for an official table, "" for any other."""
    if table.key not in TABLES:
        return ""
    return f"{TABLE_NAMES[table.key]} {TABLES[table.key].title}"


def _scope(table: Table, r: int, cell) -> str:
    """Column headers head columns (groups when spanning); a row's first label heads its row."""
    if r < table.header_rows:
        return "colgroup" if cell.col_span > 1 else "col"
    if cell.role == "section":
        return "rowgroup"
    return "rowgroup" if cell.row_span > 1 else "row"


def table_html(table: Table) -> str:
    grid = table.grid()
    n_cols = len(grid[0]) if grid else 0
    _size, widths = o.table_metrics(table)
    total = sum(widths) or 1
    lines = [f'<table border="1" cellspacing="0" cellpadding="4" width="100%" style="{_TABLE_STYLE}">']
    caption = table_caption(table)
    if caption:
        lines.append(f'<caption style="{_CAPTION_STYLE}">{escape(caption)}</caption>')
    lines.append("<colgroup>" + "".join(f'<col style="width:{w / total:.2%}">' for w in widths[:n_cols])
                 + "</colgroup>")
    for r, row in enumerate(table.rows):
        cells = []
        for cell in row:
            tag = "td" if cell.role == "value" else "th"  # headers, sections and row labels head cells
            attributes = ""
            if tag == "th":
                attributes += f' scope="{_scope(table, r, cell)}"'
            if cell.row_span > 1:
                attributes += f' rowspan="{cell.row_span}"'
            if cell.col_span > 1:
                attributes += f' colspan="{cell.col_span}"'
            cells.append(f'<{tag}{attributes} style="{_CELL_STYLE}">{escape(cell.text)}</{tag}>')
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</table>")
    return "\n".join(lines)
