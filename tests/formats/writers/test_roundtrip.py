"""Exported files read back through our own importer give the same report."""

from __future__ import annotations

import pytest

from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes, read_bytes

FORMATS = {f.name: f for f in WRITERS}


def read_back(report, name: str, extension: str):
    data = export_bytes(report, FORMATS[name], ExportOptions())
    return read_bytes(data, "report" + extension).report


@pytest.fixture
def signed(report):
    report.meta.signature_date = "2024-01-20"
    report.meta.website = "http://www.lantian.gov.cn/"
    return report


@pytest.mark.parametrize("name,extension", [("docx", ".docx"), ("html", ".html"), ("text", ".txt"),
                                            ("xlsx", ".xlsx")])
def test_every_value_survives(signed, name, extension):
    back = read_back(signed, name, extension)
    for key in ("t2", "t3", "t4"):
        assert back.tables[key] == signed.tables[key], key


def assert_same_meta_and_texts(back, signed, signature=True):
    assert back.meta.organ == signed.meta.organ and back.meta.year == signed.meta.year
    assert back.meta.display_title() == signed.meta.display_title()
    assert back.preamble == signed.preamble
    for key in ("p1", "p5", "p6"):
        assert back.parts[key] == signed.parts[key], key
    if signature:
        assert back.meta.signature_date == "2024-01-20"


@pytest.mark.parametrize("name,extension", [("docx", ".docx"), ("html", ".html"), ("text", ".txt")])
def test_metadata_and_part_texts_survive(signed, name, extension):
    assert_same_meta_and_texts(read_back(signed, name, extension), signed)


def test_excel_metadata_and_part_texts_survive(signed):
    assert_same_meta_and_texts(read_back(signed, "xlsx", ".xlsx"), signed, signature=False)


def test_web_page_keeps_the_publish_date(signed):
    assert read_back(signed, "html", ".html").meta.published == "2024-01-20"


def test_blank_cells_of_our_own_exports_stay_blank(signed):
    """Our files write 0 as 0, so their blanks are unfilled cells (elsewhere blank means 0)."""
    signed.tables["t3"][10][2] = None
    signed.tables["t2"][5][0] = None
    for name, extension in (("docx", ".docx"), ("xlsx", ".xlsx"), ("html", ".html")):
        back = read_back(signed, name, extension)
        assert back.tables["t3"][10][2] is None and back.tables["t2"][5][0] is None
