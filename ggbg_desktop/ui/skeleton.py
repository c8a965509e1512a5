"""The standard starting text of a new report, which the clerk then edits."""

from __future__ import annotations

import datetime

from ..report import Report
from ..report.schema import OVERVIEW_SUBHEADINGS
from .document_state import AUTO_TOTALS


def preamble_text(organ: str, year: int) -> str:
    who = organ or "本机关"
    return (f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开"
            f"工作年度报告格式》（国办公开办函〔2021〕30号）要求，由{who}编制。全文包括总体情况、主动公开政府"
            f"信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及"
            f"改进情况、其他需要报告的事项。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")


def fee_sentence(year: int) -> str:
    return (f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年度本机关"
            f"发出收费通知0件，收取信息处理费0万元。")


# Reports are due by 31 January; offices start drafting the year's report in its last quarter.
DRAFTING_STARTS_MONTH = 10


def default_year(today: datetime.date | None = None) -> int:
    """The year a report begun today speaks of: this year from October, else last year."""
    today = today or datetime.date.today()
    return today.year if today.month >= DRAFTING_STARTS_MONTH else today.year - 1


def new_report(organ: str = "", year: int | None = None) -> Report:
    """A blank report with the skeleton text, 自动合计 on and every figure still to be filled."""
    year = year or default_year()
    report = Report()
    report.meta.organ = organ
    report.meta.year = year
    report.preamble = preamble_text(organ, year)
    report.parts["p1"] = "\n".join(f"{heading}\n" for heading in OVERVIEW_SUBHEADINGS).rstrip("\n")
    report.parts["p6"] = fee_sentence(year)
    report.settings[AUTO_TOTALS] = True
    return report


def _period(year: int) -> str:
    return f"自{year}年1月1日起至{year}年12月31日止"


def texts_following_year(report: Report, year: int | None) -> dict[str, str]:
    """The standard sentences this program wrote for the old year, rewritten for ``year``.

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
