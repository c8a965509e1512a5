"""The report: metadata, preamble, six parts and three tables, as plain dataclasses."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from .schema import TABLES, TEXT_PARTS, CellRef, report_title

# Report.settings key: the total cells are computed from their parts as the clerk types (自动合计).
AUTO_TOTALS = "auto_totals"

# A table value: an int (counts), an int or float (the fee in 万元), or None for a blank cell.
Value = int | float | None
Matrix = list[list[Value]]

# What a report can hold: years the file format accepts (save and load share these, so rollover and the
# header editor never create a year the file cannot store) and the largest figure a table may hold.
YEAR_MIN = 1900
YEAR_MAX = 2999
MAX_VALUE = 10 ** 12  # a trillion requests, or 万元: nothing a real report says


def empty_tables() -> dict[str, Matrix]:
    return {key: spec.empty_matrix() for key, spec in TABLES.items()}


@dataclass
class Meta:
    organ: str = ""  # 机关名称
    year: int | None = None  # the report year (the calendar year reported on)
    title: str = ""  # empty: proposed from organ and year
    published: str | None = None  # 发布日期, "YYYY-MM-DD"
    website: str = ""  # where the electronic version is published
    contact: str = ""  # office, address, phone, postcode as one line
    signature_date: str | None = None  # 成文日期 "YYYY-MM-DD", printed under the signature

    def display_title(self) -> str:
        return self.title or report_title(self.organ, self.year)


@dataclass
class LastYear:
    """Last year's figures, kept for the cross-year rules (FORMAT.md §6 rules 6–7)."""

    year: int | None = None
    tables: dict[str, Matrix] = field(default_factory=empty_tables)


@dataclass
class InformationFees:
    """信息处理费 (国办函〔2020〕109号), which part 六 must state; amounts in 元, ``None`` not filled in.

    The tables do not hold these figures: 表三's "逾期未按收费通知要求缴纳费用" row counts
    applications dropped for an unpaid fee, not the notices sent or the money collected.
    """

    notices: int | None = None  # 发出收费通知的件数
    notice_amount: int | float | None = None  # 收费通知的总金额（元）
    collected: int | float | None = None  # 实际收取的总金额（元）

    def is_filled(self) -> bool:
        return None not in (self.notices, self.notice_amount, self.collected)


@dataclass
class DraftedText:
    """A passage the program drafted from the figures and put into a part (report/drafted.py).

    ``figures`` maps every figure the passage was drawn from (keys of report/drafting.py:
    "t3.0.6", "last.t3.0.6", "fees.notices") to its value when drafted. The passage counts as
    drafted only while ``text`` stands unchanged in the part; ``start`` is where it was put,
    a hint for finding it again.
    """

    part: str  # "p1" or "p6"
    kind: str  # "active", "requests", "reviews" or "fees" (drafting.KINDS)
    text: str
    figures: dict[str, Value] = field(default_factory=dict)
    start: int = 0


@dataclass
class Report:
    meta: Meta = field(default_factory=Meta)
    preamble: str = ""
    # Part texts: plain text, one paragraph per line. Keys p1, p5, p6.
    parts: dict[str, str] = field(default_factory=lambda: {k: "" for k in TEXT_PARTS})
    tables: dict[str, Matrix] = field(default_factory=empty_tables)
    last_year: LastYear | None = None
    information_fees: InformationFees = field(default_factory=InformationFees)
    # Passages the program drafted from the figures, oldest first.
    drafted: list[DraftedText] = field(default_factory=list)
    # Per-report choices kept in the file (e.g. "auto_totals": true); JSON-safe values only.
    settings: dict[str, Any] = field(default_factory=dict)

    # ---- values ------------------------------------------------------
    def value(self, ref: CellRef) -> Value:
        return self.tables[ref.table][ref.row][ref.col]

    def set_value(self, ref: CellRef, value: Value) -> None:
        self.tables[ref.table][ref.row][ref.col] = value

    def flat(self, table: str) -> list[Value]:
        """A table's values in FORMAT.md's reading order."""
        return [v for row in self.tables[table] for v in row]

    def set_flat(self, table: str, values: list[Value]) -> None:
        shape = TABLES[table].shape()
        if len(values) != sum(shape):
            raise ValueError(f"{table} needs {sum(shape)} values, got {len(values)}")
        matrix, i = [], 0
        for n in shape:
            matrix.append(list(values[i:i + n]))
            i += n
        self.tables[table] = matrix

    def part_text(self, key: str) -> str:
        return self.preamble if key == "preamble" else self.parts.get(key, "")

    def copy(self) -> Report:
        return copy.deepcopy(self)

    def is_blank(self) -> bool:
        """True for a report nobody has typed anything into."""
        return self == Report()
