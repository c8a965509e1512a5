"""Last year's report → this year's draft: year moved on, carry-over filled, figures cleared."""

from __future__ import annotations

import copy
import re

from ..errors import RolloverError
from .last_year import last_year_of
from .model import YEAR_MAX, Meta, Report, empty_tables
from .schema import T3_CARRIED_FORWARD, T3_CARRIED_OVER


def _move_year(text: str, old: int, new: int) -> str:
    """Replace the year ``old`` with ``new`` where it is followed by 年 (dates, 年度), leaving
    document numbers such as 〔2021〕30号 and other documents' titles in 《》 alone — but not
    the report's own title, which a preamble often quotes: 《…2023年政府信息公开工作年度报告》."""
    pattern = re.compile(rf"(?<!\d){old}(?=\s*年)")
    out, pos = [], 0
    for segment in re.finditer(r"《[^》]*》|〔[^〕]*〕", text):
        out.append(pattern.sub(str(new), text[pos:segment.start()]))
        quoted = segment.group(0)
        out.append(pattern.sub(str(new), quoted) if _is_report_title(quoted) else quoted)
        pos = segment.end()
    out.append(pattern.sub(str(new), text[pos:]))
    return "".join(out)


def _is_report_title(quoted: str) -> bool:
    """《吴忠市利通区古城镇 2023 年政府信息公开工作年度报告》 — but not the national 《…年度报告格式》."""
    plain = re.sub(r"\s", "", quoted)
    return "政府信息公开工作" in plain and plain.endswith("报告》")


def rollover(last: Report) -> Report:
    """This year's draft from last year's report.

    - the year moves on by one; the title and the preamble's dates follow;
    - table 三's 二、上年结转 takes last year's 四、结转下年度继续办理, column by column;
    - every other figure is left blank for the clerk (a blank is not zero);
    - last year's three tables are kept whole in ``last_year`` for the cross-year checks and
      the year-on-year changes of the drafted passages;
    - part texts are kept as a starting point; the checks point at every sentence
      that still speaks of last year.
    """
    old = last.meta.year
    if not old:
        raise RolloverError("上年报告没有注明年度，无法生成本年度草稿：请先在上年报告中填写年度")
    new = old + 1
    if new > YEAR_MAX:
        raise RolloverError(f"本程序支持的年度到 {YEAR_MAX} 年为止，无法从 {old} 年生成下一年度的草稿")
    meta = Meta(
        organ=last.meta.organ,
        year=new,
        title=_move_year(last.meta.title, old, new) if last.meta.title else "",
        published=None,
        website=last.meta.website,
        contact=last.meta.contact,
        signature_date=None,
    )
    draft = Report(meta=meta)
    draft.preamble = _move_year(last.preamble, old, new)
    draft.parts = dict(last.parts)
    draft.tables = empty_tables()
    draft.tables["t3"][T3_CARRIED_OVER] = list(last.tables["t3"][T3_CARRIED_FORWARD])
    draft.last_year = last_year_of(last)
    draft.settings = dict(last.settings)
    # Passages the program drafted last year stay remembered: the drafted_stale rule then
    # points at each, and updating rewrites them with this year's figures once they are in.
    draft.drafted = copy.deepcopy(last.drafted)
    return draft
