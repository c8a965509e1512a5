"""``check(report) -> list[Finding]``: every rule of FORMAT.md §6, pure and fast.

The editor runs it on every keystroke; a full check stays well under 1 ms
(``benchmarks/bench_check.py``). ``check_changed`` gives the same list after an edit
while running only the rules that read what the edit changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import ERROR, WARNING, Finding
from ..model import Report
from ..schema import (
    T2,
    T2_DOCUMENT_COLUMNS,
    T3,
    T3_CARRIED_FORWARD,
    T3_CARRIED_OVER,
    T3_COLUMNS,
    T3_LEGAL_PERSONS,
    T3_TOTAL_COLUMN,
    T3_TOTAL_HANDLED,
    T4_COLUMNS,
    T4_PART_COLUMNS,
    T4_TOTAL_COLUMN,
    CellRef,
    header_field,
)
from .cross_year import CROSS_YEAR_RULES, check_carried_over, check_in_force
from .drafted import DRAFTED_RULES, check_drafted_stale
from .fees import FEE_RULES, check_fee_text
from .tables import (
    TABLE_RULES,
    check_t3_balance,
    check_t3_column_totals,
    check_t3_row_totals,
    check_t4_totals,
    check_values,
)
from .text import NARRATIVE, TEXT_RULES, check_completeness, check_stated_figures, check_years

_T3_TOTAL = T3_COLUMNS[T3_TOTAL_COLUMN].label
_T3_PERSONS = T3_COLUMNS[T3.column_index("natural_person")].label
_T3_HANDLED = T3.rows[T3_TOTAL_HANDLED].short
_T4_TOTAL = T4_COLUMNS[T4_TOTAL_COLUMN].label
_DOCUMENTS = {c.key: c.label for c in T2_DOCUMENT_COLUMNS}  # 本年制发件数, 本年废止件数, 现行有效件数

# Rule id → (FORMAT.md §6 rule number, what it checks). Documented in docs/file-format.md.
RULES = {
    "t3_row_total": (1, f"表三每行：{_T3_TOTAL} = {_T3_PERSONS} + 五类{T3_LEGAL_PERSONS}"),
    "t3_column_total": (2, f"表三每列：{_T3_HANDLED} = （一）至（六）各项之和"),
    "t3_balance": (3, f"表三每列勾稽关系：一 + 二 = {_T3_HANDLED} + 四"),
    "t4_total": (4, f"表四每组：{_T4_TOTAL} = " + " + ".join(T4_COLUMNS[c].label for c in T4_PART_COLUMNS)),
    "value": (5, f"件数为非负整数，{T2.rows[T2.row_index('fees')].short}金额为非负数"),
    "blank": (5, "空格不等于 0：没有发生的请填 0"),
    "carry_over": (6, f"本年“{T3.rows[T3_CARRIED_OVER].short}” = 上年“{T3.rows[T3_CARRIED_FORWARD].short}”"),
    "in_force": (7, f"{_DOCUMENTS['in_force']} = 上年{_DOCUMENTS['in_force']} + {_DOCUMENTS['issued']} − "
                    f"{_DOCUMENTS['repealed']}"),
    "text_figure": (8, "文字中的数字与表格一致"),
    "text_stale": (8, "文字中没有遗留的上年数字"),
    "text_year": (9, f"文字中的年度与{header_field('year').label}一致"),
    "completeness": (10, f"{header_field('organ').label}、{header_field('year').label}、"
                         f"{header_field('signature_date').label}和各部分齐全；第五部分写问题和改进；第六部分写信息处理费"),
    "drafted_stale": (8, "程序起草的数据说明所依据的数字已改变"),
    "text_fee": (8, "第六部分文字中的信息处理费与所填数字一致"),
}

ALL_RULES = TABLE_RULES + CROSS_YEAR_RULES + TEXT_RULES + DRAFTED_RULES + FEE_RULES

# What each rule reads — a table ("t2", "t3", "t4"), a text part ("preamble", "p1", "p5", "p6"),
# "meta" or "last_year" — and the rule ids of the findings it gives.
TEXTS = frozenset(NARRATIVE)
READS = {
    check_t3_row_totals: (frozenset({"t3"}), {"t3_row_total"}),
    check_t3_column_totals: (frozenset({"t3"}), {"t3_column_total"}),
    check_t3_balance: (frozenset({"t3"}), {"t3_balance"}),
    check_t4_totals: (frozenset({"t4"}), {"t4_total"}),
    check_values: (frozenset({"t2", "t3", "t4"}), {"value", "blank"}),
    check_carried_over: (frozenset({"t3", "last_year"}), {"carry_over"}),
    check_in_force: (frozenset({"t2", "last_year"}), {"in_force"}),
    check_stated_figures: (TEXTS | {"t2", "t3", "t4", "meta", "last_year"}, {"text_figure", "text_stale"}),
    check_years: (TEXTS | {"meta"}, {"text_year"}),
    check_completeness: (TEXTS | {"meta"}, {"completeness"}),
    check_drafted_stale: (TEXTS | {"t2", "t3", "t4", "last_year", "drafted"}, {"drafted_stale"}),
    check_fee_text: (frozenset({"p6", "meta", "fees"}), {"text_fee"}),
}


def check(report: Report) -> list[Finding]:
    """All findings for a report, errors first, each group in table/reading order."""
    findings: list[Finding] = []
    for rule in ALL_RULES:
        findings.extend(rule(report))
    findings.sort(key=lambda f: f.severity != ERROR)
    return findings


def check_changed(report: Report, previous: list[Finding], changed: Iterable[CellRef | str]) -> list[Finding]:
    """``check(report)`` after an edit, given the findings before it and what it changed.

    ``changed`` names cells (``CellRef``), text parts ("preamble", "p1", "p5", "p6"),
    "meta" or "last_year". Only the rules that read one of them run again; the other
    rules' findings are taken from ``previous``, so the result equals a full check
    (same findings, same order) as long as ``previous`` was the full check before the edit.
    """
    touched = {item.table if isinstance(item, CellRef) else item for item in changed}
    findings: list[Finding] = []
    for rule in ALL_RULES:
        reads, gives = READS[rule]
        if reads & touched:
            findings.extend(rule(report))
        else:  # errors first then warnings, each in their order: the sort below restores the full order
            findings.extend(f for f in previous if f.rule in gives and f.severity == ERROR)
            findings.extend(f for f in previous if f.rule in gives and f.severity != ERROR)
    findings.sort(key=lambda f: f.severity != ERROR)
    return findings


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in findings if f.severity == ERROR)
    return errors, len(findings) - errors


__all__ = ["ERROR", "RULES", "WARNING", "Finding", "check", "check_changed", "count"]
