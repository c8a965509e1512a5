"""Other office formats go through LibreOffice when it is there — safely: no network, no local file's
text, no process left behind — and are refused plainly when it is not."""

from __future__ import annotations

import io
import os
import socket
import threading
import time
import zipfile

import pytest

from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.readers import office

needs_libreoffice = pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) not installed")
SECRET = "机密内容SECRET-4711"


def test_refused_with_advice_without_libreoffice(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(ImportRefused) as info:
        office.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, name="旧报告.wps")
    assert "另存为 .docx" in info.value.message


@needs_libreoffice
def test_rtf_through_libreoffice():
    rtf = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}\f0 "
           r"\u19968?\u12289?\u24635?\u20307?\u24773?\u20917?\par}").encode("ascii")
    doc = office.read(rtf, name="a.rtf")
    assert doc.paragraphs()[0].text == "一、总体情况"
    assert doc.properties["converted_by"] == "LibreOffice"


@needs_libreoffice
def test_junk_is_refused_by_libreoffice():
    with pytest.raises(ImportRefused):
        office.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4, name="坏.doc")


# ---- no network, no local files -------------------------------------------------------------------

class Listener:
    """A TCP listener on 127.0.0.1 (never any other address) that records every connection."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.requests.append(conn.recv(500) or b"(connected)")
            except OSError:
                self.requests.append(b"(connected)")
            conn.close()

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    it = Listener()
    yield it
    it.close()


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def linking_odt(port: int, secret) -> bytes:
    """An .odt with a picture on 127.0.0.1 and sections linked to a local file and to a URL."""
    content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2"><office:body><office:text>
<text:p>一、总体情况</text:p>
<text:p>本年度政府信息公开工作情况良好。
<draw:frame draw:name="p" svg:width="2cm" svg:height="2cm" text:anchor-type="as-char">
<draw:image xlink:href="http://127.0.0.1:{port}/receipt.png" xlink:type="simple" xlink:show="embed"
 xlink:actuate="onLoad"/>
</draw:frame></text:p>
<text:section text:name="A"><text:section-source xlink:href="{secret.as_uri()}" xlink:type="simple"
 text:filter-name="Text"/><text:p>旧内容</text:p></text:section>
<text:section text:name="B"><text:section-source xlink:href="http://127.0.0.1:{port}/section.txt" xlink:type="simple"
 text:filter-name="Text"/><text:p>旧内容二</text:p></text:section>
</office:text></office:body></office:document-content>'''
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                   'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                   'vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
                   'manifest:media-type="text/xml"/></manifest:manifest>')
    return out.getvalue()


def linking_rtf(port: int, secret) -> bytes:
    """An .rtf (read like a .doc) whose fields include a picture from 127.0.0.1 and a local file's text."""
    path = str(secret).replace("\\", "\\\\")
    return ("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0 SimSun;}}\\f0 "
            "\\u19968?\\u12289?\\u24635?\\u20307?\\u24773?\\u20917?\\par "
            f"{{\\field{{\\*\\fldinst INCLUDEPICTURE \"http://127.0.0.1:{port}/receipt.png\" \\\\d}}"
            "{\\fldrslt }}\\par "
            f"{{\\field{{\\*\\fldinst INCLUDETEXT \"{path}\"}}{{\\fldrslt old}}}}\\par "
            f"{{\\field{{\\*\\fldinst INCLUDETEXT \"http://127.0.0.1:{port}/text.txt\"}}"
            "{\\fldrslt old}}\\par}"
            ).encode("ascii")


def _text(document) -> str:
    return "\n".join([p.full_text for p in document.paragraphs()] +
                     [c.text for t in document.tables() for row in t.rows for c in row])


@needs_libreoffice
def test_an_odt_with_linked_picture_and_sections_brings_in_nothing_from_outside(listener, secret_file):
    document = office.read(linking_odt(listener.port, secret_file), name="linked.odt")
    time.sleep(0.5)
    assert listener.requests == []
    assert SECRET not in _text(document)
    assert "一、总体情况" in _text(document)


@needs_libreoffice
def test_the_profile_alone_stops_linked_pictures_and_sections(listener, secret_file, tmp_path):
    """Without our stripping (as for a .doc, which cannot be edited first), LibreOffice with our profile
    still fetches nothing."""
    (tmp_path / "input.odt").write_bytes(linking_odt(listener.port, secret_file))
    profile = office.write_profile(tmp_path)
    assert office.run_converter([office.soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                 "--norestore", "--convert-to", "docx", "--outdir", str(tmp_path / "out"),
                                 str(tmp_path / "input.odt")], str(tmp_path), 120)
    converted = (tmp_path / "out" / "input.docx").read_bytes()
    time.sleep(0.5)
    assert listener.requests == []
    from ggbg_desktop.formats.readers import docx

    assert SECRET not in _text(docx.read(converted, name="input.docx"))


@needs_libreoffice
def test_an_rtf_with_include_fields_brings_in_nothing_from_outside(listener, secret_file):
    document = office.read(linking_rtf(listener.port, secret_file), name="linked.rtf")
    time.sleep(0.5)
    assert listener.requests == []
    assert SECRET not in _text(document)


def test_odf_archives_pass_the_archive_checks_before_libreoffice(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: "/nonexistent/soffice")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", b"<a>" + b" " * (80 * 1024 * 1024) + b"</a>")
    with pytest.raises(ImportRefused, match="压缩炸弹|异常庞大"):
        office.read(bomb.getvalue(), name="炸弹.odt")
    dtd = io.BytesIO()
    with zipfile.ZipFile(dtd, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')
    with pytest.raises(ImportRefused, match="DTD"):
        office.read(dtd.getvalue(), name="实体.odt")


def test_external_references_are_taken_out_of_an_odt(secret_file):
    stripped = office.strip_odf_links(linking_odt(8, secret_file), "linked.odt")
    content = zipfile.ZipFile(io.BytesIO(stripped)).read("content.xml").decode()
    assert "127.0.0.1" not in content and "file:" not in content and "section-source" not in content
    assert "本年度政府信息公开工作情况良好。" in content
    assert zipfile.ZipFile(io.BytesIO(stripped)).namelist()[0] == "mimetype"


# ---- a timeout leaves no LibreOffice process of ours ----------------------------------------------

def _our_processes(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if marker.encode() in f.read():
                    found.append(int(pid))
        except OSError:
            continue
    return found


@needs_libreoffice
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="process listing through /proc")
def test_a_timeout_kills_the_whole_libreoffice_tree(monkeypatch, tmp_path):
    rtf = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}\f0 "
           r"\u19968?\u12289?\u24635?\u20307?\u24773?\u20917?\par}").encode("ascii")
    monkeypatch.setattr(office, "CONVERT_SECONDS", 0.8)  # LibreOffice is still starting: soffice.bin runs
    monkeypatch.setattr(office.tempfile, "tempdir", str(tmp_path))
    with pytest.raises(ImportRefused, match="超时"):
        office.read(rtf, name="慢.rtf")
    time.sleep(1.0)
    assert _our_processes(str(tmp_path)) == []
