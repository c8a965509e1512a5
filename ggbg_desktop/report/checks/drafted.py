"""Drafted passages whose figures changed since the program drafted them (report/drafted.py)."""

from __future__ import annotations

from ..drafted import changed_figures, locate
from ..drafting import KIND_NAMES, figure_cell, figure_name
from ..model import Value
from ..values import format_figure
from ..findings import WARNING, Finding, TextSpan
from ..model import Report
from ..schema import part_name


def _shown(value: Value) -> str:
    return "空" if value is None else format_figure(value)


def check_drafted_stale(report: Report) -> list[Finding]:
    """A drafted passage still standing as drafted, one of whose figures now differs."""
    if not report.drafted:
        return []
    out = []
    for item in locate(report):
        changes = changed_figures(report, item.record)
        if not changes:
            continue
        said = []
        for key, before, now in changes[:3]:
            if key.startswith("last.") and before is None:
                said.append("已载入上年数据")
            else:
                said.append(f"{figure_name(key)} 原为 {_shown(before)}，现为 {_shown(now)}")
        said = list(dict.fromkeys(said))
        more = f"等 {len(changes)} 处" if len(changes) > 3 else ""
        cells = tuple(c for c in (figure_cell(key) for key, _, _ in changes) if c is not None)
        out.append(Finding(
            "drafted_stale", WARNING,
            f"{part_name(item.record.part)}中程序起草的“{KIND_NAMES[item.record.kind]}”数据说明已过时"
            f"（{'；'.join(said)}{more}），请更新",
            cells, TextSpan(item.record.part, item.start, item.end),
        ))
    return out


DRAFTED_RULES = (check_drafted_stale,)
