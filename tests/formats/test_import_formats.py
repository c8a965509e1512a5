"""A complete report with non-zero figures, written in every input format, imports exactly."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import complete_report
from ggbg_desktop.formats.registry import read_bytes
from formats.readers.builders import report_docx, report_html, report_text, report_xlsx

soffice = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(soffice is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def expected():
    return complete_report()


def _same_content(result, expected, *, text_parts=True):
    report = result.report
    assert report.tables == expected.tables
    assert report.meta.year == expected.meta.year
    assert report.meta.organ == expected.meta.organ
    if text_parts:
        assert report.parts == expected.parts
        assert report.preamble == expected.preamble
    assert not result.log.by_level("error")


@pytest.mark.parametrize("auto_numbering", [False, True])
def test_docx_made_by_python_docx(expected, auto_numbering):
    result = read_bytes(report_docx(expected, auto_numbering=auto_numbering), "报告.docx")
    assert result.source_format == "docx"
    _same_content(result, expected)
    assert "页眉" not in result.report.preamble and "— 1 —" not in result.report.parts["p6"]


@pytest.mark.parametrize("one_sheet", [False, True])
def test_xlsx_with_merged_cells(expected, one_sheet):
    result = read_bytes(report_xlsx(expected, one_sheet=one_sheet), "表格.xlsx")
    assert result.report.tables == expected.tables
    assert result.source_format == "xlsx"


def test_xlsx_numbers_stored_as_text(expected):
    result = read_bytes(report_xlsx(expected, numbers_as_text=True), "表格.xlsx")
    assert result.report.tables == expected.tables


@pytest.mark.parametrize("charset", ["utf-8", "gb2312", "gb18030"])
def test_html_page_with_site_noise(expected, charset):
    result = read_bytes(report_html(expected, charset=charset), "page.htm")
    _same_content(result, expected)
    assert result.report.meta.published == expected.meta.published
    lines = "\n".join(result.log.lines())
    for noise in ("公网安备", "浏览次数", "首页"):
        assert noise in lines
        assert noise not in "\n".join(result.report.parts.values()) + result.report.preamble


@pytest.mark.parametrize("style", ["pipe", "tab", "cells"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_text_in_every_encoding_and_layout(expected, style, encoding):
    text = report_text(expected, style)
    if encoding == "utf-16":
        text = text.replace("\n", "\r\n")  # Windows Notepad
    result = read_bytes(text.encode(encoding), "报告.txt")
    _same_content(result, expected)


def test_a_doc_that_is_really_a_docx(expected):
    result = read_bytes(report_docx(expected), "旧报告.doc")
    assert result.source_format == "docx"
    assert result.report.tables == expected.tables


def _convert(tmp_path, data: bytes, name: str, target: str) -> bytes:
    source = tmp_path / name
    source.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(tmp_path / "out"), str(source)],
                   capture_output=True, timeout=180, check=False)
    out = tmp_path / "out" / (source.stem + "." + target.split(":")[0])
    if not out.exists():
        pytest.skip(f"LibreOffice could not convert to {target}")
    return out.read_bytes()


@needs_soffice
def test_docx_made_by_libreoffice(expected, tmp_path):
    odt = _convert(tmp_path, report_docx(expected, auto_numbering=True), "a.docx", "odt")
    docx = _convert(tmp_path, odt, "b.odt", "docx")
    result = read_bytes(docx, "libreoffice.docx")
    assert result.source_format == "docx"
    _same_content(result, expected)


@needs_soffice
def test_doc_converted_through_libreoffice(expected, tmp_path):
    doc = _convert(tmp_path, report_docx(expected), "a.docx", "doc")
    result = read_bytes(doc, "word97.doc")
    assert result.source_format == "office"
    _same_content(result, expected)


@needs_soffice
def test_xls_through_xlrd(expected, tmp_path):
    xls = _convert(tmp_path, report_xlsx(expected), "a.xlsx", "xls:MS Excel 97")
    result = read_bytes(xls, "old.xls")
    assert result.source_format == "xls"
    assert result.report.tables == expected.tables
