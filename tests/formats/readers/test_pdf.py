"""PDF reports read by pdfplumber alone: ruled tables, paragraphs re-flowed, page furniture left out.

The fixtures in tests/fixtures/pdf/ are Word files saved as PDF by LibreOffice (tests/fixtures/make_pdfs.py):
tables broken across pages, merged cells, page numbers in the footer, a running header."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, complete_report
from fixtures.make_pdfs import office_report
from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats import registry
from ggbg_desktop.formats.readers import office, pdf
from ggbg_desktop.formats.readers.pdftext import is_page_number, tidy_spaces
from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes

PDFS = FIXTURES / "pdf"
PAGE_NUMBER = re.compile(r"[-—–]\s*\d+\s*[-—–]")


@pytest.fixture
def no_outside_programs(monkeypatch, tmp_path):
    """Neither poppler's pdftotext nor LibreOffice can be found, as on an office PC."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(office, "soffice", lambda: None)


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


@pytest.mark.parametrize("name", ["word_report.pdf", "wps_report.pdf", "six_pages.pdf", "unruled_report.pdf"])
def test_a_word_made_pdf_imports_exactly_without_outside_programs(no_outside_programs, name):
    expected = office_report(long=name == "six_pages.pdf")
    result = registry.read_path(PDFS / name)
    report = result.report
    assert result.source_format == "pdf"
    assert report.tables == expected.tables
    assert report.meta.organ == "蓝田县人民政府" and report.meta.year == 2023
    assert report.preamble == expected.preamble  # whole, first line included, two paragraphs
    for key in ("p1", "p5", "p6"):
        assert report.parts[key] == expected.parts[key]
        assert len(_paragraphs(report.parts[key])) == len(_paragraphs(expected.parts[key]))
    assert [len(_paragraphs(report.parts[k])) for k in ("p1", "p5", "p6")] == \
        [10, 8 if name == "six_pages.pdf" else 2, 2]
    everything = "\n".join([report.preamble, *report.parts.values()])
    assert not PAGE_NUMBER.search(everything) and not re.search(r"第\s*\d+\s*页", everything)
    assert "蓝田县人民政府办公室\n" not in everything and not report.parts["p6"].endswith("办公室")
    assert report.meta.signature_date == "2024-01-20"
    assert "电话：029-82736400" in report.meta.contact  # letter-spaced "电 话 ：" closed up
    assert not result.log.by_level("error")


def test_the_log_says_how_each_table_was_read_and_what_was_dropped(no_outside_programs):
    result = registry.read_path(PDFS / "wps_report.pdf")
    lines = result.log.lines()
    assert any("表三" in line and "PDF 表格线" in line and "跨 3 页" in line for line in lines)
    assert any("表二" in line and "PDF 表格线" in line for line in lines)
    assert any("页眉页脚：蓝田县人民政府办公室" in line for line in lines)
    assert any("页码（5 处）" in line for line in lines)
    # table 3 printed "（六）其他处理" as one row of zeros: its three sub-rows are zeros, and the log says so
    assert any("（六）其他处理" in line and "按 0 读取" in line for line in lines)
    unruled = registry.read_path(PDFS / "unruled_report.pdf").log.lines()
    assert any("表三" in line and "列位置读取（表格没有表格线）" in line for line in unruled)


def test_paragraphs_follow_the_printed_page_not_its_lines():
    document = pdf.read((PDFS / "word_report.pdf").read_bytes(), name="report.pdf")
    texts = [p.text for p in document.paragraphs()]
    assert texts[0] == "蓝田县人民政府2023年政府信息公开工作年度报告"  # a title over two centred lines
    assert texts[1].startswith("本报告依据") and texts[1].endswith("2023年12月31日止。")
    # a paragraph broken by the page ("（二）依申请公开" at the foot of page 1, its text on page 2)
    assert "全年共收到政府信息公开申请86件，上年结转3件，办结86件，3件结转下年度办理。所有申请均在法定期限内答复，" \
           "未发生因答复不及时引起的行政复议。" in texts
    # title 1, preamble 2, 一 1+10, 二 三 四 3, 五 1+2, 六 1+2, signature 2
    assert len(texts) == 1 + 2 + 11 + 3 + 3 + 3 + 2
    assert len(document.tables()) == 3  # table 3 and table 4 each joined across their page breaks


def test_a_table_cut_by_the_page_keeps_its_cells_and_spans():
    document = pdf.read((PDFS / "word_report.pdf").read_bytes(), name="report.pdf")
    t3 = document.tables()[1]
    text = t3.text_grid()
    assert len(text) == 28 and all(len(row) == 10 for row in text)
    labels = [row[2] for row in text[3:]]
    assert "一、本年新收政府信息公开申请数量" in labels  # a label cut by the page joined again
    assert text[5][0] == text[26][0] == "三、本年度办理结果"  # the merged cell spans its 22 rows again
    assert text[3][3:] == ["80", "2", "0", "1", "2", "1", "86"]


def test_letter_spacing_and_words_split_by_spaces_are_closed_up():
    assert tidy_spaces("淮 安市人民政府") == "淮安市人民政府"
    assert tidy_spaces("电 话 ： 0517-83606000") == "电话：0517-83606000"
    assert tidy_spaces("申请 3 119 件") == "申请3 119件"
    assert tidy_spaces("see http://a.cn  now") == "see http://a.cn now"


@pytest.mark.parametrize("text", ["1", "-1-", "- 2 -", "— 3 —", "第 4 页", "第5页 共6页", "5/6", "Page 3 of 6"])
def test_page_numbers_as_offices_print_them(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["一、总体情况", "2023年", "共 12 件", "（1）"])
def test_text_is_not_a_page_number(text):
    assert not is_page_number(text)


def _qt_pdf(pages: int, draw) -> bytes:
    from ggbg_desktop.qt_runtime import ensure_application

    ensure_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        draw(painter, n)
    painter.end()
    buffer.close()
    return bytes(data)


def test_a_scan_without_a_text_layer_is_refused(no_outside_programs):
    scan = _qt_pdf(1, lambda painter, n: painter.drawRect(100, 100, 2000, 1000))  # a scan has pictures only
    with pytest.raises(ImportRefused, match="没有文字层.*扫描件"):
        registry.read_bytes(scan, "scan.pdf")


def test_a_pdf_of_too_many_pages_is_refused_before_it_is_read():
    many = _qt_pdf(pdf.MAX_PAGES + 1, lambda painter, n: painter.drawText(100, 100, f"page {n}"))
    with pytest.raises(ImportRefused, match="页"):
        registry.read_bytes(many, "big.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + b"\x00garbage" * 100, b"%PDF-1.4\n1 0 obj <<"])
def test_a_damaged_pdf_is_refused(no_outside_programs, data):
    with pytest.raises(ImportRefused):
        registry.read_bytes(data, "broken.pdf")


def test_our_own_pdf_export_imports_its_tables_and_parts():
    report = complete_report()
    writer = next(f for f in WRITERS if f.name == "pdf")
    result = registry.read_bytes(export_bytes(report, writer, ExportOptions()), "report.pdf")
    assert result.report.tables == report.tables
    assert "（一）主动公开" in result.report.parts["p1"]


def test_a_page_of_dense_rulings_is_read_as_text_in_bounded_time():
    """A page hatched with 150 × 150 rulings would make table finding take many seconds."""
    import time

    def hatch(painter, n):
        for i in range(150):
            painter.drawLine(100 + i * 60, 100, 100 + i * 60, 9100)
            painter.drawLine(100, 100 + i * 60, 9100, 100 + i * 60)
        painter.drawText(200, 9500, "report 2023")

    data = _qt_pdf(1, hatch)
    start = time.perf_counter()
    document = pdf.read(data, name="hatched.pdf")
    assert time.perf_counter() - start < 3
    assert not document.tables()
    assert any("report 2023" in p.text for p in document.paragraphs())
