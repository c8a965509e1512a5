"""Rule 8 for 信息处理费: what part 六 says of the fee equals the figures filled in for it.

The fee (国办函〔2020〕109号) is not in the tables: the clerk fills in the notices sent, their
amount and the money collected (``Report.information_fees``, in 元), and part 六 states them in
words. A new report's part 六 starts with zeros; once the figures are filled in and the sentence
is left as it was, the report contradicts itself, which no other rule sees.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..drafting import FEE_FIELDS
from ..findings import WARNING, Finding, TextSpan
from ..model import Report
from ..narrative import CLAUSE, sentences, speaks_of_other_year, states_this_period
from ..schema import part_name
from ..values import format_figure

PART = "p6"
_NUM = r"(\d+(?:\.\d+)?)"
_STATED = (
    ("notices", re.compile(r"收费通知(?:书)?" + CLAUSE + r"{0,6}?" + _NUM + r"\s*(?:件|份|次)")),
    ("notice_amount", re.compile(r"收费通知(?:书)?的?总?金额" + CLAUSE + r"{0,6}?" + _NUM + r"\s*(万)?元")),
    ("collected", re.compile(r"收取(?:了)?(?:信息处理费)?" + CLAUSE + r"{0,8}?" + _NUM + r"\s*(万)?元")),
)
_NONE = (
    ("notices", re.compile(r"(?:未|没有)(?:发出|送达|开具)(?:任何)?(?:信息处理费)?收费通知")),
    ("collected", re.compile(r"(?:未|没有)(?:实际)?收取(?:任何)?信息处理费")),
)
_ABOUT_FEES = re.compile(r"信息处理费|收费通知")


@lru_cache(maxsize=256)
def stated_fees(text: str, year: int | None) -> tuple[tuple[str, float, int, int], ...]:
    """(field, value in 元, start, end) for each fee figure ``text`` states about ``year``."""
    found: list[tuple[str, float, int, int]] = []
    for s in sentences(text):
        if not _ABOUT_FEES.search(s.text):
            continue
        if speaks_of_other_year(s, year):
            continue
        for key, pattern in _STATED:
            for m in pattern.finditer(s.text):  # a figure of another period or a difference is not the year's
                if not states_this_period(s, m) or any(k == key for k, *_ in found):
                    continue
                in_wan = pattern.groups >= 2 and m.group(2) is not None  # "0.03万元"
                value = float(m.group(1)) * (10000 if in_wan else 1)
                found.append((key, value, s.start + m.start(1), s.start + m.end(1)))
        for key, pattern in _NONE:
            for m in pattern.finditer(s.text):
                if not any(k == key for k, *_ in found):
                    found.append((key, 0.0, s.start + m.start(), s.start + m.end()))
    return tuple(found)


def check_fee_text(report: Report) -> list[Finding]:
    """Part 六's fee figures against the ones filled in; a field not filled in is not compared."""
    text = report.part_text(PART)
    if not text:
        return []
    fees = report.information_fees
    out = []
    for key, stated, start, end in stated_fees(text, report.meta.year):
        filled = getattr(fees, key)
        if filled is None or abs(filled - stated) < 0.005:
            continue
        out.append(Finding(
            "text_fee", WARNING,
            f"{part_name(PART)}文字称{FEE_FIELDS[key]}为 {format_figure(stated)}，"
            f"但上方“信息处理费”中填的是 {format_figure(filled)}",
            (), TextSpan(PART, start, end), expected=filled, actual=stated,
        ))
    return out


FEE_RULES = (check_fee_text,)
