"""Print preview and printing: the pages Typst set for the PDF, shown on screen and painted onto the printer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..errors import ExportError, UserError
from ..formats.layout import layout
from ..formats.registry import ExportOptions
from ..formats.writers import official as o
from ..report.model import Report

PREVIEW_TITLE = "打印预览"
PRINT_TEXT = "打印"


def page_images(report: Report, options: ExportOptions, dpi: float) -> list[bytes]:
    """The report's pages as PNG images at ``dpi``: the same Typst pages as the PDF export."""
    from ..formats.writers import typesetter

    return typesetter.render(layout(report, options), options, "png", ppi=dpi)


def page_drawings(report: Report, options: ExportOptions) -> list[bytes]:
    """The same pages as SVG (glyphs as outlines), which QtSvg paints faithfully at any resolution
    (tests/ui/test_printing.py compares it with Typst's own rendering)."""
    from ..formats.writers import typesetter

    return typesetter.render(layout(report, options), options, "svg")


class PreviewDialog(QDialog):
    """The typeset pages one under another, with a button that prints them."""

    def __init__(self, parent: QWidget | None, report: Report, options: ExportOptions, pages: list[bytes],
                 may_print: Callable[[], bool] = lambda: True):
        super().__init__(parent)
        self.setWindowTitle(f"{PREVIEW_TITLE}（共 {len(pages)} 页）")
        self.setModal(True)
        self._report, self._options, self._may_print = report, options, may_print
        column = QWidget()
        column.setObjectName("pages")
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(12)
        column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        ratio = self.devicePixelRatioF() or 1.0
        self.page_labels: list[QLabel] = []
        for number, png in enumerate(pages, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName("page")
            label.setPixmap(pixmap)
            label.setAccessibleName(f"第 {number} 页")
            label.setStyleSheet("background: white; border: 1px solid #999;")
            column_layout.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox()
        self.page_count = QLabel(f"共 {len(pages)} 页，A4 纵向")
        self.print_button = QPushButton(PRINT_TEXT)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_count)
        bottom.addWidget(buttons, 1)
        outer.addLayout(bottom)
        self._fit_screen(pages)

    def _fit_screen(self, pages: list[bytes]) -> None:
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        page_width = self.page_labels[0].sizeHint().width() if self.page_labels else 600
        width = min(available.width() - 40, page_width + 80)
        height = available.height() - 60
        self.resize(max(320, width), max(240, height))

    def _print(self) -> None:
        if self._may_print():  # a report with errors asks first, as 文件 → 打印 does
            print_report(self, self._report, self._options)
        else:
            self.reject()  # 先去修改: back to the window, where the first error is shown


def _screen_dpi(parent: QWidget | None) -> float:
    """Pixels per inch that show a page at its printed size on this screen, fitted to its height."""
    screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() or 1.0
    dpi = screen.logicalDotsPerInch() * ratio
    # Never taller than the screen, so one whole page can be seen at once.
    fit = (screen.availableGeometry().height() - 120) * ratio / (o.PAGE_HEIGHT_MM / 25.4)
    return max(36.0, min(dpi, fit))


def _busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


def _done():
    QApplication.restoreOverrideCursor()


def show_preview(parent: QWidget, report: Report, options: ExportOptions,
                 may_print: Callable[[], bool] = lambda: True) -> None:
    """A modal preview of the typeset pages with a 打印 button (``may_print`` is asked before printing)."""
    _busy()
    try:
        pages = page_images(report, options, _screen_dpi(parent))
    except UserError as exc:
        _done()
        QMessageBox.warning(parent, "无法预览", exc.message)
        return
    _done()
    PreviewDialog(parent, report, options, pages, may_print).exec()


def print_report(parent: QWidget, report: Report, options: ExportOptions) -> None:
    """Ask for a printer (QPrintDialog), then paint the typeset pages onto it."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(report.meta.display_title() or "年度报告")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(PRINT_TEXT)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    _busy()
    try:
        paint_pages(printer, page_drawings(report, options))
    except UserError as exc:
        _done()
        QMessageBox.warning(parent, "无法打印", exc.message)
        return
    _done()


def paint_pages(printer, pages: list[bytes]) -> None:
    """Each SVG page over the whole sheet (the margins are in the page), one sheet a page."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError("无法开始打印：打印机不可用")
    try:
        for index, svg in enumerate(pages):
            if index:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            QSvgRenderer(QByteArray(svg)).render(painter, target)
    finally:
        painter.end()
