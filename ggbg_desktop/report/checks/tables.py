"""Rules 1–5 of FORMAT.md §6: the sums of tables 3 and 4 and the kinds of values."""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..findings import ERROR, Finding
from ..model import MAX_VALUE, Report
from ..schema import (
    COUNT,
    T3,
    T3_CARRIED_FORWARD,
    T3_CARRIED_OVER,
    T3_COLUMNS,
    T3_LEGAL_PERSONS,
    T3_NEW_RECEIVED,
    T3_PART_COLUMNS,
    T3_RESULT_ROWS,
    T3_TOTAL_COLUMN,
    T3_TOTAL_HANDLED,
    T4,
    T4_COLUMNS,
    T4_PART_COLUMNS,
    T4_TOTAL_COLUMN,
    TABLE_NAMES,
    TABLES,
    CellRef,
)
from ..values import format_figure as fmt

# The rows of table 3's balance (rule 3): 一 + 二 = （七）总计 + 四.
_BALANCE_ROWS = (T3_NEW_RECEIVED, T3_CARRIED_OVER, T3_TOTAL_HANDLED, T3_CARRIED_FORWARD)
_HANDLED = T3.rows[T3_TOTAL_HANDLED].short
_ROW_PARTS_NAMED = f"本行{T3_COLUMNS[T3.column_index('natural_person')].label}与五类{T3_LEGAL_PERSONS}之和"


def _sum_rule(report: Report, rule: str, total: CellRef, parts: tuple[CellRef, ...], what: str) -> Finding | None:
    """A total that must equal the sum of its parts; no finding while any of them is blank
    (the blank rule names those)."""
    table = report.tables[total.table]
    value = table[total.row][total.col]
    values = [v for ref in parts if (v := table[ref.row][ref.col]) is not None]
    if value is None or len(values) != len(parts):
        return None
    expected = sum(values)
    if expected == value:
        return None
    spec = TABLES[total.table]
    return Finding(
        rule, ERROR,
        f"{TABLE_NAMES[total.table]} {spec.cell_label(total.row, total.col)} 应为 {fmt(expected)}，"
        f"现为 {fmt(value)}（{what}）",
        (total,) + parts, expected=expected, actual=value,
    )


def _found(findings: Iterable[Finding | None]) -> list[Finding]:
    return [f for f in findings if f is not None]


# (total cell, its parts) of each sum rule; built once, the checks run on every keystroke.
T3_ROW_SUMS = tuple((CellRef("t3", r, T3_TOTAL_COLUMN), tuple(CellRef("t3", r, c) for c in T3_PART_COLUMNS))
                    for r in range(len(T3.rows)))
T3_COLUMN_SUMS = tuple((CellRef("t3", T3_TOTAL_HANDLED, c), tuple(CellRef("t3", r, c) for r in T3_RESULT_ROWS))
                       for c in range(len(T3_COLUMNS)))
T4_SUMS = tuple((CellRef("t4", r, T4_TOTAL_COLUMN), tuple(CellRef("t4", r, c) for c in T4_PART_COLUMNS))
                for r in range(len(T4.rows)))


def check_t3_row_totals(report: Report) -> list[Finding]:
    """Rule 1: every row's 总计 = 自然人 + 商业企业 + … + 其他."""
    return _found(_sum_rule(report, "t3_row_total", total, parts, _ROW_PARTS_NAMED)
                  for total, parts in T3_ROW_SUMS)


def check_t3_column_totals(report: Report) -> list[Finding]:
    """Rule 2: every column's （七）总计 = the sum of the 21 result rows."""
    return _found(_sum_rule(report, "t3_column_total", total, parts, "（一）至（六）各项办理结果之和")
                  for total, parts in T3_COLUMN_SUMS)


def check_t3_balance(report: Report) -> list[Finding]:
    """Rule 3 (the printed 勾稽关系): 一 + 二 = （七）总计 + 四, column by column."""
    out = []
    t3 = report.tables["t3"]
    for c in range(len(T3_COLUMNS)):
        new, carried, handled, forward = (t3[r][c] for r in _BALANCE_ROWS)
        if new is None or carried is None or handled is None or forward is None:
            continue
        incoming, outgoing = new + carried, handled + forward
        if incoming != outgoing:
            column = T3_COLUMNS[c].label
            out.append(Finding(
                "t3_balance", ERROR,
                f"表三 {column}列勾稽关系不成立：一+二 = {fmt(new)}+{fmt(carried)} = {fmt(incoming)}，"
                f"{_HANDLED}+四 = {fmt(handled)}+{fmt(forward)} = {fmt(outgoing)}，两者应相等",
                tuple(CellRef("t3", r, c) for r in _BALANCE_ROWS),
                expected=incoming, actual=outgoing,
            ))
    return out


_T4_PARTS_NAMED = "、".join(T4_COLUMNS[c].label for c in T4_PART_COLUMNS) + "之和"


def check_t4_totals(report: Report) -> list[Finding]:
    """Rule 4: in each of the three groups, 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    return _found(_sum_rule(report, "t4_total", total, parts, _T4_PARTS_NAMED) for total, parts in T4_SUMS)


def check_values(report: Report) -> list[Finding]:
    """Rule 5: counts are non-negative integers, the fee a non-negative number; blank is not 0."""
    out = []
    for key, spec in TABLES.items():
        blanks = []
        for r, row in enumerate(report.tables[key]):
            for c, value in enumerate(row):
                if value is None:
                    blanks.append(CellRef(key, r, c))
                elif type(value) is int and 0 <= value <= MAX_VALUE:
                    continue  # the common case, decided without building a message
                else:
                    problem = _value_problem(value, spec.kind(r, c))
                    if problem:
                        label = f"{TABLE_NAMES[key]} {spec.cell_label(r, c)}"
                        out.append(Finding("value", ERROR, f"{label} {problem}", (CellRef(key, r, c),),
                                           actual=value))
        if blanks:
            first = spec.cell_label(blanks[0].row, blanks[0].col)
            more = f"等 {len(blanks)} 格" if len(blanks) > 1 else ""
            out.append(Finding(
                "blank", ERROR,
                f"{TABLE_NAMES[key]} {first}{more}未填写：空格不等于 0，没有发生的请填 0",
                tuple(blanks),
            ))
    return out


def _value_problem(value: object, kind: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"应为数字，现为“{value}”"
    if isinstance(value, float) and not math.isfinite(value):
        return "不是有效的数字"
    if abs(value) > MAX_VALUE:
        return "数值过大，请核对"
    if value < 0:
        return f"不能为负数，现为 {fmt(value)}"
    if kind == COUNT and isinstance(value, float) and not value.is_integer():
        return f"应为整数（件数），现为 {fmt(value)}"
    return None


TABLE_RULES = (
    check_t3_row_totals,
    check_t3_column_totals,
    check_t3_balance,
    check_t4_totals,
    check_values,
)
