"""The table editor: the official grid with its spans, numeric cell editors and spreadsheet keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence, QRegion
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from ..report.values import FigureError, is_value_token, is_zero_mark, typed_value
from .table_model import KIND_ROLE, LAST_YEAR_ROLE, ReportTableModel

# Columns may narrow to this share of their natural width before a table scrolls sideways,
# and widen up to the other where the window has room.
NARROWEST, WIDEST = 0.6, 3.0
LAST_YEAR_FG = QColor("#5f6670")
LAST_YEAR_SCALE = 0.8  # the 上年 line's font, against the figure's


def last_year_font(font):
    small = type(font)(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * LAST_YEAR_SCALE))
    return small


class NumberDelegate(QStyledItemDelegate):
    """A line edit for a figure; what is not a figure for the cell is refused with its reason.

    The editor takes any text (a validator would silently drop the "." of "2.5" or the "-" of
    "-5" and store a different number); the text is judged when the clerk leaves the cell.
    """

    refused = Signal(QModelIndex, str)  # the cell and the Chinese reason

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setMaxLength(40)
        return editor

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def paint(self, painter, option, index):
        """A figure with 上年 shown: the figure above, last year's figure and the change below it, smaller."""
        line = index.data(LAST_YEAR_ROLE)
        if not line:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        figure = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(2, 2, -2, -2)
        small = last_year_font(opt.font)
        small_height = QFontMetrics(small).lineSpacing()
        painter.save()
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground.color() if foreground is not None else opt.palette.text().color())
        painter.setFont(opt.font)
        painter.drawText(rect.adjusted(0, 0, 0, -small_height), Qt.AlignmentFlag.AlignCenter, figure)
        painter.setPen(LAST_YEAR_FG)
        painter.setFont(small)
        painter.drawText(QRect(rect.x(), rect.bottom() - small_height, rect.width(), small_height),
                         Qt.AlignmentFlag.AlignCenter, line)
        painter.restore()

    def setModelData(self, editor, model, index):
        try:
            typed_value(editor.text(), index.data(KIND_ROLE))
        except FigureError as exc:
            self.refused.emit(index, str(exc))
            return
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ReportTableView(QTableView):
    """Shows a :class:`ReportTableModel`; Tab/Enter/arrows move between figures, typing overwrites."""

    message = Signal(str)  # for the status bar ("已粘贴 7 个数" …)
    pasteRefused = Signal(str)  # Chinese reason; the window shows it in a dialog

    def __init__(self, model: ReportTableModel, parent=None):
        super().__init__(parent)
        self._frozen: QTableView | None = None  # made once the model is set (_frozen_header)
        self.setModel(model)
        self.table_model = model
        delegate = NumberDelegate(self)
        delegate.refused.connect(self._input_refused)
        self.setItemDelegate(delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableView { gridline-color: #8a8f98; }"
                           "QTableView::item:selected { background: #cfe0f7; color: black; }")
        self._values = model.value_positions()
        for cell in model.grid_cells():
            if cell.row_span > 1 or cell.col_span > 1:
                self.setSpan(cell.row, cell.col, cell.row_span, cell.col_span)
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        self._kept_position: tuple[int, int] | None = None
        model.lastYearShownChanged.connect(lambda _on: self._refit_rows())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.header_rows = min((cell.row for cell in model.grid_cells() if cell.value is not None), default=0)
        self._frozen = self._frozen_header()
        self._fitting = False
        self._natural_widths = self._font_widths()
        self._apply_widths(self._natural_widths)
        if self._values:
            first = model.index(*self._values[0])
            self.setCurrentIndex(first)

    # ---- frozen header rows ---------------------------------------------
    def _frozen_header(self) -> QTableView:
        """The column headings, drawn by a second view fixed above the scrolling figures, so they
        stay in view whichever row is being edited (as a spreadsheet's frozen rows)."""
        frozen = QTableView(self)
        frozen.setObjectName("frozen_header")
        frozen.setModel(self.table_model)
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.horizontalHeader().hide()
        frozen.verticalHeader().hide()
        frozen.setWordWrap(True)
        frozen.setFrameShape(QTableView.Shape.NoFrame)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen.setStyleSheet("QTableView { gridline-color: #8a8f98; border-bottom: 1px solid #8a8f98; }")
        for cell in self.table_model.grid_cells():
            if cell.row < self.header_rows and (cell.row_span > 1 or cell.col_span > 1):
                frozen.setSpan(cell.row, cell.col, cell.row_span, cell.col_span)
        for r in range(self.header_rows, self.table_model.rowCount()):
            frozen.setRowHidden(r, True)
        for r in range(self.header_rows):
            self.setRowHidden(r, True)
        self.horizontalScrollBar().valueChanged.connect(frozen.horizontalScrollBar().setValue)
        frozen.show()
        return frozen

    @property
    def frozen(self) -> QTableView:
        """The frozen header rows' view; built in ``__init__``, before anything that lays it out."""
        assert self._frozen is not None, "the frozen header is built in __init__"
        return self._frozen

    def header_height(self) -> int:
        return sum(self.frozen.rowHeight(r) for r in range(self.header_rows))

    def _place_frozen(self) -> None:
        height = self.header_height()
        self.setViewportMargins(0, height, 0, 0)
        frame = self.frameWidth()
        self.frozen.setGeometry(frame, frame, self.viewport().width(), height)
        self.frozen.horizontalScrollBar().setValue(self.horizontalScrollBar().value())

    def updateGeometries(self):
        super().updateGeometries()
        if self._frozen is not None:  # setModel lays the view out before the frozen header exists
            self._place_frozen()

    # ---- geometry ----------------------------------------------------
    def _font_widths(self) -> list[int]:
        """Natural column widths from the font, so labels wrap as in the printed table."""
        char = QFontMetrics(self.font()).horizontalAdvance("中")
        return {
            "t2": [char * 13, char * 9, char * 9, char * 9],
            "t3": [char * 3 + 8, char * 6, char * 15] + [char * 4 + 16] * 7,
            "t4": [char * 4 + 12] * 15,
        }[self.table_model.spec.key]

    def fit_to_font(self) -> None:
        self._natural_widths = self._font_widths()
        self._fit_to_width()

    def _apply_widths(self, widths: list[int]) -> None:
        """Set column widths, and row heights so that every label fits its (wrapped) cell."""
        fm = QFontMetrics(self.font())
        char = fm.horizontalAdvance("中")
        model = self.table_model
        for view in (self, self.frozen):
            for c, w in enumerate(widths):
                view.setColumnWidth(c, w)
        heights = [fm.lineSpacing() + 14] * model.spec.grid_rows
        for cell in model.grid_cells():
            if cell.text is None or cell.row_span != 1:
                continue
            width = sum(widths[cell.col:cell.col + cell.col_span]) - 10
            rect = fm.boundingRect(QRect(0, 0, max(width, char), 100000),
                                   int(Qt.TextFlag.TextWordWrap), cell.text)
            heights[cell.row] = max(heights[cell.row], rect.height() + 12)
        if model.has_last_year_lines():  # a second, smaller line under each figure: 上年 and the change
            two_lines = fm.lineSpacing() + QFontMetrics(last_year_font(self.font())).lineSpacing() + 12
            for r in range(self.header_rows, model.spec.grid_rows):
                heights[r] = max(heights[r], two_lines)
        for cell in model.grid_cells():  # a tall spanned label gets room in its last row
            if cell.text is None or cell.row_span == 1:
                continue
            width = sum(widths[cell.col:cell.col + cell.col_span]) - 10
            need = fm.boundingRect(QRect(0, 0, max(width, char), 100000),
                                   int(Qt.TextFlag.TextWordWrap), cell.text).height() + 12
            have = sum(heights[cell.row:cell.row + cell.row_span])
            if need > have:
                heights[cell.row + cell.row_span - 1] += need - have
        for view in (self, self.frozen):
            for r, h in enumerate(heights):
                view.setRowHeight(r, h)
        # No taller than its rows: a short table leaves the page empty below it, not inside a frame.
        self.setMaximumHeight(sum(heights) + 2 * self.frameWidth() + 2)
        self._place_frozen()

    def _fit_to_width(self) -> None:
        """Columns share the width the view has: narrower or wider than natural within limits."""
        if self._fitting:
            return
        natural = self._natural_widths
        room = self.viewport().width()
        factor = max(NARROWEST, min(WIDEST, room / sum(natural))) if room > 50 else 1.0
        widths = [int(w * factor) for w in natural]
        if factor > NARROWEST:
            widths[-1] += max(0, min(room - sum(widths), len(widths)))  # rounding: fill the last pixels
        if widths == [self.columnWidth(c) for c in range(len(widths))]:
            return
        self._fitting = True
        try:
            self._apply_widths(widths)
        finally:
            self._fitting = False

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_to_width()

    def natural_size(self) -> tuple[int, int]:
        width = sum(self._natural_widths) + 2 * self.frameWidth()
        height = sum(self.rowHeight(r) for r in range(self.table_model.rowCount())) + 2 * self.frameWidth()
        return width, height + self.header_height()

    def _refit_rows(self) -> None:
        """Row heights again, after 上年 was shown or hidden, or last year's figures arrived or left."""
        self._apply_widths([self.columnWidth(c) for c in range(self.table_model.columnCount())])

    def _before_reset(self) -> None:
        index = self.currentIndex()
        self._kept_position = (index.row(), index.column()) if index.isValid() else None

    def _after_reset(self) -> None:
        for cell in self.table_model.grid_cells():
            if cell.row_span > 1 or cell.col_span > 1:
                self.setSpan(cell.row, cell.col, cell.row_span, cell.col_span)
                if cell.row < self.header_rows:
                    self.frozen.setSpan(cell.row, cell.col, cell.row_span, cell.col_span)
        self._refit_rows()
        if self._kept_position is not None:  # the same cell stays current (undo, 载入上年数据, …)
            self.setCurrentIndex(self.table_model.index(*self._kept_position))
            self._kept_position = None

    def _input_refused(self, index: QModelIndex, reason: str) -> None:
        """A typed text that is not a figure for the cell: say why, next to the cell and below."""
        ref = self.table_model.ref_at(index)
        label = self.table_model.spec.cell_label(ref.row, ref.col) if ref is not None else ""
        text = f"{label}：{reason}，未填入（原值不变）"
        rect = self.visualRect(index)
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), text, self)
        self.message.emit(text)

    # ---- focus: repaint what shows it, not the whole grid -------------------
    # QAbstractItemView repaints its whole viewport on every focus change, for selection colours
    # that differ between an active and an inactive view. Ours come from the style sheet and do
    # not change, and the focus moves to the cell's editor and back on every figure typed:
    # repainting table 三's 250 cells twice per figure cost more than a frame.
    def focusInEvent(self, event):
        model = self.selectionModel()
        current = self.currentIndex()
        if model is not None and not current.isValid() and self._values \
                and event.reason() != Qt.FocusReason.MouseFocusReason:
            current = self.table_model.index(*self._values[0])
            model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled,
                          current.isValid() and bool(self.table_model.flags(current) & Qt.ItemFlag.ItemIsEditable))
        self._repaint_focus_marks()

    def focusOutEvent(self, event):
        self._repaint_focus_marks()

    def _repaint_focus_marks(self) -> None:
        """The frame, the current cell (its focus rectangle) and the selection."""
        self.update(QRegion(self.rect()).subtracted(QRegion(self.viewport().geometry())))
        region = QRegion(self.visualRect(self.currentIndex()))
        selection = self.selectionModel()
        if selection is not None:
            region = region.united(self.visualRegionForSelection(selection.selection()))
        self.viewport().update(region)

    # ---- moving between figures ---------------------------------------
    def go_to(self, ref) -> None:
        """Make ``ref`` the current and only selected cell (not added to the selection by a Ctrl still held
        from the Ctrl+Z or the shortcut that brought the clerk here)."""
        index = self.table_model.index_of(ref)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _anchor_position(self, index: QModelIndex) -> tuple[int, int]:
        cell = self.table_model.cell_at(index.row(), index.column())
        return (cell.row, cell.col) if cell else (index.row(), index.column())

    def _step(self, position: tuple[int, int], drow: int, dcol: int) -> tuple[int, int] | None:
        """The next value cell from ``position`` going (drow, dcol) on the grid, past labels and spans."""
        model = self.table_model
        r, c = position
        start = model.cell_at(r, c)
        while True:
            r, c = r + drow, c + dcol
            if not (0 <= r < model.rowCount() and 0 <= c < model.columnCount()):
                return None
            cell = model.cell_at(r, c)
            if cell is None or cell is start:
                continue
            if cell.value is not None:
                return cell.row, cell.col

    def _typed_in(self, position: tuple[int, int]) -> bool:
        """True for a figure the clerk fills (not a total that 自动合计 computes)."""
        cell = self.table_model.cell_at(*position)
        return cell is not None and cell.value is not None and not self.table_model.state.is_computed(cell.value)

    def _reading_order_step(self, position: tuple[int, int], forward: bool) -> tuple[int, int]:
        """The next figure to fill in reading order (Tab, Shift+Tab), past totals 自动合计 computes."""
        values = [p for p in self._values if self._typed_in(p)] or self._values
        if position in values:
            i = values.index(position)
            return values[(i + (1 if forward else -1)) % len(values)]
        later = [p for p in values if (p > position) == forward and p != position]
        if not later:
            return values[0] if forward else values[-1]
        return later[0] if forward else later[-1]

    def moveCursor(self, action, modifiers):
        current = self.currentIndex()
        if not current.isValid() or not self._values:
            return super().moveCursor(action, modifiers)
        pos = self._anchor_position(current)
        A = QAbstractItemView.CursorAction
        target = None
        if action == A.MoveNext:
            target = self._reading_order_step(pos, True)
        elif action == A.MovePrevious:
            target = self._reading_order_step(pos, False)
        elif action in (A.MoveRight, A.MoveLeft, A.MoveUp, A.MoveDown):
            drow, dcol = {A.MoveRight: (0, 1), A.MoveLeft: (0, -1), A.MoveUp: (-1, 0), A.MoveDown: (1, 0)}[action]
            target = self._step(pos, drow, dcol)
            if target is None:
                return current
        elif action in (A.MoveHome, A.MoveEnd):  # the row's first or last figure; with Ctrl the table's
            whole_table = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            line = self._values if whole_table else [p for p in self._values if p[0] == pos[0]] or self._values
            target = line[0] if action == A.MoveHome else line[-1]
        elif action in (A.MovePageUp, A.MovePageDown):  # a page up or down, onto the figure nearest the column
            landed = super().moveCursor(action, modifiers)
            row = landed.row() if landed.isValid() else pos[0]
            target = min(self._values, key=lambda p: (abs(p[0] - row), abs(p[1] - pos[1])))
        if target is None:
            return super().moveCursor(action, modifiers)
        return self.table_model.index(*target)

    def _move_down_after_enter(self) -> None:
        """Enter goes down the column to the next figure to fill, past computed totals."""
        pos = self._anchor_position(self.currentIndex())
        target = self._step(pos, 1, 0)
        while target is not None and not self._typed_in(target):
            target = self._step(target, 1, 0)
        if target is None:
            target = self._reading_order_step(pos, True)
        self.setCurrentIndex(self.table_model.index(*target))

    def closeEditor(self, editor, hint):
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_down_after_enter()

    def commit_edit(self) -> None:
        """A figure still in its cell editor goes into the report now (before saving, closing, checking)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # ---- keys ----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_from_clipboard()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move_down_after_enter()
                return
            text = event.text()
            modified = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            typed = bool(text) and text.isprintable() and not text.isspace() and not modified
            if typed and (self._start_typing(event) or self._say_why_not_typed()):
                return
        super().keyPressEvent(event)

    def _say_why_not_typed(self) -> bool:
        """Typing on a total that 自动合计 computes, or on a printed label: say why nothing is typed."""
        index = self.currentIndex()
        ref = self.table_model.ref_at(index)
        if ref is None:
            cell = self.table_model.cell_at(index.row(), index.column()) if index.isValid() else None
            if cell is None or not cell.text:
                return False
            text = f"“{cell.text}”是表格的固定文字，不能修改；数字请填在它所在行或列的数字格中"
        elif self.table_model.state.is_computed(ref):
            label = self.table_model.spec.cell_label(ref.row, ref.col)
            text = f"{label}由自动合计算出，不能直接填写；要手工填写合计，请先关闭“工具 → 自动合计”"
        else:
            return False
        QToolTip.showText(self.viewport().mapToGlobal(self.visualRect(self.currentIndex()).bottomLeft()), text, self)
        self.message.emit(text)
        return True

    def _start_typing(self, key: QKeyEvent) -> bool:
        """Type-to-overwrite: the first key opens the editor with just that key in it."""
        index = self.currentIndex()
        if not index.isValid() or not (self.table_model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        cell = self.table_model.cell_at(index.row(), index.column())
        if cell is None:
            return False
        anchor = self.table_model.index(cell.row, cell.col)
        if anchor != index:
            self.setCurrentIndex(anchor)
        if not self.edit(anchor, QAbstractItemView.EditTrigger.EditKeyPressed, key):
            return False
        editor = self.indexWidget(anchor)
        if isinstance(editor, QLineEdit):
            editor.setText("")
            editor.insert(key.text())
        return True

    # ---- selection, copy, paste, clear -----------------------------------
    def selected_refs(self) -> list:
        model = self.table_model
        refs = []
        for index in self.selectionModel().selectedIndexes():
            ref = model.ref_at(index)
            if ref is not None and ref not in refs:
                refs.append(ref)
        if not refs:
            ref = model.ref_at(self.currentIndex())
            if ref is not None:
                refs.append(ref)
        return refs

    def clear_selection(self) -> None:
        refs = [r for r in self.selected_refs() if not self.table_model.state.is_computed(r)]
        if refs:
            self.table_model.state.edit_values({r: None for r in refs}, f"清除 {len(refs)} 个数")

    def copy_selection(self) -> str:
        """The selected rectangle as tab-separated text (what Excel and WPS paste)."""
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        model = self.table_model
        lines = []
        for r in range(rows[0], rows[-1] + 1):
            cells = []
            for c in range(cols[0], cols[-1] + 1):
                cell = model.cell_at(r, c)
                if cell is None or (cell.row, cell.col) != (r, c):
                    cells.append("")
                else:
                    cells.append(model.data(model.index(r, c)) or "")
            lines.append("\t".join(cells))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(f"已复制 {len(rows)} 行 × {len(cols)} 列")
        return text

    def paste_from_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste a block of figures (tab- or space-separated rows) from the current cell on."""
        block = _trim_labels(_split_block(text))
        if not block:
            return False
        model = self.table_model
        selected = self.selected_refs()
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            targets = {ref: block[0][0] for ref in selected}  # one figure into a range: fill it
        else:
            start = self.selectionModel().selectedIndexes()
            origin = min(((i.row(), i.column()) for i in start), default=None) if start else None
            if origin is None:
                origin = (self.currentIndex().row(), self.currentIndex().column())
            origin = self._anchor_position(model.index(*origin))
            first = model.cell_at(*origin)
            if first is None or first.value is None:
                self.pasteRefused.emit("请先选中要粘贴到的第一个数字格，再粘贴")
                return False
            targets = {}
            row_start = origin
            for r, row in enumerate(block):
                if r > 0:
                    next_row = self._step(row_start, 1, 0)
                    if next_row is None:
                        break
                    row_start = next_row
                pos = row_start
                for c, text_value in enumerate(row):
                    if c > 0:
                        next_pos = self._step(pos, 0, 1)
                        if next_pos is None:
                            break
                        pos = next_pos
                    cell = model.cell_at(*pos)  # _step lands on value cells only
                    if cell is not None and cell.value is not None:
                        targets[cell.value] = text_value
        changes, bad = {}, []
        skipped = zero_marks = 0
        for ref, raw in targets.items():
            if model.state.is_computed(ref):
                skipped += 1
                continue
            try:
                changes[ref] = typed_value(raw, model.spec.kind(ref.row, ref.col), zero_marks=True)
            except FigureError as exc:
                bad.append(f"{model.spec.cell_label(ref.row, ref.col)}：{exc}")
            else:
                if is_zero_mark(raw):
                    zero_marks += 1
        if bad:
            more = f"等 {len(bad)} 处" if len(bad) > 1 else ""
            self.pasteRefused.emit(f"粘贴的内容中有不是数字的格子，未作任何修改：\n{bad[0]}{more}")
            return False
        if changes:
            model.state.edit_values(changes, f"粘贴 {len(changes)} 个数")
            indexes = [model.index_of(ref) for ref in changes]
            selection = self.selectionModel()
            selection.clearSelection()
            for index in indexes:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
        note = f"，{skipped} 个合计格由自动合计算出" if skipped else ""
        if zero_marks:
            note += f"，{zero_marks} 个“—”“无”之类按 0 计"
        self.message.emit(f"已粘贴 {len(changes)} 个数{note}")
        return True

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for text, slot, keys in (("复制", self.copy_selection, QKeySequence.StandardKey.Copy),
                                 ("粘贴", self.paste_from_clipboard, QKeySequence.StandardKey.Paste),
                                 ("清除", self.clear_selection, QKeySequence.StandardKey.Delete)):
            action = QAction(text, menu)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(pos))

    def event(self, event):
        # Copy and paste of figures are the table's own (blocks of cells), not the window's.
        if (event.type() == QEvent.Type.ShortcutOverride and self.state() != QAbstractItemView.State.EditingState
                and (event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Paste))):
            event.accept()
            return True
        return super().event(event)


def _split_block(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text: tabs between cells (Excel, WPS), else runs of spaces."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return []
    if any("\t" in line for line in lines):
        return [line.split("\t") for line in lines]
    return [line.split() or [""] for line in lines]


def _trim_labels(block: list[list[str]]) -> list[list[str]]:
    """Drop leading header rows and label columns copied along with the figures."""
    if not any(is_value_token(cell) for row in block for cell in row):
        return block
    while block and not any(is_value_token(cell) for cell in block[0]):
        block = block[1:]
    while block and all(row and not is_value_token(row[0]) and row[0].strip() for row in block):
        block = [row[1:] for row in block]
    return block
