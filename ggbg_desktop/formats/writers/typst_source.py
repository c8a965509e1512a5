"""The official layout as Typst input: one fixed template, the document passed to it as JSON data.

The clerk's text never becomes Typst markup: :func:`document_data` turns the layout into
plain JSON, the template reads it with ``json(bytes(sys.inputs.document))`` and places every
string as content, so "#", "$", "*", "_", "@", "<" or a backslash print literally.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

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
from ...report.schema import (
    OVERVIEW_SUBHEADINGS,
    PARTS,
    T3,
    T3_COLUMNS,
    T3_NEW_RECEIVED,
    T3_TOTAL_COLUMN,
    report_title,
)
from ..layout import heading_split
from . import official as o

# The document's input name in ``sys.inputs``.
INPUT = "document"

TEMPLATE = r"""
#let doc = json(bytes(sys.inputs.document))
#let F = doc.fonts
#let G = doc.geometry

#set document(title: doc.title, author: doc.author)
// Every line box is exactly one em high, so the pitch is the em plus the leading: 22 lines a page.
#set text(font: F.body, size: G.body_pt * 1pt, lang: "zh", region: "cn", tracking: G.tracking * 1pt,
          top-edge: 0.88em, bottom-edge: -0.12em, costs: (widow: 10000%, orphan: 10000%), hyphenate: false)
#set par(leading: (G.line_pt - G.body_pt) * 1pt, spacing: (G.line_pt - G.body_pt) * 1pt,
         first-line-indent: (amount: 2em, all: true), justify: true)
#set block(above: (G.line_pt - G.body_pt) * 1pt, below: (G.line_pt - G.body_pt) * 1pt)
#set table(stroke: 0.5pt + black)

#let heading-fonts = (
  "1": (font: F.hei, weight: "regular"),
  "2": (font: F.kai, weight: "regular"),
  "3": (font: F.body, weight: "bold"),
)

#let title-block(b) = block(below: G.line_pt * 1pt, sticky: true, {
  set par(first-line-indent: 0pt, leading: (G.title_line_pt - G.title_pt) * 1pt, justify: false)
  set text(font: F.title, size: G.title_pt * 1pt, tracking: 0pt, weight: if b.bold { "bold" } else { "regular" })
  align(center, b.lines.map(line => [#line]).join(linebreak()))
})

#let heading-block(b) = {
  let f = heading-fonts.at(str(b.level))
  block(sticky: true, breakable: false, par(text(font: f.font, weight: f.weight, b.text)))
}

#let paragraph(b) = {
  if b.head != "" {
    let f = heading-fonts.at(str(b.level))
    par[#text(font: f.font, weight: f.weight, b.head)#b.text]
  } else {
    par(b.text)
  }
}

#let centred(b, font) = par(first-line-indent: 0pt)[#align(center, text(font: font, b.text))]

#let signature(b) = {
  set par(first-line-indent: 0pt, justify: false)
  v(G.line_pt * 1pt, weak: false)
  for (line, indent) in b.lines.zip(b.right) {
    align(right, pad(right: indent * G.body_pt * 1pt, par(line)))
  }
}

// Where each row of a table starts and ends on its page, for the group labels below.
#let row-marks(t, r) = {
  place(top + left, [#metadata((t: t, r: r))<row-top>])
  place(bottom + left, [#metadata((t: t, r: r))<row-bottom>])
}

#let vertical-label(text-content, size, height) = context {
  let upright(pt) = {
    set text(size: pt, tracking: 0pt, top-edge: "cap-height", bottom-edge: "baseline")
    stack(dir: ttb, spacing: 0.3em, ..text-content.clusters().map(ch => [#ch]))
  }
  let natural = measure(upright(size * 1pt)).height
  // Shrunk only where fewer rows than the label's length are left on a page.
  upright(if natural > height { size * 1pt * (height / natural) } else { size * 1pt })
}

// A group label standing beside its rows (表三's label of its result rows), on every page the rows
// reach: drawn in the page foreground over the spanning cell, which is left empty.
#let repeated-group-labels() = context {
  let page-no = here().page()
  let tops = query(<row-top>)
  let bottoms = query(<row-bottom>)
  let pad = G.cell_padding * 1mm
  for t in doc.blocks.filter(b => b.kind == "table" and b.groups.len() > 0) {
    for g in t.groups {
      let in-group(m) = m.value.t == t.id and m.value.r >= g.first and m.value.r <= g.last
      let group-tops = tops.filter(in-group)
      if group-tops.len() == 0 { continue }
      let here-tops = group-tops.filter(m => m.location().page() == page-no)
      let here-bottoms = bottoms.filter(m => in-group(m) and m.location().page() == page-no)
      if here-tops.len() == 0 or here-bottoms.len() == 0 { continue }
      let y0 = calc.min(..here-tops.map(m => m.location().position().y)) - pad
      let y1 = calc.max(..here-bottoms.map(m => m.location().position().y)) + pad
      place(top + left, dx: (G.left + g.x) * 1mm, dy: y0,
            box(width: g.w * 1mm, height: y1 - y0, inset: pad,
                align(center + horizon, vertical-label(g.text, t.size, y1 - y0 - 2 * pad))))
    }
  }
}

// The last paragraph and the signature: the paragraph's last two lines go with the signature,
// so a page break can never leave the signature alone. The paragraph is cut where its first
// lines end (found by measuring), and the two parts keep the body's pitch.
#let closing(b) = layout(size => {
  let pitch = G.line_pt * 1pt
  let leading = (G.line_pt - G.body_pt) * 1pt
  let lines-of(body) = calc.round((measure(block(width: size.width, body)).height + leading) / pitch)
  let chars = b.paragraph.text.clusters()
  let with-text(n) = paragraph((..b.paragraph, text: chars.slice(0, n).join()))
  let total = lines-of(paragraph(b.paragraph))
  if total < 3 {
    block(breakable: false, { paragraph(b.paragraph); signature(b.signature) })
  } else {
    let (lo, hi) = (0, chars.len())
    while lo < hi {
      let mid = calc.ceil((lo + hi) / 2)
      if lines-of(with-text(mid)) <= total - 2 { lo = mid } else { hi = mid - 1 }
    }
    with-text(lo)
    block(breakable: false, {
      par(first-line-indent: 0pt, chars.slice(lo).join())
      signature(b.signature)
    })
  }
})

#let cell(c, size, t) = table.cell(
  rowspan: c.rs, colspan: c.cs, breakable: c.rs > 1,
  align: center + horizon,
  inset: (x: G.cell_padding * 1mm, y: G.cell_padding * 1mm),
  {
    if c.mark { row-marks(t, c.row) }
    set text(size: size * 1pt, tracking: 0pt, top-edge: "cap-height", bottom-edge: "baseline")
    set par(first-line-indent: 0pt, justify: false, leading: 0.45em)
    // A group label is drawn by repeated-group-labels(); its invisible copy makes the rows tall enough.
    if c.group {
      hide(vertical-label(c.text, size, 1000pt))
    } else if c.vertical {
      vertical-label(c.text, size, 1000pt)
    } else { c.text }
  },
)

#let official-table(b) = block(breakable: true, above: G.line_pt * 1pt, below: G.line_pt * 1pt, {
  let header = b.rows.slice(0, b.header_rows)
  let body = b.rows.slice(b.header_rows)
  table(
    columns: b.widths.map(w => w * 1mm),
    ..if header.len() > 0 {
      (table.header(repeat: true, ..header.flatten().map(c => cell(c, b.size, b.id))),)
    },
    ..body.flatten().map(c => cell(c, b.size, b.id)),
  )
})

#set page(
  width: G.page_width * 1mm, height: G.page_height * 1mm,
  margin: (top: G.top * 1mm, bottom: G.bottom * 1mm, left: G.left * 1mm, right: G.right * 1mm),
  footer-descent: G.page_number_gap * 1mm,
  foreground: repeated-group-labels(),
  footer: context {
    let n = counter(page).get().first()
    let number = text(font: F.song, size: G.page_number_pt * 1pt, tracking: 0pt,
                      top-edge: "cap-height", bottom-edge: "baseline")[#G.dash #n #G.dash]
    if calc.odd(n) {
      align(right, pad(right: G.page_number_pt * 1pt, number))
    } else {
      align(left, pad(left: G.page_number_pt * 1pt, number))
    }
  },
)
#for b in doc.blocks {
  if b.kind == "title" { title-block(b) }
  else if b.kind == "heading" { heading-block(b) }
  else if b.kind == "paragraph" { paragraph(b) }
  else if b.kind == "subtitle" { centred(b, F.kai) }
  else if b.kind == "caption" { centred(b, F.body) }
  else if b.kind == "table" { official-table(b) }
  else if b.kind == "closing" { closing(b) }
  else if b.kind == "signature" { block(breakable: false, signature(b)) }
}
"""

_LEVELS = {HEADING1: 1, HEADING2: 2, HEADING3: 3}
# Labels of table 三's first two columns stand vertically, one character a line.
_VERTICAL_COLUMNS = {"t3": (0, 1)}


def family_lists(installed: Iterable[str], font_set: str) -> dict[str, list[str]]:
    """For each font role, the installed families to try, best first (Typst falls back per glyph)."""
    by_lower = {name.lower(): name for name in installed}
    out: dict[str, list[str]] = {}
    for role in (fonts.TITLE, fonts.BODY, fonts.KAI, fonts.HEI, fonts.SONG):
        found = [by_lower[name.lower()] for name in fonts.candidates(role, font_set) if name.lower() in by_lower]
        out[role] = list(dict.fromkeys(found))
    return out


def document_data(document: Document, families: dict[str, list[str]]) -> dict:
    """The layout as the template's JSON data: geometry, fonts and blocks of plain strings."""
    title_face = (families.get(fonts.TITLE) or [""])[0]
    blocks: list[dict] = []
    signature_lines = [b for b in document.blocks if isinstance(b, Paragraph) and b.role == SIGNATURE]
    for block in document.blocks:
        if isinstance(block, Table):
            blocks.append(table_data(block, len(blocks)))
        elif block.role == SIGNATURE:
            continue
        else:
            blocks.append(paragraph_data(block, title_face))
    if signature_lines:
        lines = [p.text for p in signature_lines]
        signature = {"kind": "signature", "lines": lines, "right": o.signature_right_indents(lines)}
        last = blocks[-1] if blocks else None
        if last is not None and last["kind"] == "paragraph":
            blocks[-1] = {"kind": "closing", "paragraph": last, "signature": signature}
        else:
            blocks.append(signature)
    return {
        "title": document.properties.get("title", ""),
        "author": document.properties.get("author", ""),
        "fonts": {role: names or ["Libertinus Serif"] for role, names in families.items()},
        "geometry": geometry(),
        "blocks": blocks,
    }


def geometry() -> dict:
    return {
        "page_width": o.PAGE_WIDTH_MM, "page_height": o.PAGE_HEIGHT_MM,
        "top": o.MARGIN_TOP_MM, "bottom": o.MARGIN_BOTTOM_MM, "left": o.MARGIN_LEFT_MM, "right": o.MARGIN_RIGHT_MM,
        "title_pt": o.TITLE_PT, "title_line_pt": o.TITLE_LINE_PT, "body_pt": o.BODY_PT, "line_pt": o.LINE_PT,
        "tracking": o.BODY_CHAR_SPACING_PT, "page_number_pt": o.PAGE_NUMBER_PT,
        "page_number_gap": o.PAGE_NUMBER_GAP_MM, "dash": o.PAGE_NUMBER_DASH, "cell_padding": o.CELL_PADDING_MM,
    }


def paragraph_data(paragraph: Paragraph, title_face: str = "") -> dict:
    role = paragraph.role
    if role == TITLE:
        return {"kind": "title", "lines": o.title_lines(paragraph.text),
                "bold": title_face not in fonts.HEAVY_TITLE_FACES}
    if role == SUBTITLE:
        return {"kind": "subtitle", "text": paragraph.text}
    if role == CAPTION:
        return {"kind": "caption", "text": paragraph.text}
    level = _LEVELS.get(role)
    if level == 1:
        return {"kind": "heading", "level": 1, "text": paragraph.text}
    if level:
        head, rest = heading_split(paragraph)
        if not rest:  # a heading on its own line stays with what follows
            return {"kind": "heading", "level": level, "text": head}
        return {"kind": "paragraph", "level": level, "head": head, "text": rest}
    return {"kind": "paragraph", "level": 0, "head": "", "text": paragraph.text}


def table_data(table: Table, table_id: int = 0) -> dict:
    size, widths = o.table_metrics(table)
    vertical = _VERTICAL_COLUMNS.get(table.key or "", ())
    rows, groups = [], []
    for r, line in enumerate(table.grid()):
        row: list[dict] = []
        for c, cell in enumerate(line):
            if cell is None:
                continue
            upright = c in vertical and cell.row_span > 2 and cell.col_span == 1
            row.append({"text": cell.text, "rs": max(1, cell.row_span), "cs": max(1, cell.col_span),
                        "vertical": upright, "group": upright and r >= table.header_rows, "row": r,
                        "mark": not row})
            if upright and r >= table.header_rows:
                groups.append({"text": cell.text, "first": r, "last": r + cell.row_span - 1,
                               "x": sum(widths[:c]), "w": widths[c]})
        rows.append(row)
    if not groups:  # no labels to repeat: the rows need no position marks
        for row in rows:
            for cell_data in row:
                cell_data["mark"] = False
    return {"kind": "table", "id": table_id, "key": table.key or "", "widths": list(widths), "size": size,
            "header_rows": table.header_rows, "rows": rows, "groups": groups}


def warm_up_document() -> Document:
    """A page with every kind of block the template sets (title, headings, a run-in heading, body
    text in bold and regular, a table, the signature): typesetting it loads every face a report uses."""
    table = Table(rows=[[Cell("项目", role="header"), Cell(T3_COLUMNS[T3_TOTAL_COLUMN].label, role="header")],
                        [Cell(T3.rows[T3_NEW_RECEIVED].label), Cell("123456", role="value")]],
                  header_rows=1)
    return Document(blocks=[
        Paragraph(report_title("某某县人民政府", 2024), TITLE),
        Paragraph(PARTS[0].heading, HEADING1),
        Paragraph(f"{OVERVIEW_SUBHEADINGS[0]}。本机关依法及时发布政府信息。", HEADING2),
        Paragraph("1. 依申请公开", HEADING3),
        table,
        Paragraph("本年度共收到政府信息公开申请 17 件，均已按期答复。"),
        Paragraph("某某县人民政府", SIGNATURE),
        Paragraph("2025年1月20日", SIGNATURE),
    ], properties={"title": "warm-up"})


def to_json(document: Document, families: dict[str, list[str]]) -> str:
    return json.dumps(document_data(document, families), ensure_ascii=False)

