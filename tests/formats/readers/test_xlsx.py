"""The spreadsheet readers: every sheet, merged cells, formulas with and without saved results."""

from __future__ import annotations

import io

import openpyxl
import pytest

from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.readers import xls, xlsx
from ggbg_desktop.formats.recognize import recognize


def book_bytes(book) -> bytes:
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_every_sheet_with_merges_and_number_types():
    book = openpyxl.Workbook()
    a = book.active
    a.append(["第二十条第（一）项", None, None, None])
    a.merge_cells("A1:D1")
    a.append(["规章", 1, 2.0, "3"])
    b = book.create_sheet("表四")
    b.append(["行政复议", 236.982])
    doc = xlsx.read(book_bytes(book), name="a.xlsx")
    first, second = doc.tables()
    assert [(c.text, c.col_span) for c in first.rows[0]] == [("第二十条第（一）项", 4)]
    assert [c.text for c in first.rows[1]] == ["规章", "1", "2", "3"]
    assert [c.text for c in second.rows[0]] == ["行政复议", "236.982"]


def test_formula_without_saved_result_is_reported_not_zero():
    book = openpyxl.Workbook()
    s = book.active
    s.append(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    s.append(["一、本年新收政府信息公开申请数量", 3, 1, 0, 0, 0, 0, "=SUM(B2:G2)"])
    doc = xlsx.read(book_bytes(book), name="a.xlsx")
    assert any("H2" in line for line in doc.warnings)
    result = recognize(doc)
    assert result.report.tables["t3"][0] == [3, 1, 0, 0, 0, 0, None]
    assert any("H2" in e.message and e.level == "warning" for e in result.log.entries)


def test_formula_with_saved_result_is_read():
    # openpyxl never stores results; write the cached value into the XML ourselves.
    import zipfile

    book = openpyxl.Workbook()
    book.active.append(["总计", "=1+1"])
    data = book_bytes(book)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>").replace(
                    b"<f>1+1</f>", b"<f>1+1</f><v>2</v>") if b"<v>2</v>" not in content else content
            zout.writestr(item, content)
    doc = xlsx.read(out.getvalue(), name="a.xlsx")
    assert [c.text for c in doc.tables()[0].rows[0]] == ["总计", "2"]
    assert doc.warnings == []


def test_damaged_workbooks_are_refused():
    data = book_bytes(openpyxl.Workbook())
    with pytest.raises(ImportRefused):
        xlsx.read(data[: len(data) // 2], name="坏.xlsx")
    with pytest.raises(ImportRefused):
        xls.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, name="坏.xls")


def test_entities_in_a_workbook_are_refused():
    import zipfile

    data = book_bytes(openpyxl.Workbook())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                content = b'<!DOCTYPE a [<!ENTITY b "c">]>' + content.split(b"?>", 1)[-1]
            zout.writestr(item, content)
    with pytest.raises(ImportRefused):
        xlsx.read(out.getvalue(), name="x.xlsx")


# ---- hostile workbooks: tiny files declaring huge sheets ---------------------------------------

def _patched(sheet_data: str, merges: str = "") -> bytes:
    """A small valid workbook whose first sheet's cells (and merged ranges) are replaced."""
    import re
    import zipfile

    book = openpyxl.Workbook()
    book.active["A1"] = "一、本年新收政府信息公开申请数量"
    source = zipfile.ZipFile(io.BytesIO(book_bytes(book)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r"<dimension [^>]*/>", "", text)
                text = re.sub(r"<sheetData>.*</sheetData>|<sheetData/>", f"<sheetData>{sheet_data}</sheetData>{merges}",
                              text, flags=re.S)
                data = text.encode()
            z.writestr(info, data)
    return out.getvalue()


FAR_FORMULA = _patched('<row r="1"><c r="A1" t="inlineStr"><is><t>规章</t></is></c></row>'
                       '<row r="1048576"><c r="XFD1048576"><f>SUM(A1:A2)</f></c></row>')
HUGE_MERGE = _patched('<row r="1"><c r="A1" t="inlineStr"><is><t>规章</t></is></c></row>',
                      '<mergeCells count="1"><mergeCell ref="A1:BXX2000"/></mergeCells>')
MANY_MERGES = _patched('<row r="1"><c r="A1" t="inlineStr"><is><t>规章</t></is></c></row>',
                       '<mergeCells count="40000">' + "".join(f'<mergeCell ref="A{2 * i + 1}:B{2 * i + 2}"/>'
                                                            for i in range(40000)) + "</mergeCells>")

_BOUNDED = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats import registry
data = sys.stdin.buffer.read()
start = time.perf_counter()
try:
    registry.read_bytes(data, "hostile.xlsx")
    print("imported")
except ImportRefused as exc:
    print("refused:" + exc.message)
print(f"{time.perf_counter() - start:.2f}")
"""


@pytest.mark.parametrize("data", [FAR_FORMULA, HUGE_MERGE, MANY_MERGES], ids=["XFD1048576", "2000x2000", "40000"])
def test_a_tiny_workbook_declaring_a_huge_sheet_is_refused_quickly_in_bounded_memory(data):
    import subprocess
    import sys

    assert len(data) < 250_000
    proc = subprocess.run([sys.executable, "-c", _BOUNDED], input=data, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    outcome, seconds = proc.stdout.decode().strip().split("\n")
    assert outcome.startswith("refused:") and "\n" not in outcome and "不像一份年度报告" in outcome
    assert float(seconds) < 10


def test_the_far_formula_workbook_is_a_few_kilobytes():
    assert len(FAR_FORMULA) < 8 * 1024 and len(HUGE_MERGE) < 8 * 1024


def test_many_formulas_without_results_make_one_warning_per_sheet():
    book = openpyxl.Workbook()
    s = book.active
    s.append(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    for r in range(2, 10):
        s.append([f"行{r}", 1, 1, 0, 0, 0, 0, f"=SUM(B{r}:G{r})"])
    doc = xlsx.read(book_bytes(book), name="a.xlsx")
    assert len(doc.warnings) == 1
    assert "8 个公式" in doc.warnings[0] and "H2" in doc.warnings[0] and "H9" not in doc.warnings[0]
