"""查找 (Ctrl+F): a bar below the tabs that finds words in every text part, tab after tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..report.schema import PARTS
from .pages import part_tab

# The order a reader meets the texts: 导语 and 一 on the first tab, then 五 and 六.
TEXT_ORDER = ("preamble", "p1", "p5", "p6")


class FindBar(QWidget):
    """Type a word, press Enter: the next place it occurs is selected, on whichever tab it is."""

    def __init__(self, pages, parent=None):
        super().__init__(parent)
        self.pages = pages
        self._found_in = None  # the editor of the last match: the next search goes on from there
        self._forward = True
        self.field = QLineEdit()
        self.field.setPlaceholderText("查找导语和各部分文字中的内容")
        self.field.setClearButtonEnabled(True)
        self.result = QLabel()
        self.result.setStyleSheet("color: #5f6670;")
        previous = QPushButton("上一个")
        following = QPushButton("下一个")
        close = QPushButton("关闭")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel("查找"))
        layout.addWidget(self.field, 1)
        for button in (previous, following, close):
            button.setAutoDefault(False)
            layout.addWidget(button)
        layout.addWidget(self.result)
        self.field.returnPressed.connect(self.find_next)
        following.clicked.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        close.clicked.connect(self.hide)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hide()

    def start(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def find_next(self) -> bool:
        return self._find(forward=True)

    def find_previous(self) -> bool:
        return self._find(forward=False)

    def _current_place(self) -> tuple[int, int]:
        """Where the search starts: the text with the cursor (or the first on the tab shown) and its offset."""
        editors = self.pages.text_editors
        shown = PARTS[self.pages.currentIndex()].key
        at = next((i for i, key in enumerate(TEXT_ORDER) if editors[key].hasFocus()), None)
        if at is None:
            at = next((i for i, key in enumerate(TEXT_ORDER)
                       if editors[key] is self._found_in and part_tab(key) == shown), None)
        if at is not None:
            cursor = editors[TEXT_ORDER[at]].textCursor()
            return at, cursor.selectionEnd() if self._forward else cursor.selectionStart()
        for i, key in enumerate(TEXT_ORDER):
            if part_tab(key) == shown:
                return i, 0 if self._forward else len(editors[key].toPlainText())
        return (0, 0) if self._forward else (len(TEXT_ORDER) - 1, len(editors[TEXT_ORDER[-1]].toPlainText()))

    def _find(self, forward: bool) -> bool:
        word = self.field.text()
        if not word:
            return False
        self._forward = forward
        editors = self.pages.text_editors
        start, offset = self._current_place()
        n = len(TEXT_ORDER)
        for step in range(n + 1):
            i = (start + step) % n if forward else (start - step) % n
            key = TEXT_ORDER[i]
            text = editors[key].toPlainText()
            if step == 0:
                at = text.find(word, offset) if forward else text.rfind(word, 0, max(0, offset))
            else:
                at = text.find(word) if forward else text.rfind(word)
            if at >= 0:
                self._select(key, at, len(word))
                self.result.setText(self._tally(word, key, at))
                return True
        self.result.setText(f"未找到“{word}”")
        return False

    def _tally(self, word: str, key: str, at: int) -> str:
        """"第 2 处，共 5 处": where this match stands among all, in reading order."""
        places = []
        for part in TEXT_ORDER:
            text = self.pages.text_editors[part].toPlainText()
            start = text.find(word)
            while start >= 0:
                places.append((part, start))
                start = text.find(word, start + len(word))
        number = places.index((key, at)) + 1 if (key, at) in places else 0
        return f"第 {number} 处，共 {len(places)} 处" if number else f"共 {len(places)} 处"

    def _select(self, key: str, at: int, length: int) -> None:
        editor = self.pages.text_editors[key]
        self.pages.setCurrentWidget(self.pages.part_pages[part_tab(key)])
        cursor = editor.textCursor()
        cursor.setPosition(at)
        cursor.setPosition(at + length, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        self._found_in = editor
        self.result.setText("")
