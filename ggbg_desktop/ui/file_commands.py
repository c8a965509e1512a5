"""What the 文件 menu does: new, open, save, import, paste a report, export, print, rollover, recovery."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from ..errors import UserError
from ..formats import native
from ..formats.filenames import file_stem
from ..report import ERROR
from .dialogs import DISCARD, SAVE
from .recovery import offer_left_behind
from ..report.schema import header_field
from ..report.template import new_report

NATIVE_FILTER = "年报文件 (*.ggbg)"
ALL_FILES = "所有文件 (*)"

# Where the open report came from: it decides whether saving it teaches the default organ.
NEW, OPENED, IMPORTED = "new", "opened", "imported"


def _patterns(formats) -> str:
    return " ".join("*" + e for f in formats for e in f.extensions)


def _filter(label: str, formats) -> str:
    return f"{label} ({_patterns(formats)})"


@cache
def open_filters() -> str:
    from ..formats.registry import READERS

    return ";;".join([NATIVE_FILTER, f"可导入的文件 ({_patterns(READERS)})", ALL_FILES])


@cache
def import_filters() -> str:
    from ..formats.registry import READERS

    return ";;".join([f"全部可导入的文件 ({_patterns(READERS)} *.ggbg)"]
                     + [_filter(f.label, (f,)) for f in READERS] + [ALL_FILES])


@cache
def last_year_filters() -> str:
    from ..formats.registry import READERS

    return f"上年报告 (*.ggbg {_patterns(READERS)});;{ALL_FILES}"


@cache
def export_filters() -> tuple[str, ...]:
    from ..formats.registry import WRITERS

    return tuple(_filter(f.label, (f,)) for f in WRITERS)


class FileCommands(QObject):
    """The file work of one window: its dialogs, its document, its settings and its worker."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.settings = window.settings
        self.worker = window.worker
        self.origin = NEW

    @property
    def dialogs(self):
        return self.window.dialogs

    def _say(self, text: str, ms: int = 4000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _error(self, message: str, title: str) -> None:
        self.dialogs.error(self.window, message, title)

    def _start_dir(self) -> str:
        if self.state.path:
            return str(self.state.path.parent)
        return self.settings.last_directory() or str(Path.home())

    def _load(self, report, path: Path | None, origin: str, *, dirty: bool = False, source: str = "") -> None:
        self.state.load(report, path, dirty=dirty, source=source)
        self.origin = origin

    def maybe_save(self) -> bool:
        """True when the current report may be replaced (saved, discarded, or nothing to lose)."""
        self.window.commit_pending_edit()  # 最近打开 and a dropped file come here without a menu action
        if not self.state.is_dirty:
            return True
        # The file's name, or the report's title: display_name() reads “导入自“x.docx”，未保存”,
        # which inside the question's own quotes is hard to read.
        name = self.state.path.name if self.state.path else (self.state.report.meta.display_title() or "新报告")
        answer = self.dialogs.ask_save_changes(self.window, name)
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # ---- new, open, save ------------------------------------------------
    def new_document(self) -> None:
        if self.maybe_save():
            self._load(new_report(self.settings.default_organ()), None, NEW)
            self.window.tabs.setCurrentIndex(0)
            organ, year = header_field("organ").label, header_field("year").label
            self._say(f"已新建报告：请填写{organ}和{year}，再逐项填写", 6000)

    def open_file(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.dialogs.open_file(self.window, "打开", self._start_dir(), open_filters())
            if not path:
                return False
        return self.open_path(path)

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open a .ggbg file; any other file is imported into a new, unsaved report."""
        path = Path(path)
        if path.suffix.lower() != native.EXTENSION and path.exists():
            self.import_path(path)
            return True
        if not self.window.file_guard.may_open(path):  # already open in another window
            return False
        notices: list[str] = []
        try:
            report = native.load(path, notices)
        except UserError as exc:
            self._error(exc.message, "无法打开")
            if not path.exists():
                self.settings.remove_recent_file(str(path))
            return False
        self._load(report, path, OPENED)
        for notice in notices:  # characters repaired while loading
            self.dialogs.info(self.window, notice, "已修复文件中的字符")
        self.settings.add_recent_file(str(path))
        self.settings.set_last_directory(str(path.parent))
        self._say(f"已打开“{path.name}”")
        return True

    def save(self) -> bool:
        path = self.state.path
        if path is None or path.suffix.lower() != native.EXTENSION:
            return self.save_as()
        return self.save_to(path)

    def save_as(self) -> bool:
        suggested = str(Path(self._start_dir()) / file_stem(self.state.report.meta.display_title()))
        path, _chosen = self.dialogs.save_file(self.window, "另存为", suggested + native.EXTENSION, NATIVE_FILTER)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != native.EXTENSION:
            path = path.with_name(path.name + native.EXTENSION)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        guard = self.window.file_guard
        verdict = guard.before_save(path)  # changed on disk? read-only? the clerk decides
        if verdict is not None:
            return verdict
        try:
            native.save(self.state.report, path, overwrite_read_only=guard.overwrite_allowed(path))
        except UserError as exc:
            self._error(exc.message, "无法保存")
            return False
        self.state.mark_saved(path)
        self.settings.add_recent_file(str(path))
        self.settings.set_last_directory(str(path.parent))
        organ = self.state.report.meta.organ
        # Only a report begun here names the clerk's own organ; an imported one may be anybody's.
        if organ and (self.origin == NEW or not self.settings.default_organ()):
            self.settings.set_default_organ(organ)
        self._say(f"已保存到“{path}”")
        return True

    # ---- import and paste: always a new, unsaved report ------------------
    def import_file(self, path: str | None = None) -> None:
        if self.maybe_save():
            self._choose_and_import(path, "导入报告", import_filters())

    def _choose_and_import(self, path: str | None, caption: str, filters: str, then=None) -> None:
        """Import ``path``, or the file the clerk picks in a dialog titled ``caption`` (nothing if none)."""
        if path is None:
            path = self.dialogs.open_file(self.window, caption, self._start_dir(), filters)
            if not path:
                return
        self.import_path(Path(path), then)

    def import_path(self, path: Path, then=None) -> None:
        """Read any format in the worker, show the import log, then use the result."""
        from ..formats import registry

        path = Path(path)
        self.settings.set_last_directory(str(path.parent))
        self.worker.run(f"正在导入“{path.name}”…", lambda: registry.read_path(path),
                        lambda result: (then or self._use_import)(result, path.name),
                        lambda message: self._error(message, "无法导入"))

    def _use_import(self, result, source: str) -> None:
        if not self.dialogs.confirm_import(self.window, result, source, "打开"):
            self._say("已取消导入，报告未改动")
            return
        # A new document: the file that was open (if any) is never the save target of what was imported.
        self._load(result.report, None, IMPORTED, dirty=True, source=source)
        self._say(f"已导入“{source}”：这是一份新的报告，保存时请选择文件名", 6000)

    def paste_report(self) -> None:
        from ..formats.clipboard import import_clipboard

        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        if not (html or text or "").strip():
            self._error("剪贴板里没有文字。请先在网页或 Word 中选中整份报告并复制。", "无法粘贴报告")
            return
        if not self.maybe_save():
            return
        self.worker.run("正在识别剪贴板中的报告…", lambda: import_clipboard(html, text),
                        lambda result: self._use_import(result, "剪贴板"),
                        lambda message: self._error(message, "无法粘贴报告"))

    # ---- export and print ------------------------------------------------
    def _options(self):
        from ..formats.registry import ExportOptions

        return ExportOptions(font_set=self.settings.export_font_set())

    def export(self) -> None:
        from ..formats.registry import WRITERS, write_path

        if not self._despite_errors("导出"):
            return
        filters = export_filters()
        name = file_stem(self.state.report.meta.display_title())
        path, chosen = self.dialogs.choose_export_target(
            self.window, str(Path(self._start_dir()) / (name + WRITERS[0].extensions[0])), ";;".join(filters))
        if not path:
            return
        path = Path(path)
        if not path.suffix:
            fmt = WRITERS[filters.index(chosen)] if chosen in filters else WRITERS[0]
            path = path.with_name(path.name + fmt.extensions[0])
        options = self._options()
        report = self.state.report.copy()
        self.settings.set_last_directory(str(path.parent))
        self.worker.run(f"正在导出“{path.name}”…", lambda: write_path(report, path, options),
                        lambda _r: self._say(f"已导出到“{path}”", 6000),
                        lambda message: self._error(message, "无法导出"))

    def print_preview(self) -> None:
        from .printing import show_preview

        show_preview(self.window, self.state.report, self._options(), lambda: self._despite_errors("打印"))

    def print_report(self) -> None:
        from .printing import print_report

        if self._despite_errors("打印"):
            print_report(self.window, self.state.report, self._options())

    def _despite_errors(self, action: str) -> bool:
        """True to go on with ``action``; a report with errors asks first, and 先去修改 goes to the first."""
        errors = [f for f in self.state.findings if f.severity == ERROR]
        if not errors or self.dialogs.confirm_despite_errors(self.window, action, len(errors), errors[0].message):
            return True
        self.window.run_check()
        return False

    # ---- rollover ----------------------------------------------------------
    def new_from_last_year(self, path: str | None = None) -> None:
        from ..report.rollover import rollover

        if not self.maybe_save():
            return

        def use(result, source):
            if not self.dialogs.confirm_import(self.window, result, source, "以此新建本年报告"):
                self._say("已取消，报告未改动")
                return
            draft = rollover(result.report)
            self._load(draft, None, NEW, dirty=True)
            self.window.tabs.setCurrentIndex(0)
            self._say(f"已由上年报告生成{draft.meta.year or ''}年报告草稿：请填写本年数字，并改写标黄的文字", 10000)

        self._choose_and_import(path, "选择上年的报告", last_year_filters(), then=use)

    def load_last_year(self, path: str | None = None) -> None:
        """工具 → 载入上年数据: last year's report (any importable file or .ggbg) read in the worker,
        its import log shown, then its figures attached to the open report as one undoable step."""
        def use(result, source):
            from ..report.last_year import attach_last_year

            if not self.dialogs.confirm_import(self.window, result, source, "作为上年数据"):
                self._say("已取消，报告未改动")
                return
            try:
                attached = attach_last_year(self.state.report, result.report)
            except UserError as exc:
                self._error(exc.message, "无法载入上年数据")
                return
            self.state.replace_report(attached, "载入上年数据")
            year = attached.last_year.year if attached.last_year is not None else None
            self._say(f"已载入{year or '上'}年数据（来自“{source}”）：跨年度检查已使用这些数字；"
                      f"“工具 → 显示上年数”可在每个数字下显示上年数", 10000)

        self._choose_and_import(path, "载入上年数据", last_year_filters(), then=use)

    # ---- recovery ----------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: every working copy left behind is offered; True when one was restored."""
        return offer_left_behind(self.window)
