"""Title, organ, year, dates and contacts of a report, read from its opening and closing lines."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ...report.schema import header_field, report_title
from ...report.values import parse_date, year_number
from ..normalize import collapse_spaces, squash

MAX_TITLE_LINE = 60
_TITLE_WORDS = ("政府信息公开", "政务公开")
_YEAR = r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})"
_ORGAN_FIRST = re.compile(r"^(?P<organ>.*?)" + _YEAR + r"年度?(?:政府信息公开|政务公开|信息公开)")
_YEAR_FIRST = re.compile(r"^" + _YEAR + r"年度?(?P<organ>.*?)(?:政府信息公开|政务公开|信息公开)")
_PERIOD = re.compile(r"((?:19|20)\d{2})年1月1日(?:起)?至\1年12月31日")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ORGAN_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|办|镇|乡|街道|办事处|院|中心|署|部|处|所|站|队|会)$")
_URL = re.compile(r"https?://[\w./%?=&#:~+-]+", re.ASCII)
_CONTACT = header_field("contact")
# A clause giving a telephone number after a contact label: "联系电话：0483-6025393".
_PHONE = re.compile("(?:" + "|".join(re.escape(w) for w in (_CONTACT.label, *_CONTACT.aliases)) + ")"
                    + r"\s*[:：]?\s*[\d（）()\-—－ ]{7,}")


def is_title_line(text: str) -> bool:
    s = squash(text)
    return len(s) <= MAX_TITLE_LINE and any(w in s for w in _TITLE_WORDS) and "报告" in s and not s.endswith("。")


def find_title(lines: list[str]) -> tuple[str, int, int]:
    """Among the opening lines (before the first part): (title, first line, lines used), or ("", -1, 0).

    A title may be split over two or three short lines ("…政府信息公开工作" / "年度报告")."""
    for i, line in enumerate(lines[:12]):
        s = squash(line)
        if not s or len(s) > MAX_TITLE_LINE:
            continue
        if is_title_line(s):
            return collapse_spaces(line), i, 1
        joined = s
        for n in (2, 3):
            if i + n - 1 >= len(lines):
                break
            nxt = squash(lines[i + n - 1])
            if not nxt or len(nxt) > 30:
                break
            if is_title_line(nxt) and (organ_and_year(nxt)[0] or _SENTENCE_MARKS.search(s)):
                break  # a whole title on its own line: the line above (a site's menu) is not part of it
            joined += nxt
            if is_title_line(joined) and nxt.endswith("报告"):
                return "".join(collapse_spaces(x) for x in lines[i:i + n]), i, n
    return "", -1, 0


_SENTENCE_MARKS = re.compile(r"[，,。；;：:《》〈〉“”、！？!?]")
_SUBTITLE_END = re.compile(r"(?:[)）\]】]|日)$")
MAX_SUBTITLE = 30


def is_subtitle(text: str) -> bool:
    """A line under the title that is not the preamble: short *and* without sentence text — a
    bracketed note ("连山区人民政府(文字版)", "（2024年1月20日）"), a date, or an organ's name.
    The preamble's first line, even when a page or a web page broke it short ("本报告依据《中华人民
    共和国政府信息公开"), carries sentence text and is kept."""
    s = squash(text)
    if not s or len(s) > MAX_SUBTITLE:
        return False
    if parse_date(s):
        return True
    if _SENTENCE_MARKS.search(_VERSION_NOTE.sub("", s)):
        return False
    return bool(_SUBTITLE_END.search(s)) or is_signature_organ(s)


def organ_and_year(title: str) -> tuple[str, int | None]:
    """"葫芦岛市连山区2021年政府信息公开工作年度报告" → ("葫芦岛市连山区", 2021)."""
    s = squash(unicodedata.normalize("NFKC", title))
    for pattern in (_ORGAN_FIRST, _YEAR_FIRST):
        m = pattern.search(s)
        if m:
            year = year_number(m.group(2) if pattern is _ORGAN_FIRST else m.group(1))
            organ = m.group("organ").strip("《》“”\"'：:，, ")
            return organ, year
    return "", None


def year_from_text(texts: list[str]) -> tuple[int | None, str]:
    """The report year from the body when there is no title: the statistics period, else the year
    the opening part speaks of most. Returns (year, how)."""
    joined = squash("\n".join(texts))
    m = _PERIOD.search(joined)
    if m:
        return int(m.group(1)), "统计期限"
    years = Counter(int(y) for y in _ANY_YEAR.findall(joined))
    if years:
        return years.most_common(1)[0][0], "正文中最常出现的年份"
    return None, ""


def is_signature_organ(text: str) -> bool:
    s = squash(text)
    return 2 <= len(s) <= 30 and not any(p in s for p in "。，,；;：:") and bool(_ORGAN_END.search(s))


def website(text: str) -> str:
    m = _URL.search(unicodedata.normalize("NFKC", text))
    return m.group(0).rstrip(").,。") if m else ""


def contact(text: str) -> str:
    """The clause of the preamble that gives a phone number, as one line."""
    for clause in re.split(r"[。；;]", text):
        if _PHONE.search(unicodedata.normalize("NFKC", clause)):
            return collapse_spaces(clause)[:200]
    return ""


_VERSION_NOTE = re.compile(r"\s*[(（【\[]\s*(?:文字版|图解版|全文|正文|文本|简版|修订版|更正版)\s*[)）】\]]\s*$")


def clean_title(title: str) -> str:
    """A title without the page's "(文字版)" note and with tidy spaces."""
    return _VERSION_NOTE.sub("", collapse_spaces(title))


def keep_title(title: str, organ: str, year: int | None) -> str:
    """The title worth keeping: empty when it is word for word the one proposed from organ and year.
    Any other wording ("…2022年度政府信息公开…") is the report's own and is kept, never regenerated."""
    title = clean_title(title)
    if not title or squash(title) == squash(report_title(organ, year)):
        return ""
    return collapse_spaces(title)
