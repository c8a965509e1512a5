"""A new report: the standard starting text, the year it speaks of, 自动合计 on, every figure blank."""

from __future__ import annotations

import datetime

from .model import AUTO_TOTALS, Report
from .schema import OVERVIEW_SUBHEADINGS, PARTS

# Reports are due by 31 January; offices start drafting the year's report in its last quarter.
DRAFTING_STARTS_MONTH = 10


def preamble_text(organ: str, year: int) -> str:
    who = organ or "本机关"
    parts = "、".join(p.title for p in PARTS)
    return (f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开"
            f"工作年度报告格式》（国办公开办函〔2021〕30号）要求，由{who}编制。全文包括{parts}。"
            f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")


def fee_sentence(year: int) -> str:
    return (f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年度本机关"
            f"发出收费通知0件，收取信息处理费0万元。")


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
