"""Editing one text part (导语, 一, 五, 六): plain paragraphs, one per line, with findings marked in place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip

from ..report import ERROR, Finding
from .fonts import document_font

STALE_RULES = ("text_year", "text_stale")
STALE_BG = QColor("#ffe2a8")
WARNING_UNDERLINE = QColor("#d08a00")
ERROR_UNDERLINE = QColor("#c62828")


class TextPartEditor(QTextEdit):
    """A part's text. Typing goes to the document as undoable steps; findings are drawn over it."""

    def __init__(self, state, part: str, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.state = state
        self.part = part
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the window's undo stack covers the text too
        self.setFont(document_font())
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._findings: list[Finding] = []
        self._loading = False
        self.context_actions: list = []  # the window's actions added to the right-click menu (插入数据说明)
        # The window's 撤销 and 重做, shown in the right-click menu in place of this editor's own (which
        # keeps no history, so they stood there greyed out with the text just typed).
        self.history_actions: dict[str, QAction] = {}
        self._load_text()
        self.textChanged.connect(self._on_text_changed)
        state.textChanged.connect(self._on_document_text)
        state.reportReplaced.connect(self._load_text)
        state.findingsChanged.connect(self._on_findings)
        self._on_findings(state.findings)

    # ---- text in and out -------------------------------------------------
    def _load_text(self) -> None:
        text = self.state.report.part_text(self.part)
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self._loading = True
        try:
            self.setPlainText(text)
            self._format_paragraphs()
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._loading = False
        # The findings may have arrived before this text did (a report was opened): mark them anew
        # against the text now shown, not the one they were first drawn over.
        self._on_findings(self.state.findings, force=True)

    def _format_paragraphs(self) -> None:
        """Paragraphs as in the printed report: first line indented two characters, airy line spacing."""
        fmt = QTextBlockFormat()
        fmt.setTextIndent(self.fontMetrics().horizontalAdvance("中") * 2)
        fmt.setLineHeight(160, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(4)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        # New paragraphs typed later inherit the format from the block they split.

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        text = self.toPlainText()
        if text != self.state.report.part_text(self.part):
            self.state.edit_text(self.part, text)

    def _on_document_text(self, part: str) -> None:
        if part == self.part:
            self._load_text()

    # ---- findings --------------------------------------------------------
    def _on_findings(self, findings, force: bool = False) -> None:
        mine = [f for f in findings if f.span is not None and f.span.part == self.part and f.span.end > f.span.start]
        if not force and mine == self._findings and self.extraSelections():
            return
        self._findings = mine
        if not mine and not self.extraSelections():
            return

        selections = []
        length = len(self.toPlainText())
        for finding in mine:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(finding.span.start, length))
            cursor.setPosition(min(finding.span.end, length), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            if finding.rule in STALE_RULES:
                fmt.setBackground(STALE_BG)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(ERROR_UNDERLINE if finding.severity == ERROR else WARNING_UNDERLINE)
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def marked_findings(self) -> list[Finding]:
        return list(self._findings)

    def findings_at(self, position: int) -> list[Finding]:
        return [f for f in self._findings if f.span is not None and f.span.start <= position < f.span.end]

    def show_span(self, start: int, end: int) -> None:
        """Select from ``start`` to ``end`` and bring the cursor (at ``end``) into view (a finding was clicked);
        ``end`` before ``start`` selects the same text with its beginning in view."""
        length = len(self.toPlainText())
        cursor = self.textCursor()
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def contextMenuEvent(self, event):
        menu = self.createStandardContextMenu(event.pos())
        for own in menu.actions():
            window_action = self.history_actions.get(own.objectName())
            if window_action is not None:
                menu.insertAction(own, window_action)
                menu.removeAction(own)
        if self.context_actions:
            menu.addSeparator()
            for action in self.context_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event):
        if event.type() == QEvent.Type.ToolTip:
            found = self.findings_at(self.cursorForPosition(event.pos()).position())
            if found:
                QToolTip.showText(event.globalPos(), "\n".join(f.message for f in found), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()  # the window's 撤销/重做 (this editor keeps no history of its own)
            return True
        return super().event(event)
