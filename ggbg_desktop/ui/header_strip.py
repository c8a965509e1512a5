"""The strip above the tabs: organ, year, title (proposed from organ and year), publish and signature dates."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ..report.schema import header_field, report_title
from ..report.values import parse_date

NO_YEAR = 1999  # the spin box's "not filled" value, shown as "未填"


class _UndoToWindow(QObject):
    """Line edits here leave Ctrl+Z / Ctrl+Y to the window, whose undo stack holds their edits."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return False


class HeaderStrip(QWidget):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.organ = QLineEdit()
        self.organ.setPlaceholderText("如：蓝田县人民政府")
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("未填")
        self.year.setSuffix(" 年")
        self.year.setAccelerated(True)
        self.title = QLineEdit()
        self.published = QLineEdit()
        self.published.setPlaceholderText("如 2024-01-20")
        # 成文日期, printed under the signature (发布日期 stands in for it when blank); named as Meta's field,
        # so a finding about it (未填写成文日期) lands here.
        self.signature_date = QLineEdit()
        self.signature_date.setPlaceholderText("如 2024-01-15")
        for date in (self.published, self.signature_date):
            date.setMinimumWidth(self.fontMetrics().horizontalAdvance("如 2024-01-20") + 16)  # a whole date shows
            date.setMaximumWidth(self.fontMetrics().horizontalAdvance("2024-01-20") * 2)
        self._undo_filter = _UndoToWindow(self)
        for w in (self.organ, self.year, self.title, self.published, self.signature_date):
            w.installEventFilter(self._undo_filter)

        form_left = QFormLayout()
        form_left.addRow(header_field("organ").label, self.organ)
        form_left.addRow(header_field("title").label, self.title)
        form_right = QFormLayout()
        form_right.addRow(header_field("year").label, self.year)
        dates = QHBoxLayout()
        dates.addWidget(self.published)
        dates.addSpacing(8)
        dates.addWidget(QLabel(header_field("signature_date").label, self))
        dates.addWidget(self.signature_date)
        form_right.addRow(header_field("published").label, dates)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.addLayout(form_left, 4)
        layout.addSpacing(12)
        layout.addLayout(form_right, 1)
        self.date_note = QLabel()
        self.date_note.setStyleSheet("color: #b00020;")
        self.date_note.hide()
        form_right.addRow("", self.date_note)

        self._loading = False
        self.load()
        self.organ.textEdited.connect(lambda text: state.edit_meta("organ", text.strip()))
        self.title.textEdited.connect(self._title_edited)
        self.year.valueChanged.connect(self._year_changed)
        self.published.editingFinished.connect(lambda: self._date_finished("published", self.published))
        self.signature_date.editingFinished.connect(
            lambda: self._date_finished("signature_date", self.signature_date))
        state.metaChanged.connect(self.load)
        state.reportReplaced.connect(self.load)

    def load(self) -> None:
        meta = self.state.report.meta
        self._loading = True
        try:
            if self.organ.text().strip() != meta.organ:
                self.organ.setText(meta.organ)
            if self.year.value() != (meta.year or NO_YEAR):
                self.year.setValue(meta.year or NO_YEAR)
            if self.title.text() != meta.title:
                self.title.setText(meta.title)
            self.title.setPlaceholderText(report_title(meta.organ, meta.year) if meta.organ or meta.year
                                          else f"由{header_field('organ').label}和{header_field('year').label}自动生成")
            for field, edit in (("published", self.published), ("signature_date", self.signature_date)):
                value = getattr(meta, field)
                if not edit.hasFocus() or parse_date(edit.text()) != value:
                    edit.setText(value or "")
        finally:
            self._loading = False

    def _title_edited(self, text: str) -> None:
        # Typing the proposed title itself keeps it automatic (it then follows organ and year).
        meta = self.state.report.meta
        value = "" if text.strip() == report_title(meta.organ, meta.year) else text
        self.state.edit_meta("title", value)

    def _year_changed(self, value: int) -> None:
        if not self._loading:
            year = None if value == NO_YEAR else value
            self.state.edit_meta("year", year)

    def _date_finished(self, field: str, edit: QLineEdit) -> None:
        text = edit.text()
        value = parse_date(text)
        if value is None and text.strip():
            self.date_note.setText(f"{header_field(field).label}格式应为 2024-01-20")
            self.date_note.show()
            return
        self.date_note.hide()
        self.state.edit_meta(field, value)
        if value and edit.text() != value:
            edit.setText(value)

