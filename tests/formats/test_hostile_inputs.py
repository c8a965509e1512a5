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


def _reader_available(name):
    import importlib.util

    fmt = next(f for f in registry.READERS if f.name == name)
    return importlib.util.find_spec(fmt.module) is not None and importlib.util.find_spec(
        registry.RECOGNIZER) is not None


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


@pytest.mark.skipif(not _reader_available("docx"), reason="docx reader not present")
def test_docx_external_entity_is_never_resolved(secret_file):
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret_file}">]>'
           + _body("一、总体情况 &x;"))
    result = _import_or_refuse(_docx(xml), "x.docx")
    if not isinstance(result, UserError):
        assert SECRET not in _all_text(result)


@pytest.mark.skipif(not _reader_available("html"), reason="html reader not present")
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
@pytest.mark.skipif(not _reader_available("docx"), reason="docx reader not present")
def test_docx_billion_laughs_is_bounded():
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{"&a%d;" % (i - 1) * 10}">' for i in range(1, 10))
    xml = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>' + _body("&a9;")
    code, out, elapsed = _run_limited(f"attempt({_docx(xml)!r}, 'bomb.docx')")
    assert code == 0, out
    assert elapsed < 10


@pytestmark_posix
@pytest.mark.skipif(not _reader_available("docx"), reason="docx reader not present")
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
@pytest.mark.skipif(not _reader_available("text"), reason="text reader not present")
def test_fifty_megabytes_of_text_is_handled_quickly():
    code, out, elapsed = _run_limited("attempt(('一、总体情况。' * 10 + '\\n').encode('utf-8') * 380000, 'big.txt')")
    assert code == 0, out
    assert elapsed < 15


@pytestmark_posix
@pytest.mark.skipif(not _reader_available("html"), reason="html reader not present")
def test_deeply_nested_html():
    code, out, elapsed = _run_limited("attempt(b'<html><body>' + b'<div>' * 200000 + b'x' + b'</div>' * 200000, 'deep.html')")
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
