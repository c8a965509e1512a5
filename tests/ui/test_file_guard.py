"""The open file's guard: a change made elsewhere is never overwritten without a question, a file open in
another window says so, a read-only file is asked about, a repaired file is announced and saves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import complete_report
from ggbg_desktop.formats import native
from ggbg_desktop.report import CellRef
from ggbg_desktop.ui.dialogs import Dialogs
from ggbg_desktop.ui.file_guard import lock_path


CELL = CellRef("t4", 0, 0)


def click_when_shown(object_name: str, button_text: str | tuple[str, ...], seen: list):
    """Answer the message box ``object_name`` (or any message box when "") by its button text."""
    texts = (button_text,) if isinstance(button_text, str) else button_text
    deadline = time.monotonic() + 15

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and (
                    not object_name or widget.objectName() == object_name):
                seen.append(widget.text())
                button = next(b for b in widget.buttons() if b.text().replace("&", "") in texts)
                button.click()
                return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _saved_report(tmp_path, name="报告.ggbg", value=5):
    report = complete_report()
    report.set_value(CELL, value)
    path = tmp_path / name
    native.save(report, path)
    return path


def _rewrite_elsewhere(path, value):
    """Another program (or window) saves the file: different content, a later time."""
    report = native.load(path)
    report.set_value(CELL, value)
    native.save(report, path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def two_windows_on_one_file(make_window, dialogs, tmp_path):
    path = _saved_report(tmp_path)
    first = make_window()
    assert first.open_path(path)
    second = make_window()
    seen = click_when_shown("already_open_question", "仍要打开", [])
    assert second.open_path(path)
    assert seen and "已在本程序的另一个窗口中打开" in seen[0]
    return path, first, second


def test_b_saves_then_a_saves_asks_instead_of_losing_b(qtbot, two_windows_on_one_file):
    """Issue 14 point 2: A and B open the same file; B saves; A's save asked nothing and B's change was gone."""
    path, a, b = two_windows_on_one_file
    b.state.edit_values({CELL: 222})
    assert b.files.save()
    a.state.edit_values({CellRef("t4", 1, 0): 777})
    seen = click_when_shown("file_changed_question", "取消", [])
    assert not a.files.save()
    assert seen and "已被其他窗口或程序修改" in seen[0]
    assert native.load(path).value(CELL) == 222  # B's change is still there
    assert a.state.is_dirty


def test_overwrite_is_the_clerks_choice(qtbot, window, tmp_path):
    path = _saved_report(tmp_path)
    assert window.open_path(path)
    _rewrite_elsewhere(path, 333)
    window.state.edit_values({CELL: 9})
    seen = click_when_shown("file_changed_question", "覆盖", [])
    assert window.files.save()
    assert seen
    assert native.load(path).value(CELL) == 9
    window.state.edit_values({CELL: 10})
    assert window.files.save()  # the stamp was renewed by the save: no second question
    assert native.load(path).value(CELL) == 10


def test_reload_reads_the_file_as_it_is_now(qtbot, window, tmp_path):
    path = _saved_report(tmp_path)
    assert window.open_path(path)
    _rewrite_elsewhere(path, 444)
    window.state.edit_values({CELL: 9})
    click_when_shown("file_changed_question", "重新载入", [])
    assert not window.files.save()
    assert window.state.report.value(CELL) == 444
    assert not window.state.is_dirty
    assert native.load(path).value(CELL) == 444


def test_save_as_keeps_both(qtbot, window, dialogs, tmp_path):
    path = _saved_report(tmp_path)
    assert window.open_path(path)
    _rewrite_elsewhere(path, 555)
    window.state.edit_values({CELL: 9})
    dialogs.save_path = str(tmp_path / "我的版本.ggbg")
    click_when_shown("file_changed_question", "另存为…", [])
    assert window.files.save()
    assert native.load(path).value(CELL) == 555
    assert native.load(tmp_path / "我的版本.ggbg").value(CELL) == 9
    assert window.state.path == tmp_path / "我的版本.ggbg"


def test_touched_but_unchanged_file_saves_without_a_question(qtbot, window, tmp_path):
    path = _saved_report(tmp_path)
    assert window.open_path(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # e.g. a backup tool
    window.state.edit_values({CELL: 9})
    assert window.files.save()
    assert native.load(path).value(CELL) == 9


def test_a_change_on_disk_is_announced_in_the_status_bar(qtbot, window, tmp_path):
    path = _saved_report(tmp_path)
    assert window.open_path(path)
    path.write_text(path.read_text(encoding="utf-8").replace('"organ": "', '"organ": "改', 1), encoding="utf-8")
    qtbot.waitUntil(lambda: "已被其他窗口或程序修改" in window.statusBar().currentMessage(), timeout=5000)


OTHER_PROCESS = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from ggbg_desktop.ui.main_window import MainWindow
    from ggbg_desktop.ui.settings import AppSettings
    home = Path(sys.argv[1])
    window = MainWindow(settings=AppSettings(QSettings(str(home / "o.ini"), QSettings.Format.IniFormat)),
                        recovery_dir=home / "other-recovery")
    window.show()
    assert window.open_path(sys.argv[2])
    print("OPEN", flush=True)
    app.exec()
""")


def test_a_file_open_in_another_process_says_so_and_a_dead_lock_is_taken_over(qtbot, make_window, tmp_path):
    from .test_recovery import kill_hard

    path = _saved_report(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", OTHER_PROCESS, str(tmp_path), str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        assert "OPEN" in proc.stdout.readline()
        assert lock_path(path).exists()
        window = make_window()
        seen = click_when_shown("already_open_question", "取消", [])
        assert not window.open_path(path)
        assert seen and f"进程 {proc.pid}" in seen[0]
    finally:
        kill_hard(proc)  # a crash: the lock file stays behind
    assert lock_path(path).exists()
    assert window.open_path(path)  # stale: its process is dead, no question
    assert window.state.path == path


def test_closing_releases_the_lock(qtbot, make_window, tmp_path):
    path = _saved_report(tmp_path)
    first = make_window()
    assert first.open_path(path)
    assert lock_path(path).exists()
    first.close()
    assert not lock_path(path).exists()
    second = make_window()
    assert second.open_path(path)  # no question: nobody holds it


def test_saving_as_onto_a_file_another_window_has_open_is_refused(qtbot, make_window, dialogs, tmp_path):
    path = _saved_report(tmp_path, value=5)
    before = path.read_bytes()
    first = make_window()
    assert first.open_path(path)
    second = make_window()
    second.state.edit_values({CELL: 9})
    assert not second.files.save_to(path)
    assert dialogs.errors and "正在本程序的另一个窗口中打开" in dialogs.errors[-1][1]
    assert path.read_bytes() == before  # the first window's file is untouched
    assert second.state.path is None and second.state.is_dirty  # nothing lost, nothing retargeted
    second.state.undo_stack.setClean()


def test_a_read_only_file_is_asked_about_before_it_is_replaced(qtbot, window, tmp_path):
    path = _saved_report(tmp_path)
    path.chmod(0o444)
    assert window.open_path(path)
    window.state.edit_values({CELL: 9})
    seen = click_when_shown("read_only_question", "取消", [])
    assert not window.files.save()
    assert seen and "只读" in seen[0]
    assert native.load(path).value(CELL) == 5
    click_when_shown("read_only_question", "覆盖", [])
    assert window.files.save()
    assert native.load(path).value(CELL) == 9


def test_saving_through_a_link_keeps_the_link(qtbot, window, tmp_path):
    real = _saved_report(tmp_path, "真实.ggbg")
    link = tmp_path / "链接.ggbg"
    link.symlink_to(real)
    assert window.open_path(link)
    window.state.edit_values({CELL: 9})
    assert window.files.save()
    assert link.is_symlink() and native.load(real).value(CELL) == 9


def test_a_file_with_lone_surrogates_is_announced_and_saved(qtbot, make_window, tmp_path):
    """Issue 14 point 3: "\\ud800" made save, autosave and every export fail without a word."""
    data = native.report_to_data(complete_report())
    data["meta"]["organ"] = "蓝田县人民政府\ud800"
    data["parts"]["p1"] = data["parts"]["p1"] + "\udfff"
    path = tmp_path / "坏字符.ggbg"
    path.write_text(json.dumps(data), encoding="ascii")
    window = make_window(Dialogs())  # the real message boxes
    shown = click_when_shown("", ("OK", "确定"), [])  # the label depends on Qt's translation
    assert window.open_path(path)
    assert shown and "代理码位" in shown[0]
    assert window.state.report.meta.organ == "蓝田县人民政府\ufffd"
    window.state.edit_values({CELL: 9})
    assert window.files.save()
    assert not window.state.is_dirty
    again: list[str] = []
    reopened = native.load(path, again)
    assert reopened.value(CELL) == 9 and again == []
    window.state.edit_values({CELL: 10})
    assert window.autosaver.save_now()
    window.state.undo_stack.setClean()  # the real dialogs would ask at the fixture's close


def test_a_save_that_fails_says_why_and_the_window_stays_open(qtbot, window, dialogs, tmp_path):
    """Issue 14 point 3: the window never quits with unsaved work it could not save."""
    from ggbg_desktop.ui.dialogs import SAVE

    window.state.edit_values({CELL: 9})
    window.state.report.meta.year = 3000  # as a broken edit could leave it: the file format stops at 2999
    dialogs.save_path = str(tmp_path / "r.ggbg")
    dialogs.save_answer = SAVE
    window.close()
    assert window.isVisible()
    assert dialogs.errors and "无法保存" in dialogs.errors[-1][1] and "年份" in dialogs.errors[-1][1]
    assert not (tmp_path / "r.ggbg").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_the_window_refuses_special_and_hostile_files_like_the_cli(qtbot, window, dialogs, tmp_path):
    """Issue 14 point 5 in the window: a FIFO named .txt (opening it used to wait forever), a folder
    named .ggbg, and a .mht nested 3 000 deep each give one Chinese message and change nothing."""
    def mht_nested(depth: int) -> bytes:
        parts = [b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n']
        parts += [f'--b{i - 1}\r\nContent-Type: multipart/related; boundary="b{i}"\r\n\r\n'.encode()
                  for i in range(1, depth)]
        return b"".join(parts) + f"--b{depth - 1}\r\nContent-Type: text/html\r\n\r\n<p>x</p>".encode()

    fifo = tmp_path / "报告.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "文件夹.ggbg"
    folder.mkdir()
    deep = tmp_path / "deep.mht"
    deep.write_bytes(mht_nested(3000))
    before = native.dumps(window.state.report)
    for path, words in ((fifo, "管道"), (deep, "嵌套")):
        said = len(dialogs.errors)
        window.files.import_path(path)
        # the worker is free a turn of the event loop before its message is shown: wait for the message
        qtbot.waitUntil(lambda said=said: len(dialogs.errors) > said, timeout=10000)
        assert not window.worker.busy and words in dialogs.errors[-1][1]
    assert not window.open_path(folder)
    assert "文件夹" in dialogs.errors[-1][1] and "权限" not in dialogs.errors[-1][1]
    assert native.dumps(window.state.report) == before


def test_opening_a_file_in_the_program_does_not_load_openssl(tmp_path):
    """The file's stamp uses zlib's checksums: hashlib would map OpenSSL, 3.5 MiB of start-up memory."""
    import os
    import subprocess
    import sys

    from conftest import complete_report

    from ggbg_desktop.formats import native

    path = tmp_path / "年报.ggbg"
    native.save(complete_report(), path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "from ggbg_desktop.app import main; main()",
                           "--exit-when-ready", str(path)], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time")}
    assert "ggbg_desktop.ui.file_guard" in imported
    assert "_hashlib" not in imported and "hashlib" not in imported
