"""The import log shown before an import is used: what was found, missed and guessed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from ..formats.importlog import ERROR, INFO, LEVEL_NAMES, WARNING, ImportResult
from ..report.schema import TABLE_NAMES, part_name


def area_name(area: str) -> str:
    """The import log's area ("p1", "t3", "noise" …) as the clerk calls it."""
    return TABLE_NAMES.get(area) or {"noise": "网页杂项", "file": "文件"}.get(area) or part_name(area)


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
        self.tree.setWordWrap(True)
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
