"""The import log as a clerk reads it: every explanation whole, however long, in the real dialog."""

from __future__ import annotations

from conftest import SEEDS
from PySide6.QtCore import QRect, Qt

from ggbg_desktop.ui.import_log_dialog import ImportLogDialog

from .conftest import click_button, find_action

SEED = SEEDS / "001_9b0f64044e721509.txt"


def test_long_explanations_in_the_import_log_are_wrapped_not_cut(qtbot, real_window, answers):
    window = real_window
    measured = []

    def read(dialog: ImportLogDialog):
        tree = dialog.tree
        metrics = tree.fontMetrics()
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            width = tree.columnWidth(2) - 12
            needed = metrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), item.text(2))
            measured.append((item.text(2), needed.height(), tree.visualItemRect(item).height(),
                             metrics.horizontalAdvance(item.text(2)) > tree.columnWidth(2)))
        click_button(dialog, "取消")

    answers.file(SEED, title="导入报告").expect(lambda w: isinstance(w, ImportLogDialog), read, "log")
    find_action(window, "文件", "导入").trigger()
    answers.wait_done()
    long_ones = [m for m in measured if m[3]]
    assert long_ones, "the seed's log has explanations longer than one line"
    cut = [text for text, needed, row, _long in measured if row < needed]
    assert not cut, cut
