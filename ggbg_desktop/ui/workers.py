"""Long work (import, export) off the window's thread, with a progress dialog and no frozen window."""

from __future__ import annotations

import sys
import traceback
from typing import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import UserError

SHOW_PROGRESS_AFTER_MS = 300  # quick jobs finish before any dialog flashes up


class _Job(QThread):
    def __init__(self, fn: Callable, parent: QObject):
        super().__init__(parent)
        self.fn = fn
        self.result = None
        self.error: BaseException | None = None
        self.trace = ""

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # handed to the window's thread, never lost
            self.error = exc
            self.trace = traceback.format_exc()


class Worker(QObject):
    """Runs one function at a time in a thread; ``on_done``/``on_error`` run back on the window's thread."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.window = parent
        self._job: _Job | None = None
        self._progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def run(self, label: str, fn: Callable, on_done: Callable, on_error: Callable[[str], None]) -> bool:
        if self._job is not None:
            on_error("上一项工作还没有完成，请稍候再试")
            return False
        job = _Job(fn, self)
        self._job = job
        progress = QProgressDialog(label, "", 0, 0, self.window)
        progress.setWindowTitle("请稍候")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._progress = progress
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, lambda: self._job is job and progress.show())

        def finished() -> None:
            self._job = None
            progress.hide()
            progress.deleteLater()
            self._progress = None
            job.deleteLater()
            if job.error is None:
                on_done(job.result)
            elif isinstance(job.error, UserError):
                on_error(job.error.message)
            else:
                sys.stderr.write(job.trace)
                on_error(f"处理时发生程序错误：{type(job.error).__name__}: {job.error}\n"
                         "报告没有被改动。请把此信息告知技术支持。")

        job.finished.connect(finished)
        job.start()
        return True

    def wait(self, ms: int = 10000) -> None:
        if self._job is not None:
            self._job.wait(ms)
