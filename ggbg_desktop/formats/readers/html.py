"""Web page reader: a saved report page (any charset, or .mht) with navigation and footers set aside."""

from __future__ import annotations

import email
import email.policy
import re

from ...errors import ImportRefused
from ...report.values import find_date
from ..document import Cell, Document, Paragraph, Table
from ..normalize import collapse_spaces
from .text import decode_text

MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 240  # libxml2 stops nesting at 256; a page this deep is not a report
MAX_SPAN = 200
LAYOUT_CELL_LENGTH = 300  # a "table" with cells this long is page layout, not a data table

_SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "canvas",
         "select", "option", "button", "input", "textarea", "map", "area", "link", "meta", "base"}
_NOISE_TAGS = {"nav", "footer", "aside"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main",
          "blockquote", "pre", "center", "dd", "dt", "dl", "tr", "td", "th", "form", "address", "figure",
          "figcaption", "header", "body", "html", "table", "tbody", "thead", "tfoot", "caption", "hr"}
_NOISE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|foot|breadcrumbs?|crumbs?|share|sidebar|copyright|banner|"
    r"topbar|toolbar|location|search|login|bottom|dh|daohang)(?:$|[\s_-])", re.I)
_FOOTER = re.compile(r"footer|foot|bottom|copyright", re.I)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_PUBLISHED_META = ("pubdate", "publishdate", "firstpublishedtime", "publishtime", "article:published_time",
                   "dcterms.issued", "dc.date", "releasedate")
_TITLE_META = ("articletitle", "title", "og:title", "dc.title")


def read(data: bytes, *, name: str) -> Document:
    """Read a saved web page (.html, .htm, .mht) into paragraphs and tables."""
    if len(data) > MAX_HTML_BYTES:
        raise ImportRefused(f"“{name}”有 {len(data) // (1024 * 1024)} MB，不像一个年度报告网页，未导入")
    head = data[:2048].lstrip()
    if head[:64].lower().startswith((b"mime-version", b"from:", b"content-type: multipart")) or (
            name.lower().endswith(".mht") and b"multipart/related" in head.lower()):
        text = _mht_html(data, name)
    else:
        text = decode_html(data, name)
    return document_from_html(text, name)


def decode_html(data: bytes, name: str = "") -> str:
    """Bytes of a page as text: BOM, then the declared charset, then UTF-8, then detection."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if data.startswith(bom):
            return decode_text(data, name)
    declared = _XML_ENCODING.match(data[:200]) or _CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii", "ignore").lower()
        if encoding in ("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "hz-gb-2312"):
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)


MAX_MHT_PARTS = 200  # a saved page has its HTML, images and style sheets; nesting is one or two levels


def _mht_html(data: bytes, name: str) -> str:
    if data.lower().count(b"multipart/") > MAX_MHT_PARTS:
        raise ImportRefused(f"“{name}”的网页档案嵌套过多，不像一份年度报告，未导入")
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        parts = list(message.walk())
    except RecursionError:
        raise ImportRefused(f"“{name}”的网页档案嵌套过深，不像一份年度报告，未导入") from None
    for part in parts:
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)  # bytes for a leaf part (None when empty)
            if not isinstance(payload, bytes):
                payload = b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)
                except (LookupError, UnicodeDecodeError):
                    pass
            return decode_html(payload, name)
    raise ImportRefused(f"“{name}”中没有网页内容，无法导入")


def document_from_html(text: str, name: str = "网页") -> Document:
    """A page's text as a document: shared by files and the clipboard."""
    import lxml.html
    from lxml import etree

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        raise ImportRefused(f"“{name}”是空网页")
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
                                  default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise ImportRefused(f"“{name}”不是可读取的网页") from None
    if _depth(root) >= MAX_DEPTH:
        raise ImportRefused(f"“{name}”的网页结构嵌套过深，不像一份年度报告，未导入")
    document = Document(properties={"source_format": "html"})
    _read_meta(root, document)
    walker = _Walker(document)
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    return document


def _depth(root) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        if d > deepest:
            deepest = d
            if deepest >= MAX_DEPTH:
                return deepest
        stack.extend((child, d + 1) for child in el)
    return deepest


def _read_meta(root, document: Document) -> None:
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        if key in _PUBLISHED_META and "published" not in document.properties:
            date = find_date(content)
            if date:
                document.properties["published"] = date
        elif key in _TITLE_META and "title" not in document.properties:
            document.properties["title"] = collapse_spaces(content)
        elif key == "generator":
            document.properties["generator"] = content
    title = root.find(".//title")
    if "title" not in document.properties and title is not None and title.text_content().strip():
        pieces = re.split(r"\s*[_|｜—–-]\s*", collapse_spaces(title.text_content()))
        document.properties["title"] = next((p for p in pieces if "报告" in p), pieces[0])


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _is_noise_element(el, tag: str) -> bool:
    if tag in _NOISE_TAGS:
        return True
    marks = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(marks.strip()) and bool(_NOISE_CLASS.search(marks))


class _Walker:
    def __init__(self, document: Document):
        self.document = document
        self.line: list[str] = []

    def flush(self) -> None:
        text = collapse_spaces("".join(self.line))
        self.line = []
        if text:  # a noise line ("发布时间：…", "浏览次数") is the recognizer's to drop, as for every format
            self.document.blocks.append(Paragraph(text))

    def walk(self, el) -> None:
        tag = _tag(el)
        if not tag or tag in _SKIP:
            return
        if _is_noise_element(el, tag):
            self.flush()
            lines = [line for line in _cell_text(el).split("\n") if line]
            if _FOOTER.search(f"{tag} {el.get('class', '')} {el.get('id', '')}"):
                self.document.dropped.extend(lines)  # filing numbers, addresses: each listed
            elif lines:
                text = " ".join(lines)
                self.document.dropped.append(text if len(text) <= 100 else text[:100] + "…")
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            table = _table(el)
            if table.rows:
                self.document.blocks.append(table)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if el.text:
            self.line.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.line.append(child.tail)
        if block:
            self.flush()


def _rows(table) -> list:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def _is_data_table(table) -> bool:
    if table.find(".//table") is not None:
        return False
    return all(len(cell.text_content()) <= LAYOUT_CELL_LENGTH for row in _rows(table) for cell in row
               if _tag(cell) in ("td", "th"))


def _span(value: str | None) -> int:
    try:
        return min(MAX_SPAN, max(1, int(str(value).strip() or 1)))
    except ValueError:
        return 1


def _table(el) -> Table:
    rows: list[list[Cell]] = []
    for tr in _rows(el):
        cells = [Cell(_cell_text(td), row_span=_span(td.get("rowspan")), col_span=_span(td.get("colspan")))
                 for td in tr if _tag(td) in ("td", "th")]
        rows.append(cells)
    return Table(rows=rows)


def _cell_text(td) -> str:
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        text = collapse_spaces("".join(current))
        current.clear()
        if text:
            lines.append(text)

    def visit(el) -> None:
        tag = _tag(el)
        if not tag or tag in _SKIP:
            return
        if tag == "br":
            end_line()
            return
        block = tag in _BLOCK
        if block:
            end_line()
        if el.text:
            current.append(el.text)
        for child in el:
            visit(child)
            if child.tail:
                current.append(child.tail)
        if block:
            end_line()

    visit(td)  # a cell is a block: its lines end where it ends
    return "\n".join(lines)
