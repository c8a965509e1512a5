"""Reads every figure of a drafted passage back and names the table value it must equal.

Written apart from report/drafting.py, from the schema's keys and the wording alone: each number
is taken with the words just before it (its label), the words before the bracket it stands in
(its owner) and its sentence's first label (its subject); the label says which figure it is.
A number the reader cannot name fails the test, so no figure goes unchecked.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from ggbg_desktop.report.schema import T2, T3, T3_GROUPS, T4

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(件|万元|元|%)?")
_DELIMITERS = "，。、（）；"


class Stated(NamedTuple):
    label: str
    value: float
    unit: str
    owner: str  # label before the enclosing bracket, "" outside brackets
    subject: str  # first label of the sentence
    sentence: str


def stated(text: str) -> list[Stated]:
    out = []
    for m in _NUMBER.finditer(text):
        before = text[:m.start()]
        cut = max(before.rfind(ch) for ch in _DELIMITERS)
        label = before[cut + 1:]
        label = label.removeprefix("其中")
        open_ = before.rfind("（")
        owner = ""
        if open_ > before.rfind("）"):
            head = before[:open_]
            owner = head[max(head.rfind(ch) for ch in _DELIMITERS) + 1:].removeprefix("其中")
            owner = re.sub(r"\d+(?:\.\d+)?(?:件|万元|元|%)?$", "", owner)
        start = max(before.rfind("。"), -1) + 1
        end = text.find("。", m.end())
        sentence = text[start:end if end >= 0 else len(text)]
        first = _NUMBER.search(sentence)
        subject_before = sentence[:first.start()] if first else sentence
        subject = subject_before[max(subject_before.rfind(ch) for ch in _DELIMITERS) + 1:]
        value = float(m.group(1))
        value = int(value) if value.is_integer() else value
        out.append(Stated(label, value, m.group(2) or "", owner, subject, sentence))
    return out


def _t(report, table, row_key, col_key=None, last=False):
    spec = {"t2": T2, "t3": T3, "t4": T4}[table]
    row = spec.row_index(row_key)
    col = 0 if col_key is None else [c.key for c in spec.row_columns[row]].index(col_key)
    tables = report.last_year.tables if last else report.tables
    return tables[table][row][col]


def _percent(now, before) -> float:
    return float((Decimal(abs(now - before)) * 100 / Decimal(before)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _item(text: str) -> str:
    return re.sub(r"^(?:（[一二三四五六七]）|\d+\.)", "", text)


def _subjects(report) -> dict[str, tuple]:
    """Sentence subject → (this year's value, last year's value or None)."""
    last = report.last_year is not None

    def pair(this, before):
        return this, before if last else None

    litigation = sum(_t(report, "t4", k, "total") for k in ("direct_suit", "suit_after_reconsideration"))
    litigation_before = (sum(_t(report, "t4", k, "total", True) for k in ("direct_suit", "suit_after_reconsideration"))
                         if last else None)
    return {
        "new": pair(_t(report, "t3", "new_received", "total"),
                    _t(report, "t3", "new_received", "total", True) if last else None),
        "reconsideration": pair(_t(report, "t4", "reconsideration", "total"),
                                _t(report, "t4", "reconsideration", "total", True) if last else None),
        "litigation": (litigation, litigation_before),
    }


def _subject_of(s: Stated) -> str | None:
    where = s.sentence
    if "政府信息公开申请" in where and ("新收" in where or "未收到" in where):
        return "new"
    if "行政复议" in where and "行政诉讼" not in where:
        return "reconsideration"
    if "行政诉讼" in where and "行政复议" not in where:
        return "litigation"
    return None


def expected_value(report, s: Stated, fees=None):
    """The table value (or sum of values) the stated figure names; raises KeyError when it names none."""
    subjects = _subjects(report)
    subject = _subject_of(s)
    label = s.label
    # ---- year-on-year change of the sentence's subject
    if label in ("较上年增加", "较上年减少", "增长", "下降", "上年为"):
        now, before = subjects[subject]
        assert before is not None, "a change stated without last year's figures"
        if label == "上年为":
            return before
        if label in ("增长", "下降"):
            assert (now > before) == (label == "增长")
            return _percent(now, before)
        assert (now > before) == (label == "较上年增加")
        return abs(now - before)
    # ---- table 3
    t3_columns = {c.label: c.key for c in T3.row_columns[0]}
    if label == "本年度新收政府信息公开申请":
        return _t(report, "t3", "new_received", "total")
    if label == "自然人申请":
        return _t(report, "t3", "new_received", "natural_person")
    if label == "法人或其他组织申请":
        return sum(_t(report, "t3", "new_received", c.key) for c in T3.row_columns[0][1:6])
    if s.owner.endswith("法人或其他组织申请"):
        return _t(report, "t3", "new_received", t3_columns[label])
    if label == "上年结转政府信息公开申请":
        return _t(report, "t3", "carried_from_last_year", "total")
    if label == "本年度办结政府信息公开申请":
        return _t(report, "t3", "total_handled", "total")
    if label == "另有" and "结转下年度" in s.sentence:
        return _t(report, "t3", "carried_to_next_year", "total")
    for key in ("disclosed", "partly_disclosed"):
        if label == _item(T3.rows[T3.row_index(key)].short):
            return _t(report, "t3", key, "total")
    for group, group_label in T3_GROUPS.items():
        rows = [r for r in T3.rows if r.group == group]
        if label == _item(group_label) and rows:
            return sum(_t(report, "t3", r.key, "total") for r in rows)
        if s.owner == _item(group_label):
            (row,) = [r for r in rows if _item(r.short.split("·")[-1]) == label]
            return _t(report, "t3", row.key, "total")
    # ---- table 4
    t4_columns = {c.label: c.key for c in T4.row_columns[0]}
    if label == "本年度发生政府信息公开行政复议":
        return _t(report, "t4", "reconsideration", "total")
    if label == "本年度发生政府信息公开行政诉讼":
        return subjects["litigation"][0]
    suit_rows = {T4.rows[T4.row_index(k)].label: k for k in ("direct_suit", "suit_after_reconsideration")}
    if label in suit_rows:
        return _t(report, "t4", suit_rows[label], "total")
    if s.owner in suit_rows:
        return _t(report, "t4", suit_rows[s.owner], t4_columns[label])
    if label in t4_columns and subject == "reconsideration":
        return _t(report, "t4", "reconsideration", t4_columns[label])
    if label == "上年行政复议":
        return subjects["reconsideration"][1]
    if label == "行政诉讼" and "上年行政复议" in s.sentence:
        return subjects["litigation"][1]
    # ---- table 2
    for key in ("rules", "normative_documents"):
        name = T2.rows[T2.row_index(key)].label
        if label == f"本年度制发{name}":
            return _t(report, "t2", key, "issued")
        if label == f"废止{name}" or label == "废止" and f"制发{name}" in s.sentence:
            return _t(report, "t2", key, "repealed")
        if label == f"现行有效{name}":
            return _t(report, "t2", key, "in_force")
    for key in ("licensing", "penalty", "enforcement"):
        name = T2.rows[T2.row_index(key)].label
        if label in (f"本年度作出{name}决定", f"{name}决定"):
            return _t(report, "t2", key)
    if label == f"本年度{T2.rows[T2.row_index('fees')].label}" and s.unit == "万元":
        return _t(report, "t2", "fees")
    # ---- part 六: 信息处理费
    if fees is not None:
        if label == "本年度发出信息处理费收费通知":
            return fees.notices
        if label == "收费通知总金额":
            return fees.notice_amount
        if label == "实际收取信息处理费":
            return fees.collected
        if label == "发出收费通知的件数和总金额以及实际收取的总金额均为":
            assert fees.notices == fees.notice_amount == fees.collected == 0
            return 0
    raise KeyError(f"no table value is named by “{label}”（{s.sentence}）")
