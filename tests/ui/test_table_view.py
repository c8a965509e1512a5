"""The table view repaints only what a focus change shows: the frame, the current cell, the selection."""

from __future__ import annotations

from conftest import complete_report
from PySide6.QtCore import QEvent, QObject, Qt

from ggbg_desktop.report import CellRef

from .helpers import show_table


class _PaintedRects(QObject):
    def __init__(self, widget):
        super().__init__()
        self.rects = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_opening_and_closing_a_cell_editor_does_not_repaint_the_whole_grid(qtbot, window):  # noqa: F811 (fixture)
    window.state.load(complete_report(), None)
    view = show_table(window, "t3")
    model = window.table_models["t3"]
    view.setCurrentIndex(model.index_of(CellRef("t3", 0, 0)))
    painted = _PaintedRects(view.viewport())
    qtbot.waitUntil(lambda: bool(painted.rects), timeout=1000)  # the grid's first paint
    qtbot.wait(20)
    painted.rects.clear()
    full = view.viewport().rect()

    qtbot.keyClicks(view, "7")  # opens the cell's editor: the focus moves from the view to it
    editor = view.indexWidget(view.currentIndex())
    assert editor is not None and editor.hasFocus()
    qtbot.wait(20)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # closes it unchanged: the focus comes back to the view
    qtbot.waitUntil(view.hasFocus, timeout=1000)
    qtbot.wait(20)

    assert painted.rects, "the cell under the editor must be repainted"
    assert all(r.height() < full.height() // 2 for r in painted.rects), [(r.width(), r.height()) for r in painted.rects]
    assert window.state.report.value(CellRef("t3", 0, 0)) == 80


def test_focus_from_elsewhere_marks_the_current_cell(qtbot, window):  # noqa: F811 (fixture)
    view = show_table(window, "t2")
    window.header.organ.setFocus()
    qtbot.waitUntil(lambda: window.header.organ.hasFocus(), timeout=1000)
    painted = _PaintedRects(view.viewport())
    view.setFocus()
    qtbot.waitUntil(lambda: bool(painted.rects), timeout=1000)
    assert any(r.intersects(view.visualRect(view.currentIndex())) for r in painted.rects)
    assert view.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # the current cell is a figure
