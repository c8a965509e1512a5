"""PDF reports: the text layer by pdftotext, tables rebuilt from the page layout."""

import shutil
import subprocess

import pytest

from conftest import chinese_font_installed, complete_report
from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats import registry
from ggbg_desktop.formats.readers import office, pdf
from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")


def _writer(name):
    return next(f for f in WRITERS if f.name == name)


@needs_pdftotext
@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice not installed")
def test_a_word_report_printed_to_pdf_imports_exactly(tmp_path):
    """The common case on government sites: the Word file published as PDF."""
    report = complete_report()
    source = tmp_path / "report.docx"
    source.write_bytes(export_bytes(report, _writer("docx"), ExportOptions()))
    subprocess.run([office.soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=True)
    result = registry.read_path(tmp_path / "report.pdf")
    assert result.source_format == "pdf"
    assert result.report.tables == report.tables
    assert result.report.meta.year == 2023 and result.report.meta.organ == report.meta.organ
    assert all(result.report.parts[k] for k in ("p1", "p5", "p6"))
    assert any("PDF" in e.message for e in result.log.by_level("warning"))


@needs_pdftotext
def test_our_own_pdf_export_imports_its_parts_and_small_tables():
    if not chinese_font_installed():
        pytest.skip("no Chinese font installed: the PDF holds boxes instead of text")
    report = complete_report()
    result = registry.read_bytes(export_bytes(report, _writer("pdf"), ExportOptions()), "report.pdf")
    assert result.report.flat("t2") == report.flat("t2")
    assert result.report.flat("t4") == report.flat("t4")
    assert "（一）主动公开" in result.report.parts["p1"]


@needs_pdftotext
def test_a_pdf_without_text_is_refused():
    from ggbg_desktop.qt_runtime import ensure_application

    ensure_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.drawRect(100, 100, 2000, 1000)  # a scan has pictures, no text
    painter.end()
    buffer.close()
    with pytest.raises(ImportRefused, match="扫描件"):
        registry.read_bytes(bytes(data), "scan.pdf")


def test_without_pdftotext_or_libreoffice_the_refusal_says_what_to_do(monkeypatch):
    monkeypatch.setattr(pdf, "pdftotext", lambda: None)
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(ImportRefused) as info:
        registry.read_bytes(b"%PDF-1.7\n...", "report.pdf")
    assert "Word" in info.value.message and "粘贴报告" in info.value.message


@needs_pdftotext
def test_a_damaged_pdf_is_refused():
    with pytest.raises(ImportRefused):
        registry.read_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100, "broken.pdf")
