"""Other office formats go through LibreOffice when it is there, and are refused plainly when not."""

from __future__ import annotations

import pytest

from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.readers import office


def test_refused_with_advice_without_libreoffice(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(ImportRefused) as info:
        office.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, name="旧报告.wps")
    assert "另存为 .docx" in info.value.message


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) not installed")
def test_rtf_through_libreoffice():
    rtf = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}\f0 "
           r"\u19968?\u12289?\u24635?\u20307?\u24773?\u20917?\par}").encode("ascii")
    doc = office.read(rtf, name="a.rtf")
    assert doc.paragraphs()[0].text == "一、总体情况"
    assert doc.properties["converted_by"] == "LibreOffice"


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) not installed")
def test_junk_is_refused_by_libreoffice():
    with pytest.raises(ImportRefused):
        office.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4, name="坏.doc")
