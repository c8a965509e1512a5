"""Pasting from a browser, Word or a text editor imports like a file."""

import pytest

from conftest import complete_report
from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.clipboard import import_clipboard
from formats.readers.builders import report_html, report_text


def test_html_from_a_browser():
    expected = complete_report()
    page = report_html(expected).decode("utf-8")
    cf_html = ("Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000009999\r\n"
               "<html><body><!--StartFragment-->" + page[page.index("<body>") + 6:page.index("</body>")]
               + "<!--EndFragment--></body></html>")
    result = import_clipboard(cf_html, None)
    assert result.report.tables == expected.tables
    assert result.report.parts == expected.parts
    assert result.source_format == "clipboard-html"


def test_plain_text_from_an_editor():
    expected = complete_report()
    result = import_clipboard(None, report_text(expected, "tab"))
    assert result.report.tables == expected.tables
    assert result.source_format == "clipboard-text"


def test_text_wins_when_the_html_lost_the_tables():
    expected = complete_report()
    html = "<p>" + "</p><p>".join(report_text(expected, "tab").split("\n")[:3]) + "</p>"
    result = import_clipboard(html, report_text(expected, "tab"))
    assert result.report.tables == expected.tables


def test_empty_clipboard_is_refused():
    with pytest.raises(ImportRefused):
        import_clipboard("  ", "")


def test_pasted_text_that_is_no_report_is_refused():
    with pytest.raises(ImportRefused, match="不是年度报告"):
        import_clipboard("<p>今天天气很好</p>", "今天天气很好")
