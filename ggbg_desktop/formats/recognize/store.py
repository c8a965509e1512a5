"""Putting read figures into a table's value matrix and saying in the log what was blank, marked or odd."""

from __future__ import annotations

from ...report.schema import TABLE_NAMES, TABLES
from ..importlog import ImportLog
from ...report.values import BLANK, UNIT, UNREADABLE, ZERO_MARK, parse_value


class TableFill:
    """The matrix of one table being filled, with the rows already placed."""

    def __init__(self, key: str, log: ImportLog):
        self.key = key
        self.blank_means_zero = True  # False for this program's own exports: a blank is unfilled
        self.spec = TABLES[key]
        self.name = TABLE_NAMES[key]
        self.log = log
        self.matrix = self.spec.empty_matrix()
        self.placed: dict[int, list[str]] = {}  # value row → the texts placed
        self.found = False  # the table was seen at all
        self.blank_cells: list[tuple[int, int]] = []  # cells present in the source and empty
        self.unplaced: dict[int, list[str]] = {}  # row → columns no source cell was placed in

    def row_name(self, r: int) -> str:
        return f"{self.name} {self.spec.rows[r].short}"

    def place(self, r: int, texts: dict[int, str | None], source: str) -> None:
        """Place texts (column index → cell text) into value row ``r``. A column given as "" is a
        blank cell of the source; a column not given (or given as None) had no cell placed in it."""
        columns = self.spec.row_columns[r]
        given = [texts.get(c) for c in range(len(columns))]
        row_texts = [(t or "").strip() for t in given]
        if r in self.placed:
            if self.placed[r] != row_texts and any(row_texts):
                self.log.warn(self.key, f"{self.row_name(r)}：出现两次且数值不同（“{'、'.join(self.placed[r])}”与"
                                        f"“{'、'.join(row_texts)}”），保留第一次（{source}）")
            return
        self.placed[r] = row_texts
        marks, units, bad, unplaced = [], [], [], []
        for c, text in enumerate(row_texts):
            label = columns[c].label if len(columns) > 1 else ""
            if given[c] is None:
                unplaced.append(label)
                continue
            cell = parse_value(text, self.spec.kind(r, c))
            self.matrix[r][c] = cell.value
            if cell.status == BLANK:
                self.blank_cells.append((r, c))
            elif cell.status == ZERO_MARK:
                marks.append(f"{label}“{text}”" if label else f"“{text}”")
            elif cell.status == UNIT:
                units.append(f"{label}“{text}”" if label else f"“{text}”")
            elif cell.status == UNREADABLE:
                bad.append(f"{label}“{text}”" if label else f"“{text}”")
        where = self.row_name(r)
        if unplaced:
            self.unplaced[r] = unplaced
        if marks:
            self.log.info(self.key, f"{where}：{'、'.join(marks)} 按 0 读取")
        if units:
            self.log.info(self.key, f"{where}：{'、'.join(units)} 去掉单位后读取")
        if bad:
            self.log.warn(self.key, f"{where}：{'、'.join(bad)} 不是有效的数字，留空待填")

    def _cells_text(self, cells: list[tuple[int, int]], limit: int = 6) -> str:
        names = [self.spec.cell_label(r, c) for r, c in cells[:limit]]
        return "、".join(names) + (f" 等 {len(cells)} 格" if len(cells) > limit else "")

    def finish(self) -> None:
        """Decide the blank cells and say what was never found.

        Published reports leave a cell blank for "nothing happened" (FORMAT.md §7: blank meaning
        zero). In a table that carries figures, a blank cell of the source is read as 0 and listed —
        except in files this program exported, which write 0 as 0;
        in a table without any figure (an empty form) it stays blank. A cell no source cell was
        placed in (a short row filled from the left) is never guessed: it stays blank."""
        if self.blank_cells:
            has_figures = any(v is not None for row in self.matrix for v in row)
            if not self.blank_means_zero:
                self.log.warn(self.key, f"{self.name}：{len(self.blank_cells)} 个空白格留空待填"
                                        f"（本程序导出的文件，空白即未填写）：{self._cells_text(self.blank_cells)}")
            elif has_figures:
                for r, c in self.blank_cells:
                    self.matrix[r][c] = 0
                self.log.info(self.key, f"{self.name}：{len(self.blank_cells)} 个空白格按 0 读取"
                                        f"（空白表示没有发生）：{self._cells_text(self.blank_cells)}")
            else:
                self.log.warn(self.key, f"{self.name}：表中数值全为空白，留空待填")
        for r, columns in self.unplaced.items():
            cols = "、".join(c for c in columns if c)
            self.log.warn(self.key, f"{self.row_name(r)}：{cols + ' ' if cols else ''}无法确定数值，留空待填")
        self.report_missing()

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
