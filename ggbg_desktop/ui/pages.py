"""The six tabs of the report: text editors for parts 一, 五, 六 (and 导语), table editors for 二, 三, 四."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ..report.schema import OVERVIEW_SUBHEADINGS, PART_BY_KEY, PARTS, PREAMBLE_NAME, header_field
from .fonts import heading_font
from .table_model import ReportTableModel
from .text_part import TextPartEditor

if TYPE_CHECKING:
    from .table_view import ReportTableView

TEXT_PLACEHOLDERS = {
    "preamble": f"{PREAMBLE_NAME}：编制依据、全文包括的六个部分、统计期限、电子版下载"
                f"{header_field('website').label}和{header_field('contact').label}",
    "p1": " ".join(OVERVIEW_SUBHEADINGS),
    "p5": "写明存在的主要问题、改进情况，以及上年问题的整改情况",
    "p6": f"写明信息处理费的收取情况（国办函〔2020〕109号），以及{PART_BY_KEY['p6'].title}",
}
TABLE_NOTE = ("提示：直接输入数字即覆盖原值；Tab、回车、方向键在数字格之间移动；Delete 清除；"
              "可从 Excel/WPS 复制整块数字后粘贴。绿色底纹为自动合计，红色为检查未通过。")


class _LazyViews(dict):
    """Table views made on first lookup by ``build(table)``, which stores them."""

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, table: str):
        self._build(table)
        return dict.__getitem__(self, table)


def part_tab(key: str) -> str:
    """The tab a text lives on: "preamble" (导语) shares part 一's tab; a part is on its own."""
    return "p1" if key == "preamble" else key


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(heading_font(label.font()))
    label.setContentsMargins(2, 4, 2, 2)
    return label


class PartPages(QTabWidget):
    """One tab per part; the short title on the tab, the full heading as its tooltip and on the page."""

    def __init__(self, state, on_message, parent=None):
        super().__init__(parent)
        self.state = state
        self._on_message = on_message  # a table's status-bar message ("已粘贴 7 个数", a refused figure)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.text_editors: dict[str, TextPartEditor] = {}
        self.table_models: dict[str, ReportTableModel] = {}
        # Built on first use: the window opens on part 一 without laying out three grids.
        self.table_views: dict[str, ReportTableView] = _LazyViews(self._build_table_view)
        self.part_pages: dict[str, QWidget] = {}
        # Set by the window: shows a refused paste in a dialog (the status bar until then).
        self.paste_refused: Callable[[str], None] | None = None
        for part in PARTS:
            page = self._table_page(part) if part.kind == "table" else self._text_page(part)
            self.part_pages[part.key] = page
            self.addTab(page, part.tab_title)
            self.setTabToolTip(self.count() - 1, part.heading)
        self.currentChanged.connect(self._page_shown)

    def _text_editor(self, key: str) -> TextPartEditor:
        editor = TextPartEditor(self.state, key, TEXT_PLACEHOLDERS[key])
        editor.setObjectName(f"text_{key}")
        self.text_editors[key] = editor
        return editor

    def _text_page(self, part) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 2, 12, 6)
        if part.key == "p1":
            splitter = QSplitter(Qt.Orientation.Vertical)
            for key, title in (("preamble", "导语"), ("p1", part.heading)):
                box = QWidget()
                box_layout = QVBoxLayout(box)
                box_layout.setContentsMargins(0, 0, 0, 0)
                box_layout.addWidget(_heading(title))
                box_layout.addWidget(self._text_editor(key))
                splitter.addWidget(box)
            splitter.setSizes([180, 480])
            layout.addWidget(splitter)
        else:
            layout.addWidget(_heading(part.heading))
            if part.key == "p6":  # the fee figures part 六 must state, above the text that states them
                from .fees_form import FeesForm

                self.fees_form = FeesForm(self.state, self._on_message)
                layout.addWidget(self.fees_form)
            layout.addWidget(self._text_editor(part.key))
        return page

    def _table_page(self, part) -> QWidget:
        """The page with its heading and model; the view is built when first needed (_build_table_view)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 2, 12, 6)
        layout.addWidget(_heading(part.heading))
        self.table_models[part.table] = ReportTableModel(self.state, part.table, self)
        return page

    def _on_paste_refused(self, text: str) -> None:
        if self.paste_refused is not None:
            self.paste_refused(text)
        else:
            self._on_message(text)

    def _build_table_view(self, table: str) -> None:
        from .table_view import ReportTableView  # loaded with the first table shown

        part = next(p for p in PARTS if p.table == table)
        layout = self.part_pages[part.key].layout()
        assert isinstance(layout, QVBoxLayout), "_table_page gives every table page a QVBoxLayout"
        view = ReportTableView(self.table_models[table])
        view.setObjectName(f"table_{table}")
        view.message.connect(self._on_message)
        view.pasteRefused.connect(self._on_paste_refused)
        self.table_views[table] = view
        layout.addWidget(view, 1)
        # Made after the window's other widgets, the view would come last in the Tab order (after
        # the findings panel): Tab from the part's tab goes into its table, as it goes into a text.
        QWidget.setTabOrder(self.tabBar(), view)
        note = QLabel(TABLE_NOTE)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6670;")
        layout.addWidget(note)
        layout.addStretch(0)
        # Children added to a visible page are shown only by a queued call; show them now so a
        # finding can focus its cell at once.
        view.show()
        note.show()

    def step_part(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous part, with the cursor in its table or text."""
        self.setCurrentIndex((self.currentIndex() + step) % self.count())
        part = PARTS[self.currentIndex()]
        editor = self.table_views[part.table] if part.table else self.text_editors[
            "preamble" if part.key == "p1" else part.key]
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def next_part(self) -> None:
        self.step_part(1)

    def previous_part(self) -> None:
        self.step_part(-1)

    def _page_shown(self, index: int) -> None:
        page = self.widget(index)
        for part in PARTS:
            if part.table and self.part_pages.get(part.key) is page:
                self.table_views[part.table]  # builds it on first showing
