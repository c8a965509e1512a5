"""The editor window: header strip, six tabs, findings dock and status bar, wired to the actions and file work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..report import ERROR, TOTAL_CELLS
from ..report.schema import PARTS, TABLE_NAMES, TABLES
from ..report.values import format_figure
from ..report.template import new_report
from ..resources import resource_path
from .actions import create_actions, create_menus
from .dialogs import Dialogs
from .document_state import DocumentState
from .file_commands import FileCommands
from .find_bar import FindBar
from .findings_panel import FindingsPanel, part_of
from .header_strip import HeaderStrip
from .pages import PartPages
from .screen import fit_to_screen
from .file_guard import FileGuard
from .recovery import Autosaver
from .settings import AppSettings
from .workers import Worker

FIRST_SIZE = (1280, 820)  # the first window, where the screen has room for it


def _call_on_focus(name: str) -> None:
    """Cut, copy or paste in the focused line or text editor, where it has that action."""
    action = getattr(QApplication.focusWidget(), name, None)
    if callable(action):
        action()


class MainWindow(QMainWindow):
    act_auto_totals: QAction  # the checkable 自动合计, made with the other actions by actions.create_actions
    auto_totals_box: QCheckBox  # its check box on the toolbar

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
        self.tabs = PartPages(self.state, self.show_message)
        self.tabs.paste_refused = lambda text: self.dialogs.error(self, text, "无法粘贴")
        self.text_editors = self.tabs.text_editors
        self.table_models = self.tabs.table_models
        self.table_views = self.tabs.table_views
        self.part_pages = self.tabs.part_pages
        self.find_bar = FindBar(self.tabs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget, stretch in ((self.header, 0), (self.tabs, 1), (self.find_bar, 0)):
            layout.addWidget(widget, stretch)
        self.setCentralWidget(central)

        self.findings_panel = FindingsPanel(self.state, self)
        self.findings_panel.findingActivated.connect(self.go_to_finding)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_panel)
        self.counts_label = QLabel()
        self.auto_label = QLabel()
        self.statusBar().addPermanentWidget(self.auto_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._finding_shown = None  # the finding whose message the status bar shows

        self.files = FileCommands(self)
        create_actions(self)
        create_menus(self)

        self.autosaver = Autosaver(self.state, recovery_dir, **({"interval_ms": autosave_ms} if autosave_ms else {}))
        self.autosaver.problem.connect(self._autosave_problem)
        self.file_guard = FileGuard(self)  # the open file: changed on disk, open in another window, read-only
        self.state.findingsChanged.connect(self._update_counts)
        self.state.dirtyChanged.connect(lambda _d: self._update_title())
        for signal in (self.state.pathChanged, self.state.metaChanged, self.state.reportReplaced):
            signal.connect(self._update_title)
        self.state.autoTotalsChanged.connect(self._sync_auto_totals)
        self.state.reportReplaced.connect(lambda: self._sync_auto_totals(self.state.auto_totals))

        self.state.load(new_report(self.settings.default_organ()), None)
        self._update_counts(self.state.findings)
        self._sync_auto_totals(self.state.auto_totals)
        self._place_on_screen()

    def _place_on_screen(self) -> None:
        """The saved geometry, or the first size; never larger than the screen's free area."""
        fit_to_screen(self, *FIRST_SIZE)
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        window_state = self.settings.window_state()
        if window_state is not None:
            self.restoreState(window_state)
        screen = self.screen()
        if screen is not None and not self.isMaximized():
            available = screen.availableGeometry()
            frame = self.frameGeometry()
            extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
            self.resize(min(self.width(), available.width() - extra_w),
                        min(self.height(), available.height() - extra_h))
            frame = self.frameGeometry()
            x = min(max(frame.x(), available.x()), available.right() - frame.width() + 1)
            y = min(max(frame.y(), available.y()), available.bottom() - frame.height() + 1)
            self.move(x, y)

    # ---- the file work kept reachable from the window (app start-up, drops) ----------
    def open_file(self, path: str | None = None) -> bool:
        return self.files.open_file(path)

    def open_path(self, path) -> bool:
        return self.files.open_path(path)

    def offer_recovery(self) -> bool:
        return self.files.offer_recovery()

    # ---- status ------------------------------------------------------------------
    def _autosave_problem(self, message: str) -> None:
        """A failed autosave stays in the status bar until one succeeds again."""
        if message:
            self.statusBar().showMessage(message)
        else:
            self.show_message("自动保存已恢复正常")

    def show_message(self, text: str, ms: int = 4000) -> None:
        self._finding_shown = None
        self.statusBar().showMessage(text, ms)

    def _update_counts(self, findings) -> None:
        if self._finding_shown is not None and self._finding_shown not in findings:
            self._finding_shown = None  # fixed: its message no longer stands
            self.statusBar().clearMessage()
        errors, warnings = self.state.counts()
        self.counts_label.setText(f"错误 {errors} · 警告 {warnings}")
        self.counts_label.setStyleSheet("color: #b00020;" if errors else "color: #2e7d32;")
        per_part: dict[str | None, int] = {}
        for finding in findings:
            if finding.severity == ERROR:
                key = part_of(finding)
                per_part[key] = per_part.get(key, 0) + 1
        for i, part in enumerate(PARTS):
            n = per_part.get(part.key, 0)
            text = f"{part.tab_title}（{n}）" if n else part.tab_title
            if self.tabs.tabText(i) != text:
                self.tabs.setTabText(i, text)
                colour = Qt.GlobalColor.darkRed if n else self.palette().windowText().color()
                self.tabs.tabBar().setTabTextColor(i, colour)

    def _update_title(self) -> None:
        meta = self.state.report.meta
        title = meta.display_title() if (meta.organ or meta.year or meta.title) else "新报告"
        self.setWindowTitle(f"{title}（{self.state.display_name()}）[*] — {APP_NAME}")
        self.setWindowModified(self.state.is_dirty)

    def _sync_auto_totals(self, on: bool) -> None:
        for control in (self.act_auto_totals, self.auto_totals_box):
            if control.isChecked() != on:
                control.blockSignals(True)
                control.setChecked(on)
                control.blockSignals(False)
        self.auto_label.setText("自动合计：开" if on else "自动合计：关")

    def auto_totals_toggled(self, on: bool) -> None:
        before = self.state.snapshot(TOTAL_CELLS) if on else {}
        self.state.set_auto_totals(on)
        if not on:
            self.show_message("合计格可手工填写，填写后将检查")
            return
        # Totals typed or imported that disagree with their items are overwritten: say so, with one example.
        replaced = [ref for ref, value in before.items()
                    if value is not None and self.state.report.value(ref) != value]
        if not replaced:
            self.show_message("合计格将自动计算")
            return
        ref = min(replaced)
        example = (f"{TABLE_NAMES[ref.table]} {TABLES[ref.table].cell_label(ref.row, ref.col)}："
                   f"{format_figure(before[ref])} → {format_figure(self.state.report.value(ref))}")
        self.show_message(f"已开启自动合计：{len(replaced)} 个原有合计与各项之和不符，已改为各项之和"
                          f"（可撤销），如{example}", 15000)

    def fill_blanks_with_zero(self) -> None:
        n = self.state.fill_blanks_with_zero()
        self.show_message(f"已把 {n} 个空白格填为 0，可用“撤销”恢复" if n else "没有空白的数字格", 6000)

    def commit_pending_edit(self) -> None:
        """What the clerk has typed but not yet left goes into the report: a figure in its cell editor,
        a 发布日期 or 信息处理费 field (they take their text on leaving). Saving, closing, exporting
        or checking with the cursor still there would otherwise miss it, and closing would not ask."""
        for view in list(self.table_views.values()):
            view.commit_edit()
        widget = QApplication.focusWidget()
        fees = getattr(self.tabs, "fees_form", None)
        if isinstance(widget, QLineEdit) and any(
                box is not None and box.isAncestorOf(widget) for box in (self.header, fees)):
            widget.editingFinished.emit()

    # ---- going to a finding ------------------------------------------------------
    def go_to_finding(self, finding) -> None:
        part = part_of(finding)
        if part is None:
            widget = getattr(self.header, finding.field or "", None) or self.header.organ
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.setCurrentWidget(self.part_pages[part])
            if finding.span is not None:
                self.text_editors[finding.span.part].show_span(finding.span.start, finding.span.end)
            elif finding.cells:
                self.table_views[finding.cells[0].table].go_to(finding.cells[0])
        self.statusBar().showMessage(finding.message, 8000)
        self._finding_shown = finding
        self.findings_panel.select(finding)

    def run_check(self) -> None:
        self.state.recheck()
        self.findings_panel.show()
        self.findings_panel.raise_()
        errors, warnings = self.state.counts()
        first = next((f for f in self.state.findings if f.severity == ERROR), None)
        if first is not None:
            self.go_to_finding(first)
        else:
            self.show_message(f"检查完成：错误 {errors} 处，警告 {warnings} 处" if warnings
                              else "检查完成：没有发现问题", 8000)

    # ---- cut, copy and paste go to the focused editor ----------------------------------
    def _focused_table(self):
        widget = QApplication.focusWidget()
        return widget if widget in self.table_views.values() else None

    def _current_table(self):
        part = PARTS[self.tabs.currentIndex()]
        return self.table_views[part.table] if part.table else None

    def cut(self) -> None:
        table = self._focused_table()
        if table is not None:
            table.copy_selection()
            table.clear_selection()
        else:
            _call_on_focus("cut")

    def copy(self) -> None:
        table = self._focused_table()
        if table is not None:
            table.copy_selection()
        else:
            _call_on_focus("copy")

    def paste(self) -> None:
        table = self._focused_table() or (None if hasattr(QApplication.focusWidget(), "paste")
                                          else self._current_table())
        if table is not None:
            table.paste_from_clipboard()
        else:
            _call_on_focus("paste")

    # ---- help ----------------------------------------------------------------------------
    def show_help(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("help_dialog")
        dialog.setWindowTitle("使用说明")
        fit_to_screen(dialog, 760, 680)
        browser = QTextBrowser(dialog)
        browser.setOpenExternalLinks(True)
        browser.setMarkdown(user_guide_text())
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        buttons = QDialogButtonBox(dialog)  # a way out besides the title bar's ×, which not every desktop draws
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
            QTimer.singleShot(0, lambda: self.files.open_file(urls[0]))

    def closeEvent(self, event):
        if self.worker.busy:
            self.worker.cancel()  # an import still reading is abandoned; nothing of it is used
        self.commit_pending_edit()
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosaver.stop()
        self.file_guard.release()
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()


def user_guide_text() -> str:
    """使用说明, shipped as ggbg_desktop/resources/help/user-guide.md."""
    path = resource_path("help/user-guide.md")
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return "# 使用说明\n\n未找到使用说明文件。"
