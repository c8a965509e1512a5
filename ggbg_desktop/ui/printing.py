"""Print preview and printing of a report in the official layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..formats.registry import ExportOptions
    from ..report import Report

PREVIEW_SIZE = (900, 1000)  # an A4 page at a readable zoom, where the screen has room


def _printer(report: Report):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(report.meta.display_title() or "年度报告")
    return printer


def _paint(parent: QWidget, report: Report, printer, options: ExportOptions) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ..formats.writers.pdf import render_to_printer

    try:
        render_to_printer(report, printer, options)
    except UserError as exc:
        QMessageBox.warning(parent, "无法打印", exc.message)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to width × height, or less where its screen is smaller."""
    screen = widget.screen() if widget.screen() is not None else None
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 60)
    widget.resize(width, height)


def show_preview(parent: QWidget, report: Report, options: ExportOptions) -> None:
    """The pages as they will print, in a modal dialog sized to fit the screen."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    report = report.copy()
    printer = _printer(report)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle("打印预览")
    fit_to_screen(preview, *PREVIEW_SIZE)
    preview.paintRequested.connect(lambda p: _paint(parent, report, p, options))
    preview.exec()
    preview.deleteLater()


def print_report(parent: QWidget, report: Report, options: ExportOptions) -> None:
    """Qt's print dialog, then the pages to the chosen printer."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    report = report.copy()
    printer = _printer(report)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if accepted:
        _paint(parent, report, printer, options)
