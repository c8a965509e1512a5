"""Last year's figures beside this year's: taken from last year's report, attached to this year's."""

from __future__ import annotations

import copy

from ..errors import RolloverError
from .model import LastYear, Report
from .schema import T3_CARRIED_FORWARD, T3_CARRIED_OVER


class LastYearRefused(RolloverError):
    """A report that cannot serve as last year's for the open one."""


def last_year_of(last: Report) -> LastYear:
    """Last year's report → the figures this year's report keeps of it: its year and its three tables whole."""
    return LastYear(year=last.meta.year, tables=copy.deepcopy(last.tables))


def has_figures(report: Report) -> bool:
    return any(v is not None for table in report.tables.values() for row in table for v in row)


def attach_last_year(report: Report, last: Report) -> Report:
    """A new report: ``report`` with ``last``'s figures as last year's (replacing any it had).

    Blank cells of 二、上年结转 take last year's 四、结转下年度继续办理; figures the clerk typed
    stay (the carry-over rule reports any that disagree). Refused with a Chinese message when
    ``last`` holds no figures or is not the year before.
    """
    if not has_figures(last):
        raise LastYearRefused("所选报告中没有表格数字，不能作为上年数据")
    year, last_year = report.meta.year, last.meta.year
    if year and last_year and last_year != year - 1:
        raise LastYearRefused(
            f"所选报告是 {last_year} 年度，本报告是 {year} 年度：上年数据应取自 {year - 1} 年度的报告")
    result = report.copy()
    result.last_year = last_year_of(last)
    carried = result.tables["t3"][T3_CARRIED_OVER]
    for c, value in enumerate(last.tables["t3"][T3_CARRIED_FORWARD]):
        if carried[c] is None:
            carried[c] = value
    return result
