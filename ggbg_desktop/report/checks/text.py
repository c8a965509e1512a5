"""Rules 8–10 of FORMAT.md §6: the narrative against the tables, the year, completeness."""

from __future__ import annotations

import re

from ..findings import WARNING, Finding, TextSpan
from ..model import Matrix, Report, Value
from ..narrative import (
    CARRIED_FORWARD,
    CARRIED_OVER,
    FACT_NAMES,
    Sentence,
    FEES,
    HANDLED,
    LITIGATION,
    NEW_RECEIVED,
    RECONSIDERATION,
    current_year_mentions,
    stated_figures,
)
from ..schema import PART_BY_KEY, T2, T3, T4, TABLE_NAMES, TABLES, TEXT_PARTS, CellRef, header_field, part_name
from ..values import format_figure as fmt

NARRATIVE = ("preamble",) + TEXT_PARTS

# The table cells whose sum a stated figure describes.
FACT_CELLS: dict[str, tuple[CellRef, ...]] = {
    NEW_RECEIVED: (T3.ref("new_received", "total"),),
    CARRIED_OVER: (T3.ref("carried_from_last_year", "total"),),
    HANDLED: (T3.ref("total_handled", "total"),),
    CARRIED_FORWARD: (T3.ref("carried_to_next_year", "total"),),
    RECONSIDERATION: (T4.ref("reconsideration", "total"),),
    LITIGATION: (T4.ref("direct_suit", "total"), T4.ref("suit_after_reconsideration", "total")),
    FEES: (T2.ref("fees", "fees"),),
}


def _cells_name(cells: tuple[CellRef, ...]) -> str:
    return "与".join(f"{TABLE_NAMES[c.table]} {TABLES[c.table].cell_label(c.row, c.col)}" for c in cells)


def _table_sum(tables: dict[str, Matrix], cells: tuple[CellRef, ...]) -> Value:
    values = [tables[c.table][c.row][c.col] for c in cells]
    present = [v for v in values if v is not None]
    return sum(present) if len(present) == len(values) else None


def check_stated_figures(report: Report) -> list[Finding]:
    """Rule 8: figures the narrative states equal the table values they describe.

    With last year's figures at hand, a stated figure that is last year's value and
    not this year's is reported as left over from last year's text.
    """
    out = []
    year = report.meta.year
    last = report.last_year
    for part in NARRATIVE:
        text = report.part_text(part)
        if not text:
            continue
        for fig in stated_figures(text, year):
            cells = FACT_CELLS[fig.fact]
            table_value = _table_sum(report.tables, cells)
            last_value = _table_sum(last.tables, cells) if last is not None else None
            span = TextSpan(part, fig.start, fig.end)
            if table_value is not None and table_value == fig.value:
                continue
            stated = fmt(fig.value)
            if last_value is not None and last_value == fig.value:
                out.append(Finding(
                    "text_stale", WARNING,
                    f"{part_name(part)}“{_quote(text, fig.sentence)}”中的 {stated} 是上年报告的数字"
                    f"（{FACT_NAMES[fig.fact]}），请按本年数据改写",
                    cells, span, expected=table_value, actual=fig.value,
                ))
            elif table_value is not None:
                out.append(Finding(
                    "text_figure", WARNING,
                    f"{part_name(part)}文字称{FACT_NAMES[fig.fact]} {stated}，"
                    f"但{_cells_name(cells)}为 {fmt(table_value)}",
                    cells, span, expected=table_value, actual=fig.value,
                ))
    return out


# A sentence about a later year that speaks of plans, not of what was done.
_FUTURE_WORDS = re.compile(r"将|计划|拟|打算|力争|下一步|今后|明年|预计|争取")


def check_years(report: Report) -> list[Finding]:
    """Rule 9: no sentence speaks of another year (earlier or later) as the one being reported on."""
    year = report.meta.year
    if not year:
        return []
    out = []
    title = report.meta.title
    for m in re.finditer(r"((?:19|20)\d{2})\s*年", title or ""):
        if int(m.group(1)) != year:
            out.append(Finding(
                "text_year", WARNING,
                f"{header_field('title').label}中的年度 {m.group(1)} 与{header_field('year').label} {year} 不一致",
                expected=year, actual=int(m.group(1)), field="title",
            ))
            break
    for part in NARRATIVE:
        text = report.part_text(part)
        if not text:
            continue
        seen_sentences = set()
        for mention in current_year_mentions(text):
            if mention.year == year or mention.sentence.start in seen_sentences:
                continue
            if mention.year > year and _FUTURE_WORDS.search(text, mention.sentence.start, mention.sentence.end):
                continue  # plans for the coming year: "2024年，我局将…"
            seen_sentences.add(mention.sentence.start)
            hint = ("是否为上年遗留文字" if mention.year < year
                    else f"{header_field('year').label}或这段文字的年份是否有误")
            out.append(Finding(
                "text_year", WARNING,
                f"{part_name(part)}“{_quote(text, mention.sentence)}”把 {mention.year} 年当作本年度来写，"
                f"本报告是 {year} 年度，请核实{hint}",
                (), TextSpan(part, mention.sentence.start, mention.sentence.end),
                expected=year, actual=mention.year,
            ))
    return out


def _quote(text: str, sentence: Sentence, limit: int = 40) -> str:
    """The sentence as the clerk wrote it, shortened for a message."""
    quoted = text[sentence.start:sentence.end].strip().rstrip("。；;")
    return quoted if len(quoted) <= limit else quoted[:limit] + "…"


_FEE_WORDS = re.compile(r"信息处理费|收费|收取|费用")
_PROBLEM_WORDS = re.compile(r"问题|不足|差距|短板|薄弱|欠缺|有待")
_IMPROVEMENT_WORDS = re.compile(r"改进|整改|加强|下一步|措施|提升|完善|将|推进|强化")


def check_completeness(report: Report) -> list[Finding]:
    """Rule 10: organ, year and a date for the signature given; every part present; 六 speaks of the fee;
    五 of problems and improvements."""
    out = []
    meta = report.meta
    if not meta.organ.strip():
        out.append(Finding("completeness", WARNING, f"未填写{header_field('organ').label}", field="organ"))
    if not meta.year:
        out.append(Finding("completeness", WARNING, f"未填写{header_field('year').label}", field="year"))
    if not meta.signature_date and not meta.published:  # the signature prints the one, else the other
        signed, published = header_field("signature_date").label, header_field("published").label
        out.append(Finding("completeness", WARNING,
                           f"未填写{signed}：导出的落款将没有日期（请填写{signed}或{published}）",
                           field="signature_date"))
    for key in TEXT_PARTS:
        if not report.parts.get(key, "").strip():
            out.append(Finding("completeness", WARNING, f"{part_name(key)}“{PART_BY_KEY[key].title}”没有内容",
                               span=TextSpan(key, 0, 0)))
    p5 = report.parts.get("p5", "")
    if p5.strip():
        if not _PROBLEM_WORDS.search(p5):
            out.append(Finding("completeness", WARNING, "第五部分应写明存在的主要问题",
                               span=TextSpan("p5", 0, len(p5))))
        if not _IMPROVEMENT_WORDS.search(p5):
            out.append(Finding("completeness", WARNING, "第五部分应写明改进情况",
                               span=TextSpan("p5", 0, len(p5))))
    p6 = report.parts.get("p6", "")
    if p6.strip() and not _FEE_WORDS.search(p6):
        out.append(Finding(
            "completeness", WARNING,
            "第六部分应说明信息处理费情况（国办函〔2020〕109号）：发出收费通知件数、金额和实际收取金额",
            span=TextSpan("p6", 0, len(p6)),
        ))
    return out


TEXT_RULES = (check_stated_figures, check_years, check_completeness)
