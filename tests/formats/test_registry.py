"""Choosing a reader by content first and extension second; refusing what nobody reads."""

import io
import zipfile

import pytest

from ggbg_desktop.errors import ExportError, ImportRefused
from ggbg_desktop.formats import native, registry


def _zip(names):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("data, ext, reader", [
    (_zip(["word/document.xml", "[Content_Types].xml"]), ".doc", "docx"),  # a .doc that is a .docx
    (_zip(["xl/workbook.xml"]), ".docx", "xlsx"),
    (_zip(["mimetype", "content.xml"]), ".odt", "office"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".doc", "office"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls", "xls"),
    (b"%PDF-1.7", ".pdf", "pdf"),
    (b"%PDF-1.7", ".doc", "pdf"),
    (b"<!DOCTYPE html><html>", ".txt", "html"),
    ("<html><body>".encode("utf-16"), ".txt", "html"),
    ("一、总体情况".encode("gb18030"), ".txt", "text"),
    ("一、总体情况".encode("gb18030"), ".html", "html"),
    ("一、总体情况".encode(), "", "text"),
])
def test_sniff(data, ext, reader):
    assert registry.sniff(data, ext) == reader


def test_native_file_by_content(report, tmp_path):
    path = tmp_path / "报告.json"
    path.write_text(native.dumps(report), encoding="utf-8")
    result = registry.read_path(path)
    assert result.source_format == "ggbg" and result.report == report


def test_empty_and_missing_inputs(tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused, match="空文件"):
        registry.read_path(empty)
    with pytest.raises(ImportRefused, match="找不到"):
        registry.read_path(tmp_path / "无.docx")


def test_unknown_export_extension(report, tmp_path):
    with pytest.raises(ExportError) as info:
        registry.write_path(report, tmp_path / "a.mp3")
    assert ".docx" in info.value.message and ".ggbg" in info.value.message
    assert not (tmp_path / "a.mp3").exists()


@pytest.mark.parametrize("text", ["hello world\nthis is not a report\n", "会议纪要\n2024年3月1日召开了会议。\n"])
def test_a_file_with_no_part_and_no_table_is_refused_not_opened_as_an_empty_report(text):
    """Before, any text was a report with everything missing, its words standing as the 导语."""
    with pytest.raises(ImportRefused, match="没有找到年度报告的内容"):
        registry.read_bytes(text.encode("utf-8"), "纪要.txt")
    one_part = registry.read_bytes("一、总体情况\n本机关依法公开政府信息。\n".encode(), "草稿.txt")
    assert one_part.report.parts["p1"] == "本机关依法公开政府信息。"  # one part is a report begun
