"""The import log shown before an import is used: what was found, missed and guessed."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..formats.importlog import ERROR, INFO, LEVEL_NAMES, WARNING, ImportResult
from ..report.schema import TABLE_NAMES, part_name


def area_name(area: str) -> str:
    """The import log's area ("p1", "t3", "noise" …) as the clerk calls it."""
    return TABLE_NAMES.get(area) or {"noise": "网页杂项", "file": "文件"}.get(area) or part_name(area)


class _WrappedText(QStyledItemDelegate):
    """Rows as tall as their explanation wrapped to the column's width (a tree view asks its
    delegate for a row's height without telling it the column's width)."""

    MESSAGE_COLUMN = 2

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        if index.column() != self.MESSAGE_COLUMN:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(40, self.tree.columnWidth(index.column()) - 12)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(size.width(), max(size.height(), text.height() + 8))


class ImportLogDialog(QDialog):
    """What the import found, missed and guessed; the clerk decides whether to use it."""

    def __init__(self, result: ImportResult, source: str, accept_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("导入结果")
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        entries = result.log.entries
        problems = sum(1 for e in entries if e.level == ERROR)
        notes = sum(1 for e in entries if e.level == WARNING)
        summary = QLabel(f"已读取“{source}”。发现问题 {problems} 条、需注意 {notes} 条。"
                         f"请核对后选择“{accept_text}”。")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["级别", "位置", "说明"])
        self.tree.setRootIsDecorated(False)
        # The whole explanation on as many lines as it needs: "读出 175/175 个数值；按文字表格读取…"
        # cut at the column's edge hides what the clerk is asked to check.
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(_WrappedText(self.tree))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().sectionResized.connect(lambda *_args: self.tree.doItemsLayout())
        icons = {INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
                 WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
                 ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical}
        for entry in entries:
            item = QTreeWidgetItem([LEVEL_NAMES.get(entry.level, entry.level),
                                    area_name(entry.area), entry.message])
            item.setIcon(0, self.style().standardIcon(icons.get(entry.level, icons[INFO])))
            item.setToolTip(2, entry.message)
            self.tree.addTopLevelItem(item)
        if not entries:
            self.tree.addTopLevelItem(QTreeWidgetItem(["信息", "文件", "导入顺利，没有需要说明的情况"]))
        self.tree.setColumnWidth(0, 70)
        self.tree.setColumnWidth(1, 90)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox()
        buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
