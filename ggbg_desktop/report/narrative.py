"""Reading the narrative: sentences, the figures they state, and the years they speak of.

Everything here works on the original text with 1:1 character normalisation, so
every offset found points into the text the clerk typed. Results are cached by
text: the editor re-runs the checks on every keystroke, and the part texts
rarely change between two keystrokes in a table.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .schema import T2, T4_LITIGATION, T4_RECONSIDERATION

# Full-width digits and punctuation to their ASCII twins — one character for one,
# so offsets stay valid. Chained str.replace runs in C; str.translate with a dict
# looks up every character in Python and is ten times slower on a long part.
_WIDTH = [(chr(0xFF10 + i), chr(0x30 + i)) for i in range(10)]
_WIDTH += [("，", ","), ("．", "."), ("：", ":"), ("（", "("), ("）", ")"), ("\u3000", " ")]


def normalise(text: str) -> str:
    """Same length as ``text``: full-width digits and punctuation made half-width."""
    for wide, narrow in _WIDTH:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


class Sentence(NamedTuple):
    start: int
    end: int
    text: str  # normalised


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@lru_cache(maxsize=256)
def sentences(text: str) -> tuple[Sentence, ...]:
    norm = normalise(text)
    out, start = [], 0
    for m in _SENTENCE_END.finditer(norm):
        end = m.end()
        if norm[start:end].strip():
            out.append(Sentence(start, end, norm[start:end]))
        start = end
    if norm[start:].strip():
        out.append(Sentence(start, len(norm), norm[start:]))
    return tuple(out)


# ---- figures the narrative states (FORMAT.md §6 rule 8) --------------------

# What a stated figure describes. The checks map each to a table value.
NEW_RECEIVED = "new_received"
CARRIED_OVER = "carried_over"
HANDLED = "handled"
CARRIED_FORWARD = "carried_forward"
RECONSIDERATION = "reconsideration"
LITIGATION = "litigation"
FEES = "fees"

FACT_NAMES = {
    NEW_RECEIVED: "收到政府信息公开申请",
    CARRIED_OVER: "上年结转申请",
    HANDLED: "办结政府信息公开申请",
    CARRIED_FORWARD: "结转下年度申请",
    RECONSIDERATION: f"政府信息公开{T4_RECONSIDERATION}",
    LITIGATION: f"政府信息公开{T4_LITIGATION}",
    FEES: f"{T2.rows[T2.row_index('fees')].label}（万元）",
}


class StatedFigure(NamedTuple):
    fact: str
    value: float
    start: int  # span of the figure (or of the phrase meaning zero) in the text
    end: int
    sentence: Sentence


# 18,582 / 3 119 (a thin space or a space between groups, as typeset numbers print) / 86
_NUM = r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
CLAUSE = r"[^,。;；!?\n]"  # any character inside one clause of a normalised sentence
_UNIT = r"\s*(?:件|个|份|宗|起|次|条|例)"
# Words that make a figure describe another period or a comparison.
_COMPARISON = re.compile(r"上年(?!度?结转)|去年|上一年|同比|较|往年|累计|历年|比上|环比")
_CHANGE = re.compile(r"增加|减少|增长|下降|多|少")
_APPLICATION_CONTEXT = re.compile(r"申请")
_DISCLOSURE_CONTEXT = re.compile(r"公开")
_MENTIONS_FIGURES = re.compile(r"申请|行政复议|行政诉讼|行政事业性收费")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")

_APPLICATION_PATTERNS = (
    (CARRIED_OVER, re.compile(r"上年(?:度)?结转" + CLAUSE + r"{0,12}?" + _NUM + _UNIT)),
    (CARRIED_FORWARD, re.compile(r"结转(?:至|到)?下(?:一)?年(?:度)?" + CLAUSE + r"{0,10}?" + _NUM + _UNIT)),
    (CARRIED_FORWARD, re.compile(_NUM + _UNIT + CLAUSE + r"{0,12}?结转(?:至|到)?下(?:一)?年")),
    (NEW_RECEIVED, re.compile(r"(?:新收|收到|受理|接收|接到)" + CLAUSE + r"{0,24}?" + _NUM + _UNIT)),
    (HANDLED, re.compile(r"(?:办结|答复|回复|办理完毕|处理完毕)" + CLAUSE + r"{0,16}?" + _NUM + _UNIT)),
    (HANDLED, re.compile(r"办理" + CLAUSE + r"{0,16}?" + _NUM + _UNIT)),
)
_REVIEW_PATTERNS = (
    (RECONSIDERATION, re.compile(r"行政复议(?:案件|申请)?(?:共|为|有)?" + r"[^,。;；\d\n]{0,4}?" + _NUM + _UNIT)),
    (LITIGATION, re.compile(r"行政诉讼(?:案件)?(?:共|为|有)?" + r"[^,。;；\d\n]{0,4}?" + _NUM + _UNIT)),
)
_FEE_PATTERN = re.compile(r"行政事业性收费" + CLAUSE + r"{0,12}?(\d+(?:\.\d+)?)\s*万元")

_NONE = r"(?:未|无|没有|未曾|不存在)"
_ZERO_PATTERNS = (
    (NEW_RECEIVED, re.compile(_NONE + r"(?:收到|接到|受理|发生)?(?:任何)?"
                                      r"(?:政府信息公开|依申请公开|信息公开)(?:的)?申请")),
    (NEW_RECEIVED, re.compile(r"(?:未|没有)(?:收到|接到|受理)(?:任何)?" + CLAUSE + r"{0,8}?申请")),
)
# "无行政复议", "未发生因政府信息公开申请提起行政复议、行政诉讼的情况": the negation reaches
# across "、/和/及/或" inside one clause.
_REVIEW_NEGATION = re.compile(_NONE + r"(?:发生|收到|出现|涉及)?" + CLAUSE + r"{0,24}?(?:行政复议|行政诉讼)" +
                              CLAUSE + r"{0,12}")


def _number(text: str) -> float:
    value = float(re.sub(r"[,\s\u00a0\u2009\u202f]", "", text))
    return int(value) if value.is_integer() else value


def states_this_period(sentence: Sentence, match: re.Match[str]) -> bool:
    """False when words in the figure's clause before it make it describe another period
    or a difference ("较上年增加12件")."""
    clause_start = max(sentence.text.rfind(ch, 0, match.start()) for ch in ",;；")
    clause = sentence.text[clause_start + 1: match.end()]
    return not _COMPARISON.search(clause) and not _CHANGE.search(match.group(0))


def speaks_of_other_year(sentence: Sentence, year: int | None) -> bool:
    """True when the sentence names a year other than ``year`` ("2023年度…" in a 2024 report)."""
    if year is None:
        return False
    return any(int(m.group(1)) != year for m in _YEAR.finditer(sentence.text))


def _joined_sentences(text: str) -> list[Sentence]:
    """Sentences for reading figures: a line break that does not end a sentence ("受理政府\n信息公开申请
    17 件", a line of a PDF or a web page) joins the lines, read with a space in its place so every
    offset still points into ``text``."""
    out: list[Sentence] = []
    for s in sentences(text):
        prev = out[-1] if out else None
        if prev is not None and text[prev.end - 1] == "\n" and not _ENDS_SENTENCE.search(prev.text):
            start = prev.start
            out[-1] = Sentence(start, s.end, normalise(text[start:s.end]).replace("\n", " "))
        else:
            out.append(Sentence(s.start, s.end, s.text.replace("\n", " ") if s.text.endswith("\n") else s.text))
    return out


_ENDS_SENTENCE = re.compile(r"[。！？!?；;:：]\s*$")


@lru_cache(maxsize=256)
def stated_figures(text: str, year: int | None) -> tuple[StatedFigure, ...]:
    """The figures a part text states about the tables, as precisely as the wording allows.

    Precision matters more than recall: a false warning teaches the clerk to ignore
    the checks. A figure is taken only inside a sentence about applications or
    reviews, never next to a comparison word, never in a sentence about another year.
    Each sentence is read once (cached by its text): typing changes one sentence at a time.
    """
    return tuple(StatedFigure(fact, value, s.start + start, s.start + end, s)
                 for s in _joined_sentences(text) for fact, value, start, end in _sentence_figures(s.text, year))


@lru_cache(maxsize=4096)
def _sentence_figures(text: str, year: int | None) -> tuple[tuple[str, float, int, int], ...]:
    """(fact, value, start, end) of the figures one normalised sentence states, offsets in the sentence."""
    s = Sentence(0, len(text), text)
    if not _MENTIONS_FIGURES.search(text) or speaks_of_other_year(s, year):
        return ()
    found: list[tuple[str, float, int, int]] = []

    def take(fact: str, value: float, start: int, end: int) -> None:
        if any(a < end and start < b for _f, _v, a, b in found):
            return
        found.append((fact, value, start, end))

    if _APPLICATION_CONTEXT.search(text) and _DISCLOSURE_CONTEXT.search(text):
        for fact, pattern in _ZERO_PATTERNS:
            for m in pattern.finditer(text):
                take(fact, 0, m.start(), m.end())
        for fact, pattern in _APPLICATION_PATTERNS:
            for m in pattern.finditer(text):
                if states_this_period(s, m) and "行政复议" not in m.group(0) and "行政诉讼" not in m.group(0):
                    take(fact, _number(m.group(1)), m.start(1), m.end(1))
    if "行政复议" in text or "行政诉讼" in text:
        for m in _REVIEW_NEGATION.finditer(text):
            phrase = m.group(0)
            if re.search(r"\d", phrase):
                continue
            for fact, word in ((RECONSIDERATION, "行政复议"), (LITIGATION, "行政诉讼")):
                at = phrase.find(word)
                if at >= 0:
                    take(fact, 0, m.start() + at, m.start() + at + len(word))
        for fact, pattern in _REVIEW_PATTERNS:
            for m in pattern.finditer(text):
                if states_this_period(s, m):
                    take(fact, _number(m.group(1)), m.start(1), m.end(1))
    for m in _FEE_PATTERN.finditer(text):
        if states_this_period(s, m):
            take(FEES, _number(m.group(1)), m.start(1), m.end(1))
    return tuple(found)


# ---- years the narrative speaks of (FORMAT.md §6 rule 9) -------------------

# A year spoken of as the current one: "2023年，我县…", "2023年度本机关…", "2023年我镇…",
# "统计期限自2023年1月1日起至2023年12月31日止", "截至2023年底".
_CURRENT_YEAR_USE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年\s*(?:度)?\s*"
    r"(?:[,，:、]|(?=我|本|全|共|县|市|区|镇|乡|街道|政府|机关|局|委|办|在|是|以|围绕|紧紧|坚持|按照|根据|严格|认真|政务公开|政府信息公开|信息公开|工作"
    r"|未|无|没有|重点|相关|主要|继续|进一步|各|对|通过|累计|新|主动|依申请|先后|已|均|开展|组织|完成|发布"
    r"|收到|办理|受理|共计|着力|扎实|全面|持续|积极|不断|大力|切实|加强|加大|推进|深化|完善|健全|落实)"
    r"|(?=1\s*月\s*1\s*日)|(?=1\s*月\s*(?:至|到|—|-))|(?=12\s*月\s*31\s*日)|(?=底|末|年底|年末|全年))"
)
# Words before a year that make it a comparison or a reference, not the current year.
_REFERENCE_BEFORE = re.compile(r"(?:较|比|与|同|相比|于|由|对比|和|及|即)\s*$")
# Words after it that do the same: "2022年以来", "2022年同期", "2022年相比".
_REFERENCE_AFTER = re.compile(r"^\s*(?:以来|同期|相比|比较|增长|下降|减少|增加|的)")


_YEAR_BEFORE_NIAN = re.compile(r"(?:19|20)\d{2}\s{0,2}$")


def _year_uses(norm: str) -> Iterator[re.Match[str]]:
    """Matches of _CURRENT_YEAR_USE, found from each 年 backwards: scanning for 年 runs in C,
    while letting the pattern try every position costs a Python-visible regex step each."""
    pos = norm.find("年")
    while pos >= 0:
        head = _YEAR_BEFORE_NIAN.search(norm, max(0, pos - 6), pos)
        if head:
            m = _CURRENT_YEAR_USE.match(norm, head.start())
            if m:
                yield m
        pos = norm.find("年", pos + 1)


class YearMention(NamedTuple):
    year: int
    start: int
    end: int
    sentence: Sentence


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《…》, 〈…〉, 〔…〕, […] and “…”: titles and document numbers keep their years."""
    spans = []
    for open_, close in (("《", "》"), ("〈", "〉"), ("〔", "〕"), ("[", "]"), ("“", "”"), ("<", ">")):
        pos = 0
        while True:
            a = text.find(open_, pos)
            if a < 0:
                break
            b = text.find(close, a + 1)
            if b < 0:
                break
            spans.append((a, b + 1))
            pos = b + 1
    return spans


@lru_cache(maxsize=256)
def current_year_mentions(text: str) -> tuple[YearMention, ...]:
    """Every place a text speaks of some year as the year being reported on."""
    norm = normalise(text)
    if "年" not in norm:
        return ()
    all_sentences = sentences(text)
    starts = [s.start for s in all_sentences]
    quoted = _quoted_spans(norm)
    out = []
    for m in _year_uses(norm):
        a = m.start(1)
        if any(x <= a < y for x, y in quoted):
            continue
        s = all_sentences[bisect_right(starts, a) - 1]
        before = norm[max(s.start, m.start() - 4): m.start()]
        after = norm[m.end(1): m.end(1) + 6].lstrip(" 年度")
        if _REFERENCE_BEFORE.search(before) or _REFERENCE_AFTER.search(after):
            continue
        out.append(YearMention(int(m.group(1)), a, m.end(1), s))
    return tuple(out)
