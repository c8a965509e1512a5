"""Pasting a report: the HTML or plain text a browser, Word or WPS puts on the clipboard, imported like a file."""

from __future__ import annotations

import re

from ..errors import ImportRefused
from .importlog import ImportResult
from .readers.html import document_from_html
from .readers.text import MAX_TEXT_BYTES, document_from_text
from .recognize import recognize

_FRAGMENT = re.compile(r"<!--\s*StartFragment\s*-->(.*)<!--\s*EndFragment\s*-->", re.S | re.I)
_CF_HTML_HEADER = re.compile(r"^Version:\d[\s\S]*?(?=<)", re.I)


def import_clipboard(html: str | None, text: str | None) -> ImportResult:
    """Import pasted content. HTML (with its tables and spans) is preferred; the plain text is used
    when it yields more of the report (e.g. a table pasted from a text editor)."""
    results: list[ImportResult] = []
    if html and html.strip():
        if len(html) > MAX_TEXT_BYTES * 2:
            raise ImportRefused("剪贴板中的内容过大，不像一份年度报告")
        result = recognize(document_from_html(_strip_cf_html(html), "剪贴板内容"))
        result.source_format = "clipboard-html"
        results.append(result)
    if text and text.strip():
        if len(text) > MAX_TEXT_BYTES:
            raise ImportRefused("剪贴板中的内容过大，不像一份年度报告")
        result = recognize(document_from_text(text))
        result.source_format = "clipboard-text"
        results.append(result)
    if not results:
        raise ImportRefused("剪贴板中没有可导入的文字或表格")
    best = max(results, key=_found)  # the first (HTML) wins ties
    if not best.found_anything():
        raise ImportRefused("剪贴板中的内容不是年度报告：六个部分和三张表格都没有找到。"
                            "请在网页或 Word 中选中整份报告再复制")
    return best


def _found(result: ImportResult) -> int:
    report = result.report
    values = sum(1 for table in report.tables.values() for row in table for v in row if v is not None)
    parts = sum(1 for text in report.parts.values() if text.strip())
    return values + 20 * parts


def _strip_cf_html(html: str) -> str:
    """Windows' CF_HTML wraps the page in a header and fragment markers; keep the fragment's page."""
    html = _CF_HTML_HEADER.sub("", html, count=1)
    match = _FRAGMENT.search(html)
    if match and "<table" not in html[:match.start()].lower()[-2000:]:
        return match.group(1)
    return html
