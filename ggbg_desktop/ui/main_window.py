"""The editor window: menus, toolbar, header strip, six tabs, findings dock, status bar, file work."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..errors import UserError
from ..formats import native
from ..report import ERROR
from ..report.schema import PARTS
from .dialogs import DISCARD, SAVE, Dialogs
from .document_state import DocumentState
from .findings_panel import FindingsPanel, part_of
from .header_strip import HeaderStrip
from .file_guard import FileGuard
from .recovery import Autosaver, offer_left_behind
from .settings import FONT_SETS, AppSettings
from .skeleton import new_report
from .table_model import ReportTableModel
from .text_part import TextPartEditor

if TYPE_CHECKING:
    from .table_view import ReportTableView
from .workers import Worker

APP_NAME = "政府信息公开年报编辑器"
NATIVE_FILTER = "年报文件 (*.ggbg)"
ALL_FILES = "所有文件 (*)"
TEXT_PLACEHOLDERS = {
    "preamble": "导语：编制依据、全文包括的六个部分、统计期限、电子版下载网址和联系方式",
    "p1": "（一）主动公开 （二）依申请公开 （三）政府信息管理 （四）政府信息公开平台建设 （五）监督保障",
    "p5": "写明存在的主要问题、改进情况，以及上年问题的整改情况",
    "p6": "写明信息处理费的收取情况（国办函〔2020〕109号），以及其他需要报告的事项",
}


def _filters(formats) -> list[str]:
    return [f"{f.label} ({' '.join('*' + e for e in f.extensions)})" for f in formats]


class _LazyViews(dict):
    """Table views made on first lookup by ``build(table)``, which stores them."""

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, table: str):
        self._build(table)
        return dict.__getitem__(self, table)


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None, dialogs: Dialogs | None = None,
                 recovery_dir: Path | None = None, autosave_ms: int | None = None):
        super().__init__()
        self.settings = settings or AppSettings()
        self.dialogs = dialogs or Dialogs()
        self.state = DocumentState(self)
        self.worker = Worker(self)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)

        self.header = HeaderStrip(self.state)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.text_editors: dict[str, TextPartEditor] = {}
        self.table_models: dict[str, ReportTableModel] = {}
        # Built on first use: the window opens on part 一 without laying out three grids.
        self.table_views: dict[str, ReportTableView] = _LazyViews(self._build_table_view)
        self.part_pages: dict[str, QWidget] = {}
        for part in PARTS:
            page = self._table_page(part) if part.kind == "table" else self._text_page(part)
            self.part_pages[part.key] = page
            self.tabs.addTab(page, part.heading)
            self.tabs.setTabToolTip(self.tabs.count() - 1, part.heading)
        self.tabs.currentChanged.connect(self._page_shown)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.findings_panel = FindingsPanel(self.state, self)
        self.findings_panel.findingActivated.connect(self.go_to_finding)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_panel)
        self.counts_label = QLabel()
        self.auto_label = QLabel()
        self.statusBar().addPermanentWidget(self.auto_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        self._create_actions()
        self._create_menus()

        self.autosaver = Autosaver(self.state, recovery_dir, **({"interval_ms": autosave_ms} if autosave_ms else {}))
        # issue 14: autosave failures in the status bar; the open file's guard (changed on disk, lock, read-only)
        self.autosaver.problem.connect(self._autosave_problem)
        self.file_guard = FileGuard(self)
        self.state.findingsChanged.connect(self._update_counts)
        self.state.dirtyChanged.connect(lambda _d: self._update_title())
        self.state.pathChanged.connect(self._update_title)
        self.state.metaChanged.connect(self._update_title)
        self.state.reportReplaced.connect(self._update_title)
        self.state.autoTotalsChanged.connect(self._sync_auto_totals)
        self.state.reportReplaced.connect(lambda: self._sync_auto_totals(self.state.auto_totals))

        self.state.load(new_report(self.settings.default_organ()), None)
        self._update_counts(self.state.findings)
        self._sync_auto_totals(self.state.auto_totals)
        self.resize(1280, 820)
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        window_state = self.settings.window_state()
        if window_state is not None:
            self.restoreState(window_state)

    # ---- pages -----------------------------------------------------------
    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(2, 6, 2, 4)
        return label

    def _text_editor(self, key: str) -> TextPartEditor:
        editor = TextPartEditor(self.state, key, TEXT_PLACEHOLDERS[key])
        editor.setObjectName(f"text_{key}")
        self.text_editors[key] = editor
        return editor

    def _text_page(self, part) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 4, 12, 8)
        if part.key == "p1":
            splitter = QSplitter(Qt.Orientation.Vertical)
            for key, title in (("preamble", "导语"), ("p1", part.heading)):
                box = QWidget()
                box_layout = QVBoxLayout(box)
                box_layout.setContentsMargins(0, 0, 0, 0)
                box_layout.addWidget(self._heading(title))
                box_layout.addWidget(self._text_editor(key))
                splitter.addWidget(box)
            splitter.setSizes([180, 480])
            layout.addWidget(splitter)
        else:
            layout.addWidget(self._heading(part.heading))
            layout.addWidget(self._text_editor(part.key))
        return page

    def _table_page(self, part) -> QWidget:
        """The page with its heading and model; the view is built when first needed (_build_table_view)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 4, 12, 8)
        layout.addWidget(self._heading(part.heading))
        self.table_models[part.table] = ReportTableModel(self.state, part.table, self)
        return page

    def _build_table_view(self, table: str) -> None:
        from .table_view import ReportTableView  # loaded with the first table shown

        part = next(p for p in PARTS if p.table == table)
        layout = self.part_pages[part.key].layout()
        model = self.table_models[table]
        view = ReportTableView(model)
        view.setObjectName(f"table_{table}")
        view.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        view.pasteRefused.connect(lambda text: self.dialogs.error(self, text, "无法粘贴"))
        width, height = view.natural_size()
        # Room for a scroll bar only where the table is taller than a screen (table 三).
        extra = view.verticalScrollBar().sizeHint().width() + 2 if height > 600 else 0
        view.setMinimumWidth(min(width + extra, 1000))
        view.setMaximumWidth(width + extra)
        view.setMinimumHeight(min(height, 320))
        view.setMaximumHeight(height + (view.horizontalScrollBar().sizeHint().height() if width > 1000 else 0))
        self.table_views[table] = view
        row = QHBoxLayout()
        row.addWidget(view, 1)
        row.addStretch(0)
        layout.addLayout(row, 10)
        note = QLabel("提示：直接输入数字即覆盖原值；Tab、回车、方向键在数字格之间移动；Delete 清除；"
                      "可从 Excel/WPS 复制整块数字后粘贴。绿色底纹为自动合计，红色为检查未通过。")
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6670;")
        layout.addWidget(note)
        layout.addStretch(1)
        # Children added to a visible page are shown only by a queued call; show them now so a
        # finding can focus its cell at once.
        view.show()
        note.show()

    def _page_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        for part in PARTS:
            if part.table and self.part_pages.get(part.key) is page:
                self.table_views[part.table]  # builds it on first showing

    # ---- actions and menus -----------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        self.act_new = self._action("新建(&N)", self.new_document, K.New, SP.SP_FileIcon, "新建一份报告")
        self.act_open = self._action("打开(&O)…", lambda: self.open_file(), K.Open, SP.SP_DialogOpenButton,
                                     "打开年报文件（.ggbg）")
        self.act_save = self._action("保存(&S)", self.save, K.Save, SP.SP_DialogSaveButton, "保存到年报文件")
        self.act_save_as = self._action("另存为(&A)…", self.save_as, "Ctrl+Shift+S")
        self.act_import = self._action("导入(&I)…", lambda: self.import_file(), "Ctrl+I", SP.SP_ArrowDown,
                                       "从 Word、Excel、网页或文本文件导入报告")
        self.act_paste_report = self._action("粘贴报告(&R)", self.paste_report, "Ctrl+Shift+V",
                                             SP.SP_FileDialogContentsView, "把从网页或 Word 复制的整份报告粘贴进来")
        self.act_export = self._action("导出(&E)…", self.export, "Ctrl+E", SP.SP_ArrowUp,
                                       "导出为 Word、PDF、Excel 或网页")
        self.act_preview = self._action("打印预览(&V)…", self.print_preview, "Ctrl+Shift+P",
                                        SP.SP_FileDialogDetailedView, "按公文格式预览")
        self.act_print = self._action("打印(&P)…", self.print_report, K.Print, None, "按公文格式打印")
        self.act_quit = self._action("退出(&X)", self.close, K.Quit)
        self.act_undo = self.state.undo_stack.createUndoAction(self, "撤销")
        self.act_undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.act_undo.setIcon(self.style().standardIcon(SP.SP_ArrowBack))
        self.act_redo = self.state.undo_stack.createRedoAction(self, "重做")
        self.act_redo.setShortcuts(QKeySequence.keyBindings(K.Redo) + [QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(self.style().standardIcon(SP.SP_ArrowForward))
        for action in (self.act_undo, self.act_redo):
            self.addAction(action)
        self.act_copy = self._action("复制(&C)", self.copy, K.Copy)
        self.act_paste = self._action("粘贴(&P)", self.paste, K.Paste)
        self.act_check = self._action("检查(&K)", self.run_check, "F7", SP.SP_DialogApplyButton,
                                      "列出全部错误和提示，并跳到第一处错误")
        self.act_auto_totals = self._action("自动合计(&T)", self.state.set_auto_totals, None, None,
                                            "合计格由各项相加自动得出（只读）", checkable=True)
        self.act_auto_totals.triggered.disconnect()
        self.act_auto_totals.toggled.connect(self._auto_totals_toggled)
        self.act_rollover = self._action("从上年报告新建(&L)…", self.new_from_last_year, "Ctrl+Shift+N", None,
                                         "选择上年的报告，生成本年报告草稿")
        self.font_set_actions = {}
        for key, label in FONT_SETS.items():
            action = self._action(label, lambda _c=False, k=key: self.settings.set_export_font_set(k),
                                  checkable=True)
            self.font_set_actions[key] = action
        self.act_help = self._action("使用说明(&H)", self.show_help, K.HelpContents)
        self.act_about = self._action("关于(&A)", self.show_about)
        self.act_show_findings = self.findings_panel.toggleViewAction()
        self.act_show_findings.setText("检查结果面板")

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        for action in (self.act_new, self.act_open, self.act_save, self.act_save_as):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.act_import, self.act_paste_report, self.act_export):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_preview)
        file_menu.addAction(self.act_print)
        file_menu.addSeparator()
        self.recent_menu = file_menu.addMenu("最近打开(&T)")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit_menu = bar.addMenu("编辑(&E)")
        for action in (self.act_undo, self.act_redo):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_copy)
        edit_menu.addAction(self.act_paste)

        tools = bar.addMenu("工具(&T)")
        tools.addAction(self.act_check)
        tools.addAction(self.act_auto_totals)
        tools.addSeparator()
        tools.addAction(self.act_rollover)
        tools.addSeparator()
        fonts = tools.addMenu("导出字体")
        fonts.aboutToShow.connect(self._sync_font_set)
        for action in self.font_set_actions.values():
            fonts.addAction(action)
        tools.addAction(self.act_show_findings)

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.act_help)
        help_menu.addAction(self.act_about)

        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        toolbar.setIconSize(QSize(20, 20))
        undo = QAction(self.act_undo.icon(), "撤销", self)
        undo.triggered.connect(self.state.undo_stack.undo)
        self.state.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.state.undo_stack.undoTextChanged.connect(lambda text: undo.setToolTip(f"撤销：{text}" if text else "撤销"))
        undo.setEnabled(False)
        redo = QAction(self.act_redo.icon(), "重做", self)
        redo.triggered.connect(self.state.undo_stack.redo)
        self.state.undo_stack.canRedoChanged.connect(redo.setEnabled)
        self.state.undo_stack.redoTextChanged.connect(lambda text: redo.setToolTip(f"重做：{text}" if text else "重做"))
        redo.setEnabled(False)
        for action in (self.act_new, self.act_open, self.act_save, None, self.act_import, self.act_paste_report,
                       self.act_export, self.act_preview, None, undo, redo, None,
                       self.act_check, self.act_auto_totals):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for i, path in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("清除列表", self.settings.clear_recent_files)

    def _sync_font_set(self) -> None:
        current = self.settings.export_font_set()
        for key, action in self.font_set_actions.items():
            action.setChecked(key == current)

    # ---- status ------------------------------------------------------------------
    def _update_counts(self, findings) -> None:
        errors, warnings = self.state.counts()
        self.counts_label.setText(f"错误 {errors} · 警告 {warnings}")
        self.counts_label.setStyleSheet("color: #b00020; font-weight: bold;" if errors else "color: #2e7d32;")
        per_part: dict[str | None, int] = {}
        for finding in findings:
            if finding.severity == ERROR:
                key = part_of(finding)
                per_part[key] = per_part.get(key, 0) + 1
        for i, part in enumerate(PARTS):
            n = per_part.get(part.key, 0)
            text = f"{part.heading}（{n}）" if n else part.heading
            if self.tabs.tabText(i) != text:
                self.tabs.setTabText(i, text)
                self.tabs.tabBar().setTabTextColor(i, Qt.GlobalColor.darkRed if n else self.palette().windowText().color())

    def _update_title(self) -> None:
        meta = self.state.report.meta
        title = meta.display_title() if (meta.organ or meta.year or meta.title) else "新报告"
        self.setWindowTitle(f"{title}（{self.state.display_name()}）[*] — {APP_NAME}")
        self.setWindowModified(self.state.is_dirty)

    def _sync_auto_totals(self, on: bool) -> None:
        if self.act_auto_totals.isChecked() != on:
            self.act_auto_totals.blockSignals(True)
            self.act_auto_totals.setChecked(on)
            self.act_auto_totals.blockSignals(False)
        self.auto_label.setText("自动合计：开" if on else "自动合计：关")

    def _auto_totals_toggled(self, on: bool) -> None:
        self.state.set_auto_totals(on)
        self.statusBar().showMessage("合计格将自动计算" if on else "合计格可手工填写，填写后将检查", 4000)

    # ---- going to a finding ------------------------------------------------------
    def go_to_finding(self, finding) -> None:
        part = part_of(finding)
        if part is None:
            field = self.header.organ if "机关" in finding.message else (
                self.header.year if "年度" in finding.message and "标题" not in finding.message else self.header.title)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.tabs.setCurrentWidget(self.part_pages[part])
        if finding.span is not None:
            self.text_editors[finding.span.part].show_span(finding.span.start, finding.span.end)
        elif finding.cells:
            self.table_views[finding.cells[0].table].go_to(finding.cells[0])
        self.statusBar().showMessage(finding.message, 8000)

    def run_check(self) -> None:
        self.state.recheck()
        self.findings_panel.show()
        self.findings_panel.raise_()
        errors, warnings = self.state.counts()
        first = next((f for f in self.state.findings if f.severity == ERROR), None)
        if first is not None:
            self.go_to_finding(first)
        self.statusBar().showMessage(
            f"检查完成：错误 {errors} 处，警告 {warnings} 处" if errors or warnings else "检查完成：没有发现问题", 8000)

    # ---- copy and paste routed to the focused editor ----------------------------------
    def _focused(self):
        return QApplication.focusWidget()

    def _focused_table(self):
        """The table view with the keyboard focus, if one has it."""
        widget = self._focused()
        return widget if widget in self.table_views.values() else None

    def copy(self) -> None:
        widget = self._focused()
        if self._focused_table() is not None:
            widget.copy_selection()
        elif hasattr(widget, "copy"):
            widget.copy()

    def paste(self) -> None:
        widget = self._focused()
        if self._focused_table() is not None:
            widget.paste_from_clipboard()
        elif hasattr(widget, "paste"):
            widget.paste()
        else:
            part = PARTS[self.tabs.currentIndex()]
            if part.table:
                self.table_views[part.table].paste_from_clipboard()

    # ---- files ---------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self.state.path:
            return str(self.state.path.parent)
        return self.settings.last_directory() or str(Path.home())

    def maybe_save(self) -> bool:
        """True when the current report may be replaced (saved, discarded, or nothing to lose)."""
        if not self.state.is_dirty:
            return True
        answer = self.dialogs.ask_save_changes(self, self.state.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new_document(self) -> None:
        if self.maybe_save():
            self.state.load(new_report(self.settings.default_organ()), None)
            self.tabs.setCurrentIndex(0)
            self.statusBar().showMessage("已新建报告：请填写机关名称和年度，再逐项填写", 6000)

    def open_file(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            filters = ";;".join([NATIVE_FILTER, "可导入的文件 (" + " ".join(
                "*" + e for f in self._readers() for e in f.extensions) + ")", ALL_FILES])
            path = self.dialogs.open_file(self, "打开", self._start_dir(), filters)
            if not path:
                return False
        return self.open_path(path)

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open a .ggbg file; any other file is imported into a new, unsaved report."""
        path = Path(path)
        if path.suffix.lower() != native.EXTENSION and path.exists():
            self.import_path(path, new_document=True)
            return True
        if not self.file_guard.may_open(path):  # issue 14: already open in another window
            return False
        notices: list[str] = []
        try:
            report = native.load(path, notices)
        except UserError as exc:
            self.dialogs.error(self, exc.message, "无法打开")
            if not path.exists():
                self.settings.remove_recent_file(str(path))
            return False
        self.state.load(report, path)
        for notice in notices:  # issue 14: characters repaired while loading
            self.dialogs.info(self, notice, "已修复文件中的字符")
        self.settings.add_recent_file(str(path))
        self.settings.set_last_directory(str(path.parent))
        self.statusBar().showMessage(f"已打开“{path.name}”", 4000)
        return True

    def save(self) -> bool:
        path = self.state.path
        if path is None or path.suffix.lower() != native.EXTENSION:
            return self.save_as()
        return self.save_to(path)

    def save_as(self) -> bool:
        suggested = str(Path(self._start_dir()) / (self.state.report.meta.display_title() or "年度报告"))
        path, _chosen = self.dialogs.save_file(self, "另存为", suggested + native.EXTENSION, NATIVE_FILTER)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != native.EXTENSION:
            path = path.with_name(path.name + native.EXTENSION)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        verdict = self.file_guard.before_save(path)  # issue 14: changed on disk? read-only? asks the clerk
        if verdict is not None:
            return verdict
        try:
            native.save(self.state.report, path, overwrite_read_only=self.file_guard.overwrite_allowed(path))
        except UserError as exc:
            self.dialogs.error(self, exc.message, "无法保存")
            return False
        self.state.mark_saved(path)
        self.settings.add_recent_file(str(path))
        self.settings.set_last_directory(str(path.parent))
        if self.state.report.meta.organ:
            self.settings.set_default_organ(self.state.report.meta.organ)
        self.statusBar().showMessage(f"已保存到“{path}”", 4000)
        return True

    # ---- import, paste report, export ----------------------------------------------------
    @staticmethod
    def _readers():
        from ..formats.registry import READERS

        return READERS

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            readers = self._readers()
            every = " ".join("*" + e for f in readers for e in f.extensions)
            filters = ";;".join([f"全部可导入的文件 ({every} *.ggbg)"] + _filters(readers) + [ALL_FILES])
            path = self.dialogs.open_file(self, "导入报告", self._start_dir(), filters)
            if not path:
                return
        self.import_path(Path(path))

    def import_path(self, path: Path, new_document: bool = False, then=None) -> None:
        """Read any format in the worker, show the import log, then use the result."""
        from ..formats import registry

        path = Path(path)
        self.settings.set_last_directory(str(path.parent))
        self.worker.run(f"正在导入“{path.name}”…", lambda: registry.read_path(path),
                        lambda result: (then or self._use_import)(result, path.name, new_document),
                        lambda message: self.dialogs.error(self, message, "无法导入"))

    def _use_import(self, result, source: str, new_document: bool) -> None:
        accept_text = "打开" if new_document else "替换当前报告"
        if not self.dialogs.confirm_import(self, result, source, accept_text):
            self.statusBar().showMessage("已取消导入，报告未改动", 4000)
            return
        if new_document:
            self.state.load(result.report, None, dirty=True)
        else:
            self.state.replace_report(result.report, f"导入“{source}”")
        self.statusBar().showMessage(f"已导入“{source}”，可用“撤销”恢复导入前的内容", 6000)

    def paste_report(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        if not (html or text or "").strip():
            self.dialogs.error(self, "剪贴板里没有文字。请先在网页或 Word 中选中整份报告并复制。", "无法粘贴报告")
            return
        try:
            from ..formats.clipboard import import_clipboard
        except ImportError as exc:
            if exc.name and exc.name.startswith("ggbg_desktop"):
                self.dialogs.error(self, "本版本暂不支持从剪贴板粘贴整份报告，请先保存为文件后用“导入”。",
                                   "无法粘贴报告")
                return
            raise
        self.worker.run("正在识别剪贴板中的报告…", lambda: import_clipboard(html, text),
                        lambda result: self._use_import(result, "剪贴板", False),
                        lambda message: self.dialogs.error(self, message, "无法粘贴报告"))

    def export(self) -> None:
        from ..formats.registry import WRITERS, ExportOptions, write_path

        filters = _filters(WRITERS)
        name = self.state.report.meta.display_title() or "年度报告"
        path, chosen = self.dialogs.choose_export_target(self, str(Path(self._start_dir()) / (name + ".docx")),
                                                         ";;".join(filters))
        if not path:
            return
        path = Path(path)
        if not path.suffix:
            fmt = WRITERS[filters.index(chosen)] if chosen in filters else WRITERS[0]
            path = path.with_name(path.name + fmt.extensions[0])
        options = ExportOptions(font_set=self.settings.export_font_set())
        report = self.state.report.copy()
        self.settings.set_last_directory(str(path.parent))
        self.worker.run(f"正在导出“{path.name}”…", lambda: write_path(report, path, options),
                        lambda _r: self.statusBar().showMessage(f"已导出到“{path}”", 6000),
                        lambda message: self.dialogs.error(self, message, "无法导出"))

    # ---- print ---------------------------------------------------------------------------
    def _printer_renderer(self):
        try:
            from ..formats.writers.pdf import render_to_printer
        except ImportError as exc:
            if exc.name and exc.name.startswith("ggbg_desktop"):
                self.dialogs.error(self, "本版本暂不支持打印（排版模块尚未安装）。可先导出为 Word 或 PDF 再打印。",
                                   "无法打印")
                return None
            raise
        return render_to_printer

    def _printer(self):
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.state.report.meta.display_title() or "年度报告")
        return printer

    def _paint_on(self, render, printer) -> None:
        from ..formats.registry import ExportOptions

        try:
            render(self.state.report.copy(), printer, ExportOptions(font_set=self.settings.export_font_set()))
        except UserError as exc:
            self.dialogs.error(self, exc.message, "无法打印")

    def print_preview(self) -> None:
        render = self._printer_renderer()
        if render is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self._printer()
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle("打印预览")
        preview.resize(900, 1000)
        preview.paintRequested.connect(lambda p: self._paint_on(render, p))
        self.dialogs.run_dialog(preview)

    def print_report(self) -> None:
        render = self._printer_renderer()
        if render is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if self.dialogs.run_dialog(dialog):
            self._paint_on(render, printer)

    # ---- rollover ------------------------------------------------------------------------
    def new_from_last_year(self, path: str | None = None) -> None:
        try:
            from ..report.rollover import rollover
        except ImportError as exc:
            if exc.name and exc.name.startswith("ggbg_desktop"):
                self.dialogs.error(self, "本版本暂不支持从上年报告新建（该功能即将提供）。", "无法从上年报告新建")
                return
            raise
        if not self.maybe_save():
            return
        if path is None:
            readers = self._readers()
            every = " ".join("*" + e for f in readers for e in f.extensions)
            path = self.dialogs.open_file(self, "选择上年的报告", self._start_dir(),
                                          f"上年报告 (*.ggbg {every});;{ALL_FILES}")
            if not path:
                return

        def use(result, source, _new):
            if not self.dialogs.confirm_import(self, result, source, "以此新建本年报告"):
                return
            draft = rollover(result.report)
            self.state.load(draft, None, dirty=True)
            self.tabs.setCurrentIndex(0)
            year = draft.meta.year or ""
            self.statusBar().showMessage(
                f"已由上年报告生成{year}年报告草稿：请填写本年数字，并改写标黄的文字", 10000)

        self.import_path(Path(path), new_document=True, then=use)

    # ---- recovery ------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: list every working copy left behind (ui/recovery.py); True when one was restored."""
        return offer_left_behind(self)

    def _autosave_problem(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message)
        else:
            self.statusBar().showMessage("自动保存已恢复正常", 4000)

    # ---- help ----------------------------------------------------------------------------
    def show_help(self) -> None:
        from PySide6.QtWidgets import QTextBrowser

        dialog = QDialog(self)
        dialog.setWindowTitle("使用说明")
        dialog.resize(760, 680)
        browser = QTextBrowser(dialog)
        browser.setOpenExternalLinks(True)
        browser.setMarkdown(user_guide_text())
        QVBoxLayout(dialog).addWidget(browser)
        dialog.setModal(False)
        dialog.show()

    def show_about(self) -> None:
        self.dialogs.info(self, f"{APP_NAME} {__version__}\n\n按国办公开办函〔2021〕30号格式编写、检查和导出"
                                f"政府信息公开工作年度报告。", "关于")

    # ---- window ------------------------------------------------------------------------------
    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_file(urls[0]))

    def closeEvent(self, event):
        if self.worker.busy:
            self.statusBar().showMessage("正在处理，请稍候再关闭", 4000)
            event.ignore()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.autosaver.stop()
        self.file_guard.release()
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()


def user_guide_text() -> str:
    """使用说明, shipped as resources/help/user-guide.md."""
    from ..resources import resource_path

    path = resource_path("help/user-guide.md")
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return "# 使用说明\n\n未找到使用说明文件。"
