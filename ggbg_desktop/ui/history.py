"""撤销 and 重做 that show what they changed: the part it is in comes into view, and the status bar says it.

A change undone in another part than the one shown (a figure of 表二 while the clerk reads part 五)
would otherwise happen out of sight, and the key seem to do nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..report.schema import TABLES
from .pages import part_tab

K = QKeySequence.StandardKey


class History(QObject):
    """The window's undo and redo actions over the document's undo stack."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.stack = window.state.undo_stack
        self._changed: list[tuple[str, Any]] | None = None  # collected while undoing or redoing
        state = window.state
        state.valuesChanged.connect(lambda refs: self._note("cells", refs))
        state.textChanged.connect(lambda part: self._note("text", part))
        state.metaChanged.connect(lambda: self._note("meta", None))
        self.undo_action = self._action("撤销", self.undo, QKeySequence.keyBindings(K.Undo))
        self.redo_action = self._action("重做", self.redo,
                                        QKeySequence.keyBindings(K.Redo) + [QKeySequence("Ctrl+Y")])
        self.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.stack.undoTextChanged.connect(lambda text: self.undo_action.setText(f"撤销 {text}".strip()))
        self.stack.redoTextChanged.connect(lambda text: self.redo_action.setText(f"重做 {text}".strip()))
        self.undo_action.setEnabled(self.stack.canUndo())
        self.redo_action.setEnabled(self.stack.canRedo())

    def _action(self, text: str, slot, keys) -> QAction:
        action = QAction(text, self.window)
        unique = {key.toString(): key for key in keys}  # Ctrl+Y once where it is the platform's redo already
        action.setShortcuts(list(unique.values()))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _note(self, kind: str, what) -> None:
        if self._changed is not None:
            self._changed.append((kind, what))

    def undo(self) -> None:
        if self.stack.canUndo():
            self._step(self.stack.undoText(), self.stack.undo, "已撤销")

    def redo(self) -> None:
        if self.stack.canRedo():
            self._step(self.stack.redoText(), self.stack.redo, "已重做")

    def _step(self, text: str, step, said: str) -> None:
        self.window.commit_pending_edit()
        self._changed = []
        try:
            step()
        finally:
            changed, self._changed = self._changed, None
        self._reveal(changed)
        self.window.show_message(f"{said}：{text}" if text else said, 6000)

    def _reveal(self, changed: list[tuple[str, Any]]) -> None:
        """Bring the part of the change into view, unless it is in view already (the header always is)."""
        window = self.window
        shown = window.tabs.currentWidget()
        for kind, what in changed:
            if kind == "meta":
                return
            if kind == "text":
                page = window.part_pages[part_tab(what)]
                if page is not shown:
                    window.tabs.setCurrentWidget(page)
                return
            if kind == "cells" and what:
                if any(window.part_pages[TABLES[ref.table].part] is shown for ref in what):
                    return
                ref = what[0]
                window.tabs.setCurrentWidget(window.part_pages[TABLES[ref.table].part])
                window.table_views[ref.table].go_to(ref)
                return
