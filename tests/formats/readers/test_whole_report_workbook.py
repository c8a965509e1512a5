"""A workbook holding the whole report on one sheet imports as its Word form does."""

from __future__ import annotations

from conftest import complete_report
from fixtures.make_pdfs import office_report
from formats.readers.builders import report_docx, whole_report_xlsx
from ggbg_desktop.formats import registry
from ggbg_desktop.formats.readers import xlsx


def test_title_organ_year_preamble_and_every_part_as_in_word():
    report = office_report()
    from_excel = registry.read_bytes(whole_report_xlsx(report), "报告.xlsx").report
    from_word = registry.read_bytes(report_docx(report, headers_and_footers=False), "报告.docx").report
    assert from_excel.meta.organ == from_word.meta.organ == "蓝田县人民政府"
    assert from_excel.meta.year == from_word.meta.year == 2023
    assert from_excel.preamble == report.preamble
    assert from_word.preamble.replace("\n", "") == report.preamble.replace("\n", "")  # the builder's line break
    assert from_excel.parts == from_word.parts
    assert [len(from_excel.parts[k].split("\n")) for k in ("p1", "p5", "p6")] == [10, 2, 2]
    assert from_excel.tables == from_word.tables == report.tables


def test_text_rows_become_paragraphs_and_section_rows_stay_in_their_table():
    document = xlsx.read(whole_report_xlsx(complete_report()), name="报告.xlsx")
    texts = [p.text for p in document.paragraphs()]
    assert texts[0] == "蓝田县人民政府2023年政府信息公开工作年度报告"
    assert "二、主动公开政府信息情况" in texts and "第二十条第（一）项" not in texts
    assert len(document.tables()) == 3
    assert document.tables()[0].rows[0][0].text == "第二十条第（一）项"


def test_a_sheet_of_tables_only_stays_one_table():
    from formats.readers.builders import report_xlsx

    document = xlsx.read(report_xlsx(complete_report(), one_sheet=True), name="表.xlsx")
    assert len(document.tables()) == 1 and not document.paragraphs()
