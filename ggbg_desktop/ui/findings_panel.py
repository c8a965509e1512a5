"""The dock listing every error and warning of the checks; clicking one jumps to its place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..report import ERROR, Finding
from ..report.schema import TABLES, part_name
from .pages import part_tab

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10
UPDATABLE_RULES = ("drafted_stale",)  # findings the program can fix itself: 更新 rewrites the drafted passage
UPDATE_TEXT = "更新此数据说明"


def part_of(finding: Finding) -> str | None:
    """The tab a finding belongs to: "p1" … "p6", or None for the header (organ, year, title)."""
    if finding.span is not None:
        return part_tab(finding.span.part)
    if finding.cells:
        return TABLES[finding.cells[0].table].part
    return None


def place_name(finding: Finding) -> str:
    if finding.span is not None and finding.span.part == "preamble":
        return part_name("preamble")
    return part_name(part_of(finding) or "meta")


class FindingsPanel(QDockWidget):
    findingActivated = Signal(object)  # Finding
    updateRequested = Signal(object)  # a drafted_stale Finding whose passage the clerk wants rewritten

    def __init__(self, state, parent=None):
        super().__init__("检查结果", parent)
        self.setObjectName("findings_panel")
        self.state = state
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.update_button = QPushButton(UPDATE_TEXT)
        self.update_button.setToolTip("按表中现在的数字改写这段程序起草的数据说明，其他文字不变")
        self.update_button.setVisible(False)
        self.update_button.clicked.connect(self._update_current)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.update_button)
        self.setWidget(body)
        self.list.currentItemChanged.connect(lambda _item, _previous: self._sync_update_button())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        style = self.style()
        self._icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        self._shown: list[Finding] = []
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        state.findingsChanged.connect(self.show_findings)
        self.show_findings(state.findings)

    def show_findings(self, findings) -> None:
        """Show ``findings`` in order, changing only the rows that differ from what is shown.

        Typing a figure usually changes one or two findings (a sum's expected value) or none:
        the list is edited in place instead of rebuilt, so only those rows are laid out and painted.
        """
        findings = list(findings)
        if findings == self._shown:
            return
        current = self.list.currentItem()
        chosen = current.data(FINDING_ROLE) if current is not None else None
        was_empty = not self._shown
        self._shown = findings
        if not findings:
            self.list.clear()
            item = QListWidgetItem("没有发现问题")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
            self._sync_update_button()
            return
        if was_empty:
            self.list.clear()  # the "没有发现问题" row
        for row, finding in enumerate(findings):
            item = self.list.item(row)
            if item is None:
                self.list.addItem(self._item(finding))
            elif item.data(FINDING_ROLE) != finding:
                self._fill(item, finding)
        while self.list.count() > len(findings):
            self.list.takeItem(self.list.count() - 1)
        # Rows are refilled in place: the highlight stays with the finding the clerk chose, wherever
        # it moved, or goes when it is fixed; never onto another finding that took its row.
        self.select(chosen)
        self._sync_update_button()

    def select(self, finding: Finding | None) -> None:
        """Highlight ``finding``'s row (the one the window went to), or none."""
        row = self._shown.index(finding) if finding is not None and finding in self._shown else -1
        if row < 0:
            self.list.clearSelection()
        if self.list.currentRow() != row:
            self.list.setCurrentRow(row)

    def _item(self, finding: Finding) -> QListWidgetItem:
        item = QListWidgetItem()
        self._fill(item, finding)
        return item

    def _fill(self, item: QListWidgetItem, finding: Finding) -> None:
        severity = "错误" if finding.severity == ERROR else "提示"
        text = f"[{place_name(finding)}·{severity}] {finding.message}"
        icon = ERROR if finding.severity == ERROR else "warning"
        if item.data(FINDING_ROLE) is None or item.data(FINDING_ROLE).severity != finding.severity:
            item.setIcon(self._icons[icon])
        if item.text() != text:
            item.setText(text)
            item.setToolTip(finding.message)
        item.setData(FINDING_ROLE, finding)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None:
            self.findingActivated.emit(finding)

    # ---- 更新: a drafted passage out of date ---------------------------------
    def _updatable(self, item: QListWidgetItem | None) -> Finding | None:
        finding = item.data(FINDING_ROLE) if item is not None else None
        return finding if finding is not None and finding.rule in UPDATABLE_RULES else None

    def _sync_update_button(self) -> None:
        self.update_button.setVisible(self._updatable(self.list.currentItem()) is not None)

    def _update_current(self) -> None:
        finding = self._updatable(self.list.currentItem())
        if finding is not None:
            self.updateRequested.emit(finding)

    def _context_menu(self, pos) -> None:
        finding = self._updatable(self.list.itemAt(pos))
        if finding is None:
            return
        menu = QMenu(self)
        menu.addAction(UPDATE_TEXT, lambda: self.updateRequested.emit(finding))
        menu.exec(self.list.viewport().mapToGlobal(pos))
