"""帮助 → 使用说明 shows the user guide the package ships (ggbg_desktop/resources/help/user-guide.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from ggbg_desktop.resources import resource_path

from .conftest import find_action


def test_help_menu_shows_the_shipped_user_guide(qtbot, real_window):
    find_action(real_window, "帮助", "使用说明").trigger()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, QDialog) and w.isVisible() and w.windowTitle() == "使用说明"]
    assert len(dialogs) == 1
    (browser,) = dialogs[0].findChildren(QTextBrowser)
    shown = browser.toPlainText()
    guide = resource_path("help/user-guide.md").read_text(encoding="utf-8")
    headings = [line.lstrip("#").strip() for line in guide.splitlines() if line.startswith("## ")]
    assert len(headings) >= 3
    for heading in headings:  # every section of the file, rendered from Markdown (no "## " left)
        assert heading in shown
    assert "未找到使用说明文件" not in shown and "## " not in shown
    assert "国办公开办函〔2021〕30号" in shown
    dialogs[0].close()
