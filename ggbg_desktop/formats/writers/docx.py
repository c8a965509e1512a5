"""Word (.docx) in the official layout of GB/T 9704: styles, tables with merges, page numbers."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from html import escape as _html_escape

from ...report.model import Report
from .. import fonts
from ..document import (HEADING1, HEADING2, HEADING3, SIGNATURE, SUBTITLE, TITLE, CAPTION,
                        Document, Paragraph, Table)
from ..layout import heading_split, layout
from . import official as o

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'

STYLE_IDS = {TITLE: "Title", SUBTITLE: "Subtitle", HEADING1: "Heading1", HEADING2: "Heading2",
             HEADING3: "Heading3", SIGNATURE: "Signature", CAPTION: "Caption"}
TABLE_TEXT_STYLE = "TableText"
FOOTER_STYLE = "Footer"


def escape(text: str) -> str:
    """Text for XML element content. (xml.sax.saxutils would do, but importing it pulls in
    urllib.request, http.client and email: a third of a ``ggbg convert``'s start-up.)"""
    return _html_escape(text, quote=False)


def quoteattr(text: str) -> str:
    """A double-quoted XML attribute value."""
    return f'"{_html_escape(text, quote=True)}"'


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def half_points(pt: float) -> int:
    return round(pt * 2)


def export(report: Report, options) -> bytes:
    """The report as a .docx file's bytes."""
    return write(layout(report, options), options)


def write(document: Document, options) -> bytes:
    import docx  # python-docx, imported only when a Word file is written

    font_set = getattr(options, "font_set", fonts.OFFICIAL)
    word = docx.Document()
    _drop_template_leftovers(word)
    _replace_styles(word, font_set)
    _replace_font_table(word, font_set)
    _set_section(word)
    body = word.element.body
    sect_pr = body[-1]
    for child in list(body)[:-1]:
        body.remove(child)
    for element in _parse_blocks(document.blocks):
        sect_pr.addprevious(element)
    _set_footers(word)
    _set_properties(word, document)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# ---- body -------------------------------------------------------------------


def _parse_blocks(blocks) -> list:
    from docx.oxml import parse_xml

    signature = [b for b in blocks if isinstance(b, Paragraph) and b.role == SIGNATURE]
    indents = dict(zip(map(id, signature), o.signature_right_indents([b.text for b in signature])))
    parts = []
    for block in blocks:
        if isinstance(block, Table):
            parts.append(table_xml(block))
        elif block.role == SIGNATURE:
            parts.append(signature_xml(block, indents[id(block)], first=block is signature[0]))
        else:
            parts.append(paragraph_xml(block))
    wrapper = parse_xml(f"<w:body {_NSDECL}>{''.join(parts)}</w:body>")
    return list(wrapper)


def _run(text: str, rpr: str = "") -> str:
    lines = text.split("\n")
    inner = '<w:br/>'.join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{inner}</w:r>"


def paragraph_xml(paragraph: Paragraph) -> str:
    style = STYLE_IDS.get(paragraph.role)
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    head, rest = heading_split(paragraph)
    if head:
        # The heading's own words in the style's font, the sentence after it in 仿宋.
        runs = _run(head) + (_run(rest, '<w:rStyle w:val="BodyText"/>') if rest else "")
    elif paragraph.role == TITLE:
        runs = _run("\n".join(o.title_lines(paragraph.text)))
    else:
        runs = _run(paragraph.text)
    return f"<w:p>{ppr}{runs}</w:p>"


def signature_xml(paragraph: Paragraph, right_chars: float, first: bool) -> str:
    """A signature line, right-aligned; the first has a blank line above and keeps with the date."""
    ppr = f'<w:pStyle w:val="{STYLE_IDS[SIGNATURE]}"/>'
    if first:
        ppr += f'<w:keepNext/><w:spacing w:before="{round(o.LINE_PT * 20)}"/>'
    ppr += (f'<w:ind w:rightChars="{round(right_chars * 100)}" w:right="{round(right_chars * o.BODY_PT * 20)}"'
            ' w:firstLineChars="0" w:firstLine="0"/>')
    return f"<w:p><w:pPr>{ppr}</w:pPr>{_run(paragraph.text)}</w:p>"


def _borders(tag: str) -> str:
    sides = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f"<w:{tag}>{sides}</w:{tag}>"


def table_xml(table: Table) -> str:
    """A table with gridSpan and vMerge exactly as the layout's cells span."""
    grid = table.grid()
    n_cols = len(grid[0]) if grid else 0
    widths = [twips(w) for w in o.column_widths_mm(table.key, n_cols)]
    size = half_points(o.TABLE_PT.get(table.key or "", 10.5))
    rpr = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    padding = twips(o.CELL_PADDING_MM)
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>',
        _borders("tblBorders"),
        '<w:tblLayout w:type="fixed"/>',
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{padding}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{padding}" w:type="dxa"/></w:tblCellMar>',
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    # Which cell covers each position, to write vMerge continuations below a tall cell.
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r, line in enumerate(grid):
        for c, cell in enumerate(line):
            if cell is not None:
                for dr in range(cell.row_span):
                    for dc in range(cell.col_span):
                        origin[(r + dr, c + dc)] = (r, c)
    keep = rows_kept_with_next(table)
    for r, line in enumerate(grid):
        header = '<w:tblHeader/>' if r < table.header_rows else ""
        out.append(f'<w:tr><w:trPr><w:cantSplit/>{header}<w:jc w:val="center"/></w:trPr>')
        for c, cell in enumerate(line):
            if cell is not None:
                out.append(_cell_xml(cell.text, widths[c:c + cell.col_span], cell.col_span,
                                     "restart" if cell.row_span > 1 else None, rpr, r in keep))
                continue
            start = origin.get((r, c))
            if start is None or start[1] != c or start[0] == r:
                continue  # covered from the left: gridSpan of the cell that starts there
            above = grid[start[0]][start[1]]
            out.append(_cell_xml("", widths[c:c + above.col_span], above.col_span, "continue", rpr,
                                 r in keep))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def rows_kept_with_next(table: Table) -> set[int]:
    """Rows a page must not break after: inside each 第二十条 block of table 二, all of a
    small table, and the column headers of a large one (they repeat, but not alone)."""
    n = len(table.rows)
    sections = {r for r, row in enumerate(table.rows) if row and row[0].role == "section"}
    if sections or n <= 6:
        return {r for r in range(n - 1) if r + 1 not in sections}
    return set(range(min(table.header_rows + 1, n - 1)))


def _cell_xml(text: str, widths: list[int], span: int, vmerge: str | None, rpr: str,
              keep_next: bool = False) -> str:
    props = [f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        props.append("<w:vMerge/>")
    props.append('<w:vAlign w:val="center"/>')
    run = _run(text, rpr) if text else ""
    keep = "<w:keepNext/>" if keep_next else ""
    return (f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{TABLE_TEXT_STYLE}\"/>"
            f"{keep}<w:rPr>{rpr}</w:rPr></w:pPr>{run}</w:p></w:tc>")


# ---- styles -----------------------------------------------------------------


def _fonts_xml(name: str) -> str:
    n = quoteattr(name)
    return f"<w:rFonts w:ascii={n} w:hAnsi={n} w:eastAsia={n} w:cs={n}/>"


def _indent_first_line(chars: int, pt: float) -> str:
    return f'<w:ind w:firstLineChars="{chars * 100}" w:firstLine="{round(chars * pt * 20)}"/>'


def styles_xml(font_set: str) -> str:
    """The whole styles part: document defaults, Normal and one style per paragraph role."""
    name = lambda role: fonts.font_name(role, font_set)  # noqa: E731
    body_pt = half_points(o.BODY_PT)
    line = round(o.LINE_PT * 20)
    condensed = round(o.BODY_CHAR_SPACING_PT * 20)
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'

    def paragraph_style(style_id, style_name, ppr, rpr, outline=None, next_style="Normal"):
        level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_name}"/>'
                f'<w:basedOn w:val="Normal"/><w:next w:val="{next_style}"/><w:qFormat/>'
                f"<w:pPr>{ppr}{level}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")

    return "".join([
        f'<w:styles {_NSDECL}>',
        "<w:docDefaults><w:rPrDefault><w:rPr>", _fonts_xml(name(fonts.BODY)),
        f'<w:kern w:val="2"/><w:sz w:val="{body_pt}"/><w:szCs w:val="{body_pt}"/>',
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>',
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>',
        "</w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>',
        _indent_first_line(o.FIRST_LINE_INDENT_CHARS, o.BODY_PT), '<w:jc w:val="both"/></w:pPr>',
        f"<w:rPr>{_fonts_xml(name(fonts.BODY))}<w:spacing w:val=\"{condensed}\"/>",
        f'<w:sz w:val="{body_pt}"/><w:szCs w:val="{body_pt}"/></w:rPr></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        paragraph_style(
            "Title", "Title",
            f'<w:keepNext/><w:spacing w:before="0" w:after="{line}" w:line="{round(o.TITLE_LINE_PT * 20)}" '
            f'w:lineRule="exact"/>{no_indent}<w:jc w:val="center"/>',
            f'{_fonts_xml(name(fonts.TITLE))}<w:spacing w:val="0"/><w:sz w:val="{half_points(o.TITLE_PT)}"/>'
            f'<w:szCs w:val="{half_points(o.TITLE_PT)}"/>'),
        paragraph_style("Subtitle", "Subtitle", f'{no_indent}<w:jc w:val="center"/>',
                        _fonts_xml(name(fonts.KAI))),
        paragraph_style("Heading1", "heading 1", "<w:keepNext/>", _fonts_xml(name(fonts.HEI)), outline=0),
        paragraph_style("Heading2", "heading 2", "<w:keepNext/>", _fonts_xml(name(fonts.KAI)), outline=1),
        paragraph_style("Heading3", "heading 3", "", f"{_fonts_xml(name(fonts.BODY))}<w:b/><w:bCs/>",
                        outline=2),
        paragraph_style("Signature", "Signature",
                        f'<w:ind w:firstLineChars="0" w:firstLine="0" w:rightChars="200" '
                        f'w:right="{round(2 * o.BODY_PT * 20)}"/><w:jc w:val="right"/>', ""),
        paragraph_style("Caption", "caption", f'{no_indent}<w:jc w:val="center"/>', ""),
        paragraph_style(TABLE_TEXT_STYLE, "表格文字",
                        f'<w:spacing w:before="0" w:after="0" w:line="{round(240 * o.TABLE_LINE_FACTOR)}" '
                        f'w:lineRule="auto"/>{no_indent}<w:jc w:val="center"/>',
                        f'<w:spacing w:val="0"/><w:sz w:val="21"/><w:szCs w:val="21"/>',
                        next_style=TABLE_TEXT_STYLE),
        paragraph_style(FOOTER_STYLE, "footer",
                        f'<w:spacing w:line="240" w:lineRule="auto"/>{no_indent}',
                        f'{_fonts_xml(name(fonts.SONG))}<w:spacing w:val="0"/>'
                        f'<w:sz w:val="{half_points(o.PAGE_NUMBER_PT)}"/>'
                        f'<w:szCs w:val="{half_points(o.PAGE_NUMBER_PT)}"/>', next_style=FOOTER_STYLE),
        # The sentence after a run-in heading: back to the body font, not bold.
        '<w:style w:type="character" w:styleId="BodyText"><w:name w:val="正文文字"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{_fonts_xml(name(fonts.BODY))}'
        '<w:b w:val="0"/><w:bCs w:val="0"/></w:rPr></w:style>',
        "</w:styles>",
    ])


def _replace_styles(word, font_set: str) -> None:
    from docx.oxml import parse_xml

    styles = word.styles.element
    fresh = parse_xml(styles_xml(font_set))
    for child in list(styles):
        styles.remove(child)
    for child in list(fresh):
        styles.append(child)


def font_table_xml(font_set: str) -> bytes:
    """The fonts the document names, with charset GB2312 and the stock-Windows twin as altName,
    so Word substitutes 仿宋 for a missing 仿宋_GB2312 rather than a Latin default."""
    entries = []
    seen = set()
    for role in (fonts.BODY, fonts.TITLE, fonts.KAI, fonts.HEI, fonts.SONG):
        name = fonts.font_name(role, font_set)
        if name in seen:
            continue
        seen.add(name)
        alt = fonts.font_name(role, fonts.WINDOWS)
        alt_xml = f"<w:altName w:val={quoteattr(alt)}/>" if alt != name else ""
        entries.append(f'<w:font w:name={quoteattr(name)}>{alt_xml}<w:charset w:val="86"/>'
                       f'<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>')
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f"<w:fonts {_NSDECL}>{''.join(entries)}</w:fonts>")
    return xml.encode("utf-8")


def _replace_font_table(word, font_set: str) -> None:
    for rel in word.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = font_table_xml(font_set)


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
        tag = child.tag.split("}")[1]
        if tag == "savePreviewPicture":
            settings.remove(child)
        elif tag == "themeFontLang":
            child.set(f"{{{W_NS}}}eastAsia", "zh-CN")


# ---- page -------------------------------------------------------------------


def _set_section(word) -> None:
    from docx.shared import Mm

    section = word.sections[0]
    section.page_width, section.page_height = Mm(o.PAGE_WIDTH_MM), Mm(o.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(o.MARGIN_TOP_MM), Mm(o.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(o.MARGIN_LEFT_MM), Mm(o.MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    # The page number's line sits 7 mm below the type area (GB/T 9704 §7.5).
    section.footer_distance = Mm(o.MARGIN_BOTTOM_MM - o.PAGE_NUMBER_GAP_MM - 5)
    for child in section._sectPr:
        if child.tag == f"{{{W_NS}}}docGrid":
            child.set(f"{{{W_NS}}}linePitch", str(round(o.LINE_PT * 20)))


def footer_paragraph_xml(align: str) -> str:
    """ "— N —" with a PAGE field, one character in from the outer edge."""
    indent = round(o.PAGE_NUMBER_PT * 20)
    side = "right" if align == "right" else "left"
    dash = escape(o.PAGE_NUMBER_DASH)
    return (f'<w:p {_NSDECL}><w:pPr><w:pStyle w:val="{FOOTER_STYLE}"/>'
            f'<w:ind w:{side}="{indent}" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="{align}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r></w:p>')


def _set_footers(word) -> None:
    from docx.oxml import parse_xml

    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        element = footer._element
        for child in list(element):
            element.remove(child)
        element.append(parse_xml(footer_paragraph_xml(align)))


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
