"""Recovery after a crash: every copy left behind is listed, restored or deleted as the clerk chooses;
an autosave that fails says so and moves to another folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from conftest import complete_report
from ggbg_desktop.formats import native
from ggbg_desktop.report import CellRef
from ggbg_desktop.ui import recovery
from ggbg_desktop.ui.recovery import RecoveryDialog



@pytest.fixture(autouse=True)
def fallback_in_test_folder(tmp_path, monkeypatch):
    """The fallback folder is the system's temporary folder: keep each test's own."""
    folder = tmp_path / "fallback"
    monkeypatch.setattr(recovery, "fallback_directory", lambda: folder)
    return folder


def when_shown(kind, act, seen: list):
    """Once a visible top-level widget of ``kind`` appears, record it and ``act`` on it (from a timer,
    while the window's modal loop runs)."""
    deadline = time.monotonic() + 15

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                seen.append(widget)
                act(widget)
                return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def answer_recovery(button: str, checked: list[int] | None = None, seen: list | None = None):
    seen = seen if seen is not None else []

    def act(dialog: RecoveryDialog):
        seen.append([item.text(0) for item in dialog.items])
        if checked is not None:
            dialog.set_checked(checked)
        {"恢复所选": dialog.restore_button, "删除所选": dialog.delete_button,
         "暂不处理": dialog.later_button}[button].click()

    when_shown(RecoveryDialog, act, seen)
    return seen


CRASHING_EDITOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from ggbg_desktop.report import CellRef
    from ggbg_desktop.ui.main_window import MainWindow
    from ggbg_desktop.ui.settings import AppSettings
    home, organ, first = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    window = MainWindow(settings=AppSettings(QSettings(str(home / "s.ini"), QSettings.Format.IniFormat)),
                        recovery_dir=home / "recovery", autosave_ms=100)
    window.show()
    window.header.organ.setText(organ)
    window.header.organ.textEdited.emit(organ)
    window.state.edit_values({CellRef("t3", 0, 0): first, CellRef("t3", 0, 1): 1})
    def report():
        if window.autosaver.path.exists():
            print("AUTOSAVED", flush=True)
        else:
            QTimer.singleShot(50, report)
    QTimer.singleShot(50, report)
    app.exec()
""")


def kill_hard(proc: subprocess.Popen) -> None:
    """kill -9, as a power cut would; the pipe to it is closed too (no ResourceWarning)."""
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    if proc.stdout is not None:
        proc.stdout.close()


def _editor_until_autosaved(home, organ: str, first: int) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", CRASHING_EDITOR, str(home), organ, str(first)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    deadline = time.monotonic() + 40
    line = ""
    while time.monotonic() < deadline and "AUTOSAVED" not in line:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
    assert "AUTOSAVED" in line, f"the editor for {organ} never autosaved"
    return proc


def _close_all(windows):
    for w in windows:
        w.state.undo_stack.setClean()
        w.state._forced_dirty = False
        w.autosaver.stop()
        w.close()


def test_two_windows_killed_both_copies_offered_and_restored(qtbot, make_window, tmp_path):
    """Issue 14 point 1: two windows with unsaved work, kill -9 both; the next start offers both."""
    editors = []
    try:
        editors.append(_editor_until_autosaved(tmp_path, "灞桥区人民政府", 41))
        editors.append(_editor_until_autosaved(tmp_path, "莲湖区人民政府", 17))
    finally:
        for proc in editors:
            kill_hard(proc)
    left = sorted((tmp_path / "recovery").glob("recovery-*.ggbg"))
    assert len(left) == 2

    window = make_window()
    seen = answer_recovery("恢复所选")
    assert window.offer_recovery()
    assert seen, "the recovery list never appeared"
    listed = seen[-1]
    assert len(listed) == 2 and any("灞桥区" in t for t in listed) and any("莲湖区" in t for t in listed)
    others = window.__dict__.get("_recovered_windows", [])
    assert len(others) == 1
    organs = {window.state.report.meta.organ, others[0].state.report.meta.organ}
    assert organs == {"灞桥区人民政府", "莲湖区人民政府"}
    for w in (window, others[0]):
        assert w.state.is_dirty and w.state.path is None
        first = w.state.report.value(CellRef("t3", 0, 0))
        assert w.state.report.value(CellRef("t3", 0, 6)) == first + 1  # totals as they were
        assert w.autosaver.path.exists()  # this run holds the work now
    assert not any(p.exists() for p in left)  # the crashed runs' copies were taken over
    assert recovery.find_left_behind(tmp_path / "recovery") == []  # nothing left: not offered twice
    _close_all(others)


def _left_behind(folder, title: str, organ: str, saved_at: float, n: int):
    folder.mkdir(exist_ok=True)
    report = complete_report()
    report.meta.organ = organ
    path = folder / f"recovery-99999{n}-1.ggbg"
    native.save(report, path)
    path.with_suffix(".json").write_text(json.dumps({"original": None, "saved_at": saved_at, "title": title}),
                                         encoding="utf-8")
    return path


def _three_copies(tmp_path):
    folder = tmp_path / "recovery"
    now = time.time()
    return [_left_behind(folder, f"报告{i}", f"机关{i}", now - 60 * i, i) for i in range(3)]


def test_restoring_one_copy_keeps_the_others_for_later(qtbot, make_window, tmp_path):
    copies = _three_copies(tmp_path)  # newest first: 报告0, 报告1, 报告2
    window = make_window()
    seen = answer_recovery("恢复所选", checked=[1])
    assert window.offer_recovery()
    assert seen[-1] == ["报告0", "报告1", "报告2"]
    assert window.state.report.meta.organ == "机关1"
    assert window.__dict__.get("_recovered_windows", []) == []
    assert copies[0].exists() and not copies[1].exists() and copies[2].exists()

    later = answer_recovery("暂不处理")
    assert not window.offer_recovery()
    assert later[-1] == ["报告0", "报告2"]
    assert copies[0].exists() and copies[2].exists()  # "not now" deletes nothing


def test_deleting_removes_only_the_chosen_copies(qtbot, make_window, tmp_path):
    copies = _three_copies(tmp_path)
    window = make_window()
    answer_recovery("删除所选", checked=[0, 2])
    assert not window.offer_recovery()
    assert not copies[0].exists() and copies[1].exists() and not copies[2].exists()
    assert not window.state.is_dirty  # nothing was loaded


def test_an_unreadable_copy_is_reported_and_kept(qtbot, make_window, dialogs, tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    broken = folder / "recovery-999990-1.ggbg"
    broken.write_text("{not json", encoding="utf-8")
    window = make_window()
    answer_recovery("恢复所选")
    assert not window.offer_recovery()
    assert dialogs.errors and "无法读取" in dialogs.errors[-1][1]
    assert broken.exists()


def _window_with_recovery_dir(qtbot, tmp_path, recovery_dir, dialogs_):
    from PySide6.QtCore import QSettings

    from ggbg_desktop.ui.main_window import MainWindow
    from ggbg_desktop.ui.settings import AppSettings

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings=settings, dialogs=dialogs_, recovery_dir=recovery_dir, autosave_ms=60000)
    qtbot.addWidget(w)
    w.show()
    return w


def test_autosave_into_an_unusable_folder_moves_to_the_fallback_and_says_so(qtbot, tmp_path, dialogs,
                                                                            fallback_in_test_folder):
    blocked = tmp_path / "recovery"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    w = _window_with_recovery_dir(qtbot, tmp_path, blocked, dialogs)
    w.state.edit_values({CellRef("t4", 0, 0): 7})
    assert w.autosaver.save_now()
    assert w.autosaver.path.parent == fallback_in_test_folder
    assert native.load(w.autosaver.path).value(CellRef("t4", 0, 0)) == 7
    message = w.statusBar().currentMessage()
    assert "无法写入" in message and str(fallback_in_test_folder) in message
    assert recovery.find_left_behind(blocked) == []  # held by this living window
    _close_all([w])


def test_autosave_failing_everywhere_is_shown_in_the_status_bar(qtbot, tmp_path, dialogs,
                                                               fallback_in_test_folder):
    blocked = tmp_path / "recovery"
    blocked.write_text("x", encoding="utf-8")
    fallback_in_test_folder.write_text("x", encoding="utf-8")
    w = _window_with_recovery_dir(qtbot, tmp_path, blocked, dialogs)
    w.state.edit_values({CellRef("t4", 0, 0): 7})
    assert not w.autosaver.save_now()
    assert "自动保存失败" in w.statusBar().currentMessage()
    assert "请尽快保存" in w.statusBar().currentMessage()
    _close_all([w])


def test_a_copy_in_the_fallback_folder_is_offered_after_a_crash(qtbot, make_window, tmp_path,
                                                               fallback_in_test_folder):
    _left_behind(fallback_in_test_folder, "临时文件夹中的报告", "某镇人民政府", time.time(), 5)
    window = make_window()
    seen = answer_recovery("恢复所选")
    assert window.offer_recovery()
    assert seen[-1] == ["临时文件夹中的报告"]
    assert window.state.report.meta.organ == "某镇人民政府"


def test_windows_of_one_process_keep_separate_copies(qtbot, make_window):
    first, second = make_window(), make_window()
    assert first.autosaver.path != second.autosaver.path
    first.state.edit_values({CellRef("t4", 0, 0): 1})
    second.state.edit_values({CellRef("t4", 0, 0): 2})
    assert first.autosaver.save_now() and second.autosaver.save_now()
    assert native.load(first.autosaver.path).value(CellRef("t4", 0, 0)) == 1
    assert native.load(second.autosaver.path).value(CellRef("t4", 0, 0)) == 2
    assert recovery.find_left_behind(first.autosaver.preferred_directory) == []  # both alive


def test_the_recovery_folder_is_in_the_local_not_roaming_data(qapp, monkeypatch, tmp_path):
    """On Windows AppLocalDataLocation is %LOCALAPPDATA%, AppDataLocation the roaming %APPDATA%; on
    Linux both are the same folder, so the two are told apart here as Windows tells them apart."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.StandardLocation
    folders = {location.AppLocalDataLocation: tmp_path / "Local", location.AppDataLocation: tmp_path / "Roaming"}

    class WindowsPaths:
        StandardLocation = location

        @staticmethod
        def writableLocation(which):
            return str(folders[which])

    monkeypatch.setattr(recovery, "QStandardPaths", WindowsPaths)
    assert recovery.default_directory() == tmp_path / "Local" / "recovery"
