"""The program: ``ggbg-desktop --exit-when-ready FILE`` opens, paints once and ends its process cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import complete_report

from ggbg_desktop.formats import native

PROGRAM = [sys.executable, "-c", "from ggbg_desktop.app import main; main()"]  # as the installed script calls it


def _env(tmp_path):
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
                XDG_DATA_HOME=str(tmp_path / "data"), GGBG_AUTOSAVE_MS="60000")


def _recent_files(tmp_path) -> str:
    found = list((tmp_path / "cfg").rglob("*.conf"))
    return "".join(p.read_text(encoding="utf-8") for p in found)


def test_the_process_ends_with_the_window_status_and_its_settings_written(tmp_path):
    path = tmp_path / "年报.ggbg"
    native.save(complete_report(), path)
    done = subprocess.run(PROGRAM + ["--exit-when-ready", str(path)], env=_env(tmp_path), capture_output=True,
                          check=False, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    # the interpreter's teardown is skipped: what must outlive the process was written before it ended
    assert "年报.ggbg" in _recent_files(tmp_path) or "\\u5e74\\u62a5.ggbg" in _recent_files(tmp_path)
    recovery = tmp_path / "data"
    assert not [p for p in recovery.rglob("recovery-*")], "no working copy or lock left behind"


def test_a_file_that_cannot_be_opened_gives_status_1_and_a_chinese_message(tmp_path):
    done = subprocess.run(PROGRAM + ["--exit-when-ready", str(tmp_path / "none.ggbg")], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "无法打开" in done.stderr and "Traceback" not in done.stderr


def test_main_called_with_arguments_returns_instead_of_ending_the_process(tmp_path, monkeypatch):
    from ggbg_desktop import app

    ran = []
    monkeypatch.setattr(app, "_run", lambda args: ran.append(args.file) or 3)
    monkeypatch.setattr(app, "_end_process", lambda code: (_ for _ in ()).throw(AssertionError("ended")))
    assert app.main(["--exit-when-ready", "x.ggbg"]) == 3
    assert ran == ["x.ggbg"]
