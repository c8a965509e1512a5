"""PDF through Typst: A4 pages an office would publish, every figure and word extractable as text."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from conftest import EXPECTED, SEEDS

from ggbg_desktop.formats.document import HEADING2, Document, Paragraph
from ggbg_desktop.formats.registry import ExportOptions, read_path
from ggbg_desktop.formats.writers import pdf as writer
from ggbg_desktop.formats.writers import typesetter, typst_source
from ggbg_desktop.report.schema import PARTS

from .pages import MM, figures, long_report, problems, read_pages


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.fixture
def pdf_bytes(report):
    report.meta.signature_date = "2024-01-20"
    return writer.export(report, ExportOptions())


def test_is_a_pdf_of_a4_pages(pdf_bytes):
    assert pdf_bytes.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as doc:
        assert doc.pages and all(abs(p.width - 595.3) < 1 and abs(p.height - 841.9) < 1 for p in doc.pages)


def test_text_holds_part_titles_signature_and_every_figure(pdf_bytes, report):
    text = text_of(pdf_bytes)
    for part in PARTS:
        assert part.heading in text
    assert "蓝田县人民政府" in text and "2024年1月20日" in re.sub(r"\s", "", text)
    assert not re.search("[\u2e80-\u2fdf]", text)  # "一、", never the radical "⼀、"
    assert problems(pdf_bytes, figures(report)) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_pages_are_publishable(name):
    report = read_path(SEEDS / name).report
    data = writer.export(report, ExportOptions())
    assert problems(data, figures(report)) == []
    text = re.sub(r"\s", "", text_of(data))
    for key in ("p1", "p5", "p6"):
        for paragraph in report.parts[key].splitlines():
            assert re.sub(r"\s", "", paragraph)[:12] in text, paragraph


def test_long_report_with_six_digit_figures_is_publishable():
    report = long_report()
    data = writer.export(report, ExportOptions())
    assert len(read_pages(data)) >= 5
    assert problems(data, figures(report)) == []


@pytest.mark.parametrize("text", ["#let x = 1 $a^2$ *粗* _斜_ @ref <label> \\ `code` // 注释 /* 块 */ ] [ } {",
                                  "#import \"x.typ\": *", "= 标题 - 列表 + 编号 / 术语: 说明 ~ --- ..."])
def test_a_clerks_markup_characters_print_literally(text):
    from ggbg_desktop.report import Report

    report = Report()
    report.meta.organ = "测试县人民政府"
    report.meta.year = 2023
    report.parts["p1"] = text
    extracted = re.sub(r"\s", "", text_of(writer.export(report, ExportOptions())))
    assert re.sub(r"\s", "", text) in extracted


def test_a_run_in_heading_stays_a_paragraph_and_a_heading_line_keeps_with_next():
    runin = typst_source.paragraph_data(Paragraph("（一）主动公开情况。2023年，本机关主动公开信息。", HEADING2))
    assert runin == {"kind": "paragraph", "level": 2, "head": "（一）主动公开情况。",
                     "text": "2023年，本机关主动公开信息。"}
    alone = typst_source.paragraph_data(Paragraph("（一）主动公开情况", HEADING2))
    assert alone["kind"] == "heading"


def test_six_digit_figures_widen_value_columns_before_the_type_shrinks():
    from ggbg_desktop.formats.layout import layout
    from ggbg_desktop.formats.writers import official as o

    t3 = layout(long_report()).tables()[1]
    size, widths = o.table_metrics(t3)
    assert size >= 9 and abs(sum(widths) - o.TYPE_WIDTH_MM) < 0.01
    assert widths[3] > o.COLUMN_WIDTHS_MM["t3"][3] and widths[2] < o.COLUMN_WIDTHS_MM["t3"][2]
    assert widths[:2] == o.COLUMN_WIDTHS_MM["t3"][:2]  # the vertical group labels keep their columns
    assert widths[3] >= o._number_width_mm(6, size)


def test_table_three_group_labels_are_repeated_on_a_continuation_page():
    """Every page table 三's body reaches shows "三、本年度办理结果" in its first, 7 mm column."""
    from ggbg_desktop.formats.writers import official as o

    data = writer.export(long_report(), ExportOptions())
    column = (o.MARGIN_LEFT_MM * MM - 1, (o.MARGIN_LEFT_MM + o.COLUMN_WIDTHS_MM["t3"][0]) * MM + 1)
    pages_with_rows = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            text = re.sub(r"\s", "", page.extract_text() or "")
            if "予以公开" in text or "（七）总计" in text or "不予处理" in text:
                label = "".join(c["text"] for c in page.chars if column[0] <= c["x0"] and c["x1"] <= column[1])
                pages_with_rows.append((number, label))
    assert len(pages_with_rows) >= 2, "the long report's table 三 must break across pages"
    for number, label in pages_with_rows:
        assert "本年度办理结果" in label, f"page {number}: {label!r}"


def test_second_export_reuses_the_loaded_fonts(report):
    writer.export(report, ExportOptions())
    compiler = typesetter._state["compiler"]
    report.meta.organ = "另一个县人民政府"
    writer.export(report, ExportOptions())
    assert typesetter._state["compiler"] is compiler


_PAGE = ("#set page(paper: \"a4\", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm), "
         "footer-descent: 7mm, footer: context {{ let n = counter(page).get().first(); "
         "align(if calc.odd(n) {{ right }} else {{ left }})[— #{number} —] }})\n"
         "#set text(font: \"Noto Sans CJK SC\", size: 16pt)\n")


@pytest.mark.parametrize("body, number, expected", [
    ("#place(top + left)[政府信息公开]#place(top + left, dx: 2pt)[政府信息公开]", "n", "printed over"),
    ("第一页只有一行。#pagebreak()第二页。", "n", "only"),
    ("#v(1fr)\n重复的一行文字\n#pagebreak()\n重复的一行文字", "n", "line repeated"),
    ("正文。#pagebreak()正文。", "(n + 1)", "numbered"),
    ("数字 12345 6 在这里", "n", "figure 123456"),
])
def test_page_checks_can_fail(body, number, expected):
    """Each page check reports the fault it exists for."""
    import typst

    source = _PAGE.format(number=number) + body
    data = typst.compile(source.encode(), font_paths=typesetter.extra_font_dirs())
    found = problems(data, ["123456"])
    assert any(expected in p for p in found), found


def test_no_chinese_font_is_a_clear_message(monkeypatch):
    from ggbg_desktop.errors import ExportError

    monkeypatch.setattr(typesetter, "installed_families", lambda: ["DejaVu Sans"])
    with pytest.raises(ExportError, match="中文字体"):
        typesetter.render(Document([Paragraph("正文")]), ExportOptions())


def test_the_signature_never_stands_alone_on_the_last_page():
    """Whatever the length of the closing paragraph, the last page holds more than the signature."""
    from conftest import complete_report

    sentence = "本机关将继续做好政府信息公开工作。"
    report = complete_report()
    report.meta.signature_date = "2024-01-20"
    for count in range(4, 60, 3):
        report.parts["p6"] = sentence * count
        last = read_pages(writer.export(report, ExportOptions()))[-1]
        signature = {"蓝田县人民政府", "2024年1月20日"}
        body = [line for line in last.lines if line.replace(" ", "") not in signature]
        assert body, f"{count} sentences: the signature stands alone on page {last.number}"


def test_a_machine_without_chinese_fonts_typesets_with_the_packaged_one(report):
    """CI and fresh Linux machines: no system fonts at all, the test extra's Noto Sans CJK
    is found and the PDF's text is Chinese, not boxes."""
    import typst

    from ggbg_desktop.formats.layout import layout

    font_book, families = typesetter.load_fonts(include_system_fonts=False)
    picked = typst_source.family_lists(families, "official")
    assert picked["body"] == ["Noto Sans CJK SC"]
    source = typst_source.to_json(layout(report), picked)
    data = typst.Compiler(font_paths=font_book).compile(typst_source.TEMPLATE.encode(), format="pdf",
                                                       sys_inputs={typst_source.INPUT: source})
    text = text_of(data)
    assert "三、收到和处理政府信息公开申请情况" in text and "蓝田县人民政府" in text


def test_the_cached_compiler_works_from_the_window_s_worker_thread(report):
    """The window exports in a worker thread; the compiler made on the main thread serves it."""
    import threading

    first = writer.export(report, ExportOptions())
    out: list = []
    worker = threading.Thread(target=lambda: out.append(writer.export(report, ExportOptions())))
    worker.start()
    worker.join()
    assert out and len(read_pages(out[0])) == len(read_pages(first))
