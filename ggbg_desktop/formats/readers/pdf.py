"""PDF: the text layer read by poppler's pdftotext (layout kept), else converted by LibreOffice.

Published reports are often PDF. ``pdftotext -layout`` keeps each table row on a line with its
figures at the end, which the text reader's separator-less tables take; LibreOffice's PDF import
draws text boxes and rarely gives a usable document, so it is only the fallback.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from ...errors import ImportRefused
from ..document import Document

EXTRACT_SECONDS = 15  # a report's text comes out in well under a second
MAX_TEXT_BYTES = 20 * 1024 * 1024


def pdftotext() -> str | None:
    """Path of poppler's pdftotext, or ``None`` when it is not installed."""
    return shutil.which("pdftotext")


def extract_text(data: bytes, name: str, program: str) -> str:
    """The PDF's text layer, page by page, in layout mode; time and output bounded."""
    with tempfile.TemporaryDirectory(prefix="ggbg-pdf-") as tmp:
        source = Path(tmp) / "input.pdf"
        source.write_bytes(data)
        try:
            proc = subprocess.Popen([program, "-layout", "-enc", "UTF-8", "-q", str(source), "-"],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    cwd=tmp)
        except OSError as exc:
            raise ImportRefused(f"无法读取“{name}”的文字：{exc.strerror or exc}") from None
        timer = threading.Timer(EXTRACT_SECONDS, proc.kill)
        timer.start()
        try:
            text = proc.stdout.read(MAX_TEXT_BYTES + 1)
            if len(text) > MAX_TEXT_BYTES:
                proc.kill()
            proc.stdout.close()
            code = proc.wait()
        finally:
            timer.cancel()
    if len(text) > MAX_TEXT_BYTES:
        raise ImportRefused(f"“{name}”的文字异常庞大，不像一份年度报告，未导入")
    if code != 0:
        raise ImportRefused(f"“{name}”不是可读取的 PDF 文件（可能已损坏、加密，或读取超时）")
    return text.decode("utf-8", errors="replace").replace("\f", "\n")


def read(data: bytes, *, name: str) -> Document:
    program = pdftotext()
    if program is None:
        from . import office

        if office.soffice() is None:
            raise ImportRefused(f"无法直接读取 PDF 文件“{name}”：请用原始的 Word 文件导入，或从 PDF 中复制全文后"
                                "用“粘贴报告”导入")
        return office.read(data, name=name)
    text = extract_text(data, name, program)
    if not any(word in text for word in ("公开", "信息", "报告")):
        raise ImportRefused(f"“{name}”中没有可提取的文字（可能是扫描件），请用原始的 Word 文件导入")
    from .text import document_from_text

    document = document_from_text(text)
    document.properties.update(source_format="pdf", converted_by="pdftotext")
    document.properties["warnings"] = "\n".join(filter(None, [
        document.properties.get("warnings", ""),
        f"“{Path(name).name}”是 PDF，已按页面上的文字位置提取；跨页断开的表格行可能读错，请对照原文核对表格数值",
    ]))
    return document
