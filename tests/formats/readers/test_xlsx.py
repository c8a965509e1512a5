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
    assert "H2" in doc.properties["warnings"]
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
    assert "warnings" not in doc.properties


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
