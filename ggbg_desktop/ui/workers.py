"""Long work (import, export) off the window's thread, with a progress box that can cancel it."""

from __future__ import annotations

import atexit
import sys
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import UserError

SHOW_PROGRESS_AFTER_MS = 300  # quick jobs finish before any dialog flashes up

# Jobs the clerk cancelled: a thread cannot be stopped, so it runs to its end unseen and its
# result is dropped. They are kept here (not owned by a window that may close) until they end.
_abandoned: set[QThread] = set()
_exit_hooked = False


class _Job(QThread):
    def __init__(self, fn: Callable):
        super().__init__()
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


def wait_for_abandoned(ms: int = 30000) -> None:
    """Let cancelled jobs end before the program exits (a running QThread must not be destroyed)."""
    for job in list(_abandoned):
        job.wait(ms)
    _abandoned.clear()


class Worker(QObject):
    """Runs one function at a time in a thread; ``on_done``/``on_error`` run back on the window's thread.

    The progress box appears only for jobs slower than SHOW_PROGRESS_AFTER_MS; its 取消 abandons the
    job: the window is free at once and the job's result, when it comes, is discarded.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.window = parent
        self._job: _Job | None = None
        self._progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def progress(self) -> QProgressDialog | None:
        return self._progress

    def run(self, label: str, fn: Callable, on_done: Callable, on_error: Callable[[str], None]) -> bool:
        if self._job is not None:
            on_error("上一项工作还没有完成，请稍候再试")
            return False
        job = _Job(fn)
        self._job = job
        progress = QProgressDialog(label, "取消", 0, 0, self.window)
        progress.setWindowTitle("请稍候")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.reset()  # stops the box's own show-timer: only ours below may show it
        progress.canceled.connect(self.cancel)
        self._progress = progress

        def show_if_running() -> None:
            if self._job is job:
                progress.show()

        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, show_if_running)

        def finished() -> None:
            if job in _abandoned:
                _abandoned.discard(job)
                job.deleteLater()
                return
            self._close_progress()
            self._job = None
            outcome = (job.result, job.error, job.trace)
            job.deleteLater()
            # The result is used on the next turn of the event loop, once the progress box is gone:
            # a dialog opened by on_done never has the box on top of it.
            QTimer.singleShot(0, self, lambda: self._deliver(outcome, on_done, on_error))

        job.finished.connect(finished)
        job.start()
        return True

    @staticmethod
    def _deliver(outcome, on_done: Callable, on_error: Callable[[str], None]) -> None:
        result, error, trace = outcome
        if error is None:
            on_done(result)
        elif isinstance(error, UserError):
            on_error(error.message)
        else:
            sys.stderr.write(trace)
            on_error(f"处理时发生程序错误：{type(error).__name__}: {error}\n"
                     "报告没有被改动。请把此信息告知技术支持。")

    def _close_progress(self) -> None:
        progress = self._progress
        self._progress = None
        if progress is not None:
            progress.canceled.disconnect(self.cancel)
            progress.hide()
            progress.deleteLater()

    def cancel(self) -> None:
        """Abandon the running job: nothing it returns will be used."""
        job = self._job
        if job is None:
            return
        self._job = None
        self._close_progress()
        global _exit_hooked
        _abandoned.add(job)
        if not _exit_hooked:
            _exit_hooked = True
            atexit.register(wait_for_abandoned)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(wait_for_abandoned)

    def wait(self, ms: int = 10000) -> None:
        if self._job is not None:
            self._job.wait(ms)
