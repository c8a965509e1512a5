"""Other office files (.doc, .wps, .et, .odt, .ods, .rtf…): converted by LibreOffice, safely, then read as
.docx/.xlsx.

A document can make the program that opens it fetch a URL (a linked picture: a read receipt, and on
Windows a UNC path hands over the login) or read a local file (a linked section, an INCLUDETEXT
field). So LibreOffice runs with a fresh profile that never updates links, blocks linked content of
untrusted documents, never recalculates formulas on load (WEBSERVICE) and runs no macros; an .odt or
.ods has its external references taken out before LibreOffice sees it, after the same archive checks
a .docx or .xlsx passes; and the whole LibreOffice process tree is killed when the conversion times out.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ...errors import ImportRefused
from ..document import Document
from . import xlsx
from .package import Package, parse_xml

CONVERT_SECONDS = 120
_SPREADSHEETS = (".et", ".ett", ".ods", ".xls", ".xlsb")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# The profile's settings (registrymodifications.xcu): links never updated in Writer (0 = never) and
# Calc (1 = never), linked content of documents from untrusted places blocked, no recalculation on
# load (1 = never: WEBSERVICE() would fetch), macros off, no update check.
_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "xs:boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "xs:boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "xs:int", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "xs:int", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "xs:int", "1"),
    ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", "xs:int", "1"),
    ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", "xs:int", "1"),
    ("/org.openoffice.Office.Common/Misc", "UseSystemFileDialog", "xs:boolean", "false"),
    ("/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments",
     "AutoCheckEnabled", "xs:boolean", "false"),
)

XLINK = "{http://www.w3.org/1999/xlink}href"
# ODF elements that pull content from elsewhere when the document is loaded or updated.
_LINKING = {"section-source", "table-source", "dde-source", "dde-connection-decl", "script", "event-listener"}
_ODF_PARTS = ("content.xml", "styles.xml")


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


def write_profile(folder: Path) -> Path:
    """A fresh LibreOffice user profile holding only :data:`_SETTINGS`; returns the profile folder."""
    user = folder / "profile" / "user"
    user.mkdir(parents=True)
    items = "\n".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value>'
                      f"</prop></item>" for path, name, _type, value in _SETTINGS)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}\n</oor:items>\n", encoding="utf-8")
    return folder / "profile"


def _is_internal(href: str) -> bool:
    """A reference inside the package itself ("Pictures/1.png", "./Object 1", "#bookmark")."""
    h = href.strip()
    return bool(h) and (h.startswith(("#", "./", "Pictures/", "Object", "ObjectReplacements/", "media/"))
                        or (":" not in h and not h.startswith(("/", "\\"))))


def strip_odf_links(data: bytes, name: str) -> bytes:
    """An .odt/.ods/.odp checked as any office archive, with every external reference taken out:
    linked sections and tables, DDE links, scripts, and pictures or objects pointing outside."""
    package = Package(data, "OpenDocument 文档", name)
    package.check_all_xml()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for member in package.zip.infolist():
            body = package.read(member.filename)
            if member.filename in _ODF_PARTS:
                root = parse_xml(body, f"“{name}”")
                _drop_external(root)
                from lxml import etree

                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            compress = zipfile.ZIP_STORED if member.filename == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(member.filename, date_time=(2000, 1, 1, 0, 0, 0)), body, compress)
    return out.getvalue()


def _drop_external(root) -> int:
    dropped = 0
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        local = el.tag.rsplit("}", 1)[-1]
        href = el.get(XLINK)
        if local in _LINKING or (href is not None and not _is_internal(href) and local != "a"):
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
                dropped += 1
    return dropped


def _kill_tree(proc: subprocess.Popen) -> None:
    """End LibreOffice and everything it started (soffice → oosplash → soffice.bin)."""
    try:
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=30, check=False)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        proc.kill()
        proc.wait(timeout=10)
    except (OSError, subprocess.SubprocessError):
        pass


def run_converter(command: list[str], cwd: str, seconds: float) -> bool:
    """Run LibreOffice in a process group of its own; ``False`` when it timed out (the group killed)."""
    options: dict = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL,
                     "cwd": cwd}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True
    proc = subprocess.Popen(command, **options)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill_tree(proc)
        return False
    if sys.platform != "win32":
        with contextlib.suppress(OSError):  # a helper left behind by a finished conversion goes too
            os.killpg(proc.pid, signal.SIGKILL)
    return True


def read(data: bytes, *, name: str) -> Document:
    """Convert with LibreOffice in a temporary folder and read the result."""
    ext = Path(name).suffix.lower() or ".doc"
    program = soffice()
    if program is None:
        raise ImportRefused(f"无法直接读取“{name}”：请在 Word 或 WPS 中打开它，另存为 .docx（表格另存为 .xlsx）"
                            "后再导入；或安装 LibreOffice 后重试")
    if data.startswith(b"PK\x03\x04"):
        data = strip_odf_links(data, name)
    spreadsheet = ext in _SPREADSHEETS
    target = "xlsx" if spreadsheet else "docx"
    with tempfile.TemporaryDirectory(prefix="ggbg-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{ext}"
        source.write_bytes(data)
        profile = write_profile(folder)
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nolockcheck", "--nodefault", "--nofirststartwizard",
                   "--convert-to", target, "--outdir", str(folder / "out"), str(source)]
        try:
            finished = run_converter(command, tmp, CONVERT_SECONDS)
        except OSError as exc:
            raise ImportRefused(f"无法启动 LibreOffice 转换“{name}”：{exc.strerror or exc}") from None
        if not finished:
            raise ImportRefused(f"LibreOffice 转换“{name}”超时，请在 Word 或 WPS 中另存为 .docx 后再导入")
        result = folder / "out" / f"input.{target}"
        if not result.exists() or result.stat().st_size == 0:
            raise ImportRefused(f"LibreOffice 无法转换“{name}”（文件可能已损坏或加密），请在 Word 或 WPS 中另存为 "
                                ".docx 后再导入")
        converted = result.read_bytes()
    outside = external_targets(converted, name)
    if spreadsheet:
        document = xlsx.read(converted, name=f"{Path(name).stem}.xlsx")
    else:
        from . import docx

        document = docx.read(converted, name=f"{Path(name).stem}.docx")
    if not _has_chinese(document):
        raise ImportRefused(f"“{name}”经 LibreOffice 转换后没有可识别的年度报告内容，文件可能已损坏或不是年度报告")
    document.properties["source_format"] = ext.lstrip(".")
    document.properties["converted_by"] = "LibreOffice"
    if outside:
        note = (f"“{name}”中有 {outside} 处链接到文件外的图片或内容（可能是网页地址或本机文件），"
                "出于安全原因未打开，也未导入")
        document.warnings.append(note)
    return document


def external_targets(converted: bytes, name: str) -> int:
    """How many links to outside content (pictures, objects, sub-documents — not hyperlinks) the converted
    file still holds: they stay links, never opened, and the log says so."""
    package = Package(converted, "转换结果", name)
    count = 0
    for member in package.names:
        if member.endswith(".rels"):
            rels = package.xml(member)
            for rel in rels:
                if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith("/hyperlink"):
                    count += 1
    return count


def _has_chinese(document: Document) -> bool:
    texts = [p.full_text for p in document.paragraphs()]
    texts += [c.text for t in document.tables() for row in t.rows for c in row]
    joined = "".join(texts)
    return any(word in joined for word in ("公开", "信息", "政府", "报告", "情况", "申请"))
