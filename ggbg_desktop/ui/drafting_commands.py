"""What the window does with drafted figure sentences and last year's figures: 插入数据说明,
更新数据说明 (from the menu or a finding), and showing 上年 under this year's figures.

Every change goes through the document as one undoable step (DocumentState.replace_report):
the domain functions (report/drafted.py) return a new report and leave the open one unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ..errors import UserError
from ..report.drafted import insert_drafted, stale, update_drafted
from ..report.schema import PARTS, part_name

SHOW_LAST_YEAR = "view/show_last_year"  # kept in the program's settings, not in the report
DRAFTED_PARTS = ("p1", "p6")  # the parts holding passages the program can draft


class DraftingCommands(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.state = window.state
        window.findings_panel.updateRequested.connect(self.update_finding)
        for model in window.table_models.values():
            model.set_show_last_year(self.last_year_shown())

    # ---- 上年 under the figures ------------------------------------------------
    def last_year_shown(self) -> bool:
        value = self.window.settings.q.value(SHOW_LAST_YEAR, False)
        return value in (True, "true", "1", 1)

    def show_last_year(self, on: bool) -> None:
        self.window.settings.q.setValue(SHOW_LAST_YEAR, bool(on))
        for model in self.window.table_models.values():
            model.set_show_last_year(bool(on))
        if not on:
            self.window.show_message("已隐藏上年数")
        elif self.state.report.last_year is None:
            self.window.show_message("已显示上年数：本报告还没有上年数据，可用“工具 → 载入上年数据”载入", 8000)
        else:
            year = self.state.report.last_year.year
            self.window.show_message(f"已在每个数字下显示{year or '上'}年数和增减", 6000)

    # ---- 插入数据说明 -------------------------------------------------------------
    def target_part(self) -> str:
        """The part the clerk is writing in: the focused text editor of 一 or 六, else the tab shown (六 or 一)."""
        focused = QApplication.focusWidget()
        for key in DRAFTED_PARTS:
            if focused is self.window.text_editors[key]:
                return key
        current = PARTS[self.window.tabs.currentIndex()].key
        return current if current in DRAFTED_PARTS else "p1"

    def insert_at_cursor(self, part: str | None = None) -> bool:
        part = part or self.target_part()
        editor = self.window.text_editors[part]
        position = editor.textCursor().position()
        try:
            inserted = insert_drafted(self.state.report, part, position)
        except UserError as exc:
            self.window.dialogs.error(self.window, exc.message, "无法插入数据说明")
            return False
        self.window.tabs.setCurrentWidget(self.window.part_pages[part])
        self.state.replace_report(inserted.report, f"插入数据说明（{part_name(part)}）")
        editor.show_span(inserted.start, inserted.end)
        editor.show_span(inserted.end, inserted.start)  # selected, scrolled so that its first line is in view
        said = f"已在{part_name(part)}插入程序起草的数据说明（已选中，可用“撤销”去掉）"
        if inserted.skipped:
            said += "；未起草：" + "；".join(inserted.skipped)
        self.window.show_message(said, 15000 if inserted.skipped else 8000)
        return True

    # ---- 更新数据说明 -------------------------------------------------------------
    def update_all(self) -> bool:
        return self._update(None)

    def update_finding(self, finding) -> bool:
        """更新 offered by a drafted_stale finding: only that passage is rewritten."""
        return self._update(finding.span)

    def _update(self, only) -> bool:
        before = self.state.report
        if not stale(before):
            self.window.show_message("没有过时的数据说明：程序起草的文字与表中数字一致", 6000)
            return False
        updated = update_drafted(before, only)
        if updated.parts == before.parts:
            self.window.dialogs.error(
                self.window, "过时的数据说明所依据的数字现有空格，暂不能更新。请先填写这些数字。", "无法更新数据说明")
            return False
        changed = [key for key in DRAFTED_PARTS if updated.parts.get(key) != before.parts.get(key)]
        self.state.replace_report(updated, "更新数据说明")
        if changed:
            self.window.tabs.setCurrentWidget(self.window.part_pages[changed[0]])
        self.window.show_message("已按表中数字改写过时的数据说明，其他文字未改动（可用“撤销”恢复）", 8000)
        return True
