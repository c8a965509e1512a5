"""Putting read figures into a table's value matrix and saying in the log what was blank, marked or odd."""

from __future__ import annotations

from ...report.schema import TABLE_NAMES, TABLES
from ..importlog import ImportLog
from .values import BLANK, UNIT, UNREADABLE, ZERO_MARK, parse_value


class TableFill:
    """The matrix of one table being filled, with the rows already placed."""

    def __init__(self, key: str, log: ImportLog):
        self.key = key
        self.spec = TABLES[key]
        self.name = TABLE_NAMES[key]
        self.log = log
        self.matrix = self.spec.empty_matrix()
        self.placed: dict[int, list[str]] = {}  # value row → the texts placed
        self.found = False  # the table was seen at all

    def row_name(self, r: int) -> str:
        return f"{self.name} {self.spec.rows[r].short}"

    def place(self, r: int, texts: dict[int, str], source: str) -> None:
        """Place texts (column index → cell text) into value row ``r``; columns not given stay blank."""
        columns = self.spec.row_columns[r]
        row_texts = [texts.get(c, "").strip() for c in range(len(columns))]
        if r in self.placed:
            if self.placed[r] != row_texts and any(row_texts):
                self.log.warn(self.key, f"{self.row_name(r)}：出现两次且数值不同（“{'、'.join(self.placed[r])}”与"
                                        f"“{'、'.join(row_texts)}”），保留第一次（{source}）")
            return
        self.placed[r] = row_texts
        blanks, marks, units, bad = [], [], [], []
        for c, text in enumerate(row_texts):
            cell = parse_value(text, self.spec.kind(r, c))
            self.matrix[r][c] = cell.value
            label = columns[c].label if len(columns) > 1 else ""
            if cell.status == BLANK:
                blanks.append(label)
            elif cell.status == ZERO_MARK:
                marks.append(f"{label}“{text}”" if label else f"“{text}”")
            elif cell.status == UNIT:
                units.append(f"{label}“{text}”" if label else f"“{text}”")
            elif cell.status == UNREADABLE:
                bad.append(f"{label}“{text}”" if label else f"“{text}”")
        where = self.row_name(r)
        if blanks:
            cols = "、".join(b for b in blanks if b)
            self.log.warn(self.key, f"{where}：{cols + ' ' if cols else ''}为空，留空待填")
        if marks:
            self.log.info(self.key, f"{where}：{'、'.join(marks)} 按 0 读取")
        if units:
            self.log.info(self.key, f"{where}：{'、'.join(units)} 去掉单位后读取")
        if bad:
            self.log.warn(self.key, f"{where}：{'、'.join(bad)} 不是有效的数字，留空待填")

    def report_missing(self) -> None:
        """Say which rows were never found (only when the table itself was found)."""
        if not self.found:
            return
        missing = [r for r in range(len(self.spec.rows)) if r not in self.placed]
        if len(missing) == len(self.spec.rows):
            self.log.error(self.key, f"{self.name}：找到了表格，但没有读出任何一行数值，全部留空")
            return
        for r in missing:
            self.log.warn(self.key, f"{self.row_name(r)}：表中未找到此行，留空待填")
