"""Small steps a clerk takes in the window, for the tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ggbg_desktop.report import CellRef
from ggbg_desktop.report.schema import PART_BY_KEY, PARTS


def show_table(window, table: str):
    part = next(p for p in PARTS if p.table == table)
    window.tabs.setCurrentWidget(window.part_pages[part.key])
    view = window.table_views[table]
    view.setFocus()
    return view


def type_into(qtbot, window, ref: CellRef, text: str, finish=Qt.Key.Key_Return):
    """Select a cell, type over it, and press Enter (or Tab)."""
    view = show_table(window, ref.table)
    view.setCurrentIndex(window.table_models[ref.table].index_of(ref))
    qtbot.keyClicks(view, text[0])
    editor = view.indexWidget(view.currentIndex())
    assert editor is not None, "typing a digit should open the cell editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, finish)
    # the delegate commits on the next turn of the event loop, as it does for a clerk
    qtbot.waitUntil(lambda: window.state.report.value(ref) is not None or text.strip() == "", timeout=2000)
    qtbot.wait(1)
    return view


def cell_text(window, ref: CellRef) -> str:
    model = window.table_models[ref.table]
    return model.data(model.index_of(ref), Qt.ItemDataRole.DisplayRole)


def cell_role(window, ref: CellRef, role):
    model = window.table_models[ref.table]
    return model.data(model.index_of(ref), role)


def tab_text(window, part_key: str) -> str:
    return window.tabs.tabText(list(PART_BY_KEY).index(part_key))


def type_chinese(widget, text: str) -> None:
    """Chinese arrives from the input method as committed strings, not as key presses."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for chunk in text:
        event = QInputMethodEvent()
        event.setCommitString(chunk)
        QApplication.sendEvent(widget, event)
