"""``check(report) -> list[Finding]``: every rule of FORMAT.md §6, pure and fast.

The editor runs it on every keystroke; a full check stays well under 1 ms
(``benchmarks/bench_check.py``).
"""

from __future__ import annotations

from ..findings import ERROR, WARNING, Finding
from ..model import Report
from .cross_year import CROSS_YEAR_RULES
from .drafted import DRAFTED_RULES
from .tables import TABLE_RULES
from .text import TEXT_RULES

# Rule id → (FORMAT.md §6 rule number, what it checks). Documented in docs/file-format.md.
RULES = {
    "t3_row_total": (1, "表三每行：总计 = 自然人 + 五类法人或其他组织"),
    "t3_column_total": (2, "表三每列：（七）总计 = （一）至（六）各项之和"),
    "t3_balance": (3, "表三每列勾稽关系：一 + 二 = （七）总计 + 四"),
    "t4_total": (4, "表四每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
    "value": (5, "件数为非负整数，收费金额为非负数"),
    "blank": (5, "空格不等于 0：没有发生的请填 0"),
    "carry_over": (6, "本年“上年结转” = 上年“结转下年度继续办理”"),
    "in_force": (7, "现行有效件数 = 上年现行有效 + 本年制发 − 本年废止"),
    "text_figure": (8, "文字中的数字与表格一致"),
    "text_stale": (8, "文字中没有遗留的上年数字"),
    "text_year": (9, "文字中的年度与报告年度一致"),
    "completeness": (10, "各部分齐全；第五部分写问题和改进；第六部分写信息处理费"),
    "drafted_stale": (8, "程序起草的数据说明所依据的数字已改变"),
}

ALL_RULES = TABLE_RULES + CROSS_YEAR_RULES + TEXT_RULES + DRAFTED_RULES


def check(report: Report) -> list[Finding]:
    """All findings for a report, errors first, each group in table/reading order."""
    findings: list[Finding] = []
    for rule in ALL_RULES:
        findings.extend(rule(report))
    findings.sort(key=lambda f: f.severity != ERROR)
    return findings


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in findings if f.severity == ERROR)
    return errors, len(findings) - errors


__all__ = ["check", "count", "Finding", "RULES", "ERROR", "WARNING"]
