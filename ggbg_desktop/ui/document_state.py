"""The open document: its report, file path, undo stack, dirty flag and current findings.

Widgets never change the report themselves: they call the ``edit_*`` methods, which
push undo commands (``commands.py``); the commands call the ``apply_*`` methods,
which change the report, re-run the checks and say exactly what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..report import TOTAL_CELLS, CellRef, Finding, Report, check, check_changed, count, fill_totals
from ..report.model import AUTO_TOTALS, Value
from ..report.schema import TABLES
from ..report.template import texts_following
from .commands import ReplaceReportCommand, SetAutoTotalsCommand, SetMetaCommand, SetTextCommand, SetValuesCommand


class DocumentState(QObject):
    valuesChanged = Signal(object)  # list[CellRef] whose value changed
    textChanged = Signal(str)  # "preamble", "p1", "p5" or "p6"
    metaChanged = Signal()
    autoTotalsChanged = Signal(bool)
    reportReplaced = Signal()  # everything may have changed
    findingsChanged = Signal(object)  # list[Finding]
    dirtyChanged = Signal(bool)
    pathChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.report = Report()
        self.path: Path | None = None
        self.source = ""  # the file an unsaved report was imported from, shown in the title
        self.undo_stack = QUndoStack(self)
        self.findings: list[Finding] = check(self.report)
        self.revision = 0  # bumped by every change, undo and redo included (autosave watches it)
        self._forced_dirty = False  # set when the content did not come from its file (recovery, import)
        self._was_dirty = False
        self.undo_stack.cleanChanged.connect(self._update_dirty)

    # ---- what the widgets read ---------------------------------------
    @property
    def auto_totals(self) -> bool:
        return bool(self.report.settings.get(AUTO_TOTALS, False))

    def is_computed(self, ref: CellRef) -> bool:
        """True for a total cell filled by 自动合计 (shown read-only)."""
        return self.auto_totals and ref in TOTAL_CELLS

    @property
    def is_dirty(self) -> bool:
        return self._forced_dirty or not self.undo_stack.isClean()

    def counts(self) -> tuple[int, int]:
        return count(self.findings)

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return f"导入自“{self.source}”，未保存" if self.source else "未命名"

    # ---- starting over -----------------------------------------------
    def load(self, report: Report, path: Path | None, *, dirty: bool = False, source: str = "") -> None:
        """Replace the document (new, opened, imported, restored): not undoable, undo history cleared."""
        self.report = report
        self.path = Path(path) if path else None
        self.source = "" if path else source
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._forced_dirty = dirty
        self._changed()
        self.reportReplaced.emit()
        self.pathChanged.emit()
        self._update_dirty()

    def mark_saved(self, path: Path) -> None:
        self.path = Path(path)
        self._forced_dirty = False
        self.undo_stack.setClean()
        self.pathChanged.emit()
        self._update_dirty()

    # ---- edits (each one undoable step) ------------------------------
    def edit_values(self, changes: dict[CellRef, Value], description: str = "") -> bool:
        changes = {ref: v for ref, v in changes.items() if not self.is_computed(ref)}
        if not changes or all(self.report.value(ref) == v and type(self.report.value(ref)) is type(v)
                              for ref, v in changes.items()):
            return False
        self.undo_stack.push(SetValuesCommand(self, changes, description))
        return True

    def edit_text(self, part: str, text: str) -> None:
        if self.report.part_text(part) != text:
            self.undo_stack.push(SetTextCommand(self, part, text))

    def edit_meta(self, field: str, value) -> None:
        """Change a header field; the standard sentences naming it follow in the same undo step."""
        if getattr(self.report.meta, field) == value:
            return
        texts = {part: text for part, text in texts_following(self.report, field, value).items()
                 if self.report.part_text(part) != text}
        self.undo_stack.push(SetMetaCommand(self, field, value, texts))

    def fill_blanks_with_zero(self) -> int:
        """Every blank figure (totals computed by 自动合计 aside) set to 0 in one undo step; returns how many."""
        blanks: dict[CellRef, Value] = {ref: 0 for spec in TABLES.values() for ref in spec.cells()
                  if self.report.value(ref) is None and not self.is_computed(ref)}
        return len(blanks) if self.edit_values(blanks, f"空白格填 0（{len(blanks)} 个）") else 0

    def set_auto_totals(self, on: bool) -> None:
        if on != self.auto_totals:
            self.undo_stack.push(SetAutoTotalsCommand(self, on))

    def replace_report(self, report: Report, description: str) -> None:
        """An import: the whole report replaced as one undoable step."""
        self.undo_stack.push(ReplaceReportCommand(self, report, description))

    # ---- changes (called by the commands only) -----------------------
    def apply_values(self, changes: dict[CellRef, Value], *, compute_totals: bool = True) -> None:
        changed = []
        for ref, value in changes.items():
            if self.report.value(ref) != value or type(self.report.value(ref)) is not type(value):
                self.report.set_value(ref, value)
                changed.append(ref)
        if compute_totals and self.auto_totals:
            changed.extend(ref for ref in fill_totals(self.report) if ref not in changed)
        self._changed(changed)
        if changed:
            self.valuesChanged.emit(changed)

    def _set_text(self, part: str, text: str) -> None:
        if part == "preamble":
            self.report.preamble = text
        else:
            self.report.parts[part] = text

    def apply_text(self, part: str, text: str) -> None:
        self._set_text(part, text)
        self._changed([part])
        self.textChanged.emit(part)

    def apply_meta(self, field: str, value, texts: dict[str, str] | None = None) -> None:
        """Set a header field and the parts that follow it, then recheck once."""
        setattr(self.report.meta, field, value)
        for part, text in (texts or {}).items():
            self._set_text(part, text)
        self._changed(["meta", *(texts or {})])
        self.metaChanged.emit()
        for part in texts or {}:
            self.textChanged.emit(part)

    def apply_auto_totals(self, on: bool, restore: dict[CellRef, Value] | None = None) -> list[CellRef]:
        """Switch 自动合计; on: fill the totals (returns the cells changed); off: put ``restore`` back."""
        self.report.settings[AUTO_TOTALS] = on
        changed = fill_totals(self.report) if on else []
        for ref, value in (restore or {}).items():
            self.report.set_value(ref, value)
            changed.append(ref)
        self._changed(changed)
        self.autoTotalsChanged.emit(on)
        self.valuesChanged.emit(list(TOTAL_CELLS))
        return changed

    def apply_report(self, report: Report) -> None:
        self.report = report
        self._changed()
        self.reportReplaced.emit()

    def snapshot(self, refs) -> dict[CellRef, Value]:
        return {ref: self.report.value(ref) for ref in refs}

    # ---- checks ------------------------------------------------------
    def _changed(self, what: Iterable[CellRef | str] | None = None) -> None:
        """Count the change and recheck: only the rules that read ``what`` (cells, parts, "meta"); all if None."""
        self.revision += 1
        self.recheck(what)

    def recheck(self, what: Iterable[CellRef | str] | None = None) -> None:
        findings = check(self.report) if what is None else check_changed(self.report, self.findings, what)
        if findings != self.findings:
            self.findings = findings
            self.findingsChanged.emit(findings)

    def _update_dirty(self, *_args) -> None:
        dirty = self.is_dirty
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirtyChanged.emit(dirty)
