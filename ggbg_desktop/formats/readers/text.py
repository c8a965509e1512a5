"""Plain-text reader: any common encoding of Chinese text, tables typed with pipes or tabs."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter

from ...errors import ImportRefused
from ..document import Cell, Document, Table
from .linetables import blocks_from_lines

# A report is some tens of kilobytes; a text file this large is something else.
MAX_TEXT_BYTES = 8 * 1024 * 1024

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CHINESE = ("gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "cp936")


def decode_text(data: bytes, name: str = "") -> str:
    """Bytes of a text file as ``str``: BOM, then UTF-8, then detected (GB18030 when unsure)."""
    label = f"“{name}”" if name else "文件"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding.replace("-sig", "")), label)
            except UnicodeDecodeError:
                raise ImportRefused(f"{label}的编码已损坏，无法按 {encoding.upper()} 读取") from None
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), label)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise ImportRefused(f"{label}不是文本文件（含有二进制内容），请确认选择了正确的文件")
    try:
        return _checked(data.decode("utf-8"), label)
    except UnicodeDecodeError:
        pass
    for encoding in _candidates(data):
        try:
            return _checked(data.decode(encoding), label)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportRefused(f"{label}不是可识别编码的文本文件，请另存为 UTF-8 编码后再导入")


def _bomless_utf16(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 8:
        return None
    even = head[0::2].count(0) / (len(head) / 2)
    odd = head[1::2].count(0) / (len(head) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _candidates(data: bytes) -> list[str]:
    """Encodings to try, most likely first; GB18030 (a superset of GBK/GB2312) is the fallback."""
    from charset_normalizer import from_bytes

    guess = from_bytes(data[:200_000]).best()
    found = (guess.encoding or "").lower().replace("-", "_") if guess else ""
    if not found or found in ("gb2312", "gbk", "cp936", "hz"):
        return ["gb18030"]
    if found in _CHINESE:
        return [found, "gb18030"]
    return ["gb18030", found]


def _checked(text: str, label: str) -> str:
    """Refuse binary data that happened to decode: control characters have no place in a report."""
    sample = text[:200_000]
    bad = sum(1 for ch in sample if (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if bad > max(2, len(sample) // 200):
        raise ImportRefused(f"{label}不是文本文件（含有二进制内容），请确认选择了正确的文件")
    return text


def read(data: bytes, *, name: str) -> Document:
    """Read a .txt (or .csv) file into paragraphs and tables."""
    if len(data) > MAX_TEXT_BYTES:
        raise ImportRefused(f"“{name}”有 {len(data) // (1024 * 1024)} MB，不像一份年度报告的文本，未导入")
    text = decode_text(data, name)
    if not text.strip():
        raise ImportRefused(f"“{name}”中没有文字")
    return document_from_text(text, csv_table=name.lower().endswith(".csv"))


def document_from_text(text: str, *, csv_table: bool = False) -> Document:
    """Plain text (already decoded) as a document: shared by files and the clipboard."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    document = Document(properties={"source_format": "text"})
    if csv_table:
        rows = list(csv.reader(io.StringIO(text)))
        document.blocks.append(Table(rows=[[Cell(c.strip()) for c in row] for row in rows if any(row)]))
        return document
    document.blocks = blocks_from_lines(_sheet_export_lines(text) or text.split("\n"))
    return document


# A text file is a sheet saved as text (Excel's "Unicode 文本" or "文本文件(制表符分隔)") when this share
# of its non-empty lines carries the same number of tabs: every row of a sheet has as many cells.
SHEET_EXPORT_SHARE = 0.8


def _sheet_export_lines(text: str) -> list[str] | None:
    """The lines of a sheet saved as tab-separated text, or ``None`` for other text. Such a file quotes a
    cell holding a line break ("法人或其他⏎组织") and pads every row with tabs to the sheet's width:
    quoted cells are read whole (their line breaks dropped) and the padding is cut, so a paragraph
    typed in column A is a plain line again and a table row keeps its cells."""
    if "\t" not in text:
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 5:
        return None
    tabs = Counter(line.count("\t") for line in lines)
    width, count = tabs.most_common(1)[0]
    if width == 0 or count < SHEET_EXPORT_SHARE * len(lines):
        return None
    out = []
    for row in csv.reader(io.StringIO(text), delimiter="\t"):
        cells = [c.replace("\n", "").strip() for c in row]
        while cells and not cells[-1]:
            cells.pop()
        out.append("\t".join(cells))
    return out
