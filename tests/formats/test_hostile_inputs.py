"""Hostile files: refused quickly with a message, memory bounded, no local file read through an entity."""

import io
import os
import subprocess
import sys
import textwrap
import zipfile

import pytest

from ggbg_desktop.errors import UserError
from ggbg_desktop.formats import registry

SECRET = "GGBG-SECRET-7f3a"


def _import_or_refuse(data: bytes, name: str):
    """What a user gets: an import result or a typed refusal — never another exception."""
    try:
        return registry.read_bytes(data, name)
    except UserError as exc:
        assert exc.message and "Traceback" not in exc.message
        return exc


def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(paragraph_text: str) -> str:
    return f'<w:document {W}><w:body><w:p><w:r><w:t>{paragraph_text}</w:t></w:r></w:p></w:body></w:document>'


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _all_text(result) -> str:
    report = result.report
    return "\n".join([report.preamble, report.meta.title, report.meta.organ, *report.parts.values(),
                      *(e.message for e in result.log.entries)])


def test_docx_external_entity_is_never_resolved(secret_file):
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret_file}">]>'
           + _body("一、总体情况 &x;"))
    result = _import_or_refuse(_docx(xml), "x.docx")
    if not isinstance(result, UserError):
        assert SECRET not in _all_text(result)


def test_html_external_entity_is_never_resolved(secret_file):
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret_file}">]>'
            '<html><body><p>一、总体情况 &x;</p></body></html>').encode()
    result = _import_or_refuse(page, "x.html")
    if not isinstance(result, UserError):
        assert SECRET not in _all_text(result)


def _run_limited(code: str, seconds: float = 20, memory_mb: int = 1500):
    """Run import code in a child with a memory cap; return (returncode, stdout, elapsed)."""
    import time

    prelude = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))
        from ggbg_desktop.errors import UserError
        from ggbg_desktop.formats import registry
        def attempt(data, name):
            try:
                registry.read_bytes(data, name)
                print("imported")
            except UserError as exc:
                print("refused:", exc.message)
    """)
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=seconds)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start


pytestmark_posix = pytest.mark.skipif(os.name != "posix", reason="uses RLIMIT_AS")


@pytestmark_posix
def test_docx_billion_laughs_is_bounded():
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    xml = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>' + _body("&a9;")
    code, out, elapsed = _run_limited(f"attempt({_docx(xml)!r}, 'bomb.docx')")
    assert code == 0, out
    assert elapsed < 10


@pytestmark_posix
def test_docx_zip_bomb_is_refused_from_the_directory():
    code, out, elapsed = _run_limited("""
        import io, zipfile
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                chunk = b" " * (1 << 20)
                for _ in range(1200):
                    f.write(chunk)
        attempt(buf.getvalue(), "bomb.docx")
    """, seconds=60)
    assert code == 0, out
    assert "refused:" in out


@pytestmark_posix
def test_fifty_megabytes_of_text_is_handled_quickly():
    code, out, elapsed = _run_limited("attempt(('一、总体情况。' * 10 + '\\n').encode('utf-8') * 380000, 'big.txt')")
    assert code == 0, out
    assert elapsed < 15


@pytestmark_posix
def test_deeply_nested_html():
    code, out, elapsed = _run_limited(
        "attempt(b'<html><body>' + b'<div>' * 200000 + b'x' + b'</div>' * 200000, 'deep.html')")
    assert code == 0, out
    assert elapsed < 15


@pytest.mark.parametrize("name", ["junk.txt", "junk.docx", "junk.xlsx", "junk.html", "junk.xls"])
def test_binary_junk_is_refused_or_imported_without_crashing(name):
    import random

    rng = random.Random(name)
    data = bytes(rng.getrandbits(8) for _ in range(20000))
    result = _import_or_refuse(data, name)
    if not isinstance(result, UserError):
        assert result.report is not None


def _with_extract_version(data: bytes, version: int) -> bytes:
    """The archive with every central-directory entry claiming a newer zip version than Python reads."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        out[at + 6] = version  # "version needed to extract", low byte
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


@pytest.mark.parametrize("name", ["report.docx", "report.xlsx", "report.txt"])
def test_a_zip_claiming_an_unknown_version_is_refused(name):
    """Found by the long fuzzing run: zipfile raises NotImplementedError ("zip file version 6.4")."""
    data = _with_extract_version(_docx(_body("一、总体情况")), 64)
    with pytest.raises(UserError):
        registry.read_bytes(data, name)


# ---- tiny files declaring huge sizes (issue 14, point 5) ---------------------------------------

BILLION = 2_000_000_000


def _docx_parts(document_xml: str, numbering_xml: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document_xml)
        if numbering_xml:
            z.writestr("word/numbering.xml", numbering_xml)
    return buf.getvalue()


def _span_cell(span) -> str:
    return f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc>'


def docx_with_grid_span(value) -> bytes:
    rows = "".join(f'<w:tr><w:trPr><w:gridBefore w:val="{value}"/></w:trPr>{_span_cell(value)}{_span_cell(value)}'
                   "</w:tr>" for _ in range(40))
    return _docx_parts(f"<w:document {W}><w:body>{_body_paragraph('一、总体情况')}<w:tbl>{rows}</w:tbl>"
                       "</w:body></w:document>")


def docx_with_vertical_merge(rows: int, span) -> bytes:
    trs = "".join(f'<w:tr><w:tc><w:tcPr><w:vMerge w:val="{"restart" if i == 0 else "continue"}"/>'
                  f'<w:gridSpan w:val="{span}"/></w:tcPr><w:p/></w:tc></w:tr>' for i in range(rows))
    return _docx_parts(f"<w:document {W}><w:body><w:tbl>{trs}</w:tbl></w:body></w:document>")


def docx_with_numbering(fmt: str, start, paragraphs: int = 2000, level_text: str = "%1" * 2000) -> bytes:
    numbering = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{level_text}"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    paras = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
             '<w:r><w:t>段落</w:t></w:r></w:p>') * paragraphs
    heading = _body_paragraph("一、总体情况")  # a report's part, so the numbered paragraphs are its text
    return _docx_parts(f"<w:document {W}><w:body>{heading}{paras}</w:body></w:document>", numbering)


def _body_paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def html_with_spans(rows: int = 220, cells: int = 20, span: int = 200) -> bytes:
    row = "<tr>" + f'<td rowspan="{span}" colspan="{span}">1</td>' * cells + "</tr>"
    return ("<html><body><p>一、总体情况</p><table>" + row * rows + "</table></body></html>").encode()


def mht_nested(depth: int) -> bytes:
    out = [b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n']
    for i in range(1, depth):
        out.append(f'--b{i - 1}\r\nContent-Type: multipart/related; boundary="b{i}"\r\n\r\n'.encode())
    out.append(f"--b{depth - 1}\r\nContent-Type: text/html\r\n\r\n<p>一、总体情况</p>\r\n".encode())
    return b"".join(out)


HUGE_DECLARED = {
    "grid-span.docx": lambda: docx_with_grid_span(BILLION),
    "grid-span-1e30.docx": lambda: docx_with_grid_span(10 ** 30),
    "vmerge.docx": lambda: docx_with_vertical_merge(3000, BILLION),
    "letters.docx": lambda: docx_with_numbering("upperLetter", BILLION),
    "roman.docx": lambda: docx_with_numbering("upperRoman", 10 ** 12),
    "decimal-1e30.docx": lambda: docx_with_numbering("decimal", 10 ** 30),
    "digits-5000.docx": lambda: docx_with_numbering("lowerLetter", "9" * 5000),
    # "%1、" only: "十十十、" crashes recognize/normalize.chinese_number (KeyError), reported to the lead
    "chinese-negative.docx": lambda: docx_with_numbering("chineseCounting", -10 ** 30, level_text="%1、"),
    "spans.html": html_with_spans,
    "nested-3000.mht": lambda: mht_nested(3000),
}


@pytestmark_posix
@pytest.mark.parametrize("name", sorted(HUGE_DECLARED))
def test_tiny_file_declaring_huge_sizes_is_bounded(name, tmp_path):
    """Each one took gigabytes, minutes or raised MemoryError/OverflowError/RecursionError before."""
    data = HUGE_DECLARED[name]()
    assert len(data) < 250_000
    source = tmp_path / name
    source.write_bytes(data)
    code, out, elapsed = _run_limited(f"attempt(open({str(source)!r}, 'rb').read(), {name!r})")
    assert code == 0, out
    assert out.startswith(("imported", "refused:")), out
    assert "Traceback" not in out
    assert elapsed < 10, elapsed


def test_mht_nested_beyond_the_part_limit_is_refused_in_chinese():
    with pytest.raises(UserError, match="嵌套"):
        registry.read_bytes(mht_nested(3000), "deep.mht")


def test_mht_recursion_is_refused_even_under_the_part_count(monkeypatch):
    from ggbg_desktop.formats.readers import html

    monkeypatch.setattr(html, "MAX_MHT_PARTS", 10 ** 9)
    with pytest.raises(UserError, match="嵌套过深"):
        registry.read_bytes(mht_nested(3000), "deep.mht")


def test_numbering_from_a_billion_in_letters_keeps_the_paragraphs():
    result = registry.read_bytes(docx_with_numbering("upperLetter", BILLION, paragraphs=3, level_text="%1、"),
                                 "letters.docx")
    paragraphs = result.report.parts["p1"].splitlines()
    assert len(paragraphs) == 3 and all(text.endswith("段落") for text in paragraphs)


# ---- special files (issue 14, point 5) -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    code = f"""
        from ggbg_desktop.formats import registry
        try:
            registry.read_path({str(fifo)!r})
        except UserError as exc:
            print("refused:", exc.message)
    """
    code_rc, out, elapsed = _run_limited(code, seconds=10)
    assert code_rc == 0, out
    assert "refused:" in out and "管道" in out


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_txt_link_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "report.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(UserError, match="设备"):
        registry.read_path(link)


def test_a_folder_is_called_a_folder(tmp_path):
    folder = tmp_path / "年报.docx"
    folder.mkdir()
    with pytest.raises(UserError, match="文件夹") as caught:
        registry.read_path(folder)
    assert "权限" not in caught.value.message


def test_the_size_cap_does_not_trust_st_size(tmp_path, monkeypatch):
    """/proc files and files still growing report a size smaller than what reading returns."""
    from ggbg_desktop.errors import ImportRefused
    from ggbg_desktop.formats import files

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    class _Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(files.os, "fstat", lambda fd: _Small(real_fstat(fd)))
    with pytest.raises(ImportRefused, match="过大"):
        files.read_limited(path, 1000, ImportRefused, "“{name}”过大")
    assert files.read_limited(path, 5000, ImportRefused, "“{name}”过大") == b"x" * 5000


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_a_proc_file_reporting_size_zero_is_read_within_the_cap():
    from ggbg_desktop.errors import ImportRefused
    from ggbg_desktop.formats import files

    with pytest.raises(ImportRefused):
        files.read_limited("/proc/self/status", 16, ImportRefused, "“{name}”过大")


# ---- the command line gets the same refusals ---------------------------------------------------


def _cli_limited(args: list[str], seconds: float = 20, memory_mb: int = 1500):
    code = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))
        from ggbg_desktop.cli import main
        sys.exit(main({args!r}))
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds,
                          check=False)


def _special_files(tmp_path):
    out = {"folder": tmp_path / "folder.docx"}
    out["folder"].mkdir()
    if hasattr(os, "mkfifo"):
        out["fifo"] = tmp_path / "fifo.txt"
        os.mkfifo(out["fifo"])
    if os.path.exists("/dev/zero"):
        out["zero"] = tmp_path / "zero.txt"
        out["zero"].symlink_to("/dev/zero")
    return out


@pytestmark_posix
@pytest.mark.parametrize("kind", ["folder", "fifo", "zero"])
def test_cli_refuses_special_files_with_one_chinese_line(tmp_path, kind):
    path = _special_files(tmp_path)[kind]
    proc = _cli_limited(["check", str(path)], seconds=10)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])


@pytestmark_posix
@pytest.mark.parametrize("name", ["grid-span.docx", "letters.docx", "spans.html"])
def test_cli_imports_tiny_files_declaring_huge_sizes_within_bounds(tmp_path, name):
    from ggbg_desktop.formats import native

    path = tmp_path / name
    path.write_bytes(HUGE_DECLARED[name]())
    proc = _cli_limited(["convert", str(path), str(tmp_path / "out.ggbg")], seconds=15)
    assert proc.returncode == 0, proc.stderr
    assert native.load(tmp_path / "out.ggbg") is not None  # what was imported and saved opens again


@pytestmark_posix
def test_cli_refuses_a_deeply_nested_mht_with_one_line(tmp_path):
    path = tmp_path / "deep.mht"
    path.write_bytes(mht_nested(3000))
    proc = _cli_limited(["convert", str(path), str(tmp_path / "out.ggbg")], seconds=15)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "嵌套" in proc.stderr


def test_cli_shows_the_surrogate_notice_and_saves(tmp_path):
    import json

    from ggbg_desktop.formats import native
    from ggbg_desktop.report import Report

    data = native.report_to_data(Report())
    data["preamble"] = "导语\ud800"
    source = tmp_path / "broken.ggbg"
    source.write_text(json.dumps(data), encoding="ascii")
    proc = _cli_limited(["convert", str(source), str(tmp_path / "fixed.ggbg")])
    assert proc.returncode == 0, proc.stderr
    assert "代理码位" in proc.stdout
    assert native.load(tmp_path / "fixed.ggbg").preamble == "导语\ufffd"
