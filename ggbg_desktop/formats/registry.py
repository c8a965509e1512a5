"""Which reader or writer handles a file: by content first, by extension second.

Readers and writers are modules named here and imported only when used, so the
command line starts fast and a missing optional format costs nothing until asked for.

- A reader module has ``read(data: bytes, *, name: str) -> Document``.
- The recognizer, ``ggbg_desktop.formats.recognize``, has
  ``recognize(document: Document) -> ImportResult``.
- A writer module has ``export(report: Report, options: ExportOptions) -> bytes``.
"""

from __future__ import annotations

import importlib
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExportError, ImportRefused, ReportFileError
from ..report.model import Report
from . import native
from .atomic import write_atomic
from .files import read_limited, zip_errors
from .importlog import ImportResult

# Inputs larger than this are refused before they are read: a report, even a
# Word file with pictures, is far smaller.
MAX_INPUT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Format:
    name: str  # "docx"
    label: str  # "Word 文档" — for file dialogs
    module: str  # reader or writer module
    extensions: tuple[str, ...]


READERS: tuple[Format, ...] = (
    Format("docx", "Word 文档", "ggbg_desktop.formats.readers.docx", (".docx", ".docm", ".dotx")),
    Format("xlsx", "Excel 工作簿", "ggbg_desktop.formats.readers.xlsx", (".xlsx", ".xlsm")),
    Format("xls", "Excel 97-2003 工作簿", "ggbg_desktop.formats.readers.xls", (".xls",)),
    Format("html", "网页", "ggbg_desktop.formats.readers.html", (".html", ".htm", ".xhtml", ".mht")),
    Format("text", "纯文本", "ggbg_desktop.formats.readers.text", (".txt", ".text", ".csv")),
    Format("pdf", "PDF 文件", "ggbg_desktop.formats.readers.pdf", (".pdf",)),
    Format("office", "其他办公文档（经 LibreOffice 转换）", "ggbg_desktop.formats.readers.office",
           (".doc", ".wps", ".et", ".odt", ".ods", ".rtf")),
)

WRITERS: tuple[Format, ...] = (
    Format("docx", "Word 文档", "ggbg_desktop.formats.writers.docx", (".docx",)),
    Format("pdf", "PDF 文件", "ggbg_desktop.formats.writers.pdf", (".pdf",)),
    Format("xlsx", "Excel 工作簿", "ggbg_desktop.formats.writers.xlsx", (".xlsx",)),
    Format("html", "网页", "ggbg_desktop.formats.writers.html", (".html", ".htm")),
    Format("text", "纯文本", "ggbg_desktop.formats.writers.text", (".txt",)),
)

RECOGNIZER = "ggbg_desktop.formats.recognize"


@dataclass
class ExportOptions:
    font_set: str = "official"  # "official" (仿宋_GB2312 …) or "windows" (仿宋, 楷体, 黑体, 宋体)
    signature: bool = True  # print organ and date at the end


def _reader_by_name(name: str) -> Format:
    return next(f for f in READERS if f.name == name)


def _zip_kind(data: bytes) -> str | None:
    """docx/xlsx by the parts inside the zip, without extracting anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist()[:10000])
    except zip_errors():
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names or "content.xml" in names:
        return "office"
    return None


def sniff(data: bytes, extension: str) -> str:
    """Name of the reader for these bytes: the content decides, the extension breaks ties."""
    ext = extension.lower()
    head = data[:512]
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind:
            return kind
        by_ext = _by_extension(ext)
        return by_ext if by_ext in ("docx", "xlsx", "office") else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc, .xls, .wps, .et
        return "xls" if ext in (".xls", ".et") else "office"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "office"
    if _looks_like_html(head):
        return "html"
    by_ext = _by_extension(ext)
    return by_ext if by_ext in ("text", "html") else "text"


def _looks_like_html(head: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            break
    probe = head.replace(b"\x00", b"").lstrip().lower()
    return probe.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<table",
                             b"<div", b"<p", b"<!--"))


def _by_extension(ext: str) -> str | None:
    for f in READERS:
        if ext in f.extensions:
            return f.name
    return None


def is_native(data: bytes, extension: str) -> bool:
    if extension.lower() == native.EXTENSION:
        return True
    probe = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return probe.startswith(b"{") and b'"version"' in data[:256]


def read_bytes(data: bytes, name: str) -> ImportResult:
    """Import a file's bytes (``name`` gives the extension and is used in messages)."""
    ext = os.path.splitext(name)[1]
    if is_native(data, ext):
        return native.import_result(data)
    fmt = _reader_by_name(sniff(data, ext))
    reader = importlib.import_module(fmt.module)
    document = reader.read(data, name=name)
    recognizer = importlib.import_module(RECOGNIZER)
    result = recognizer.recognize(document)
    result.source_format = fmt.name
    if not result.found_anything():
        raise ImportRefused(f"“{Path(name).name}”中没有找到年度报告的内容（六个部分和三张表格都没有找到），"
                            "请确认选择了正确的文件")
    native.check_fits(result.report, ImportRefused, name)  # what is imported can be saved and reopened
    return result


def read_path(path: str | os.PathLike) -> ImportResult:
    """Import any readable file; raises a :class:`UserError` subclass with a Chinese message."""
    path = Path(path)
    data = read_limited(path, MAX_INPUT_BYTES, ImportRefused, "“{name}”过大（{mb} MB），不像一份年度报告")
    if not data:
        raise ImportRefused(f"“{path.name}”是空文件")
    return read_bytes(data, path.name)


def writer_for(path: str | os.PathLike) -> Format | None:
    ext = Path(path).suffix.lower()
    return next((f for f in WRITERS if ext in f.extensions), None)


def export_bytes(report: Report, fmt: Format, options: ExportOptions | None = None) -> bytes:
    writer = importlib.import_module(fmt.module)
    return writer.export(report, options or ExportOptions())


def write_path(report: Report, path: str | os.PathLike, options: ExportOptions | None = None, *,
               overwrite_read_only: bool = False) -> None:
    """Save (``.ggbg``) or export (any writer's extension) atomically; a read-only target raises
    :class:`~.atomic.ReadOnlyTarget` unless ``overwrite_read_only``."""
    path = Path(path)
    if path.suffix.lower() == native.EXTENSION:
        native.save(report, path, overwrite_read_only=overwrite_read_only)
        return
    fmt = writer_for(path)
    if fmt is None:
        known = "、".join([native.EXTENSION] + [e for f in WRITERS for e in f.extensions])
        raise ExportError(f"不支持导出为“{path.suffix or path.name}”，可用的格式：{known}")
    write_atomic(path, export_bytes(report, fmt, options), ExportError, overwrite_read_only=overwrite_read_only)


__all__ = ["READERS", "WRITERS", "ExportOptions", "read_path", "read_bytes", "write_path", "sniff",
           "ReportFileError"]
