"""Word (.docx) in the official layout of GB/T 9704: styles, tables with merges, page numbers.

WordprocessingML is built element by element (python-docx's ``OxmlElement``), so text is
escaped by construction; the one python-docx internal this needs is read in
:func:`footer_element`.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

import docx  # python-docx: this module is loaded only when a Word file is written (formats/registry.py)
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.shared import Mm
from lxml import etree

from ...report.model import Report
from ...report.schema import TALL_LABEL_ROWS
from .. import fonts
from ..document import (
    CAPTION,
    HEADING1,
    HEADING2,
    HEADING3,
    SIGNATURE,
    SUBTITLE,
    TITLE,
    Cell,
    Document,
    Paragraph,
    Table,
)
from ..layout import heading_split, layout
from . import official as o

# The one Word namespace map: every element and attribute below is named through it.
NSMAP = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
         "xml": "http://www.w3.org/XML/1998/namespace"}
W_NS = NSMAP["w"]

STYLE_IDS = {TITLE: "Title", SUBTITLE: "Subtitle", HEADING1: "Heading1", HEADING2: "Heading2",
             HEADING3: "Heading3", SIGNATURE: "Signature", CAPTION: "Caption"}
# The heading words of a run-in heading ("（一）主动公开情况。" before the sentence): a character style.
RUN_IN_STYLES = {HEADING2: "Heading2Char", HEADING3: "Heading3Char"}
TABLE_TEXT_STYLE = "TableText"
FOOTER_STYLE = "Footer"


def qn(name: str) -> str:
    """"w:val" → "{http://…/main}val"."""
    prefix, local = name.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def w(tag: str, *children, **attributes):
    """A ``w:`` element with ``w:`` attributes (``None`` values and children are left out)."""
    element = OxmlElement(f"w:{tag}")
    for key, value in attributes.items():
        if value is not None:
            element.set(qn(f"w:{key}"), str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def text_element(text: str, tag: str = "t"):
    element = w(tag)
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def half_points(pt: float) -> int:
    return round(pt * 2)


def export(report: Report, options) -> bytes:
    """The report as a .docx file's bytes."""
    return write(layout(report, options), options)


def write(document: Document, options) -> bytes:
    font_set = getattr(options, "font_set", fonts.OFFICIAL)
    word = docx.Document()
    _drop_template_leftovers(word)
    _replace_styles(word, font_set)
    _replace_font_table(word, font_set)
    _set_section(word)
    body = word.element.body
    sect_pr = body.sectPr
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for element in body_elements(document.blocks):
        sect_pr.addprevious(element)
    _set_footers(word)
    _set_properties(word, document)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# ---- body -------------------------------------------------------------------


def body_elements(blocks) -> list:
    signature = [b for b in blocks if isinstance(b, Paragraph) and b.role == SIGNATURE]
    indents = dict(zip(map(id, signature), o.signature_right_indents([b.text for b in signature]), strict=True))
    out = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            out.append(table_element(block))
        elif block.role == SIGNATURE:
            out.append(signature_element(block, indents[id(block)], first=block is signature[0]))
        else:
            # The paragraph before the signature keeps with it: the signature never stands alone.
            before_signature = bool(signature) and index + 1 < len(blocks) and blocks[index + 1] is signature[0]
            out.append(paragraph_element(block, keep_next=before_signature))
    return out


def run(text: str, *properties):
    """A run; line breaks in ``text`` become ``w:br``."""
    r = w("r")
    props = [p for p in properties if p is not None]
    if props:
        r.append(w("rPr", *props))
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(w("br"))
        r.append(text_element(line))
    return r


def paragraph_element(paragraph: Paragraph, keep_next: bool = False):
    head, rest = heading_split(paragraph)
    style = STYLE_IDS.get(paragraph.role)
    if head and rest:
        # A run-in heading: a body paragraph whose heading words carry the heading's font;
        # no outline level and no keep-with-next, so it flows like any paragraph.
        ppr = w("pPr", w("keepNext") if keep_next else None)
        return w("p", ppr if len(ppr) else None, run(head, w("rStyle", val=RUN_IN_STYLES[paragraph.role])),
                 run(rest))
    ppr = w("pPr", w("pStyle", val=style) if style else None, w("keepNext") if keep_next else None)
    text = "\n".join(o.title_lines(paragraph.text)) if paragraph.role == TITLE else paragraph.text
    return w("p", ppr if len(ppr) else None, run(text))


def signature_element(paragraph: Paragraph, right_chars: float, first: bool):
    """A signature line, right-aligned; the first has a blank line above and keeps with the date."""
    ppr = w("pPr", w("pStyle", val=STYLE_IDS[SIGNATURE]),
            w("keepNext") if first else None,
            w("spacing", before=round(o.LINE_PT * 20)) if first else None,
            w("ind", rightChars=round(right_chars * 100), right=round(right_chars * o.BODY_PT * 20),
              firstLineChars=0, firstLine=0))
    return w("p", ppr, run(paragraph.text))


def _borders(tag: str):
    return w(tag, *(w(side, val="single", sz=4, space=0, color="000000")
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV")))


def table_element(table: Table):
    """A table with gridSpan and vMerge exactly as the layout's cells span."""
    grid = table.grid()
    size_pt, widths_mm = o.table_metrics(table)
    widths = [twips(x) for x in widths_mm]
    size = half_points(size_pt)
    padding = twips(o.CELL_PADDING_MM)
    tbl = w("tbl",
            w("tblPr", w("tblW", w=sum(widths), type="dxa"), w("jc", val="center"), _borders("tblBorders"),
              w("tblLayout", type="fixed"),
              w("tblCellMar", w("top", w=0, type="dxa"), w("left", w=padding, type="dxa"),
                w("bottom", w=0, type="dxa"), w("right", w=padding, type="dxa")),
              w("tblLook", val="0000")),
            w("tblGrid", *(w("gridCol", w=x) for x in widths)))
    # Which cell covers each position, to write vMerge continuations below a tall cell.
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r, line in enumerate(grid):
        for c, cell in enumerate(line):
            if cell is not None:
                for dr in range(cell.row_span):
                    for dc in range(cell.col_span):
                        origin[(r + dr, c + dc)] = (r, c)
    keep = rows_kept_with_next(table, grid)
    for r, line in enumerate(grid):
        tr = w("tr", w("trPr", w("cantSplit"), w("tblHeader") if r < table.header_rows else None,
                       w("jc", val="center")))
        for c, cell in enumerate(line):
            if cell is not None:
                tr.append(cell_element(cell.text, widths[c:c + cell.col_span], cell.col_span,
                                       "restart" if cell.row_span > 1 else None, size, r in keep,
                                       "top" if tall_label(cell, r, table) else "center"))
                continue
            start = origin.get((r, c))
            if start is None or start[1] != c or start[0] == r:
                continue  # covered from the left: gridSpan of the cell that starts there
            above = grid[start[0]][start[1]]
            assert above is not None  # origin only holds positions where a cell starts
            tr.append(cell_element("", widths[c:c + above.col_span], above.col_span, "continue", size, r in keep))
        tbl.append(tr)
    return tbl


def rows_kept_with_next(table: Table, grid: list[list[Cell | None]]) -> set[int]:
    """Rows a page must not break after: inside each 第二十条 block of table 二, all of a small
    table, the column headers of a large one (they repeat, but not alone), and every merged label
    of a large one. Word cannot repeat a merged label on the next page, so a break inside one
    leaves its words split over two pages ("三、本年度办" | "理结果"): a short merge is kept whole;
    a tall one breaks only below the first merge nested in it, and prints its words at its top."""
    n = len(table.rows)
    sections = {r for r, row in enumerate(table.rows) if row and row[0].role == "section"}
    if sections or n <= 6:
        return {r for r in range(n - 1) if r + 1 not in sections}
    keep = set(range(min(table.header_rows + 1, n - 1)))
    for first, last in merged_label_rows(table, grid):
        keep.update(range(first, last))
    return keep


def merged_label_rows(table: Table, grid: list[list[Cell | None]]) -> list[tuple[int, int]]:
    """(first, last) rows to keep on one page for each label merged down below the header rows."""
    starts = [(r, r + cell.row_span - 1) for r, line in enumerate(grid) if r >= table.header_rows
              for cell in line if cell is not None and cell.row_span > 1]
    out = []
    for first, last in starts:
        if last - first + 1 > TALL_LABEL_ROWS:
            nested = [end for start, end in starts if first <= start <= last and (start, end) != (first, last)]
            last = min(nested, default=first + 3)
        out.append((first, last))
    return out


def tall_label(cell, row: int, table: Table) -> bool:
    """A merged label that may break across pages: its words go at its top, on the first page."""
    return row >= table.header_rows and cell.row_span > TALL_LABEL_ROWS


def _size(half_pts: int) -> tuple:
    return w("sz", val=half_pts), w("szCs", val=half_pts)


def cell_element(text: str, widths: list[int], span: int, vmerge: str | None, size: int, keep_next: bool = False,
                 valign: str = "center"):
    tc_pr = w("tcPr", w("tcW", w=sum(widths), type="dxa"), w("gridSpan", val=span) if span > 1 else None,
              w("vMerge", val="restart") if vmerge == "restart" else w("vMerge") if vmerge == "continue" else None,
              w("vAlign", val=valign))
    ppr = w("pPr", w("pStyle", val=TABLE_TEXT_STYLE), w("keepNext") if keep_next else None, w("rPr", *_size(size)))
    paragraph = w("p", ppr, run(text, *_size(size)) if text else None)
    return w("tc", tc_pr, paragraph)


# ---- styles -----------------------------------------------------------------


def fonts_element(name: str):
    return w("rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name)


def _first_line_indent(chars: int, pt: float):
    return w("ind", firstLineChars=chars * 100, firstLine=round(chars * pt * 20))


def _no_indent():
    return w("ind", firstLineChars=0, firstLine=0)


def title_is_bold(font_set: str) -> bool:
    """A title face that is not heavy by design (宋体 standing in for 小标宋) is set bold."""
    return fonts.font_name(fonts.TITLE, font_set) not in fonts.HEAVY_TITLE_FACES


def styles_element(font_set: str):
    """The whole styles part: document defaults, Normal and one style per paragraph role."""
    def name(role):
        return fonts.font_name(role, font_set)

    body_pt = half_points(o.BODY_PT)
    line = round(o.LINE_PT * 20)
    condensed = round(o.BODY_CHAR_SPACING_PT * 20)

    def paragraph_style(style_id, style_name, ppr, rpr, outline=None, next_style="Normal"):
        return w("style", w("name", val=style_name), w("basedOn", val="Normal"), w("next", val=next_style),
                 w("qFormat"), w("pPr", *ppr, w("outlineLvl", val=outline) if outline is not None else None),
                 w("rPr", *rpr), type="paragraph", styleId=style_id)

    def character_style(style_id, style_name, rpr):
        return w("style", w("name", val=style_name), w("basedOn", val="DefaultParagraphFont"), w("qFormat"),
                 w("rPr", *rpr), type="character", styleId=style_id)

    title_size = half_points(o.TITLE_PT)
    page_number_size = half_points(o.PAGE_NUMBER_PT)

    def bold():  # fresh elements each time: an lxml element has one parent
        return w("b"), w("bCs")

    return w(
        "styles",
        w("docDefaults",
          w("rPrDefault", w("rPr", fonts_element(name(fonts.BODY)), w("kern", val=2), *_size(body_pt),
                            w("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))),
          w("pPrDefault", w("pPr", w("widowControl", val=0), w("jc", val="both")))),
        w("style", w("name", val="Normal"), w("qFormat"),
          w("pPr", w("spacing", before=0, after=0, line=line, lineRule="exact"),
            _first_line_indent(o.FIRST_LINE_INDENT_CHARS, o.BODY_PT), w("jc", val="both")),
          w("rPr", fonts_element(name(fonts.BODY)), w("spacing", val=condensed), *_size(body_pt)),
          type="paragraph", default=1, styleId="Normal"),
        w("style", w("name", val="Default Paragraph Font"), w("uiPriority", val=1), w("semiHidden"),
          w("unhideWhenUsed"), type="character", default=1, styleId="DefaultParagraphFont"),
        w("style", w("name", val="Normal Table"), w("uiPriority", val=99), w("semiHidden"), w("unhideWhenUsed"),
          w("tblPr", w("tblInd", w=0, type="dxa"),
            w("tblCellMar", w("top", w=0, type="dxa"), w("left", w=108, type="dxa"),
              w("bottom", w=0, type="dxa"), w("right", w=108, type="dxa"))),
          type="table", default=1, styleId="TableNormal"),
        w("style", w("name", val="No List"), w("uiPriority", val=99), w("semiHidden"), w("unhideWhenUsed"),
          type="numbering", default=1, styleId="NoList"),
        paragraph_style("Title", "Title",
                        [w("keepNext"), w("spacing", before=0, after=line, line=round(o.TITLE_LINE_PT * 20),
                                          lineRule="exact"), _no_indent(), w("jc", val="center")],
                        [fonts_element(name(fonts.TITLE)), *(bold() if title_is_bold(font_set) else ()),
                         w("spacing", val=0), *_size(title_size)]),
        paragraph_style("Subtitle", "Subtitle", [_no_indent(), w("jc", val="center")],
                        [fonts_element(name(fonts.KAI))]),
        paragraph_style("Heading1", "heading 1", [w("keepNext")], [fonts_element(name(fonts.HEI))], outline=0),
        paragraph_style("Heading2", "heading 2", [w("keepNext")], [fonts_element(name(fonts.KAI))], outline=1),
        paragraph_style("Heading3", "heading 3", [w("keepNext")], [fonts_element(name(fonts.BODY)), *bold()],
                        outline=2),
        paragraph_style("Signature", "Signature",
                        [w("ind", firstLineChars=0, firstLine=0, rightChars=200, right=round(2 * o.BODY_PT * 20)),
                         w("jc", val="right")], []),
        paragraph_style("Caption", "caption", [_no_indent(), w("jc", val="center")], []),
        paragraph_style(TABLE_TEXT_STYLE, "表格文字",
                        [w("spacing", before=0, after=0, line=round(240 * o.TABLE_LINE_FACTOR), lineRule="auto"),
                         _no_indent(), w("jc", val="center")],
                        [w("spacing", val=0), *_size(21)], next_style=TABLE_TEXT_STYLE),
        paragraph_style(FOOTER_STYLE, "footer", [w("spacing", line=240, lineRule="auto"), _no_indent()],
                        [fonts_element(name(fonts.SONG)), w("spacing", val=0), *_size(page_number_size)],
                        next_style=FOOTER_STYLE),
        # The heading words of a run-in heading: 楷体 for "（一）…", bold 仿宋 for "1.…".
        character_style(RUN_IN_STYLES[HEADING2], "标题 2 字符", [fonts_element(name(fonts.KAI))]),
        character_style(RUN_IN_STYLES[HEADING3], "标题 3 字符", [fonts_element(name(fonts.BODY)), *bold()]),
    )


def _replace_styles(word, font_set: str) -> None:
    styles = word.styles.element
    fresh = styles_element(font_set)
    for child in list(styles):
        styles.remove(child)
    for child in list(fresh):
        styles.append(child)


def font_table_element(font_set: str):
    """The fonts the document names, with charset GB2312 and the stock-Windows twin as altName,
    so Word substitutes 仿宋 for a missing 仿宋_GB2312 rather than a Latin default."""
    table = w("fonts")
    seen = set()
    for role in (fonts.BODY, fonts.TITLE, fonts.KAI, fonts.HEI, fonts.SONG):
        name = fonts.font_name(role, font_set)
        if name in seen:
            continue
        seen.add(name)
        alt = fonts.font_name(role, fonts.WINDOWS)
        table.append(w("font", w("altName", val=alt) if alt != name else None, w("charset", val=86),
                       w("family", val="modern"), w("pitch", val="fixed"), name=name))
    return table


def font_table_xml(font_set: str) -> bytes:
    return etree.tostring(font_table_element(font_set), xml_declaration=True, encoding="UTF-8", standalone=True)


def _replace_font_table(word, font_set: str) -> None:
    """A new font-table part in place of the template's (python-docx keeps it as opaque bytes)."""
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype.endswith("/fontTable"):
            old = rel.target_part
            word.part.drop_rel(rid)
            fresh = Part(old.partname, old.content_type, font_table_xml(font_set), old.package)
            word.part.relate_to(fresh, rel.reltype)


def _drop_template_leftovers(word) -> None:
    """python-docx's template carries a Word 2010 style copy (Calibri) and a thumbnail picture."""
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            word.part.drop_rel(rid)
    package_rels = word.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]
    settings = word.settings.element
    for child in list(settings):
        if child.tag == qn("w:savePreviewPicture"):
            settings.remove(child)
        elif child.tag == qn("w:themeFontLang"):
            child.set(qn("w:eastAsia"), "zh-CN")


# ---- page -------------------------------------------------------------------


def _set_section(word) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(o.PAGE_WIDTH_MM), Mm(o.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(o.MARGIN_TOP_MM), Mm(o.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(o.MARGIN_LEFT_MM), Mm(o.MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    # The page number's line sits 7 mm below the type area (GB/T 9704 §7.5): the footer's
    # bottom is the number's height (四号, about 5 mm) lower still.
    section.footer_distance = Mm(o.MARGIN_BOTTOM_MM - o.PAGE_NUMBER_GAP_MM - o.PAGE_NUMBER_PT / 72 * 25.4)
    grid = word.element.body.sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(round(o.LINE_PT * 20)))


def footer_paragraph(align: str):
    """ "— N —" with a PAGE field, one character in from the outer edge."""
    indent = round(o.PAGE_NUMBER_PT * 20)
    side = {"right": indent} if align == "right" else {"left": indent}
    dash = o.PAGE_NUMBER_DASH
    return w("p",
             w("pPr", w("pStyle", val=FOOTER_STYLE), w("ind", firstLine=0, firstLineChars=0, **side),
               w("jc", val=align)),
             run(f"{dash} "),
             w("r", w("fldChar", fldCharType="begin")),
             w("r", text_element(" PAGE ", "instrText")),
             w("r", w("fldChar", fldCharType="separate")),
             run("1"),
             w("r", w("fldChar", fldCharType="end")),
             run(f" {dash}"))


def footer_element(footer):
    """The ``w:ftr`` element of a python-docx footer: the one private attribute this writer
    reads (``_element``; python-docx has no public handle on it). tests/formats/writers/
    test_docx.py fails if a python-docx release renames it."""
    return footer._element


def _set_footers(word) -> None:
    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        element = footer_element(footer)
        for child in list(element):
            element.remove(child)
        element.append(footer_paragraph(align))


def _set_properties(word, document: Document) -> None:
    props = word.core_properties
    props.title = document.properties.get("title", "")
    props.author = document.properties.get("author", "")
    props.last_modified_by = document.properties.get("author", "")
    props.subject = "政府信息公开工作年度报告"
    props.keywords = "政府信息公开"
    props.comments = document.properties.get("generator", "")
    props.category = ""
    props.revision = 1
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
