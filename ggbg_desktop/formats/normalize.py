"""Text normalisation for matching labels and headings typed, copied and converted by many hands.

Shared by the readers and the recognizer (neither imports the other).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..report.values import chinese_number

_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\u200c\u200d\ufeff]+")
# Punctuation and brackets a label may carry in any width; removed before comparing.
_PUNCT = re.compile(r"[()\[\]{}【】〔〕〖〗<>《》〈〉「」『』“”\"'‘’`·・.,。、:;!?\-—–―‐_~/\\|+*#＊…％%]")
# A numbering prefix: 一、 / 一. / 第一部分 / 1、 / 1. / （一） / (1) / ①
_NUMBERING = re.compile(
    r"^(?:"
    r"(?P<paren>[(（]\s*(?P<pnum>[一二三四五六七八九十\d]{1,3})\s*[)）])"
    r"|(?P<top>第?(?P<cnum>[一二三四五六七八九十]{1,3})(?:部分|章)?\s*[、.．,，:：]?)"
    r"|(?P<arabic>(?P<anum>\d{1,2})\s*[、.．,，)）])"
    r"|(?P<circled>[①-⑳])"
    r")\s*"
)


def squash(text: str) -> str:
    """Width-folded (NFKC) text without any whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Text for comparison: width-folded, no whitespace, no punctuation, lower case."""
    return _PUNCT.sub("", squash(text)).lower()


def collapse_spaces(text: str) -> str:
    """One line of display text: runs of whitespace become one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def split_numbering(text: str) -> tuple[str, int | None, str]:
    """Split a leading numbering from squashed text.

    Returns (level, number, rest): level is "top" for 一、/1、/1./第一部分, "sub" for
    （一）/(1)/①, "" when the text has no numbering.
    """
    s = squash(text)
    m = _NUMBERING.match(s)
    if not m:
        return "", None, s
    rest = s[m.end():]
    if m.group("paren"):
        raw = m.group("pnum")
        number = int(raw) if raw.isdigit() else chinese_number(raw)
        return "sub", number, rest
    if m.group("top"):
        number = chinese_number(m.group("cnum"))
        # "一是…", "三安全…": a numeral followed by a word, not a numbering.
        bare = m.group(0) == m.group("cnum") and s[m.end("cnum"):m.end("cnum") + 1] not in "、.．,，:："
        if (number is None or bare) and not m.group(0).startswith("第"):
            return "", None, s
        return "top", number, rest
    if m.group("arabic"):
        return "top", int(m.group("anum")), rest
    return "sub", "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(m.group("circled")) + 1, rest


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A label for matching: numbering removed, then :func:`norm`."""
    _, _, rest = split_numbering(text)
    key = norm(rest)
    return key or norm(text)


def common_run(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings."""
    if not a or not b:
        return 0
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def join_lines(parts: list[str]) -> str:
    """Join pieces of one paragraph: no space between Chinese characters, one space otherwise."""
    out = ""
    for piece in parts:
        piece = piece.strip()
        if not piece:
            continue
        if out and (out[-1].isascii() and out[-1].isalnum()) and (piece[0].isascii() and piece[0].isalnum()):
            out += " "
        out += piece
    return out
