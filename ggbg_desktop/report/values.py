"""Figures and dates as text: the one parser of a table value, the one date parser, the one figure formatter.

Everything that turns text into a value of the report (the recognizer, the table editor, the header
strip) or a value into text (messages, drafted passages, printed tables) goes through here, so a
figure reads and prints the same wherever it is typed, pasted, imported or exported.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .model import MAX_VALUE
from .schema import AMOUNT

# ---- table values --------------------------------------------------------------------------

OK = "ok"
BLANK = "blank"  # empty cell: stays None
ZERO_MARK = "zero_mark"  # "—", "/", "无": read as 0, noted in the import log
UNIT = "unit"  # "0件", "12万元": the number is read, the unit noted in the import log
UNREADABLE = "unreadable"  # text that is not a valid figure: stays None, noted

Figure = int | float | None

# Longer digit strings are never converted: int() of 5 000 digits is slow, and no report holds them.
_MAX_DIGITS = len(str(MAX_VALUE))
_SHOWN = 20  # characters of a refused text quoted back in the message

_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_ZERO_MARKS = re.compile(r"^(?:[-—–―‐‑−~～]+|[/／\\]+|无|空|没有)$")
_UNITS = r"(?:件次|件|个|条|起|项|次|人次|人|家|宗|份|万元|元)"
_NUMBER = re.compile(r"^(?P<sign>-)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<unit>" + _UNITS + r")?$")


@dataclass(frozen=True)
class CellValue:
    value: Figure
    status: str  # OK, BLANK, ZERO_MARK, UNIT or UNREADABLE
    text: str  # the cell's text as found, for the log


class FigureError(ValueError):
    """Text typed into a cell that is not a figure for it; the message is Chinese."""


def _clean(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text or ""))


def _too_large(digits: str) -> bool:
    """More than MAX_VALUE: no report holds it, and a report file may not either."""
    return len(digits) > _MAX_DIGITS or int(digits) > MAX_VALUE


@lru_cache(maxsize=16384)
def is_value_token(text: str) -> bool:
    """True for text that occupies a figure's place: a number (any width, with unit) or a zero mark."""
    s = _clean(text)
    if not s:
        return False
    return bool(_NUMBER.match(s) or _ZERO_MARKS.match(s))


def is_zero_mark(text: str) -> bool:
    """"—", "/", "无": what published tables print for none."""
    return bool(_ZERO_MARKS.match(_clean(text)))


def parse_value(text: str, kind: str) -> CellValue:
    """Read a cell as a count (non-negative integer) or an amount (non-negative number)."""
    s = _clean(text)
    if not s:
        return CellValue(None, BLANK, text)
    if _ZERO_MARKS.match(s):
        return CellValue(0, ZERO_MARK, text)
    m = _NUMBER.match(s)
    if not m or m.group("sign"):
        return CellValue(None, UNREADABLE, text)
    status = UNIT if m.group("unit") else OK
    digits = m.group("int").replace(",", "")
    if _too_large(digits):
        return CellValue(None, UNREADABLE, text)
    whole = int(digits)
    frac = m.group("frac")
    if not frac or set(frac[1:]) == {"0"}:
        return CellValue(whole, status, text)
    if kind == AMOUNT:
        return CellValue(float(digits + frac), status, text)
    return CellValue(None, UNREADABLE, text)  # a count with decimals is not a count


def typed_value(text: str, kind: str, *, zero_marks: bool = False) -> Figure:
    """What a clerk typed or pasted into a cell → its value ('' is blank); FigureError when it is none.

    Typing is strict: "—" or "无" in a cell is refused (a clerk types 0). A block pasted from a
    published table passes ``zero_marks=True``, where "—" means 0 as it does in the table it came from.
    """
    cell = parse_value(text, kind)
    shown = text.strip()
    if len(shown) > _SHOWN:
        shown = shown[:_SHOWN] + "…"
    if cell.status == ZERO_MARK and not zero_marks:
        raise FigureError(f"“{shown}”不是数字（没有发生的请填 0）")
    if cell.status != UNREADABLE:
        return cell.value
    m = _NUMBER.match(_clean(text))
    if m and m.group("sign"):
        raise FigureError(f"“{shown}”是负数，只能填 0 或正数")
    if m and _too_large(m.group("int").replace(",", "")):
        raise FigureError(f"“{shown}”过大（超过 {MAX_VALUE:,}），请核对")
    if m and m.group("frac"):
        raise FigureError(f"“{shown}”不是整数（件数只能填整数）")
    raise FigureError(f"“{shown}”不是数字")


def format_figure(value: object) -> str:
    """A figure as a clerk writes it: blank for None, 3 (not 3.0), 236.982 (no thousands separators)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int) and abs(value) > MAX_VALUE:
        return "（超长数字）"  # str() of a 5 000-digit number raises ValueError
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(round(value, 6), "f").rstrip("0").rstrip(".")
    return str(value)


# ---- numbers in Chinese ----------------------------------------------------------------------

_CHINESE_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                   "七": 7, "八": 8, "九": 9, "十": 10}


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; ``None`` for anything else."""
    if not text or any(ch not in _CHINESE_DIGITS for ch in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        head, _, tail = text.partition("十")
        if len(head) > 1 or len(tail) > 1 or "十" in head + tail:  # 十一二, 十十十: no numeral
            return None
        tens = _CHINESE_DIGITS[head] if head else 1
        ones = _CHINESE_DIGITS[tail] if tail else 0
        return tens * 10 + ones
    if len(text) == 1:
        return _CHINESE_DIGITS[text]
    return None


def year_number(text: str) -> int | None:
    """"2024" or "二〇二四" → 2024; ``None`` for anything else."""
    if text.isdigit():
        return int(text)
    digits = [chinese_number(ch) for ch in text]
    if not digits or any(d is None or d > 9 for d in digits):
        return None
    return int("".join(str(d) for d in digits))


# ---- dates -------------------------------------------------------------------------------------

_YEAR = r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})"
_PART = r"([一二三四五六七八九十\d]{1,3})"
# A whole text that is a date: 2024-01-20, 2024.1.20, 2024/1/20, 2024年1月20日, 二〇二四年一月二十日, (…).
_WHOLE_DATE = re.compile(r"^[(（]?" + _YEAR + r"(?:年" + _PART + r"月" + _PART + r"日"
                         r"|[-./]" + r"(\d{1,2})" + r"[-./]" + r"(\d{1,2})日?)[)）]?$")
# A date inside other text ("发布时间：2023-1-16 09:22").
_ANY_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_BLANKS = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """"YYYY-MM-DD" for a calendar date, else ``None``."""
    if year is None or month is None or day is None:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _part(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_number(text)


def parse_date(text: str) -> str | None:
    """A text that is a date, written any common way → "YYYY-MM-DD"; ``None`` when it is not one."""
    s = _BLANKS.sub("", unicodedata.normalize("NFKC", text or ""))
    m = _WHOLE_DATE.match(s)
    if not m:
        return None
    year = year_number(m.group(1))
    if m.group(2) is not None:
        return iso_date(year, _part(m.group(2)), _part(m.group(3)))
    return iso_date(year, int(m.group(4)), int(m.group(5)))


def find_date(text: str) -> str | None:
    """The first date written in digits inside a text ("2023-1-16 09:22", "2023年1月16日") as "YYYY-MM-DD"."""
    m = _ANY_DATE.search(unicodedata.normalize("NFKC", text or ""))
    return iso_date(*(int(g) for g in m.groups())) if m else None


def chinese_date(iso: str | None) -> str:
    """"2024-01-20" → "2024年1月20日"; anything unreadable gives ""."""
    if not iso:
        return ""
    try:
        d = datetime.date.fromisoformat(iso.strip()[:10])
    except ValueError:
        return ""
    return f"{d.year}年{d.month}月{d.day}日"
