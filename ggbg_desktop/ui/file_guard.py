"""Guarding a window's .ggbg file: changed on disk since it was opened or saved, open in another window, read-only.

Before a save the file's stamp (size, modification time, and a checksum of its content when
those differ) is compared with the one taken when this window last opened or saved it; if
another window or program rewrote it, the clerk chooses 覆盖 / 另存为 / 重新载入 instead of
losing the other change without a word. A file watcher says so in the status bar as soon
as it happens. While a window has a file open it holds a lock file beside it
(``.~lock.<name>#``, as LibreOffice does); opening a file another window of ours holds,
in this process or another, says so first. A lock whose process is dead (after a crash)
is stale and taken over silently. A read-only file is replaced only after asking.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject
from PySide6.QtWidgets import QMessageBox

from ..errors import UserError
from ..formats import native
from ..formats.atomic import is_read_only, resolve_target

OVERWRITE, SAVE_AS, RELOAD, CANCEL, OPEN_ANYWAY, SWITCH = (
    "overwrite", "save_as", "reload", "cancel", "open_anyway", "switch")

# Files open in windows of this process: resolved path → the guard holding it.
_open_here: dict[Path, FileGuard] = {}


def _checksum(data: bytes) -> str:
    """Two independent 32-bit checksums: enough to tell an edited file from an untouched one.

    Not a cryptographic hash on purpose: ``hashlib`` loads OpenSSL, 3.5 MiB of the start-up's
    peak memory (``docs/benchmarks.md``), and nobody forges a report against this comparison.
    """
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when this window last read or wrote it."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            info = path.stat()
            if info.st_size > native.MAX_FILE_BYTES:
                return cls(info.st_size, info.st_mtime_ns, "")
            with open(path, "rb") as handle:
                digest = _checksum(handle.read(native.MAX_FILE_BYTES + 1))
        except OSError:
            return None
        return cls(info.st_size, info.st_mtime_ns, digest)

    def same_content(self, other: FileStamp | None) -> bool:
        """True when ``other`` is this file unchanged; touched but identical counts as unchanged."""
        if other is None:
            return False
        if (other.size, other.mtime_ns) == (self.size, self.mtime_ns):
            return True
        return bool(self.digest) and other.digest == self.digest


def lock_path(path: Path) -> Path:
    return path.parent / f".~lock.{path.name}#"


def _key(path: Path) -> Path:
    try:
        return resolve_target(path).resolve()
    except OSError:
        return path.absolute()


class FileGuard(QObject):
    """Follows the window's file (``state.pathChanged``): stamp, lock, watcher; asks before a save
    that would lose a change made elsewhere or replace a read-only file."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.stamp: FileStamp | None = None
        self._lock: QLockFile | None = None
        self._read_only_allowed: set[Path] = set()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed_on_disk)
        window.state.pathChanged.connect(self._path_changed)
        window.destroyed.connect(self._window_gone)

    def _window_gone(self, *_args) -> None:
        """A window destroyed without closing (tests, a crash in a slot) must not keep its file marked open."""
        try:
            self.release()
        except RuntimeError:  # the guard's own Qt half is already gone
            for key in [k for k, guard in _open_here.items() if guard is self]:
                del _open_here[key]

    # ---- following the window's file --------------------------------------------------------
    def _path_changed(self) -> None:
        path = self.window.state.path
        if path is not None and path.suffix.lower() != native.EXTENSION:
            path = None
        if path is None or self.path is None or _key(path) != _key(self.path):
            self.release()
            self.path = path
            if path is not None:
                self._take(path)
        self.remember()

    def remember(self) -> None:
        """Take the file's stamp now: it is what this window last read or wrote."""
        self.stamp = FileStamp.of(self.path) if self.path is not None else None
        if self.path is not None and self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))

    def _take(self, path: Path) -> None:
        _open_here[_key(path)] = self
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)  # a lock whose process has died is stale at once
        if lock.tryLock(0):
            self._lock = lock  # not held (another window has it, or the folder is read-only): still editable

    def release(self) -> None:
        if self.path is not None and _open_here.get(_key(self.path)) is self:
            del _open_here[_key(self.path)]
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        files = self.watcher.files()
        if files:
            self.watcher.removePaths(files)
        self.path = None
        self.stamp = None

    def _changed_on_disk(self, name: str) -> None:
        if self.path is None or self.stamp is None or str(self.path) != name:
            return
        if not self.stamp.same_content(FileStamp.of(self.path)):
            self.window.statusBar().showMessage(
                f"“{self.path.name}”已被其他窗口或程序修改；保存时将询问如何处理", 10000)
        if self.path.exists() and name not in self.watcher.files():
            self.watcher.addPath(name)  # a replace by rename ends the watch: watch the new file

    # ---- opening --------------------------------------------------------------------------------
    @staticmethod
    def holder(path: Path) -> str | None:
        """Who else has ``path`` open: "本程序的另一个窗口", "另一个程序窗口（进程 N）", or None."""
        guard = _open_here.get(_key(path))
        if guard is not None:
            return "本程序的另一个窗口"
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()
            return None
        if lock.error() != QLockFile.LockError.LockFailedError:
            return None  # no permission to look: nothing known
        info = lock.getLockInfo()  # PySide6: (pid, hostname, application name)
        pid = next((v for v in info if isinstance(v, int) and not isinstance(v, bool) and v > 0), None) \
            if isinstance(info, tuple) else None
        return f"另一个窗口（进程 {pid}）" if pid else "另一个窗口"

    def may_open(self, path: Path) -> bool:
        """Before opening ``path``: if another window of ours has it open, say so and let the clerk
        switch to it, open it anyway, or cancel. True to go on opening."""
        path = Path(path)
        if path.suffix.lower() != native.EXTENSION or not path.exists():
            return True
        if self.path is not None and _key(path) == _key(self.path):
            return True  # this window's own file (reopening)
        where = self.holder(path)
        if where is None:
            return True
        here = _open_here.get(_key(path))
        answer = ask_already_open(self.window, path.name, where, can_switch=here is not None)
        if answer == SWITCH and here is not None:
            here.window.raise_()
            here.window.activateWindow()
            return False
        return answer == OPEN_ANYWAY

    # ---- saving ---------------------------------------------------------------------------------
    def before_save(self, path: Path) -> bool | None:
        """Questions before writing ``path``. None: go on and write. True/False: the clerk chose
        another way (save as, reload) or cancelled, and this is that outcome for ``save()``."""
        path = Path(path)
        if self.path is not None and self.stamp is not None and _key(path) == _key(self.path):
            now = FileStamp.of(path)
            if now is not None and not self.stamp.same_content(now):
                answer = ask_changed_on_disk(self.window, path.name)
                if answer == SAVE_AS:
                    return self.window.files.save_as()
                if answer == RELOAD:
                    self.reload()
                    return False
                if answer != OVERWRITE:
                    return False
        if self.path is None or _key(path) != _key(self.path):
            where = self.holder(path)
            if where is not None:  # writing it would pull the file from under the window that has it open
                self.window.dialogs.error(
                    self.window, f"“{path.name}”正在{where}中打开，不能覆盖。请换一个文件名保存，或先关闭那个窗口。",
                    "无法保存")
                return False
        target = resolve_target(path)
        if is_read_only(target) and _key(target) not in self._read_only_allowed:
            answer = ask_read_only(self.window, target.name)
            if answer == SAVE_AS:
                return self.window.files.save_as()
            if answer != OVERWRITE:
                return False
            self._read_only_allowed.add(_key(target))
        return None

    def overwrite_allowed(self, path: Path) -> bool:
        """True when the clerk agreed to replace this read-only file."""
        return _key(resolve_target(Path(path))) in self._read_only_allowed

    def reload(self) -> bool:
        """Read the window's file again as it is on disk now (the window's unsaved edits are dropped:
        the clerk chose this)."""
        path = self.path
        if path is None:
            return False
        notices: list[str] = []
        try:
            report = native.load(path, notices)
        except UserError as exc:
            self.window.dialogs.error(self.window, exc.message, "无法重新载入")
            return False
        self.window.state.load(report, path)
        for notice in notices:
            self.window.dialogs.info(self.window, notice, "已修复文件中的字符")
        self.window.statusBar().showMessage(f"已重新载入“{path.name}”", 6000)
        return True


# ---- the questions (real message boxes: tests answer them by their button text) ----------------


def _ask(parent, object_name: str, title: str, text: str, buttons: list[tuple[str, str]], default: str) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(object_name)
    made = {}
    for answer, label in buttons:
        role = QMessageBox.ButtonRole.RejectRole if answer == CANCEL else QMessageBox.ButtonRole.AcceptRole
        made[answer] = box.addButton(label, role)
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[CANCEL])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return next((answer for answer, button in made.items() if button is clicked), CANCEL)


def ask_changed_on_disk(parent, name: str) -> str:
    return _ask(parent, "file_changed_question", "文件已被修改",
                f"“{name}”在打开（或上次保存）之后已被其他窗口或程序修改。\n\n"
                "覆盖：用本窗口的内容替换它，别处的修改将丢失；\n另存为：把本窗口的内容存为另一个文件；\n"
                "重新载入：放弃本窗口未保存的修改，读入文件现在的内容。",
                [(OVERWRITE, "覆盖"), (SAVE_AS, "另存为…"), (RELOAD, "重新载入"), (CANCEL, "取消")], SAVE_AS)


def ask_read_only(parent, name: str) -> str:
    return _ask(parent, "read_only_question", "只读文件",
                f"“{name}”是只读文件。仍要用本窗口的内容覆盖它吗？",
                [(OVERWRITE, "覆盖"), (SAVE_AS, "另存为…"), (CANCEL, "取消")], SAVE_AS)


def ask_already_open(parent, name: str, where: str, can_switch: bool) -> str:
    buttons = [(SWITCH, "切换到该窗口")] if can_switch else []
    buttons += [(OPEN_ANYWAY, "仍要打开"), (CANCEL, "取消")]
    return _ask(parent, "already_open_question", "文件已打开",
                f"“{name}”已在{where}中打开。\n\n两处同时编辑同一文件时，保存时会提示文件已被修改。",
                buttons, SWITCH if can_switch else CANCEL)

