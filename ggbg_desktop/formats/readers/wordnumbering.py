"""Word's automatic list numbering (numbering.xml): the "一、" a heading shows but its text lacks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import overload

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

_CHINESE = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Word accepts list starts from 0 to 32767; a file claiming 2 000 000 000 (in letters: a 77-million-letter
# label) or 10^30 is damaged or hostile. Starts are clamped to this range when read, and
# :func:`format_number` writes numbers outside it as digits.
MAX_LIST_NUMBER = 32767
MAX_LEVEL_TEXT = 64  # a level's label pattern ("第%1章", "%1.%2.") is a few characters; longer is cut


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CHINESE[n]
    if n < 20:
        return "十" + (_CHINESE[n % 10] if n % 10 else "")
    if n < 100:
        return _CHINESE[n // 10] + "十" + (_CHINESE[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CHINESE[rest] if rest < 10 else chinese_counting(rest) if rest >= 20
                                      else "一" + chinese_counting(rest))
        return _CHINESE[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    if n > 26 * 30:  # Word's letters stop being letters long before this ("AAAA…" thirty times)
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """``n`` as a list label in Word's number format ``fmt``; digits for a number outside 0..MAX_LIST_NUMBER."""
    if not 0 <= n <= MAX_LIST_NUMBER:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting", "ideographLegalTraditional"):
        return chinese_counting(n)
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _ZODIAC[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@overload
def _val(el, name: str, default: str) -> str: ...
@overload
def _val(el, name: str, default: None = None) -> str | None: ...


def _val(el, name: str, default: str | None = None) -> str | None:
    """The w:val of ``el``'s child ``name``; ``default`` when the child or its value is missing."""
    child = el.find(_W + name) if el is not None else None
    if child is None:
        return default
    return child.get(_W + "val", default)


def _int(text: str | None, default: int) -> int:
    """An integer attribute, clamped to 0..MAX_LIST_NUMBER (levels, starts); ``default`` if unreadable."""
    try:
        value = int(text) if text is not None else default
    except ValueError:  # also a number of more than 4300 digits
        return default
    return min(MAX_LIST_NUMBER, max(0, value))


class Numbering:
    """Counters for every list in a document, advanced paragraph by paragraph in reading order."""

    def __init__(self, numbering_root=None, styles_root=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_root is not None:
            self._read_numbering(numbering_root)
        if styles_root is not None:
            self._read_styles(styles_root)

    def _read_numbering(self, root) -> None:
        for abstract in root.iterfind(_W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iterfind(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                levels[ilvl] = Level(start=_int(_val(lvl, "start"), 1), fmt=_val(lvl, "numFmt", "decimal"),
                                     text=(_val(lvl, "lvlText", "") or "")[:MAX_LEVEL_TEXT])
            self.abstract[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iterfind(_W + "num"):
            overrides: dict[int, int] = {}
            for override in num.iterfind(_W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    overrides[_int(override.get(_W + "ilvl"), 0)] = _int(start, 1)
            self.nums[num.get(_W + "numId", "")] = (_val(num, "abstractNumId", ""), overrides)

    def _read_styles(self, root) -> None:
        raw: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in root.iterfind(_W + "style"):
            ppr = style.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            num_id = _val(numpr, "numId") if numpr is not None else None
            level = _val(numpr, "ilvl") if numpr is not None else None
            raw[style.get(_W + "styleId", "")] = (num_id, _int(level, 0) if level is not None else None,
                                                  _val(style, "basedOn"))
        for style_id in raw:
            num_id, ilvl, based = raw[style_id]
            seen = {style_id}
            while num_id is None and based and based in raw and based not in seen:
                seen.add(based)
                num_id, lvl2, based = raw[based]
                ilvl = ilvl if ilvl is not None else lvl2
            self.style_numbering[style_id] = (num_id, ilvl)

    def label(self, ppr) -> str:
        """The numbering text for a paragraph (its w:pPr), advancing the list's counter; "" if none."""
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                num_id = _val(numpr, "numId")
                lvl = _val(numpr, "ilvl")
                ilvl = _int(lvl, 0) if lvl is not None else None
            style = _val(ppr, "pStyle")
            if style and style in self.style_numbering:
                s_num, s_lvl = self.style_numbering[style]
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_lvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = num_id if overrides else abstract_id
        counters = self.counters.setdefault(key, {})

        def start(i: int) -> int:
            return overrides.get(i, levels[i].start if i in levels else 1)

        counters[ilvl] = counters.get(ilvl, start(ilvl) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for i in range(9):
            token = f"%{i + 1}"
            if token in text:
                n = counters.get(i, start(i))
                fmt = levels[i].fmt if i in levels else "decimal"
                text = text.replace(token, format_number(n, fmt))
        if level.fmt == "bullet":
            return ""
        return text
