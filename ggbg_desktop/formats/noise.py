"""Page noise of published reports: lines that are not part of the report, and the publish date among them.

Shared by the readers (which drop it) and the recognizer (which lists what was dropped).
"""

from __future__ import annotations

import re
import unicodedata

from ..report.values import iso_date

# Lines longer than this are prose, never page noise.
MAX_NOISE_LENGTH = 160

# A page number a PDF's text carries between the lines of a page: "— 3 —", "第 2 页 共 5 页".
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页\s*[,，/]?\s*(?:共\s*\d{1,4}\s*页)?)$")

_NOISE = [_PAGE_NUMBER] + [re.compile(p) for p in (
    r"^[-•·*>\s]*(?:发布|发表|更新|生成|公开)(?:日期|时间)\s*[:：]",
    r"^[-•·*>\s]*(?:发布于|发布者|来源|信息来源|文章来源|作者|责任编辑|编辑|审核|索引号|主题分类|发文机关|文号)\s*[:：]",
    r"(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]?",
    r"字号\s*[:：]?\s*[【\[(（]?\s*大",
    r"^[【\[]?\s*(?:大|中|小)\s*[】\]]?\s*[【\[]?\s*(?:大|中|小)\s*[】\]]?\s*[【\[]?\s*(?:大|中|小)\s*[】\]]?$",
    r"公网安备",
    r"I\s*C\s*P\s*(?:备|证)",
    r"网站标识码",
    r"版权所有|Copyright|©",
    r"^[-•·*>\s]*(?:主办单位|承办单位|主办|承办|技术支持|网站维护|联系我们|网站地图|设为首页|加入收藏)\s*(?:[:：]|$)",
    r"点击(?:链接)?(?:进入|查看).*(?:图解|解读|附件|原文)",
    r"^[-•·*>\s]*【?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享到?|保存|纠错)\s*】?\s*(?:【.*】\s*)*$",
    r"(?:当前位置|您的位置|你的位置|您现在的位置)\s*[:：]",  # a breadcrumb, alone or after the menu
    r"^[-•·*>\s]*分享到?\s*[:：]",
    r"^(?:扫一扫|用手机扫描|微信扫一扫)",
    r"^(?:上一篇|下一篇)\s*[:：]",
    r"^-\s*$",
)]
# Where page noise starts inside a line that carries report text before it: the title and the page's
# "发布时间：… 浏览次数：…" copied onto one line.
_INLINE = re.compile(r"(?:发布|发表|更新|公开)(?:日期|时间)\s*[:：]|(?:信息来源|文章来源|来源)\s*[:：]"
                     r"|(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]|字号\s*[:：]")

_PUBLISHED = re.compile(
    r"(?:发布|发表|公开|更新)(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def is_noise(line: str) -> bool:
    """True for a line that belongs to the web page, not to the report."""
    s = unicodedata.normalize("NFKC", line).strip()
    if not s or len(s) > MAX_NOISE_LENGTH:
        return False
    return any(p.search(s) for p in _NOISE)


def published_date(line: str) -> str | None:
    """"发布日期：2023-01-16 09:22" → "2023-01-16"."""
    m = _PUBLISHED.search(unicodedata.normalize("NFKC", line))
    return iso_date(*(int(g) for g in m.groups())) if m else None


def is_page_number(line: str) -> bool:
    """"— 3 —", "第 2 页 共 5 页": a page number a PDF's text carries between the lines of a page."""
    s = line.strip()
    if not s or s[0] not in "-—–－第":
        return False
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", s)))


def text_before_noise(line: str) -> str:
    """The text of a line before page noise that follows it on the same line ("…年度报告 发布时间：…"),
    or "" when the line starts with the noise or carries none."""
    m = _INLINE.search(line)
    return line[:m.start()].strip() if m else ""
