"""Rules 6–7 of FORMAT.md §6: this year's figures against last year's report."""

from __future__ import annotations

from ..findings import ERROR, WARNING, Finding
from ..model import Report
from ..schema import T2, T3, T3_CARRIED_FORWARD, T3_CARRIED_OVER, CellRef
from ..values import format_figure as fmt

_CARRIED_FORWARD = T3.rows[T3_CARRIED_FORWARD].label  # "四、结转下年度继续办理"
T2_DOCUMENT_ROWS = (T2.row_index("rules"), T2.row_index("normative_documents"))
ISSUED, REPEALED, IN_FORCE = (T2.column_index(k, T2.row_index("rules")) for k in ("issued", "repealed", "in_force"))
# 本年制发件数, 本年废止件数, 现行有效件数
_ISSUED, _REPEALED, _IN_FORCE = (T2.row_columns[T2_DOCUMENT_ROWS[0]][c].label for c in (ISSUED, REPEALED, IN_FORCE))


def check_carried_over(report: Report) -> list[Finding]:
    """Rule 6: 二、上年结转 = last year's 四、结转下年度继续办理, column by column."""
    last = report.last_year
    if last is None:
        return []
    out = []
    this_row = report.tables["t3"][T3_CARRIED_OVER]
    last_row = last.tables["t3"][T3_CARRIED_FORWARD]
    year = f"{last.year}年" if last.year else "上年"
    for c, (now, before) in enumerate(zip(this_row, last_row, strict=True)):
        if now is None or before is None or now == before:
            continue
        out.append(Finding(
            "carry_over", ERROR,
            f"表三 {T3.cell_label(T3_CARRIED_OVER, c)} 应为 {fmt(before)}（{year}报告“{_CARRIED_FORWARD}”），"
            f"现为 {fmt(now)}",
            (CellRef("t3", T3_CARRIED_OVER, c),),
            expected=before, actual=now,
        ))
    return out


def check_in_force(report: Report) -> list[Finding]:
    """Rule 7: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 (a warning: 修改/清理 break it)."""
    last = report.last_year
    if last is None:
        return []
    out = []
    for r in T2_DOCUMENT_ROWS:
        row = report.tables["t2"][r]
        issued, repealed, in_force = row[ISSUED], row[REPEALED], row[IN_FORCE]
        before = last.tables["t2"][r][IN_FORCE]
        if issued is None or repealed is None or in_force is None or before is None:
            continue
        expected = before + issued - repealed
        if expected == in_force:
            continue
        arithmetic = (f"表二 {T2.cell_label(r, IN_FORCE)} 按上年{_IN_FORCE} {fmt(before)} + {_ISSUED} {fmt(issued)} − "
                      f"{_REPEALED} {fmt(repealed)}")
        if expected < 0:  # more repealed than there were: last year's figure or this year's is off
            message = (f"{arithmetic} 得 {fmt(expected)}，不可能为负：{_REPEALED}多于上年{_IN_FORCE}与{_ISSUED}之和，"
                       f"请核实上年或本年的件数")
        else:
            message = f"{arithmetic} 应为 {fmt(expected)}，现为 {fmt(in_force)}；如有修改或清理请核实"
        out.append(Finding("in_force", WARNING, message, (CellRef("t2", r, IN_FORCE),),
                           expected=expected if expected >= 0 else None, actual=in_force))
    return out


CROSS_YEAR_RULES = (check_carried_over, check_in_force)
