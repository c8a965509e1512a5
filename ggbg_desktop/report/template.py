"""A new report: the standard starting text, the year it speaks of, 自动合计 on, every figure blank.

The standard sentences name the organ and the year; when either header field changes,
``texts_following`` rewrites those sentences (and only those) to match.
"""

from __future__ import annotations

import datetime

from .model import AUTO_TOTALS, Report
from .schema import OVERVIEW_SUBHEADINGS, PARTS

# Reports are due by 31 January; offices start drafting the year's report in its last quarter.
DRAFTING_STARTS_MONTH = 10


def _compiled_by(organ: str) -> str:
    return f"由{organ or '本机关'}编制"


def _period(year: int) -> str:
    return f"自{year}年1月1日起至{year}年12月31日止"


def preamble_text(organ: str, year: int) -> str:
    parts = "、".join(p.title for p in PARTS)
    return (f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开"
            f"工作年度报告格式》（国办公开办函〔2021〕30号）要求，{_compiled_by(organ)}。全文包括{parts}。"
            f"本报告所列数据的统计期限{_period(year)}。")


def fee_sentence(year: int) -> str:
    return (f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年度本机关"
            f"发出收费通知0件，收费通知总金额0元，实际收取信息处理费0元。")


def default_year(today: datetime.date | None = None) -> int:
    """The year a report begun today speaks of: this year from October, else last year."""
    today = today or datetime.date.today()
    return today.year if today.month >= DRAFTING_STARTS_MONTH else today.year - 1


def new_report(organ: str = "", year: int | None = None) -> Report:
    """A blank report with the starting text, 自动合计 on and every figure still to be filled."""
    year = year or default_year()
    report = Report()
    report.meta.organ = organ
    report.meta.year = year
    report.preamble = preamble_text(organ, year)
    report.parts["p1"] = "\n".join(f"{heading}\n" for heading in OVERVIEW_SUBHEADINGS).rstrip("\n")
    report.parts["p6"] = fee_sentence(year)
    report.settings[AUTO_TOTALS] = True
    return report


def texts_following_year(report: Report, year: int | None) -> dict[str, str]:
    """The standard sentences this program wrote for the report's year, rewritten for ``year``.

    Only the program's own wording is touched (the statistics period in 导语, the fee sentence in
    part 六); text the clerk wrote stays as it is and the year check points at it.
    """
    old = report.meta.year
    if not old or not year or old == year:
        return {}
    texts = {}
    if _period(old) in report.preamble:
        texts["preamble"] = report.preamble.replace(_period(old), _period(year))
    p6 = report.parts.get("p6", "")
    if fee_sentence(old) in p6:
        texts["p6"] = p6.replace(fee_sentence(old), fee_sentence(year))
    return texts


def texts_following_organ(report: Report, organ: str) -> dict[str, str]:
    """The standard sentence naming the organ (导语's "由…编制"), rewritten for ``organ``.

    A preamble the clerk reworded, so that it no longer holds the sentence for the report's
    organ, stays as it is.
    """
    old, new = _compiled_by(report.meta.organ), _compiled_by(organ)
    if old == new or old not in report.preamble:
        return {}
    return {"preamble": report.preamble.replace(old, new, 1)}


def texts_following(report: Report, field: str, value: object) -> dict[str, str]:
    """The parts whose standard sentences change when header ``field`` becomes ``value``."""
    if field == "year":
        return texts_following_year(report, value if isinstance(value, int) else None)
    if field == "organ":
        return texts_following_organ(report, value if isinstance(value, str) else "")
    return {}
