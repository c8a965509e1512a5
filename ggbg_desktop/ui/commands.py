"""Undo commands: every change to the report is one of these, so every edit can be undone."""

from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from ..report import TOTAL_CELLS, CellRef, Report
from ..report.model import Value
from ..report.schema import TABLE_NAMES, cell_label, header_field, part_name

# Typing in one text or header field within this many seconds is one undo step.
MERGE_SECONDS = 1.5
_TEXT_ID = 1
_META_ID = 2


class SetValuesCommand(QUndoCommand):
    """Table figures typed, pasted or cleared; with 自动合计 the totals move with them."""

    def __init__(self, state, changes: dict[CellRef, Value], description: str = ""):
        if not description:
            if len(changes) == 1:
                ref = next(iter(changes))
                description = f"修改{TABLE_NAMES[ref.table]} {cell_label(ref)}"
            else:
                description = f"修改 {len(changes)} 个数"
        super().__init__(description)
        self.state = state
        self.changes = dict(changes)
        self.before: dict[CellRef, Value] | None = None

    def redo(self) -> None:
        if self.before is None:
            self.before = self.state.snapshot(set(self.changes) | (TOTAL_CELLS if self.state.auto_totals else set()))
        self.state.apply_values(self.changes)

    def undo(self) -> None:
        self.state.apply_values(self.before, compute_totals=False)


class _TypingCommand(QUndoCommand):
    """Typing into one field: a burst within MERGE_SECONDS is merged into one undo step."""

    merge_id = 0

    def __init__(self, description: str, target: str, old, new):
        super().__init__(description)
        self.target = target  # the part or header field typed into
        self.old = old
        self.new = new
        self.stamp = time.monotonic()

    def id(self) -> int:
        return self.merge_id

    def merges(self, other) -> bool:
        return type(other) is type(self) and other.target == self.target

    def mergeWith(self, other) -> bool:
        if not self.merges(other) or other.stamp - self.stamp > MERGE_SECONDS:
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True

    def apply(self, value) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)


class SetTextCommand(_TypingCommand):
    """Typing in a part's text."""

    merge_id = _TEXT_ID

    def __init__(self, state, part: str, text: str):
        super().__init__(f"编辑{part_name(part)}", part, state.report.part_text(part), text)
        self.state = state
        self.part = part

    def apply(self, value) -> None:
        self.state.apply_text(self.part, value)


class SetMetaCommand(_TypingCommand):
    """A header field (organ, year, title, publish date), with the standard sentences that follow it.

    ``texts`` are the parts rewritten along with the field (the program's own sentences naming
    the organ or the year): one undo step takes back both. Typing in the organ merges as text
    does; each year step is its own undo step.
    """

    merge_id = _META_ID

    def __init__(self, state, field: str, value, texts: dict[str, str] | None = None):
        label = header_field(field).label
        super().__init__(f"修改{label}及标准文字" if texts else f"修改{label}", field,
                         getattr(state.report.meta, field), value)
        self.state = state
        self.field = field
        self.new_texts = dict(texts or {})
        self.old_texts = {part: state.report.part_text(part) for part in self.new_texts}

    def merges(self, other) -> bool:
        return super().merges(other) and self.field != "year"

    def mergeWith(self, other) -> bool:
        if not super().mergeWith(other):
            return False
        for part, text in other.new_texts.items():
            self.old_texts.setdefault(part, other.old_texts[part])
            self.new_texts[part] = text
        if self.new_texts:
            self.setText(f"修改{header_field(self.field).label}及标准文字")
        return True

    def redo(self) -> None:
        self.state.apply_meta(self.field, self.new, self.new_texts)

    def undo(self) -> None:
        self.state.apply_meta(self.field, self.old, self.old_texts)


class SetAutoTotalsCommand(QUndoCommand):
    """自动合计 on or off; switching on overwrites typed totals, undo puts them back."""

    def __init__(self, state, on: bool):
        super().__init__("开启自动合计" if on else "关闭自动合计")
        self.state = state
        self.on = on
        self.before = state.snapshot(TOTAL_CELLS)
        self.was = state.auto_totals

    def redo(self) -> None:
        self.state.apply_auto_totals(self.on)

    def undo(self) -> None:
        self.state.apply_auto_totals(self.was, restore=self.before)


class ReplaceReportCommand(QUndoCommand):
    """An import or a pasted report replacing the whole report: one step."""

    def __init__(self, state, report: Report, description: str):
        super().__init__(description)
        self.state = state
        self.old = state.report
        self.new = report

    def redo(self) -> None:
        self.state.apply_report(self.new)

    def undo(self) -> None:
        self.state.apply_report(self.old)
