"""The sentences that state the tables' figures, drafted for the clerk from this year's and last year's figures.

Four passages, each one paragraph:

- ``active``   一（一）主动公开: 规章 and 行政规范性文件 制发/废止/现行有效, 行政许可/处罚/强制, 行政事业性收费 (表二);
- ``requests`` 一（二）依申请公开: new applications by applicant, carried over, results, carried to next year (表三);
- ``reviews``  行政复议、行政诉讼 (表四), placed in part 一;
- ``fees``     part 六's 信息处理费 sentence (``Report.information_fees``: the tables do not hold it).

The wording states the figures and nothing more. Every figure is a table value or a sum of table
values whose name it carries; year-on-year changes are given in 件 and, when last year's figure is
not 0, in per cent with one decimal. Zero is said the way real reports say it ("本年度未收到政府信息
公开申请"). The text-against-table rule (checks/text.py) reads these sentences back and agrees.

Cells are addressed by the schema's row and column keys; every figure read is recorded under a
key ("t3.0.6", "last.t3.0.6", "fees.notices") so a drafted passage knows what it was drawn from.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..errors import UserError
from .model import Report, Value
from .values import format_figure
from .schema import (
    PART_BY_KEY,
    T2,
    T3,
    T3_GROUPS,
    T3_LEGAL_PERSONS,
    T4,
    T4_LITIGATION,
    T4_RECONSIDERATION,
    TABLE_NAMES,
    TABLES,
    CellRef,
    RowSpec,
    TableSpec,
)

ACTIVE = "active"
REQUESTS = "requests"
REVIEWS = "reviews"
FEES = "fees"
KINDS: tuple[str, ...] = (ACTIVE, REQUESTS, REVIEWS, FEES)
KIND_PARTS = {ACTIVE: "p1", REQUESTS: "p1", REVIEWS: "p1", FEES: "p6"}
KIND_NAMES = {
    ACTIVE: PART_BY_KEY[T2.part].short,
    REQUESTS: PART_BY_KEY[T3.part].short,
    REVIEWS: f"{T4_RECONSIDERATION}、{T4_LITIGATION}",
    FEES: "信息处理费",
}

FEE_FIELDS = {
    "notices": "发出收费通知的件数",
    "notice_amount": "收费通知的总金额（元）",
    "collected": "实际收取的总金额（元）",
}


class DraftIncomplete(UserError):
    """A passage cannot be drafted: figures it needs are blank."""


class Draft(NamedTuple):
    kind: str
    text: str
    figures: dict[str, Value]  # figure key → value, every figure the text was drawn from


# ---- figure keys ---------------------------------------------------------------


def cell_key(cell: CellRef, last: bool = False) -> str:
    return f"{'last.' if last else ''}{cell.table}.{cell.row}.{cell.col}"


@lru_cache(maxsize=1024)
def _parse_key(key: str) -> tuple[bool, CellRef | None, str | None]:
    """(last year?, cell, fee field) of a figure key; raises ValueError for a malformed key.
    Cached: the out-of-date rule reads every recorded figure on every keystroke."""
    if key.startswith("fees."):
        name = key[5:]
        if name not in FEE_FIELDS:
            raise ValueError(key)
        return False, None, name
    last = key.startswith("last.")
    table, row, col = (key[5:] if last else key).split(".")
    spec = TABLES[table]
    r, c = int(row), int(col)
    if not (0 <= r < len(spec.rows) and 0 <= c < len(spec.row_columns[r])):
        raise ValueError(key)
    return last, CellRef(table, r, c), None


def is_figure_key(key: str) -> bool:
    try:
        _parse_key(key)
    except (ValueError, KeyError):
        return False
    return True


def figure_value(report: Report, key: str) -> Value:
    """The value a figure key names in ``report`` now; None for a blank or absent figure."""
    last, cell, fee = _parse_key(key)
    if fee is not None:
        value: Value = getattr(report.information_fees, fee)
        return value
    assert cell is not None
    if last:
        if report.last_year is None:
            return None
        return report.last_year.tables[cell.table][cell.row][cell.col]
    return report.tables[cell.table][cell.row][cell.col]


def figure_cell(key: str) -> CellRef | None:
    """The cell of this year's tables a figure key names (None for last year's and the fee figures)."""
    last, cell, _ = _parse_key(key)
    return None if last else cell


def figure_name(key: str) -> str:
    """How a message names a figure: "表三 一、本年新收申请·总计", "上年表三 …", "信息处理费·收费通知件数"."""
    last, cell, fee = _parse_key(key)
    if fee is not None:
        return f"信息处理费·{FEE_FIELDS[fee]}"
    assert cell is not None
    name = f"{TABLE_NAMES[cell.table]} {TABLES[cell.table].cell_label(cell.row, cell.col)}"
    return f"上年{name}" if last else name


# ---- addressing by schema keys ---------------------------------------------------


def _cell(spec: TableSpec, row_key: str, column_key: str | None = None) -> CellRef:
    """A cell by its keys; without a column key, the only value of a one-value row."""
    if column_key is None:
        return CellRef(spec.key, spec.row_index(row_key), 0)
    return spec.ref(row_key, column_key)


def _item(label: str) -> str:
    """"（三）不予公开" → "不予公开"; "1.属于国家秘密" → "属于国家秘密"."""
    return re.sub(r"^(?:（[一二三四五六七八九十]）|\d+\.)", "", label)


def _sub_item(row: RowSpec) -> str:
    """A grouped row's own name: "（三）不予公开·1.属于国家秘密" → "属于国家秘密"."""
    return _item(row.short.split("·")[-1])


class _Figures:
    """Reads figures for one draft and remembers each read; a blank this-year figure is named, not guessed."""

    def __init__(self, report: Report):
        self.report = report
        self.read: dict[str, Value] = {}
        self.blank: list[str] = []

    def now(self, cell: CellRef) -> int | float:
        key = cell_key(cell)
        value = figure_value(self.report, key)
        self.read[key] = value
        if value is None:
            if key not in self.blank:
                self.blank.append(key)
            return 0
        return value

    def last(self, cell: CellRef) -> Value:
        """Last year's figure, or None without last year's figures (a blank there counts as unknown)."""
        key = cell_key(cell, last=True)
        value = figure_value(self.report, key)
        self.read[key] = value
        return value

    def fee(self, name: str) -> Value:
        key = f"fees.{name}"
        value = figure_value(self.report, key)
        self.read[key] = value
        if value is None and key not in self.blank:
            self.blank.append(key)
        return value

    def done(self, kind: str, text: str) -> Draft:
        if self.blank:
            names = "、".join(figure_name(k) for k in self.blank[:4]) + ("等" if len(self.blank) > 4 else "")
            raise DraftIncomplete(f"{names}尚未填写，无法起草“{KIND_NAMES[kind]}”的数据说明")
        return Draft(kind, text, dict(self.read))


# ---- numbers in words ---------------------------------------------------------------


def percent(change: int | float, before: int | float) -> str:
    """|change| / before in per cent, one decimal, rounded half up: 12/74 → "16.2"."""
    ratio = Decimal(abs(change)) * 100 / Decimal(before)
    return str(ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def change_clause(now: int | float, before: Value) -> str:
    """"，较上年增加12件，增长16.2%" / "，与上年持平" / "" without last year's figure."""
    if before is None:
        return ""
    diff = now - before
    if diff == 0:
        return "，与上年持平"
    word, trend = ("增加", "增长") if diff > 0 else ("减少", "下降")
    text = f"，较上年{word}{format_figure(abs(diff))}件"
    if before != 0:
        text += f"，{trend}{percent(diff, before)}%"
    return text


def _listing(items: Sequence[tuple[str, object]]) -> str:
    return "、".join(f"{name}{format_figure(value)}件" for name, value in items)


# ---- 一（一）主动公开: table 2 ------------------------------------------------------------


def _draft_active(report: Report) -> Draft:
    f = _Figures(report)
    sentences = []
    for row_key in ("rules", "normative_documents"):
        label = T2.rows[T2.row_index(row_key)].label
        issued = f.now(_cell(T2, row_key, "issued"))
        repealed = f.now(_cell(T2, row_key, "repealed"))
        in_force = f.now(_cell(T2, row_key, "in_force"))
        if issued == 0 and repealed == 0:
            head = f"本年度未制发、废止{label}"
        elif issued and repealed:
            head = f"本年度制发{label}{format_figure(issued)}件，废止{format_figure(repealed)}件"
        elif issued:
            head = f"本年度制发{label}{format_figure(issued)}件，未废止{label}"
        else:
            head = f"本年度未制发{label}，废止{label}{format_figure(repealed)}件"
        tail = f"现行有效{label}{format_figure(in_force)}件" if in_force else f"无现行有效的{label}"
        sentences.append(f"{head}，{tail}。")
    decisions: list[tuple[str, Value]] = []
    none: list[tuple[str, Value]] = []
    for row_key in ("licensing", "penalty", "enforcement"):
        label = T2.rows[T2.row_index(row_key)].label
        value = f.now(_cell(T2, row_key))
        (decisions if value else none).append((label, value))
    parts = []
    if decisions:
        parts.append("本年度作出" + "、".join(f"{label}决定{format_figure(v)}件" for label, v in decisions))
    if none:
        parts.append(("本年度" if not decisions else "") + "未作出" + "、".join(label for label, _ in none) + "决定")
    sentences.append("，".join(parts) + "。")
    fee_label = T2.rows[T2.row_index("fees")].label
    fee = f.now(_cell(T2, "fees"))
    sentences.append(f"本年度{fee_label}{format_figure(fee)}万元。" if fee else f"本年度未收取{fee_label}。")
    return f.done(ACTIVE, "".join(sentences))


# ---- 一（二）依申请公开: table 3 --------------------------------------------------------


def _row_total(f: _Figures, row_key: str) -> int | float:
    return f.now(_cell(T3, row_key, "total"))


def _draft_requests(report: Report) -> Draft:
    f = _Figures(report)
    new = _row_total(f, "new_received")
    new_before = f.last(_cell(T3, "new_received", "total"))
    carried = _row_total(f, "carried_from_last_year")
    handled = _row_total(f, "total_handled")
    forward = _row_total(f, "carried_to_next_year")
    out = []
    if new == 0:
        first = "本年度未收到政府信息公开申请"
        if new_before:
            first += f"，上年为{format_figure(new_before)}件"
    else:
        first = f"本年度新收政府信息公开申请{format_figure(new)}件" + change_clause(new, new_before)
    carried_text = (f"上年结转政府信息公开申请{format_figure(carried)}件" if carried
                    else "无上年结转的政府信息公开申请")
    if new == 0 and carried == 0:
        out.append(f"{first}，{carried_text}。")
        return f.done(REQUESTS, "".join(out))
    out.append(first + "。")
    if new:
        out.append(_applicants(f))
    out.append(carried_text + "。")
    if handled:
        out.append(f"本年度办结政府信息公开申请{format_figure(handled)}件，其中{_results(f)}。")
    else:
        out.append("本年度尚无办结的政府信息公开申请。")
    out.append(f"另有{format_figure(forward)}件政府信息公开申请结转下年度继续办理。" if forward
               else "无结转下年度继续办理的政府信息公开申请。")
    return f.done(REQUESTS, "".join(out))


def _applicants(f: _Figures) -> str:
    row = T3.row_index("new_received")
    natural = f.now(_cell(T3, "new_received", "natural_person"))
    organisations = []
    for column in T3.row_columns[row]:
        if column.key in ("natural_person", "total"):
            continue
        organisations.append((column.label, f.now(_cell(T3, "new_received", column.key))))
    natural_label = T3.row_columns[row][T3.column_index("natural_person", row)].label
    organisation_sum = sum(v for _, v in organisations)
    if not organisation_sum:
        return f"以上申请均为{natural_label}申请。"
    if not natural:
        return f"以上申请均为{T3_LEGAL_PERSONS}申请（{_listing([(n, v) for n, v in organisations if v])}）。"
    return (f"其中，{natural_label}申请{format_figure(natural)}件，"
            f"{T3_LEGAL_PERSONS}申请{format_figure(organisation_sum)}件"
            f"（{_listing([(n, v) for n, v in organisations if v])}）。")


def _results(f: _Figures) -> str:
    """"予以公开39件、部分公开15件、不予公开1件（属于国家秘密1件）、…" — only categories that occurred."""
    items = []
    for key in ("disclosed", "partly_disclosed"):
        value = f.now(_cell(T3, key, "total"))
        if value:
            items.append(f"{_item(T3.rows[T3.row_index(key)].short)}{format_figure(value)}件")
    for group in ("withheld", "unavailable", "not_processed", "other_handling"):
        rows = [(r, row) for r, row in enumerate(T3.rows) if row.group == group]
        values = [(_sub_item(row), f.now(_cell(T3, row.key, "total"))) for _, row in rows]
        total = sum(v for _, v in values)
        if total:
            listing = _listing([(n, v) for n, v in values if v])
            items.append(f"{_item(T3_GROUPS[group])}{format_figure(total)}件（{listing}）")
    return "、".join(items)


# ---- 行政复议、行政诉讼: table 4 ----------------------------------------------------------


def _outcomes(f: _Figures, row_key: str) -> str:
    row = T4.row_index(row_key)
    items = []
    for column in T4.row_columns[row]:
        if column.key == "total":
            continue
        value = f.now(_cell(T4, row_key, column.key))
        if value:
            items.append((column.label, value))
    return _listing(items)


def _draft_reviews(report: Report) -> Draft:
    f = _Figures(report)
    reconsideration = f.now(_cell(T4, "reconsideration", "total"))
    reconsideration_before = f.last(_cell(T4, "reconsideration", "total"))
    suits = [(T4.rows[T4.row_index(key)].label, key, f.now(_cell(T4, key, "total")),
              f.last(_cell(T4, key, "total")))
             for key in ("direct_suit", "suit_after_reconsideration")]
    litigation = sum(s[2] for s in suits)
    before = [s[3] for s in suits if s[3] is not None]
    litigation_before = sum(before) if len(before) == len(suits) else None
    if reconsideration == 0 and litigation == 0:
        text = f"本年度未发生政府信息公开{T4_RECONSIDERATION}、{T4_LITIGATION}案件"
        if reconsideration_before or litigation_before:
            text += (f"，上年{T4_RECONSIDERATION}{format_figure(reconsideration_before or 0)}件、"
                     f"{T4_LITIGATION}{format_figure(litigation_before or 0)}件")
        return f.done(REVIEWS, text + "。")
    out = []
    if reconsideration:
        out.append(f"本年度发生政府信息公开{T4_RECONSIDERATION}{format_figure(reconsideration)}件"
                   + change_clause(reconsideration, reconsideration_before)
                   + f"，其中{_outcomes(f, 'reconsideration')}。")
    else:
        out.append(f"本年度未发生政府信息公开{T4_RECONSIDERATION}" +
                   (f"，上年为{format_figure(reconsideration_before)}件" if reconsideration_before else "") + "。")
    if litigation:
        groups = [f"{label}{format_figure(value)}件（{_outcomes(f, key)}）" for label, key, value, _ in suits if value]
        out.append(f"本年度发生政府信息公开{T4_LITIGATION}{format_figure(litigation)}件"
                   + change_clause(litigation, litigation_before) + "，其中" + "，".join(groups) + "。")
    else:
        out.append(f"本年度未发生政府信息公开{T4_LITIGATION}" +
                   (f"，上年为{format_figure(litigation_before)}件" if litigation_before else "") + "。")
    return f.done(REVIEWS, "".join(out))


# ---- 六: 信息处理费 ---------------------------------------------------------------------


def _draft_fees(report: Report) -> Draft:
    f = _Figures(report)
    notices = f.fee("notices")
    amount = f.fee("notice_amount")
    collected = f.fee("collected")
    if f.blank:
        raise DraftIncomplete("未填写信息处理费情况（发出收费通知的件数、总金额和实际收取的总金额），"
                              "无法起草第六部分的信息处理费说明")
    if not notices and not amount and not collected:
        text = "本年度未收取信息处理费，发出收费通知的件数和总金额以及实际收取的总金额均为0。"
    else:
        text = f"本年度发出信息处理费收费通知{format_figure(notices)}件，收费通知总金额{format_figure(amount)}元，"
        text += f"实际收取信息处理费{format_figure(collected)}元。" if collected else "实际未收取信息处理费。"
    return f.done(FEES, text)


_DRAFTERS = {ACTIVE: _draft_active, REQUESTS: _draft_requests, REVIEWS: _draft_reviews, FEES: _draft_fees}


def draft(report: Report, kind: str) -> Draft:
    """One passage from the report's figures, or :class:`DraftIncomplete` naming the blank figures."""
    return _DRAFTERS[kind](report)


def kinds_of_part(part: str) -> tuple[str, ...]:
    """The passages drafted for a part, in reading order: p1 → 主动公开, 依申请公开, 复议诉讼; p6 → 信息处理费."""
    return tuple(k for k in KINDS if KIND_PARTS[k] == part)
