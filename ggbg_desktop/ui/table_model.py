"""A QAbstractTableModel over one table's official grid (schema.TABLES): labels, spans and figures."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ..report import ERROR, CellRef, Finding
from ..report.values import FigureError, typed_value
from ..report.values import format_figure as fmt
from ..report.model import Value
from ..report.schema import TABLE_NAMES, TABLES, TALL_LABEL_ROWS, GridCell

REF_ROLE = Qt.ItemDataRole.UserRole + 1  # the CellRef of a value cell, None elsewhere
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "count" or "amount"
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # "error", "blank", "warning" or None
LAST_YEAR_ROLE = Qt.ItemDataRole.UserRole + 4  # "上年 12 · +3" under the figure while 上年 is shown, else None

# Cell colours: calm for the printed structure, loud only for what is wrong.
SECTION_BG = QColor("#dde7f3")
HEADER_BG = QColor("#f1f3f6")
COMPUTED_BG = QColor("#e9efe4")
ERROR_BG = QColor("#f6c9c9")
ERROR_FG = QColor("#9b1111")
BLANK_BG = QColor("#fdf0f0")
WARNING_BG = QColor("#fbefc4")
COMPUTED_FG = QColor("#3b4a34")

_ROOT = QModelIndex()  # the invisible root: a table model's rows and columns hang under it


def change_text(now: Value, before: Value) -> str:
    """The change from last year as shown under a figure: "+3", "−2", "持平", or "" when either is blank."""
    if now is None or before is None:
        return ""
    delta = now - before
    if isinstance(delta, float):
        delta = round(delta, 6)  # 万元 with decimals: 236.99 − 236.982, not 0.008000000000009777
    if delta == 0:
        return "持平"
    return f"+{fmt(delta)}" if delta > 0 else f"−{fmt(-delta)}"


def last_year_line(now: Value, before: Value) -> str | None:
    """The second line of a figure cell while 上年 is shown: last year's figure and the change."""
    if before is None:
        return None
    change = change_text(now, before)
    return f"上年 {fmt(before)}" + (f" · {change}" if change else "")


class ReportTableModel(QAbstractTableModel):
    """One of tables 二, 三, 四 as printed; figures are read from and written through the document."""

    lastYearShownChanged = Signal(bool)

    def __init__(self, state, table: str, parent=None):
        super().__init__(parent)
        self.state = state
        self.table = table
        self.spec = TABLES[table]
        self._anchor: dict[tuple[int, int], GridCell] = {}
        self._cover: dict[tuple[int, int], GridCell] = {}
        self._position: dict[CellRef, tuple[int, int]] = {}
        for cell in self.spec.grid:
            self._anchor[(cell.row, cell.col)] = cell
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    self._cover[(r, c)] = cell
            if cell.value is not None:
                self._position[cell.value] = (cell.row, cell.col)
        self._status: dict[CellRef, tuple[str, tuple[str, ...]]] = {}
        self.show_last_year = False  # 上年 under each figure (工具 → 显示上年数)
        self._bold = QFont()
        self._bold.setBold(True)
        self._update_status(state.findings, notify=False)
        state.valuesChanged.connect(self._on_values_changed)
        state.findingsChanged.connect(self._update_status)
        state.reportReplaced.connect(self._on_reset)
        state.autoTotalsChanged.connect(lambda _on: self._on_reset())

    # ---- grid geometry -----------------------------------------------
    def grid_cells(self) -> tuple[GridCell, ...]:
        return self.spec.grid

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The grid cell covering a position (the anchor of a span)."""
        return self._cover.get((row, col))

    def index_of(self, ref: CellRef) -> QModelIndex:
        row, col = self._position[ref]
        return self.index(row, col)

    def ref_at(self, index: QModelIndex | QPersistentModelIndex) -> CellRef | None:
        cell = self._cover.get((index.row(), index.column())) if index.isValid() else None
        return cell.value if cell is not None else None

    def value_positions(self) -> list[tuple[int, int]]:
        """Grid positions of the value cells in reading order."""
        return sorted(self._position.values())

    # ---- Qt model ----------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.spec.grid_rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.spec.grid_cols

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        ref = self.ref_at(index)
        if ref is not None and not self.state.is_computed(ref):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self._anchor.get((index.row(), index.column()))
        if cell is None:
            return None
        if cell.value is None:
            return self._label_data(cell, role)
        return self._value_data(cell.value, role)

    def _label_data(self, cell: GridCell, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.role == "section":
                return QBrush(SECTION_BG)
            if cell.role == "header":
                return QBrush(HEADER_BG)
            return None
        if role == Qt.ItemDataRole.FontRole and cell.role == "section":
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.row_span > TALL_LABEL_ROWS:  # 三、本年度办理结果: read beside its first rows, as printed
                return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            if cell.role in ("header",) or cell.row_span > 2:
                return Qt.AlignmentFlag.AlignCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and cell.text and len(cell.text) > 12:
            return cell.text
        return None

    def _value_data(self, ref: CellRef, role):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.state.report.value(ref)
            return "" if value is None else fmt(value)
        if role == REF_ROLE:
            return ref
        if role == LAST_YEAR_ROLE:
            if not self.show_last_year:
                return None
            return last_year_line(self.state.report.value(ref), self.last_year_value(ref))
        if role == KIND_ROLE:
            return self.spec.kind(ref.row, ref.col)
        status = self._status.get(ref)
        if role == STATUS_ROLE:
            return status[0] if status else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if status:
                return QBrush({"error": ERROR_BG, "blank": BLANK_BG, "warning": WARNING_BG}[status[0]])
            if self.state.is_computed(ref):
                return QBrush(COMPUTED_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if status and status[0] == "error":
                return QBrush(ERROR_FG)
            if self.state.is_computed(ref):
                return QBrush(COMPUTED_FG)
            return None
        if role == Qt.ItemDataRole.FontRole and status and status[0] == "error":
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ref, status)
        return None

    def _tooltip(self, ref: CellRef, status) -> str:
        lines = [f"{TABLE_NAMES[self.table]} {self.spec.cell_label(ref.row, ref.col)}"]
        if status:
            lines.extend(status[1])
        if self.state.is_computed(ref):
            lines.append("自动合计：由各项相加得出，不能直接修改")
        last = self.state.report.last_year
        if last is not None:
            before = last.tables[ref.table][ref.row][ref.col]
            year = f"{last.year}年" if last.year else "上年"
            lines.append(f"上年数（{year}）：{'未填' if before is None else fmt(before)}")
            change = change_text(self.state.report.value(ref), before)
            if change:
                lines.append(f"较上年：{change}")
        return "\n".join(lines)

    def last_year_value(self, ref: CellRef) -> Value:
        last = self.state.report.last_year
        return None if last is None else last.tables[ref.table][ref.row][ref.col]

    def has_last_year_lines(self) -> bool:
        """True while the figure rows need room for a second line (上年 shown and known)."""
        return self.show_last_year and self.state.report.last_year is not None

    def set_show_last_year(self, on: bool) -> None:
        if on == self.show_last_year:
            return
        self.show_last_year = on
        if self._position:
            rows = [r for r, _c in self._position.values()]
            cols = [c for _r, c in self._position.values()]
            self.dataChanged.emit(self.index(min(rows), min(cols)), self.index(max(rows), max(cols)))
        self.lastYearShownChanged.emit(on)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        ref = self.ref_at(index)
        if role != Qt.ItemDataRole.EditRole or ref is None or self.state.is_computed(ref):
            return False
        if not isinstance(value, str):
            value = "" if value is None else str(value)
        try:
            parsed = typed_value(value, self.spec.kind(ref.row, ref.col))
        except FigureError:
            return False
        self.state.edit_values({ref: parsed})
        return True

    # ---- keeping in step with the document ---------------------------
    def _emit_cell(self, ref: CellRef) -> None:
        index = self.index_of(ref)
        self.dataChanged.emit(index, index)

    def _on_values_changed(self, refs) -> None:
        for ref in refs:
            if ref.table == self.table:
                self._emit_cell(ref)

    def _on_reset(self) -> None:
        self.beginResetModel()
        self._status = self._status_map(self.state.findings)
        self.endResetModel()

    def _status_map(self, findings: list[Finding]) -> dict[CellRef, tuple[str, tuple[str, ...]]]:
        status: dict[CellRef, tuple[str, list[str]]] = {}
        rank = {"error": 3, "blank": 2, "warning": 1}
        for finding in findings:
            if not finding.cells or finding.span is not None:
                continue  # text findings are marked in the text, not on the figures they quote
            if finding.rule == "blank":
                targets, level = finding.cells, "blank"
            else:
                targets = finding.cells[:1]
                level = "error" if finding.severity == ERROR else "warning"
            message = "未填写：空格不等于 0，没有发生的请填 0" if level == "blank" else finding.message
            for ref in targets:
                if ref.table != self.table:
                    continue
                old = status.get(ref)
                if old is None:
                    status[ref] = (level, [message])
                else:
                    best = level if rank[level] > rank[old[0]] else old[0]
                    status[ref] = (best, old[1] + [message])
        return {ref: (level, tuple(msgs)) for ref, (level, msgs) in status.items()}

    def _update_status(self, findings, notify: bool = True) -> None:
        new = self._status_map(findings)
        old = self._status
        self._status = new
        if notify:
            for ref in set(old) | set(new):
                if old.get(ref) != new.get(ref):
                    self._emit_cell(ref)
