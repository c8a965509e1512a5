"""The Word reader: merges, cells with paragraphs, list numbering, content controls, hostile files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.readers import docx as docx_reader
from ggbg_desktop.formats.readers.wordnumbering import chinese_counting, format_number

from .builders import CHINESE_LIST

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_merged_cells_become_spans_and_cells_keep_paragraphs():
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "第二十条第（一）项"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "（三）不予公开"
    t.cell(1, 1).text = "1.属于"
    t.cell(1, 1).add_paragraph("国家秘密")
    t.cell(1, 2).text = "7"
    t.cell(2, 1).text = "2.其他"
    t.cell(2, 2).text = "8"
    table = docx_reader.read(save(d), name="a.docx").tables()[0]
    assert [(c.text, c.row_span, c.col_span) for c in table.rows[0]] == [("第二十条第（一）项", 1, 3)]
    assert [(c.text, c.row_span) for c in table.rows[1]] == [("（三）不予公开", 2), ("1.属于\n国家秘密", 1), ("7", 1)]
    assert [c.text for c in table.rows[2]] == ["2.其他", "8"]
    assert table.text_grid()[2] == ["（三）不予公开", "2.其他", "8"]


def test_automatic_numbering_and_headers_ignored():
    d = docx.Document()
    d.part.numbering_part.element.insert(0, parse_xml(CHINESE_LIST))
    d.part.numbering_part.element.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    d.sections[0].header.paragraphs[0].text = "页眉文字"
    for title, level in (("总体情况", 0), ("主动公开", 1), ("依申请公开", 1), ("主动公开政府信息情况", 0)):
        p = d.add_paragraph(title)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    paragraphs = docx_reader.read(save(d), name="a.docx").paragraphs()
    assert [p.full_text for p in paragraphs] == ["一、总体情况", "（一）主动公开", "（二）依申请公开",
                                                "二、主动公开政府信息情况"]
    assert all("页眉" not in p.text for p in paragraphs)


def test_numbering_formats():
    assert [chinese_counting(n) for n in (1, 10, 12, 20, 35, 105)] == ["一", "十", "十二", "二十", "三十五", "一百零五"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(2, "decimalFullWidth") == "２"


def test_text_in_content_controls_and_hyperlinks():
    d = docx.Document()
    d.add_paragraph("占位")
    body = d.element.body
    body.insert(0, parse_xml(
        f'<w:sdt xmlns:w="{W}"><w:sdtContent><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    body.insert(1, parse_xml(
        f'<w:p xmlns:w="{W}"><w:sdt><w:sdtContent><w:r><w:t>共收到</w:t></w:r></w:sdtContent></w:sdt>'
        f'<w:hyperlink><w:r><w:t>5件</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del></w:p>'))
    texts = [p.text for p in docx_reader.read(save(d), name="a.docx").paragraphs()]
    assert texts[:2] == ["一、总体情况", "共收到5件"]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_truncated_and_corrupt_files_are_refused():
    good = save(docx.Document())
    for bad in (good[: len(good) // 2], b"PK\x03\x04" + b"\x00" * 100, good[:30] + b"\xff" * 500 + good[530:]):
        with pytest.raises(ImportRefused):
            docx_reader.read(bad, name="坏.docx")


def test_zip_bomb_is_refused_from_the_directory():
    data = _zip({"word/document.xml": b" " * (8 << 20)})  # 8 MB of spaces: ratio far above any document
    with pytest.raises(ImportRefused) as info:
        docx_reader.read(data, name="bomb.docx")
    assert "压缩炸弹" in info.value.message


def test_entities_are_refused(tmp_path):
    secret = tmp_path / "s.txt"
    secret.write_text("SECRET")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    with pytest.raises(ImportRefused) as info:
        docx_reader.read(_zip({"word/document.xml": xml.encode()}), name="x.docx")
    assert "DTD" in info.value.message


def test_a_zip_that_is_not_a_word_file():
    with pytest.raises(ImportRefused) as info:
        docx_reader.read(_zip({"hello.txt": b"hi"}), name="x.docx")
    assert "不是 Word 文档" in info.value.message


def test_a_report_laid_out_inside_a_table_is_read_as_its_paragraphs_and_tables():
    """Some offices put the whole report in one table cell, the three tables nested in it."""
    from conftest import complete_report
    from ggbg_desktop.formats.registry import read_bytes
    from ggbg_desktop.report.schema import PARTS

    from .builders import add_docx_table

    report = complete_report()
    d = docx.Document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告"
    cell.add_paragraph(report.preamble)
    for part in PARTS:
        cell.add_paragraph(part.heading)
        if part.table:
            add_docx_table(cell, report, part.table)
        else:
            for line in report.parts[part.key].split("\n"):
                cell.add_paragraph(line)
    imported = read_bytes(save(d), "layout.docx").report
    assert imported.tables == report.tables
    assert imported.parts == report.parts
    assert imported.meta.year == 2023


def test_a_report_table_is_not_mistaken_for_a_layout_table():
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "行政许可", "67711"
    t.cell(1, 0).text, t.cell(1, 1).text = "行政处罚", "40592"
    blocks = docx_reader.read(save(d), name="t.docx").blocks
    assert len(blocks) == 1 and [[c.text for c in row] for row in blocks[0].rows][0] == ["行政许可", "67711"]


def _text_box_paragraph(text: str, alternate: bool) -> str:
    """A paragraph anchoring a text box, as Word writes it: a drawing with a VML fallback, or VML alone."""
    box = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    vml = (f'<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:400pt;height:40pt">'
           f'<v:textbox>{box}</v:textbox></v:shape></w:pict>')
    if alternate:
        run = ('<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
               '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
               'drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
               'drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/'
               f'word/2010/wordprocessingShape"><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
               f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>')
    else:
        run = vml
    return f'<w:p xmlns:w="{W}"><w:r>{run}</w:r></w:p>'


@pytest.mark.parametrize("alternate", [False, True], ids=["vml", "drawing-with-fallback"])
def test_text_in_a_text_box_is_read_once(alternate):
    d = docx.Document()
    d.element.body.insert(0, parse_xml(_text_box_paragraph("某某县人民政府2023年政府信息公开工作年度报告", alternate)))
    d.add_paragraph("一、总体情况")
    texts = [b.text for b in docx_reader.read(save(d), name="box.docx").blocks if hasattr(b, "text")]
    assert texts.count("某某县人民政府2023年政府信息公开工作年度报告") == 1
    assert texts.index("某某县人民政府2023年政府信息公开工作年度报告") < texts.index("一、总体情况")
