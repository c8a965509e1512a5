"""Reading one table cell's text as a figure: widths, separators, units and zero marks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ...report.schema import AMOUNT

OK = "ok"
BLANK = "blank"  # empty cell: stays None
ZERO_MARK = "zero_mark"  # "—", "/", "无": read as 0, noted in the log
UNIT = "unit"  # "0件", "12万元": the number is read, the unit noted in the log
UNREADABLE = "unreadable"  # text that is not a valid figure: stays None, noted

_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_ZERO_MARKS = re.compile(r"^(?:[-—–―‐‑−~～]+|[/／\\]+|无|空|没有)$")
_UNITS = r"(?:件次|件|个|条|起|项|次|人次|人|家|宗|份|万元|元)"
_NUMBER = re.compile(r"^(?P<sign>-)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<unit>" + _UNITS + r")?$")


@dataclass(frozen=True)
class CellValue:
    value: int | float | None
    status: str  # OK, BLANK, ZERO_MARK or UNREADABLE
    text: str  # the cell's text as found, for the log


def _clean(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text or ""))


@lru_cache(maxsize=16384)
def is_value_token(text: str) -> bool:
    """True for text that occupies a figure's place: a number (any width, with unit) or a zero mark."""
    s = _clean(text)
    if not s:
        return False
    return bool(_NUMBER.match(s) or _ZERO_MARKS.match(s))


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
    whole = int(m.group("int").replace(",", ""))
    frac = m.group("frac")
    if not frac or set(frac[1:]) == {"0"}:
        return CellValue(whole, status, text)
    if kind == AMOUNT:
        return CellValue(float(m.group("int").replace(",", "") + frac), status, text)
    return CellValue(None, UNREADABLE, text)  # a count with decimals is not a count
