"""The web page reader: charsets, spans, &nbsp; and <br>, page noise, layout tables, .mht, hostile pages."""

from __future__ import annotations

import pytest

from ggbg_desktop.errors import ImportRefused
from ggbg_desktop.formats.readers import html
from ggbg_desktop.formats.recognize import recognize

PAGE = """<html><head><meta charset="{cs}"><meta name="PubDate" content="2024-01-18 10:00">
<title>某镇2023年政府信息公开工作年度报告_某镇人民政府</title></head><body>
<div id="nav"><a>首页</a><a>政务公开</a></div>
<div class="content"><h2>某镇2023年政府信息公开工作年度报告</h2>
<p>发布时间：2024-01-20　来源：某镇　浏览次数：35</p>
<p>一、总体情况</p><p>&nbsp;&nbsp;本年度共收到申请<b>5</b>件。<br>全部办结。</p>
<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于<br>国家秘密</td><td>1</td></tr>
<tr><td>2.其他</td><td>&nbsp;</td></tr><tr><td colspan="2">（七）总计</td><td>1</td></tr></table></div>
<div class="footer"><p>版权所有：某镇人民政府</p><p>ICP备案号：京ICP备12345号</p></div></body></html>"""


@pytest.mark.parametrize("cs", ["utf-8", "gbk", "gb2312", "big5"])
def test_declared_charsets(cs):
    doc = html.read(PAGE.replace("{cs}", cs).encode("gb18030" if cs.startswith("gb") else cs, errors="ignore"),
                    name="a.html")
    texts = [p.text for p in doc.paragraphs()]
    assert "一、总体情况" in texts or cs == "big5"


def test_spans_breaks_and_nbsp():
    doc = html.read(PAGE.replace("{cs}", "utf-8").encode(), name="a.html")
    table = doc.tables()[0]
    assert [(c.text, c.row_span, c.col_span) for c in table.rows[0]] == [
        ("（三）不予公开", 2, 1), ("1.属于\n国家秘密", 1, 1), ("1", 1, 1)]
    assert [c.text for c in table.rows[1]] == ["2.其他", ""]
    assert table.rows[2][0].col_span == 2
    texts = [p.text for p in doc.paragraphs()]
    assert "本年度共收到申请5件。" in texts and "全部办结。" in texts


def test_page_noise_is_dropped_and_listed_and_the_date_kept():
    doc = html.read(PAGE.replace("{cs}", "utf-8").encode(), name="a.html")
    texts = " ".join(p.text for p in doc.paragraphs())
    for noise in ("首页", "版权所有", "ICP"):  # navigation and footer elements: the reader sets them aside
        assert noise not in texts
        assert any(noise in d for d in doc.dropped)
    result = recognize(doc)
    report = result.report
    kept = "\n".join([report.preamble, *report.parts.values()])
    for noise in ("首页", "浏览次数", "版权所有", "ICP"):
        assert noise not in kept
        assert sum(noise in e.message for e in result.log.entries) == 1  # dropped once, listed once
    assert report.meta.published == "2024-01-18"  # the page's meta tag comes first
    assert doc.properties["title"] == "某镇2023年政府信息公开工作年度报告"


def test_the_publish_date_of_a_noise_line_is_kept():
    page = PAGE.replace("{cs}", "utf-8").replace('<meta name="PubDate" content="2024-01-18 10:00">', "")
    assert recognize(html.read(page.encode(), name="a.html")).report.meta.published == "2024-01-20"


def test_layout_tables_are_containers():
    page = ("<html><body><table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table>"
            "</td></tr></table></body></html>")
    doc = html.read(page.encode(), name="a.html")
    assert doc.paragraphs()[0].text == "一、总体情况"
    assert [[c.text for c in r] for r in doc.tables()[0].rows] == [["规章", "1"]]


def test_mht():
    body = "<html><body><p>一、总体情况</p></body></html>".encode("gb18030")
    import base64

    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
           b"Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.b64encode(body) + b"\r\n--b--\r\n")
    doc = html.read(mht, name="a.mht")
    assert doc.paragraphs()[0].text == "一、总体情况"


def test_deep_nesting_is_refused():
    with pytest.raises(ImportRefused) as info:
        html.read(b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000, name="deep.html")
    assert "嵌套过深" in info.value.message


def test_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "s.txt"
    secret.write_text("SECRET")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<html><body><p>a &x; b</p></body></html>')
    doc = html.read(page.encode(), name="a.html")
    assert "SECRET" not in " ".join(p.text for p in doc.paragraphs())
