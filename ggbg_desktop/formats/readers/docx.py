"""Word (.docx) reader: paragraphs with their list numbering, tables with horizontal and vertical merges."""

from __future__ import annotations

from ...errors import ImportRefused
from ..document import MAX_TABLE_COLUMNS, Cell, Document, Paragraph, Table, bounded_span
from .package import Package
from .wordnumbering import W, Numbering

_W = f"{{{W}}}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC = "{http://purl.org/dc/elements/1.1/}"

# Inline containers whose runs are part of the paragraph's text.
_INLINE = {_W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_SDT = _W + "sdt"
_TEXT_BOX = _W + "txbxContent"
# Word stores a text box twice: the drawing (mc:Choice) and a VML copy for old readers (mc:Fallback).
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SDT_CONTENT = _W + "sdtContent"


def read(data: bytes, *, name: str) -> Document:
    """Read a .docx into paragraphs and tables; headers, footers, notes and text boxes are left out."""
    package = Package(data, "Word 文档", name)
    main = _main_part(package)
    if main is None:
        raise ImportRefused(f"“{name}”不是 Word 文档（缺少正文部分），请确认文件类型")
    root = package.xml(main)
    body = root.find(_W + "body")
    if body is None:
        raise ImportRefused(f"“{name}”的正文为空或已损坏")
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    numbering_root = package.xml(folder + "numbering.xml") if package.has(folder + "numbering.xml") else None
    styles_root = package.xml(folder + "styles.xml") if package.has(folder + "styles.xml") else None
    reader = _BodyReader(Numbering(numbering_root, styles_root))
    document = Document(properties={"source_format": "docx"})
    document.blocks = reader.blocks(body)
    if package.has("docProps/core.xml"):
        core = package.xml("docProps/core.xml")
        title = core.findtext(_DC + "title")
        if title and title.strip():
            document.properties["title"] = title.strip()
        description = core.findtext(_DC + "description")  # Word's 备注 (comments)
        if description and description.strip():
            document.properties["generator"] = description.strip()
    return document


def _main_part(package: Package) -> str | None:
    if package.has("_rels/.rels"):
        for rel in package.xml("_rels/.rels").iter(_REL + "Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if package.has(target):
                    return target
    return "word/document.xml" if package.has("word/document.xml") else None


def _children(container):
    """Block-level children, looking through content controls and custom XML."""
    for child in container:
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        elif child.tag == _W + "customXml":
            yield from _children(child)
        else:
            yield child


class _BodyReader:
    def __init__(self, numbering: Numbering):
        self.numbering = numbering

    def blocks(self, container) -> list:
        out: list = []
        for child in _children(container):
            if child.tag == _W + "p":
                out.extend(self.text_boxes(child))
                out.append(self.paragraph(child))
            elif child.tag == _W + "tbl":
                if _is_layout_table(child):
                    out.extend(self.layout_blocks(child))
                else:
                    out.append(self.table(child))
        return out

    def text_boxes(self, p) -> list:
        """Paragraphs and tables of the text boxes anchored in a paragraph (a 红头 title often is one),
        in front of the paragraph's own text."""
        out: list = []
        for box in p.iter(_TEXT_BOX):
            if any(a.tag == _FALLBACK for a in box.iterancestors()) or any(
                    a.tag == _TEXT_BOX for a in box.iterancestors()):
                continue  # the old-reader copy, or a box inside a box (read with its parent)
            out.extend(self.blocks(box))
        return out

    def layout_blocks(self, tbl) -> list:
        """A table used for page layout: its cells' paragraphs and tables, row by row."""
        out: list = []
        for tr in _children(tbl):
            if tr.tag == _W + "tr":
                for tc in _children(tr):
                    if tc.tag == _W + "tc":
                        out.extend(self.blocks(tc))
        return out

    def paragraph(self, p) -> Paragraph:
        parts: list[str] = []
        self._inline(p, parts)
        text = "".join(parts).strip()
        numbering = self.numbering.label(p.find(_W + "pPr"))
        return Paragraph(text, numbering=numbering if text or numbering else "")

    def _inline(self, element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == _W + "r":
                for piece in child:
                    ptag = piece.tag
                    if ptag == _W + "t":
                        parts.append(piece.text or "")
                    elif ptag in (_W + "tab", _W + "ptab"):
                        parts.append(" ")
                    elif ptag in (_W + "br", _W + "cr"):
                        parts.append("\n")
                    elif ptag == _W + "noBreakHyphen":
                        parts.append("-")
            elif tag in _INLINE:
                self._inline(child, parts)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._inline(content, parts)

    def table(self, tbl) -> Table:
        raw_rows = []
        for tr in _children(tbl):
            if tr.tag != _W + "tr":
                continue
            trpr = tr.find(_W + "trPr")
            # Spans are cut to a table's width here already: col += 2 000 000 000 would otherwise carry on.
            before = min(MAX_TABLE_COLUMNS, max(0, _int_val(trpr, "gridBefore", 0)))
            cells = []
            col = before
            for tc in _children(tr):
                if tc.tag != _W + "tc":
                    continue
                tcpr = tc.find(_W + "tcPr")
                span = bounded_span(_int_val(tcpr, "gridSpan", 1), MAX_TABLE_COLUMNS)
                vmerge = None
                if tcpr is not None and (vm := tcpr.find(_W + "vMerge")) is not None:
                    vmerge = "restart" if vm.get(_W + "val") == "restart" else "continue"
                cells.append((col, span, vmerge, self.cell_text(tc)))
                col += span
            raw_rows.append((before, cells))
        rows: list[list[Cell]] = []
        open_cells: dict[int, Cell] = {}  # grid column → the cell a vertical merge started
        for before, cells in raw_rows:
            row: list[Cell] = []
            if before:
                row.append(Cell("", col_span=before))
            seen = set()
            for col, span, vmerge, text in cells:
                seen.add(col)
                if vmerge == "continue" and col in open_cells:
                    open_cells[col].row_span += 1
                    continue
                cell = Cell(text, col_span=span)
                row.append(cell)
                if vmerge == "restart":
                    open_cells[col] = cell
                else:
                    open_cells.pop(col, None)
            for col in [c for c in open_cells if c not in seen]:
                del open_cells[col]
            rows.append(row)
        return Table(rows=rows)

    def cell_text(self, tc) -> str:
        lines: list[str] = []
        for block in self.blocks(tc):
            if isinstance(block, Paragraph):
                if block.full_text:
                    lines.append(block.full_text)
            else:
                for row in block.rows:
                    lines.append(" ".join(c.text for c in row if c.text))
        return "\n".join(lines)


# A cell with more text than this holds paragraphs of the report, not a label or a figure.
LAYOUT_CELL_CHARS = 300


def _is_layout_table(tbl) -> bool:
    """True for a table that lays out the page (the whole report in a cell, tables nested in it)
    rather than being one of the report's tables."""
    for tc in tbl.iter(_W + "tc"):
        if tc.find(".//" + _W + "tbl") is not None:
            return True
        if sum(len(t.text or "") for t in tc.iter(_W + "t")) > LAYOUT_CELL_CHARS:
            return True
    return False


def _int_val(parent, name: str, default: int) -> int:
    if parent is None:
        return default
    el = parent.find(_W + name)
    if el is None:
        return default
    try:
        return int(el.get(_W + "val", default))
    except (TypeError, ValueError):
        return default
