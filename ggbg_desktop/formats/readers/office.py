"""Other office files (.doc, .wps, .et, .pdf, .odt, .rtf…): converted by LibreOffice, then read as .docx/.xlsx."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import ImportRefused
from ..document import Document

CONVERT_SECONDS = 120
_SPREADSHEETS = (".et", ".ett", ".ods", ".xls", ".xlsb")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def soffice() -> str | None:
    """Path of LibreOffice's command-line program, or ``None`` when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      "/opt/libreoffice/program/soffice"):
        if os.path.exists(candidate):
            return candidate
    return None


def read(data: bytes, *, name: str) -> Document:
    """Convert with LibreOffice in a temporary folder and read the result."""
    ext = Path(name).suffix.lower() or ".doc"
    program = soffice()
    if program is None:
        raise ImportRefused(f"无法直接读取“{name}”：请在 Word 或 WPS 中打开它，另存为 .docx（表格另存为 .xlsx）"
                            "后再导入；或安装 LibreOffice 后重试")
    spreadsheet = ext in _SPREADSHEETS
    target = "xlsx" if spreadsheet else "docx"
    with tempfile.TemporaryDirectory(prefix="ggbg-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{ext}"
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nolockcheck", "--nodefault", "--nofirststartwizard"]
        if ext == ".pdf":
            command.append("--infilter=writer_pdf_import")
        command += ["--convert-to", target, "--outdir", str(folder / "out"), str(source)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=CONVERT_SECONDS, check=False, cwd=tmp)
        except subprocess.TimeoutExpired:
            raise ImportRefused(f"LibreOffice 转换“{name}”超时，请在 Word 或 WPS 中另存为 .docx 后再导入") from None
        except OSError as exc:
            raise ImportRefused(f"无法启动 LibreOffice 转换“{name}”：{exc.strerror or exc}") from None
        result = folder / "out" / f"input.{target}"
        if not result.exists() or result.stat().st_size == 0:
            raise ImportRefused(f"LibreOffice 无法转换“{name}”（文件可能已损坏或加密），请在 Word 或 WPS 中另存为 "
                                ".docx 后再导入")
        converted = result.read_bytes()
    if spreadsheet:
        from . import xlsx

        document = xlsx.read(converted, name=f"{Path(name).stem}.xlsx")
    else:
        from . import docx

        document = docx.read(converted, name=f"{Path(name).stem}.docx")
    if not _has_chinese(document):
        raise ImportRefused(f"“{name}”经 LibreOffice 转换后没有可识别的年度报告内容，文件可能已损坏或不是年度报告")
    document.properties["source_format"] = ext.lstrip(".")
    document.properties["converted_by"] = "LibreOffice"
    return document


def _has_chinese(document: Document) -> bool:
    texts = [p.full_text for p in document.paragraphs()]
    texts += [c.text for t in document.tables() for row in t.rows for c in row]
    joined = "".join(texts)
    return any(word in joined for word in ("公开", "信息", "政府", "报告", "情况", "申请"))
