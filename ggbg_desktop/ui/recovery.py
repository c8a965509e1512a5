"""Autosave of each window's working copy, and offering every copy crashed runs left behind.

Each window owns ``recovery-<pid>-<n>.ggbg`` (plus a ``.json`` note naming the original
file and title) in AppLocalDataLocation/recovery (on Windows under %LOCALAPPDATA%: a working
copy stays on this machine, it does not roam with the profile), and holds
``recovery-<pid>-<n>.lock``. A copy whose lock no living process holds was left by a crash.
On the next start every such copy is listed (title, file, time); the clerk restores any
or all of them (one per window) and deletes only the ones chosen — copies not chosen stay for the next start. Writes go
through ``native.save`` (atomic), so a copy is never half written. When the recovery
folder cannot be written (read-only, full, not a folder) the autosaver says so in the
status bar and moves to a folder under the system's temporary directory.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..errors import UserError
from ..formats import native
from ..report import Report
from .dialogs import UnattendedDialogs

AUTOSAVE_MS = int(os.environ.get("GGBG_AUTOSAVE_MS", "4000"))
_window_numbers = itertools.count(1)  # windows of one process each own a copy


def default_directory() -> Path:
    """The recovery folder in the local, non-roaming application data (%LOCALAPPDATA% on Windows)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".ggbg_desktop") / "recovery"


def fallback_directory() -> Path:
    """Where copies go when the recovery folder cannot be written: the system's temporary folder,
    one folder per user."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(getattr(os, "getuid", lambda: 0)())
    return Path(tempfile.gettempdir()) / f"ggbg_desktop-recovery-{user}"


@dataclass
class RecoveryCopy:
    path: Path  # the .ggbg working copy
    original: str | None  # the file the user was editing, if it had one
    saved_at: float  # time.time() of the last autosave
    title: str

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))

    @property
    def where(self) -> str:
        return self.original or "尚未保存过的新报告"

    def describe(self) -> str:
        return f"《{self.title or '未命名报告'}》\n原文件：{self.where}\n自动保存于 {self.when}"

    def load(self, notices: list[str] | None = None) -> Report:
        return native.load(self.path, notices)

    def discard(self) -> None:
        for suffix in (".ggbg", ".json", ".lock"):
            with contextlib.suppress(OSError):
                self.path.with_suffix(suffix).unlink()


def find_left_behind(directory: Path | None = None) -> list[RecoveryCopy]:
    """Working copies of runs that ended without cleaning up, newest first, from the recovery folder
    and from the fallback folder autosave moves to when that one cannot be written."""
    folders = [directory or default_directory(), fallback_directory()]
    found: list[RecoveryCopy] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.glob("recovery-*.ggbg"):
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue  # its window is still open, in this process or another
            lock.unlock()
            try:
                note = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                note = {}
            if not isinstance(note, dict):
                note = {}
            try:
                saved_at = float(note.get("saved_at") or path.stat().st_mtime)
            except (OSError, TypeError, ValueError):
                saved_at = 0.0
            found.append(RecoveryCopy(path, note.get("original") or None, saved_at, str(note.get("title") or "")))
    found.sort(key=lambda c: c.saved_at, reverse=True)
    return found


# ---- the question -------------------------------------------------------------------------------

RESTORE, DELETE, LATER = "restore", "delete", "later"


@dataclass
class RecoveryChoice:
    action: str = LATER  # RESTORE, DELETE or LATER
    chosen: list[RecoveryCopy] = field(default_factory=list)


class RecoveryDialog(QDialog):
    """Every copy left behind in a list (title, file, time), each with a check box; the clerk
    restores or deletes the checked ones, or leaves all of them for later."""

    def __init__(self, copies: list[RecoveryCopy], parent=None):
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle("恢复未保存的工作")
        self.copies = copies
        self.action = LATER
        layout = QVBoxLayout(self)
        count = len(copies)
        layout.addWidget(QLabel(f"上次程序意外退出，留下了 {count} 份未保存的工作副本。"
                                "勾选要处理的副本：恢复的副本各在一个窗口中打开；未勾选的副本保留到下次启动。"))
        self.list = QTreeWidget()
        self.list.setObjectName("recovery_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["报告", "原文件", "自动保存时间"])
        self.items: list[QTreeWidgetItem] = []
        for copy in copies:
            item = QTreeWidgetItem([copy.title or "未命名报告", copy.where, copy.when])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(1, copy.where)
            self.list.addTopLevelItem(item)
            self.items.append(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("恢复所选")
        self.delete_button = QPushButton("删除所选")
        self.later_button = QPushButton("暂不处理")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._finish(RESTORE))
        self.delete_button.clicked.connect(lambda: self._finish(DELETE))
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 320)

    def set_checked(self, indexes) -> None:
        """Check exactly the copies at ``indexes`` (for keyboard users and tests alike)."""
        for i, item in enumerate(self.items):
            item.setCheckState(0, Qt.CheckState.Checked if i in indexes else Qt.CheckState.Unchecked)

    def checked(self) -> list[RecoveryCopy]:
        return [copy for copy, item in zip(self.copies, self.items, strict=True)
                if item.checkState(0) == Qt.CheckState.Checked]

    def _finish(self, action: str) -> None:
        self.action = action
        self.accept()

    def choice(self) -> RecoveryChoice:
        if self.result() != QDialog.DialogCode.Accepted or self.action == LATER:
            return RecoveryChoice(LATER, [])
        return RecoveryChoice(self.action, self.checked())


def ask_which_copies(parent, copies: list[RecoveryCopy]) -> RecoveryChoice:
    dialog = RecoveryDialog(copies, parent)
    dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    return choice


def offer_left_behind(window) -> bool:
    """After a crash: list every copy left behind and do what the clerk chose. The first restored
    copy goes into ``window``, each further one into a new window of the same kind. Copies the clerk
    did not choose are kept. True when at least one copy was restored."""
    copies = find_left_behind(window.autosaver.preferred_directory)
    if not copies:
        return False

    if isinstance(window.dialogs, UnattendedDialogs):
        return False  # nobody to ask: every copy stays for a start with a clerk at the screen
    choice = ask_which_copies(window, copies)
    if choice.action == DELETE:
        for copy in choice.chosen:
            copy.discard()
        if choice.chosen:
            window.statusBar().showMessage(f"已删除 {len(choice.chosen)} 份工作副本", 6000)
        return False
    if choice.action != RESTORE:
        return False
    restored = 0
    target = window
    for copy in choice.chosen:
        notices: list[str] = []
        try:
            report = copy.load(notices)
        except UserError as exc:
            window.dialogs.error(window, f"工作副本《{copy.title or '未命名报告'}》无法读取：{exc.message}", "无法恢复")
            continue  # kept: the clerk may want to send it to support
        if target is None:
            target = _new_window_like(window)
        original = Path(copy.original) if copy.original else None
        target.state.load(report, original, dirty=True)
        if target.autosaver.save_now():  # this run holds the work now: only then is the old copy removed
            copy.discard()
        for notice in notices:
            target.dialogs.info(target, notice, "已修复文件中的字符")
        target.statusBar().showMessage("已恢复上次未保存的工作，请及时保存", 8000)
        restored += 1
        target = None
    return restored > 0


def _new_window_like(window):
    """Another editor window sharing the settings, dialogs and recovery folder of ``window``."""
    other = type(window)(settings=window.settings, dialogs=window.dialogs,
                         recovery_dir=window.autosaver.preferred_directory,
                         autosave_ms=window.autosaver.timer.interval())
    other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    companions = window.__dict__.setdefault("_recovered_windows", [])
    companions.append(other)
    other.destroyed.connect(lambda *_: companions.remove(other) if other in companions else None)
    other.show()
    return other


# ---- autosave ------------------------------------------------------------------------------------


class Autosaver(QObject):
    """Writes the document's working copy every few seconds while it has unsaved changes.

    ``problem`` carries a message for the status bar when autosave fails or moves to the fallback
    folder, and "" when it works again."""

    problem = Signal(str)

    def __init__(self, state, directory: Path | None = None, interval_ms: int = AUTOSAVE_MS, parent=None):
        super().__init__(parent)
        self.state = state
        self.preferred_directory = directory or default_directory()
        self.name = f"recovery-{os.getpid()}-{next(_window_numbers)}"
        self.directory = self.preferred_directory
        self._lock: QLockFile | None = None
        self._saved_revision: int | None = None
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        state.dirtyChanged.connect(self._dirty_changed)

    @property
    def path(self) -> Path:
        return self.directory / f"{self.name}.ggbg"

    def _ensure_lock(self) -> None:
        if self._lock is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.path.with_suffix(".lock")))
            self._lock.setStaleLockTime(0)
            self._lock.tryLock(0)

    def _write(self) -> None:
        state = self.state
        self._ensure_lock()
        native.save(state.report, self.path, overwrite_read_only=True)
        note = {"original": str(state.path) if state.path else None, "saved_at": time.time(),
                "title": state.report.meta.display_title(), "pid": os.getpid()}
        self.path.with_suffix(".json").write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")

    def save_now(self) -> bool:
        """Write the working copy if it changed since the last write; True when written. A failure in
        the recovery folder moves the copy to the fallback folder; every failure is reported."""
        state = self.state
        if not state.is_dirty or state.revision == self._saved_revision:
            return False
        try:
            self._write()
        except (UserError, OSError) as exc:
            reason = getattr(exc, "message", None) or str(exc)
            if self.directory != fallback_directory() and self._move_to_fallback(reason):
                return True
            return self._failed(f"自动保存失败：{reason}。请尽快保存报告")
        self._saved_revision = state.revision
        if self.last_error is not None:
            self.last_error = None
            self.problem.emit("")
        return True

    def _failed(self, message: str) -> bool:
        if message != self.last_error:
            self.problem.emit(message)  # once per distinct failure, not on every tick
        self.last_error = message
        return False

    def _move_to_fallback(self, reason: str) -> bool:
        """Write the copy in the fallback folder and keep it there; the copy in the recovery folder
        is removed only once the new one is written. False (nothing changed) when that fails too."""
        old_directory, old_lock = self.directory, self._lock
        self.directory, self._lock = fallback_directory(), None
        try:
            self._write()
        except (UserError, OSError):
            self._release()
            self.directory, self._lock = old_directory, old_lock
            return False
        for suffix in (".ggbg", ".json"):
            with contextlib.suppress(OSError):
                (old_directory / f"{self.name}{suffix}").unlink()
        if old_lock is not None:
            old_lock.unlock()
        self._saved_revision = self.state.revision
        self.last_error = None
        self.problem.emit(f"恢复文件夹“{old_directory}”无法写入（{reason}），自动保存已改存到“{self.directory}”")
        return True

    def _dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            self.discard()  # saved: the file itself is the copy now

    def discard(self) -> None:
        self._saved_revision = None
        for suffix in (".ggbg", ".json"):
            with contextlib.suppress(OSError):
                self.path.with_suffix(suffix).unlink()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def stop(self) -> None:
        """Clean exit: no working copy left behind."""
        self.timer.stop()
        self.discard()
        self._release()
