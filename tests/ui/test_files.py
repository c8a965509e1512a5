"""Files: save and reopen, closing with unsaved changes, import with its log, export, recovery after a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXPECTED, SEEDS, complete_report
from PySide6.QtWidgets import QMessageBox

from ggbg_desktop.formats import native
from ggbg_desktop.formats.importlog import ImportLog, ImportResult
from ggbg_desktop.report import CellRef
from ggbg_desktop.ui.dialogs import SAVE, Dialogs
from ggbg_desktop.ui.import_log_dialog import ImportLogDialog

from .helpers import type_chinese, type_into

ROOT = Path(__file__).resolve().parents[2]


def test_save_close_reopen_and_find_everything(qtbot, make_window, dialogs, tmp_path):
    window = make_window()
    window.state.load(complete_report(), None)
    type_into(qtbot, window, CellRef("t2", 0, 0), "2")
    type_chinese(window.text_editors["p6"], "另：")
    expected = window.state.report.copy()
    dialogs.save_path = str(tmp_path / "年报")
    window.act_save.trigger()
    saved = tmp_path / "年报.ggbg"
    assert saved.exists() and not window.state.is_dirty
    assert "年报.ggbg" in window.windowTitle() and not window.isWindowModified()
    assert window.close()
    assert dialogs.asked_save == []  # nothing unsaved, nothing asked

    again = make_window()
    assert str(saved) in again.settings.recent_files()
    assert again.open_path(saved)
    assert again.state.report == expected
    assert again.text_editors["p6"].toPlainText() == expected.parts["p6"]
    assert again.header.organ.text() == "蓝田县人民政府"
    assert again.table_models["t2"].data(again.table_models["t2"].index_of(CellRef("t2", 0, 0))) == "2"


def test_close_with_unsaved_changes_asks(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window(dialogs_=Dialogs())  # the real dialogs, answered by patching QMessageBox
    type_into(qtbot, window, CellRef("t4", 0, 0), "1")
    asked = []

    def answer(button):
        def exec_(box):
            asked.append(box.text())
            return button
        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert window.isVisible() and asked and "尚未保存" in asked[0]
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Discard))
    assert window.close()
    assert len(asked) == 2


def test_save_answer_saves_before_closing(qtbot, window, dialogs, tmp_path):
    type_into(qtbot, window, CellRef("t4", 0, 0), "1")
    dialogs.save_answer = SAVE
    dialogs.save_path = str(tmp_path / "x.ggbg")
    assert window.close()
    assert native.load(tmp_path / "x.ggbg").value(CellRef("t4", 0, 0)) == 1


def test_failed_save_keeps_the_report_and_says_why(qtbot, window, dialogs, tmp_path):
    type_into(qtbot, window, CellRef("t4", 0, 0), "1")
    dialogs.save_path = str(tmp_path / "no-such-folder" / "x.ggbg")
    assert not window.files.save()
    assert dialogs.errors and dialogs.errors[-1][0] == "无法保存"
    assert window.state.is_dirty and window.state.report.value(CellRef("t4", 0, 0)) == 1


def test_open_a_damaged_file_changes_nothing(window, dialogs, tmp_path):
    bad = tmp_path / "bad.ggbg"
    bad.write_text("{not json", encoding="utf-8")
    before = window.state.report.copy()
    assert not window.open_path(bad)
    assert dialogs.errors[-1][0] == "无法打开" and "不是有效的年报文件" in dialogs.errors[-1][1]
    assert window.state.report == before


def _import(qtbot, window, path):
    window.files.import_path(path)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10000)
    qtbot.wait(10)  # the result is used on the next turn of the event loop


def test_import_a_seed_shows_its_log_and_becomes_a_new_unsaved_report(qtbot, window, dialogs, tmp_path):
    seed = SEEDS / "004_52047f2dfa4f4279.txt"
    opened = tmp_path / "open.ggbg"
    native.save(complete_report(), opened)
    assert window.open_path(opened)
    _import(qtbot, window, seed)
    assert not dialogs.errors, dialogs.errors
    result, source, accept = dialogs.import_logs[-1]
    assert source == seed.name and accept == "打开"
    assert result.log.entries, "the import log should say what was found"
    assert window.state.report == result.report
    assert window.state.report.meta.year == 2023
    expected = EXPECTED[seed.name]
    assert window.state.report.tables["t3"] == expected["t3"]
    assert window.state.report.flat("t4") == expected["t4"]
    # a new document: not the file that was open, its source in the title, to be saved somewhere
    assert window.state.path is None and window.state.is_dirty
    assert seed.name in window.windowTitle() and "未保存" in window.windowTitle()


def test_cancelled_import_changes_nothing(qtbot, window, dialogs):
    dialogs.import_answer = False
    before = window.state.report.copy()
    _import(qtbot, window, SEEDS / "000_087472ced84f1984.txt")
    assert dialogs.import_logs and window.state.report == before


def test_import_log_dialog_lists_every_entry(qtbot):
    log = ImportLog()
    log.info("t3", "找到表三，25 行")
    log.warn("meta", "未找到发布日期")
    log.error("t4", "表四缺少一组数字")
    dialog = ImportLogDialog(ImportResult(complete_report(), log, "text"), "年报.txt", "替换当前报告")
    qtbot.addWidget(dialog)
    rows = [dialog.tree.topLevelItem(i).text(2) for i in range(dialog.tree.topLevelItemCount())]
    assert rows == ["找到表三，25 行", "未找到发布日期", "表四缺少一组数字"]
    assert dialog.tree.topLevelItem(1).text(0) == "注意" and dialog.tree.topLevelItem(1).text(1) == "报告信息"


def test_unreadable_import_is_a_dialog(qtbot, window, dialogs, tmp_path):
    empty = tmp_path / "空.docx"
    empty.write_bytes(b"")
    before = window.state.report.copy()
    _import(qtbot, window, empty)
    assert dialogs.errors and dialogs.errors[-1][0] == "无法导入" and "空文件" in dialogs.errors[-1][1]
    assert window.state.report == before


def test_export_writes_a_word_file(qtbot, window, dialogs, tmp_path):
    window.state.load(complete_report(), None)
    target = tmp_path / "年报.docx"
    dialogs.export_path = str(target)
    window.act_export.trigger()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=5000)
    assert not dialogs.errors
    assert target.exists() and target.stat().st_size > 1000


def test_paste_report_without_text_on_the_clipboard(window, dialogs):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
    window.act_paste_report.trigger()
    assert dialogs.errors and "剪贴板" in dialogs.errors[-1][1]


def test_autosave_writes_the_working_copy_only_when_changed(qtbot, make_window, tmp_path):
    window = make_window(autosave_ms=50)
    copy = window.autosaver.path
    assert not window.autosaver.save_now() and not copy.exists()  # nothing changed yet
    type_into(qtbot, window, CellRef("t4", 0, 0), "7")
    qtbot.waitUntil(copy.exists, timeout=3000)
    assert native.load(copy).value(CellRef("t4", 0, 0)) == 7
    window.state.undo_stack.setClean()  # as after saving: the copy is no longer needed
    assert not copy.exists()


# Recovery after a crash (kill -9, every copy offered): tests/ui/test_recovery.py


def test_exit_when_ready_opens_paints_and_exits(tmp_path):
    path = tmp_path / "r.ggbg"
    native.save(complete_report(), path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "ggbg_desktop", "--exit-when-ready", str(path)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    bad = subprocess.run([sys.executable, "-m", "ggbg_desktop", "--exit-when-ready", str(tmp_path / "none.ggbg")],
                         env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
