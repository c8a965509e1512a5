"""Autosave of the working copy to a recovery file, and finding the copy a crashed run left behind.

Each running window owns ``recovery-<pid>.ggbg`` (plus a ``.json`` note naming the
original file) in AppDataLocation/recovery, and holds ``recovery-<pid>.lock``. A
copy whose lock no living process holds was left by a crash and is offered on the
next start. Writes go through ``native.save`` (atomic), so a copy is never half written.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from ..errors import UserError
from ..formats import native
from ..report import Report

AUTOSAVE_MS = int(os.environ.get("GGBG_AUTOSAVE_MS", "4000"))


def default_directory() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".ggbg_desktop") / "recovery"


@dataclass
class RecoveryCopy:
    path: Path  # the .ggbg working copy
    original: str | None  # the file the user was editing, if it had one
    saved_at: float  # time.time() of the last autosave
    title: str

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        where = f"原文件：{self.original}" if self.original else "尚未保存过的新报告"
        return f"《{self.title or '未命名报告'}》\n{where}\n自动保存于 {when}"

    def load(self) -> Report:
        return native.load(self.path)

    def discard(self) -> None:
        for suffix in (".ggbg", ".json", ".lock"):
            try:
                self.path.with_suffix(suffix).unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass


def find_left_behind(directory: Path | None = None) -> list[RecoveryCopy]:
    """Working copies of runs that ended without cleaning up (newest first)."""
    directory = directory or default_directory()
    if not directory.is_dir():
        return []
    found = []
    for path in directory.glob("recovery-*.ggbg"):
        if path.stem == f"recovery-{os.getpid()}":
            continue
        lock = QLockFile(str(path.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # its program is still running
        lock.unlock()
        try:
            note = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            note = {}
        found.append(RecoveryCopy(path, note.get("original"), float(note.get("saved_at") or path.stat().st_mtime),
                                  str(note.get("title") or "")))
    found.sort(key=lambda c: c.saved_at, reverse=True)
    return found


class Autosaver(QObject):
    """Writes the document's working copy every few seconds while it has unsaved changes."""

    def __init__(self, state, directory: Path | None = None, interval_ms: int = AUTOSAVE_MS, parent=None):
        super().__init__(parent)
        self.state = state
        self.directory = directory or default_directory()
        self.path = self.directory / f"recovery-{os.getpid()}.ggbg"
        self._lock: QLockFile | None = None
        self._saved_revision: int | None = None
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        state.dirtyChanged.connect(self._dirty_changed)

    def _ensure_lock(self) -> None:
        if self._lock is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.path.with_suffix(".lock")))
            self._lock.setStaleLockTime(0)
            self._lock.tryLock(0)

    def save_now(self) -> bool:
        """Write the working copy if it changed since the last write; True when written."""
        state = self.state
        if not state.is_dirty or state.revision == self._saved_revision:
            return False
        try:
            self._ensure_lock()
            native.save(state.report, self.path)
            note = {"original": str(state.path) if state.path else None, "saved_at": time.time(),
                    "title": state.report.meta.display_title(), "pid": os.getpid()}
            self.path.with_suffix(".json").write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        except (UserError, OSError) as exc:
            self.last_error = getattr(exc, "message", None) or str(exc)
            return False
        self._saved_revision = state.revision
        self.last_error = None
        return True

    def _dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            self.discard()  # saved: the file itself is the copy now

    def discard(self) -> None:
        self._saved_revision = None
        for suffix in (".ggbg", ".json"):
            try:
                self.path.with_suffix(suffix).unlink()
            except OSError:
                pass

    def stop(self) -> None:
        """Clean exit: no working copy left behind."""
        self.timer.stop()
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
