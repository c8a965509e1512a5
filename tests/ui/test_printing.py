"""Print preview and printing show and print exactly the pages of the PDF export."""

from __future__ import annotations

import io

import pdfplumber
from conftest import complete_report
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from ggbg_desktop.formats.registry import ExportOptions
from ggbg_desktop.formats.writers import pdf
from ggbg_desktop.ui import printing


def _pdf_page_count(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return len(doc.pages)


def _answer(find, act, qtbot, seen: list):
    """Call ``act`` on the first top-level widget ``find`` accepts, once it is shown."""
    def poll():
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and find(widget):
                seen.append(act(widget))
                return
        QTimer.singleShot(50, poll)
    QTimer.singleShot(50, poll)


def _compare(image, reference) -> tuple[int, int]:
    """(inked 8-pixel blocks of the reference, blocks whose darkness differs clearly): two
    renderers anti-alias differently, so the pages are compared block by block."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    shown = Image.open(io.BytesIO(bytes(buffer.data()))).convert("L")
    size = (min(shown.width, reference.width) // 8, min(shown.height, reference.height) // 8)
    a = shown.crop((0, 0, size[0] * 8, size[1] * 8)).resize(size, Image.Resampling.BOX)
    b = reference.crop((0, 0, size[0] * 8, size[1] * 8)).resize(size, Image.Resampling.BOX)
    pairs = list(zip(a.tobytes(), b.tobytes(), strict=True))
    return sum(y < 235 for _, y in pairs), sum(abs(x - y) > 40 for x, y in pairs)


def _long_report():
    report = complete_report()
    sentence = "本机关坚持以公开为常态、不公开为例外。" * 12
    report.parts["p1"] = "\n".join(f"（一）主动公开情况。{sentence}" for _ in range(6))
    return report


def test_preview_shows_exactly_the_pdf_pages(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    report, options = _long_report(), ExportOptions()
    exported = pdf.export(report, options)
    expected = _pdf_page_count(exported)
    assert expected >= 3
    seen: list = []

    def inspect(dialog):
        pages = dialog.findChildren(QLabel, "page")
        sizes = [label.pixmap().size() for label in pages]
        shown = [label.pixmap().toImage() for label in pages]
        screen = dialog.screen().availableGeometry()
        fits = dialog.width() <= screen.width() and dialog.height() <= screen.height()
        has_print = any(b.text() == "打印" for b in dialog.findChildren(type(dialog.print_button)))
        dialog.reject()
        return len(pages), sizes, fits, has_print, shown

    _answer(lambda w: w.windowTitle().startswith("打印预览"), inspect, qtbot, seen)
    printing.show_preview(parent, report, options)
    count, sizes, fits, has_print, shown = seen[0]
    assert count == expected
    # Same breaks: each page shown looks like the PDF's page of the same number (rendered by
    # pdfium at the same size) and more like it than like any other page.
    with pdfplumber.open(io.BytesIO(exported)) as doc:
        references = [page.to_image(width=shown[0].width()).original.convert("L") for page in doc.pages]
        for number, image in enumerate(shown):
            scores = [_compare(image, reference) for reference in references]
            ink, differ = scores[number]
            assert ink > 300 and differ < ink * 0.25, (number + 1, ink, differ)
            assert min(range(len(scores)), key=lambda i: scores[i][1]) == number
    assert fits and has_print
    # A4 portrait: every page image is 297 high for 210 wide.
    assert all(abs(s.height() / s.width() - 297 / 210) < 0.01 for s in sizes)


def test_print_paints_every_page_onto_the_printer(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    report, options = _long_report(), ExportOptions()
    expected = _pdf_page_count(pdf.export(report, options))
    out = tmp_path / "printed.pdf"
    seen: list = []

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        # done(), not accept(): the Unix dialog's accept() copies its own form (no printer here)
        # over these settings.
        dialog.done(QDialog.DialogCode.Accepted.value)
        return True

    _answer(lambda w: isinstance(w, QPrintDialog), accept, qtbot, seen)
    printing.print_report(parent, report, options)
    assert seen == [True]
    assert _pdf_page_count(out.read_bytes()) == expected


def test_cancelled_print_dialog_prints_nothing(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list = []
    _answer(lambda w: isinstance(w, QPrintDialog), lambda d: d.reject() or True, qtbot, seen)
    printing.print_report(parent, complete_report(), ExportOptions())
    assert seen == [True]


def test_qtsvg_paints_the_pages_as_typst_renders_them(qtbot):
    """Printing paints Typst's SVG pages through QtSvg: it must match Typst's own rendering."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    report, options = complete_report(), ExportOptions()
    drawings = printing.page_drawings(report, options)
    images = printing.page_images(report, options, 72)
    assert len(drawings) == len(images)
    for svg, png in zip(drawings, images, strict=True):
        reference = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_Grayscale8)
        painted = QImage(reference.size(), QImage.Format.Format_ARGB32)
        painted.fill(QColor("white"))
        painter = QPainter(painted)
        QSvgRenderer(QByteArray(svg)).render(painter)
        painter.end()
        painted = painted.convertToFormat(QImage.Format.Format_Grayscale8)
        ink = differ = 0
        for y in range(0, reference.height(), 2):
            for x in range(0, reference.width(), 2):
                a, b = reference.pixelColor(x, y).value(), painted.pixelColor(x, y).value()
                ink += a < 128
                differ += abs(a - b) > 96
        assert ink > 500 and differ < ink * 0.08, (ink, differ)
