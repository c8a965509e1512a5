"""Whether one line is the heading of one of the six parts, whatever its numbering: 一、 / 1、 / none.

Shared by the readers (a heading ends a text table) and the recognizer (which chooses the headings).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..report.schema import PARTS, PartSpec
from .normalize import norm, split_numbering, squash

# A heading is a short line; longer lines are prose that happens to start the same way.
MAX_HEADING_LENGTH = 36

_TITLE_KEYS: list[tuple[PartSpec, tuple[str, ...]]] = [
    (spec, tuple(dict.fromkeys(norm(a) for a in (spec.title,) + spec.aliases))) for spec in PARTS
]


@dataclass(frozen=True)
class Candidate:
    """A line that may be the heading of a part, with how sure we are."""

    index: int  # position in the list of lines given
    part: int  # 0…5
    score: float
    how: str  # "title", "number" — for the log


def _title_part(rest: str) -> tuple[int, bool] | None:
    """Which part a heading's words name: (part index, exact)."""
    key = norm(rest).rstrip("。:：")
    if not key:
        return None
    best: tuple[int, bool, int] | None = None
    for i, (_spec, keys) in enumerate(_TITLE_KEYS):
        for k in keys:
            if key == k:
                exact, closeness = True, 0
            elif (key.startswith(k) and len(key) - len(k) <= 4) or (len(k) >= 4 and k in key
                                                                     and len(key) <= len(k) + 6):
                exact, closeness = False, len(key) - len(k)
            else:
                continue
            if best is None or (exact, -closeness) > (best[1], -best[2]):
                best = (i, exact, closeness)
    return None if best is None else (best[0], best[1])


def heading_candidate(text: str, index: int = 0) -> Candidate | None:
    """Judge one line on its own: does it look like the heading of a part?"""
    s = squash(text)
    if not s or len(s) > MAX_HEADING_LENGTH or s.endswith(("。", ";", "；")):
        return None
    level, number, rest = split_numbering(s)
    if level == "sub":
        return None  # （一）… is a sub-heading inside a part
    named = _title_part(rest)
    if named is not None:
        part, exact = named
        if number is None:
            return Candidate(index, part, 2.0 if exact else 1.2, "title")
        if number == part + 1:
            return Candidate(index, part, 3.0, "title")
        return Candidate(index, part, 0.8, "title")
    if number is None:
        return None
    chinese_top = level == "top" and 1 <= number <= 6 and not s[0].isdigit()
    if chinese_top and len(rest) <= 20 and "，" not in rest and "," not in rest:
        return Candidate(index, number - 1, 0.5, "number")
    return None


@lru_cache(maxsize=4096)
def is_part_heading(text: str) -> bool:
    """True when a line names one of the six parts (used to end text tables), also when the part's
    first words follow on the line ("六、其他需要报告的事项：无。")."""
    c = heading_candidate(text)
    if c is None and (split := split_run_in(text)) is not None:
        c = heading_candidate(split[0])
    return c is not None and c.how == "title"


# What ends a part heading run into its first sentence: "六、其他需要报告的事项：无。"
_RUN_IN_MARKS = "：:。"
# How a numbered part heading can begin: 一、 1、 １、 第一部分.
_TOP_NUMBER_START = set("一二三四五六七八九十0123456789０１２３４５６７８９第")


def split_run_in(text: str) -> tuple[str, str] | None:
    """A part heading with the part's first words on its line — "六、其他需要报告的事项：本年度未收取
    信息处理费。", or a heading closed by a full stop ("五、存在的主要问题及改进情况。") — as (heading, the
    rest, "" when none). Only a heading numbered 一、…六、 naming that very part by its title or an alias,
    followed by a colon or full stop: prose that merely starts like a heading is left alone."""
    head = text.lstrip(" \t\u3000\u00a0")[:1]
    if not head or head not in _TOP_NUMBER_START or not any(m in text for m in _RUN_IN_MARKS):
        return None  # most lines: cheap to rule out before normalising
    s = squash(text)
    level, number, rest = split_numbering(s)
    if level != "top" or number is None or not 1 <= number <= len(PARTS):
        return None
    spec = PARTS[number - 1]
    names = sorted({squash(n) for n in (spec.title, *spec.aliases)}, key=len, reverse=True)
    name = next((n for n in names if rest.startswith(n) and rest[len(n):len(n) + 1] in tuple(_RUN_IN_MARKS)), None)
    if name is None:
        return None
    wanted = len(s) - len(rest) + len(name)  # characters of the squashed text up to the end of the title
    seen = 0
    for at, ch in enumerate(text):
        if ch.isspace() or ch in "\u3000\u00a0\u200b\ufeff":
            continue
        seen += len(unicodedata.normalize("NFKC", ch))
        if seen >= wanted:
            heading = text[:at + 1].strip()
            after = text[at + 1:].lstrip()
            return heading, after[1:].strip() if after[:1] in _RUN_IN_MARKS else after.strip()
    return None
