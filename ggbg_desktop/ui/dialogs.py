"""Every question the window asks, in one replaceable object, so tests answer without a modal loop."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

if TYPE_CHECKING:
    from ..formats.importlog import ImportResult

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class Dialogs:
    """The window's dialogs. Unit tests replace methods to answer them; journey tests answer the real ones."""

    def error(self, parent, message: str, title: str = "无法完成") -> None:
        QMessageBox.warning(parent, title, message)

    def info(self, parent, message: str, title: str = "提示") -> None:
        QMessageBox.information(parent, title, message)

    def ask_save_changes(self, parent, name: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, "保存修改", f"“{name}”有尚未保存的修改，是否保存？",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.button(QMessageBox.StandardButton.Save).setText("保存")
        box.button(QMessageBox.StandardButton.Discard).setText("不保存")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
            QMessageBox.StandardButton(answer), CANCEL)

    def confirm_despite_errors(self, parent, action: str, errors: int, first: str) -> bool:
        """Before 导出 or 打印 of a report the checks still find errors in: go on, or go and fix them."""
        box = QMessageBox(QMessageBox.Icon.Warning, f"{action}前请核对",
                          f"报告还有 {errors} 处错误，{action}的文件会带着这些错误。\n\n第一处：{first}\n\n"
                          f"仍然{action}吗？", QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("errors_before_output")
        go_on = box.addButton(f"仍然{action}", QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton("先去修改", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fix)
        box.setEscapeButton(fix)
        box.exec()
        return box.clickedButton() is go_on

    def confirm_import(self, parent, result: ImportResult, source: str, accept_text: str = "替换当前报告") -> bool:
        from .import_log_dialog import ImportLogDialog

        dialog = ImportLogDialog(result, source, accept_text, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, parent, caption: str, directory: str, filters: str) -> str | None:
        path, _chosen = _run_file_dialog(parent, caption, directory, filters, save=False)
        return path

    def save_file(self, parent, caption: str, suggested: str, filters: str) -> tuple[str | None, str]:
        return _run_file_dialog(parent, caption, suggested, filters, save=True)

    def choose_export_target(self, parent, suggested: str, filters: str) -> tuple[str | None, str]:
        return self.save_file(parent, "导出", suggested, filters)


def _run_file_dialog(parent, caption: str, start: str, filters: str, save: bool) -> tuple[str | None, str]:
    """Qt's file dialog with every label in Chinese (qtbase_zh_CN leaves "Look in" and "Files of
    type" in English); a platform's own dialog, where Qt uses one, speaks the system's language."""
    dialog = QFileDialog(parent, caption)
    dialog.setNameFilters(filters.split(";;"))
    Label = QFileDialog.DialogLabel
    for label, text in ((Label.LookIn, "查找范围："), (Label.FileName, "文件名："), (Label.FileType, "文件类型："),
                        (Label.Accept, "保存" if save else "打开"), (Label.Reject, "取消")):
        dialog.setLabelText(label, text)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(start)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setDirectory(start)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None, ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


class UnattendedDialogs(Dialogs):
    """For ``--exit-when-ready``: messages go to stderr, every question is answered "no"."""

    def __init__(self):
        self.errors: list[str] = []

    def error(self, parent, message: str, title: str = "无法完成") -> None:
        self.errors.append(message)
        sys.stderr.write(f"{title}：{message}\n")

    def info(self, parent, message: str, title: str = "提示") -> None:
        pass

    def ask_save_changes(self, parent, name: str) -> str:
        return DISCARD

    def confirm_despite_errors(self, parent, action, errors, first) -> bool:
        return True

    def confirm_import(self, parent, result, source, accept_text="替换当前报告") -> bool:
        return True

    def open_file(self, parent, caption, directory, filters):
        return None

    def save_file(self, parent, caption, suggested, filters):
        return None, ""
