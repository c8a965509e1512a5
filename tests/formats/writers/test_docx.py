"""The Word file: GB/T 9704 page, fonts, tables merged as the schema's grid, page numbers."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from ggbg_desktop.formats.registry import ExportOptions
from ggbg_desktop.formats.writers import docx as writer
from ggbg_desktop.report.schema import TABLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


@pytest.fixture
def package(report):
    report.meta.signature_date = "2024-01-20"
    data = writer.export(report, ExportOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()} | {"": data}


def xml(package, name):
    return etree.fromstring(package[name])


def twips_mm(value) -> float:
    return int(value) / 1440 * 25.4


def style(package, style_id):
    return xml(package, "word/styles.xml").find(f".//w:style[@w:styleId='{style_id}']", NS)


def fonts_and_size(style_el):
    fonts = style_el.find("w:rPr/w:rFonts", NS)
    size = style_el.find("w:rPr/w:sz", NS)
    return ({k.split("}")[1]: v for k, v in fonts.attrib.items()} if fonts is not None else {},
            int(size.get(W + "val")) / 2 if size is not None else None)


def test_page_is_a4_with_official_margins(package):
    sect = xml(package, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert round(twips_mm(size.get(W + "w"))) == 210 and round(twips_mm(size.get(W + "h"))) == 297
    got = {side: round(twips_mm(margins.get(W + side)), 1) for side in ("top", "bottom", "left", "right")}
    assert got == {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}


def test_fonts_and_sizes_of_title_headings_and_body(package):
    normal_fonts, normal_size = fonts_and_size(style(package, "Normal"))
    assert normal_fonts == {"ascii": "仿宋_GB2312", "hAnsi": "仿宋_GB2312", "eastAsia": "仿宋_GB2312",
                            "cs": "仿宋_GB2312"}
    assert normal_size == 16
    spacing = style(package, "Normal").find("w:pPr/w:spacing", NS)
    assert spacing.get(W + "lineRule") == "exact"
    line_pt = int(spacing.get(W + "line")) / 20
    assert 225 / 25.4 * 72 / 23 < line_pt <= 225 / 25.4 * 72 / 22  # 22 lines fill the type area
    indent = style(package, "Normal").find("w:pPr/w:ind", NS)
    assert indent.get(W + "firstLineChars") == "200"
    title_fonts, title_size = fonts_and_size(style(package, "Title"))
    assert title_fonts["eastAsia"] == "方正小标宋简体" and title_size == 22
    assert style(package, "Title").find("w:pPr/w:jc", NS).get(W + "val") == "center"
    assert fonts_and_size(style(package, "Heading1"))[0]["eastAsia"] == "黑体"
    assert fonts_and_size(style(package, "Heading2"))[0]["eastAsia"] == "楷体_GB2312"
    h3 = style(package, "Heading3")
    assert fonts_and_size(h3)[0]["eastAsia"] == "仿宋_GB2312" and h3.find("w:rPr/w:b", NS) is not None
    defaults = xml(package, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(W + "eastAsia") == "仿宋_GB2312"
    assert int(defaults.find("w:sz", NS).get(W + "val")) == 32


def test_paragraphs_carry_their_styles(package):
    body = xml(package, "word/document.xml").find(".//w:body", NS)
    styled = [(p.findtext("w:pPr/w:pStyle", namespaces=NS) or p.find("w:pPr/w:pStyle", NS) is not None and
               p.find("w:pPr/w:pStyle", NS).get(W + "val"),
               "".join(p.itertext())) for p in body.findall("w:p", NS)]
    by_style = {}
    for style_id, text in styled:
        by_style.setdefault(style_id, []).append(text)
    assert by_style["Title"] == ["蓝田县人民政府2023年政府信息公开工作年度报告"]
    assert by_style["Heading1"][0] == "一、总体情况" and len(by_style["Heading1"]) == 6
    assert by_style["Heading2"] == ["（一）主动公开", "（二）依申请公开"]
    assert by_style["Signature"] == ["蓝田县人民政府", "2024年1月20日"]


def test_no_template_leftovers(package):
    for name in ("word/styles.xml", "word/document.xml", "word/fontTable.xml", "word/footer1.xml"):
        text = package[name].decode("utf-8")
        assert "Calibri" not in text and "Cambria" not in text and "Times New Roman" not in text
        assert "Theme" not in text  # no theme fonts (asciiTheme…) that would bring Calibri back
    assert "word/stylesWithEffects.xml" not in package and "docProps/thumbnail.jpeg" not in package
    core = package["docProps/core.xml"].decode("utf-8")
    assert "python-docx" not in core
    assert "<dc:title>蓝田县人民政府2023年政府信息公开工作年度报告</dc:title>" in core
    assert "<dc:creator>蓝田县人民政府</dc:creator>" in core


def read_word_table(tbl) -> set[tuple]:
    """(row, col, row_span, col_span, text) of every cell, spans rebuilt from gridSpan/vMerge."""
    cells: dict[tuple[int, int], list] = {}
    for r, tr in enumerate(tbl.findall("w:tr", NS)):
        c = 0
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(W + "val")) if span_el is not None else 1
            merge = tc.find("w:tcPr/w:vMerge", NS)
            if merge is not None and merge.get(W + "val") != "restart":
                origin = next(key for key in sorted(cells, reverse=True) if key[1] == c and key[0] < r)
                cells[origin][0] += 1
                assert "".join(tc.itertext()) == ""
            else:
                cells[(r, c)] = [1, span, "".join(tc.itertext())]
            c += span
    return {(r, c, rs, cs, text) for (r, c), (rs, cs, text) in cells.items()}


def test_tables_merge_exactly_as_the_official_grid(package, report):
    from ggbg_desktop.report.values import format_figure

    tables = xml(package, "word/document.xml").findall(".//w:tbl", NS)
    assert len(tables) == 3
    for tbl, key in zip(tables, ("t2", "t3", "t4"), strict=True):
        spec = TABLES[key]
        expected = {(g.row, g.col, g.row_span, g.col_span,
                     format_figure(report.value(g.value)) if g.value else g.text) for g in spec.grid}
        assert read_word_table(tbl) == expected
        assert len(tbl.findall("w:tblGrid/w:gridCol", NS)) == spec.grid_cols
        width = sum(int(col.get(W + "w")) for col in tbl.findall("w:tblGrid/w:gridCol", NS))
        assert abs(twips_mm(width) - 156) < 0.5
        headers = [tr for tr in tbl.findall("w:tr", NS) if tr.find("w:trPr/w:tblHeader", NS) is not None]
        assert len(headers) == {"t2": 0, "t3": 3, "t4": 3}[key]
        sizes = {int(sz.get(W + "val")) / 2 for sz in tbl.findall(".//w:r/w:rPr/w:sz", NS)}
        assert sizes and all(10.5 <= s <= 12 for s in sizes)
        borders = tbl.find("w:tblPr/w:tblBorders", NS)
        assert {b.get(W + "val") for b in borders} == {"single"}


def test_footer_page_numbers_odd_right_even_left(package):
    settings = xml(package, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    sect = xml(package, "word/document.xml").find(".//w:body/w:sectPr", NS)
    refs = {ref.get(W + "type"): ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for ref in sect.findall("w:footerReference", NS)}
    assert set(refs) >= {"default", "even"}
    rels = etree.fromstring(package["word/_rels/document.xml.rels"])
    target = {rel.get("Id"): rel.get("Target") for rel in rels}
    for kind, align, side in (("default", "right", "right"), ("even", "left", "left")):
        footer = xml(package, "word/" + target[refs[kind]])
        p = footer.find("w:p", NS)
        assert p.find("w:pPr/w:jc", NS).get(W + "val") == align
        assert int(p.find("w:pPr/w:ind", NS).get(W + side)) == 280  # one 14 pt character in
        assert "PAGE" in "".join(t.text for t in p.iter(W + "instrText"))
        text = "".join(t.text for t in p.iter(W + "t"))
        assert text == "— 1 —"
    footer_style = style(package, "Footer")
    fonts, size = fonts_and_size(footer_style)
    assert fonts["eastAsia"] == "宋体" and fonts["ascii"] == "宋体" and size == 14


def test_windows_font_set(report):
    data = writer.export(report, ExportOptions(font_set="windows"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    assert "_GB2312" not in styles and "方正" not in styles
    for name in ("仿宋", "楷体", "黑体", "宋体"):
        assert f'w:eastAsia="{name}"' in styles


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_it(package, tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(package[""])
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          check=False, capture_output=True, text=True, timeout=120)
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists() and pdf.stat().st_size > 10_000, done.stderr
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "三、收到和处理政府信息公开申请情况" in text and "236.982" in text
        assert re.search(r"—\s*2\s*—", text)


def _body_paragraphs(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(".//w:body", NS)
    return body.findall("w:p", NS)


def test_a_run_in_heading_is_a_body_paragraph_with_its_heading_words_styled(report):
    report.parts["p1"] = "（一）主动公开情况。2023年，本机关主动公开信息86条。\n1.制度建设。完善了公开目录。"
    paragraphs = _body_paragraphs(writer.export(report, ExportOptions()))
    runin = next(p for p in paragraphs if "".join(p.itertext()).startswith("（一）主动公开情况。"))
    assert runin.find("w:pPr/w:pStyle", NS) is None and runin.find("w:pPr/w:keepNext", NS) is None
    runs = runin.findall("w:r", NS)
    assert runs[0].find("w:rPr/w:rStyle", NS).get(W + "val") == "Heading2Char"
    assert "".join(runs[0].itertext()) == "（一）主动公开情况。" and runs[1].find("w:rPr", NS) is None
    numbered = next(p for p in paragraphs if "".join(p.itertext()).startswith("1.制度建设"))
    assert numbered.find("w:r/w:rPr/w:rStyle", NS).get(W + "val") == "Heading3Char"


def test_the_imported_title_is_exported_word_for_word():
    from ggbg_desktop.formats.registry import read_bytes

    title = "XX县人民政府2022年度政府信息公开工作年度报告"
    text = f"{title}\n一、总体情况\n本年度主动公开信息86条。\n"
    report = read_bytes(text.encode("utf-8"), "report.txt").report
    assert report.meta.year == 2022
    paragraphs = _body_paragraphs(writer.export(report, ExportOptions()))
    assert "".join(paragraphs[0].itertext()) == title


def test_signature_keeps_with_the_last_paragraph_and_carries_the_publish_date(report):
    report.meta.signature_date = None
    report.meta.published = "2024-01-20"
    paragraphs = _body_paragraphs(writer.export(report, ExportOptions()))
    texts = ["".join(p.itertext()) for p in paragraphs]
    assert texts[-2:] == ["蓝田县人民政府", "2024年1月20日"]
    assert paragraphs[-3].find("w:pPr/w:keepNext", NS) is not None


@pytest.mark.parametrize("font_set, bold", [("windows", True), ("official", False)])
def test_title_in_song_stand_in_is_bold(report, font_set, bold):
    with zipfile.ZipFile(io.BytesIO(writer.export(report, ExportOptions(font_set=font_set)))) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    title = styles.find(".//w:style[@w:styleId='Title']", NS)
    assert (title.find("w:rPr/w:b", NS) is not None) == bold


def test_markup_characters_in_text_are_escaped_by_construction(report):
    report.parts["p6"] = 'a < b & c > d "e" \'f\' ]]> <w:p/>'
    texts = ["".join(p.itertext()) for p in _body_paragraphs(writer.export(report, ExportOptions()))]
    assert report.parts["p6"] in texts


def test_python_docx_still_has_the_private_attribute_we_read():
    """writers/docx.py reads python-docx's footer ``_element`` in footer_element() alone; if a
    python-docx release drops it, this fails before any export does."""
    import docx

    footer = docx.Document().sections[0].footer
    element = writer.footer_element(footer)
    assert element.tag == W + "ftr"


def test_font_table_is_a_fresh_part(package):
    table = xml(package, "word/fontTable.xml")
    names = [f.get(W + "name") for f in table.findall("w:font", NS)]
    assert names[0] == "仿宋_GB2312" and "方正小标宋简体" in names


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_word_pages_as_libreoffice_lays_them_out_are_publishable(tmp_path):
    """Each seed and a long report with six-digit figures, through LibreOffice: pages filled,
    nothing printed over anything, numbers right, every figure whole."""
    from conftest import EXPECTED, SEEDS

    from ggbg_desktop.formats.registry import read_path

    from .pages import figures, long_report, problems

    cases = {f"seed{i}": read_path(SEEDS / name).report for i, name in enumerate(sorted(EXPECTED))}
    cases["long"] = long_report()
    for name, report in cases.items():
        (tmp_path / f"{name}.docx").write_bytes(writer.export(report, ExportOptions()))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *sorted(str(p) for p in tmp_path.glob("*.docx"))],
                   check=True, capture_output=True, timeout=300)
    for name, report in cases.items():
        assert problems((tmp_path / f"{name}.pdf").read_bytes(), figures(report)) == [], name


def test_table_three_breaks_across_pages_only_between_its_merged_labels(package):
    """Word cannot repeat a merged label on the next page: a break inside （三）不予公开 printed
    "（三）不予公" on one page and "开" on the next. Breaks are allowed only below whole groups,
    and 三、本年度办理结果 (22 rows tall) keeps its first group with it and prints its words at its top."""
    from ggbg_desktop.report.schema import T3, T3_GROUPS

    body = xml(package, "word/document.xml")
    table = next(t for t in body.iter(W + "tbl") if "本年度办理结果" in "".join(t.itertext()))
    rows = table.findall("w:tr", NS)
    header = 3
    breakable = {i for i, tr in enumerate(rows) if tr.find(".//w:pPr/w:keepNext", NS) is None}
    after = ("carried_from_last_year", "withheld_inquiry", "unavailable_unclear", "not_processed_confirmation",
             "other_other", "total_handled", "carried_to_next_year")
    assert breakable == {header + T3.row_index(key) for key in after}
    label = next(tc for tc in table.iter(W + "tc") if "".join(tc.itertext()) == T3_GROUPS["handled"])
    assert label.find("w:tcPr/w:vAlign", NS).get(W + "val") == "top"
    withheld = next(tc for tc in table.iter(W + "tc") if "".join(tc.itertext()) == T3_GROUPS["withheld"])
    assert withheld.find("w:tcPr/w:vAlign", NS).get(W + "val") == "center"
