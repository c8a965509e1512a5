"""The window's actions (text, keys, icon, what they do) and the menus and toolbar that show them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QStyle

from .drafting_commands import DraftingCommands
from .history import History
from .settings import FONT_SETS

SP = QStyle.StandardPixmap
K = QKeySequence.StandardKey

# attribute, text, what it calls (a path from the window), keys, icon, status tip.
# Every slot is called with no arguments: a triggered(bool) never reaches a parameter.
ACTIONS = (
    ("act_new", "新建(&N)", "files.new_document", K.New, SP.SP_FileIcon, "新建一份报告"),
    ("act_open", "打开(&O)…", "files.open_file", K.Open, SP.SP_DialogOpenButton, "打开年报文件（.ggbg）"),
    ("act_save", "保存(&S)", "files.save", K.Save, SP.SP_DialogSaveButton, "保存到年报文件"),
    ("act_save_as", "另存为(&A)…", "files.save_as", "Ctrl+Shift+S", None, "保存到另一个年报文件"),
    ("act_import", "导入(&I)…", "files.import_file", "Ctrl+I", SP.SP_ArrowDown,
     "从 Word、Excel、PDF、网页或文本文件导入报告（成为一份新的报告）"),
    ("act_paste_report", "粘贴报告(&R)", "files.paste_report", "Ctrl+Shift+V", SP.SP_FileDialogContentsView,
     "把从网页或 Word 复制的整份报告粘贴进来（成为一份新的报告）"),
    ("act_export", "导出(&E)…", "files.export", "Ctrl+E", SP.SP_ArrowUp, "导出为 Word、PDF、Excel、网页或文本"),
    ("act_preview", "打印预览(&V)…", "files.print_preview", "Ctrl+Shift+P", SP.SP_FileDialogDetailedView,
     "按公文格式预览"),
    ("act_print", "打印(&P)…", "files.print_report", K.Print, None, "按公文格式打印"),
    ("act_quit", "退出(&X)", "close", K.Quit, None, ""),
    ("act_cut", "剪切(&T)", "cut", K.Cut, None, "剪切选中的文字或数字"),
    ("act_copy", "复制(&C)", "copy", K.Copy, None, "复制选中的文字或数字"),
    ("act_paste", "粘贴(&P)", "paste", K.Paste, None, "粘贴文字，或从 Excel/WPS 复制的一块数字"),
    ("act_find", "查找(&F)…", "find_bar.start", K.Find, None, "在导语和各部分文字中查找"),
    ("act_next_part", "下一部分(&N)", "tabs.next_part", "Ctrl+PgDown", None,
     "转到下一部分的表格或文字（一 → 二 → … → 六）"),
    ("act_previous_part", "上一部分(&B)", "tabs.previous_part", "Ctrl+PgUp", None, "转到上一部分的表格或文字"),
    ("act_fill_zero", "空白格填 0(&Z)", "fill_blanks_with_zero", None, None,
     "把表二、表三、表四中所有未填的数字格填为 0（可撤销）"),
    ("act_check", "检查(&K)", "run_check", "F7", SP.SP_DialogApplyButton, "列出全部错误和提示，并跳到第一处错误"),
    ("act_rollover", "从上年报告新建(&L)…", "files.new_from_last_year", "Ctrl+Shift+N", None,
     "选择上年的报告，生成本年报告草稿"),
    ("act_load_last_year", "载入上年数据(&D)…", "files.load_last_year", None, None,
     "选择上年的报告（任何可导入的文件或 .ggbg），把它的数字作为上年数据（可撤销）"),
    ("act_insert_drafted", "插入数据说明(&W)", "drafting.insert_at_cursor", "Ctrl+Shift+D", None,
     "在第一或第六部分的光标处插入由表中数字起草的说明文字（可撤销）"),
    ("act_update_drafted", "更新数据说明(&U)", "drafting.update_all", None, None,
     "按表中现在的数字改写过时的程序起草文字，其他文字不变（可撤销）"),
    ("act_help", "使用说明(&H)", "show_help", K.HelpContents, None, ""),
    ("act_about", "关于(&A)", "show_about", None, None, ""),
)


# Actions that work on the focused editor's own selection: they leave a cell editor open.
ON_THE_FOCUSED_EDITOR = ("act_cut", "act_copy", "act_paste")


def _slot(window, path: str):
    target = window
    for name in path.split("."):
        target = getattr(target, name)
    return target


def _make(window, text: str, keys, icon, tip: str) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        action.setShortcuts(QKeySequence.keyBindings(keys) if isinstance(keys, K) else [QKeySequence(keys)])
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    window.addAction(action)
    return action


def create_actions(window) -> None:
    """Make every action as ``window.act_*``; undo and redo come from the document's undo stack."""
    window.drafting = DraftingCommands(window)
    for attribute, text, path, keys, icon, tip in ACTIONS:
        action = _make(window, text, keys, icon, tip)
        slot = _slot(window, path)
        if attribute in ON_THE_FOCUSED_EDITOR:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        else:  # a figure or date still being typed is taken first, as if the clerk had left the field
            action.triggered.connect(lambda _checked=False, slot=slot: (window.commit_pending_edit(), slot()))
        setattr(window, attribute, action)
    window.history = History(window)  # 撤销/重做 that bring what they changed into view
    window.act_undo = window.history.undo_action
    window.act_undo.setIcon(window.style().standardIcon(SP.SP_ArrowBack))
    window.act_redo = window.history.redo_action
    window.act_redo.setIcon(window.style().standardIcon(SP.SP_ArrowForward))
    for action in (window.act_undo, window.act_redo):
        window.addAction(action)
    window.act_auto_totals = _make(window, "自动合计(&T)", None, None, "合计格由各项相加自动得出（只读）")
    window.act_auto_totals.setCheckable(True)
    window.act_auto_totals.toggled.connect(window.auto_totals_toggled)
    window.font_set_actions = {}
    for key, label in FONT_SETS.items():
        action = _make(window, label, None, None, "")
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False, k=key: window.settings.set_export_font_set(k))
        window.font_set_actions[key] = action
    window.act_show_last_year = _make(window, "显示上年数(&Y)", None, None,
                                      "在每个数字下显示上年数和增减（需先载入上年数据）")
    window.act_show_last_year.setCheckable(True)
    window.act_show_last_year.setChecked(window.drafting.last_year_shown())
    window.act_show_last_year.toggled.connect(window.drafting.show_last_year)
    for key in ("p1", "p6"):
        window.text_editors[key].context_actions = [window.act_insert_drafted]
    for editor in window.text_editors.values():
        editor.history_actions = {"edit-undo": window.act_undo, "edit-redo": window.act_redo}
    window.act_show_findings = window.findings_panel.toggleViewAction()
    window.act_show_findings.setText("检查结果面板")


def create_menus(window) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("文件(&F)")
    _add(file_menu, window, "act_new act_open act_save act_save_as | act_import act_paste_report act_export | "
                            "act_preview act_print |")
    window.recent_menu = file_menu.addMenu("最近打开(&T)")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)

    edit_menu = bar.addMenu("编辑(&E)")
    _add(edit_menu, window, "act_undo act_redo | act_cut act_copy act_paste | act_find | "
                            "act_next_part act_previous_part | act_fill_zero | act_insert_drafted act_update_drafted")

    tools = bar.addMenu("工具(&T)")
    _add(tools, window, "act_check act_auto_totals | act_rollover act_load_last_year act_show_last_year | "
                        "act_insert_drafted act_update_drafted |")
    fonts = tools.addMenu("导出字体")
    fonts.aboutToShow.connect(lambda: _sync_font_set(window))
    for action in window.font_set_actions.values():
        fonts.addAction(action)
    tools.addAction(window.act_show_findings)

    help_menu = bar.addMenu("帮助(&H)")
    _add(help_menu, window, "act_help act_about")

    toolbar = window.addToolBar("常用")
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    toolbar.setIconSize(QSize(18, 18))
    window.toolbar = toolbar
    stack = window.state.undo_stack
    # Short texts on the toolbar (the menu's undo action reads "撤销 修改表三 …").
    undo = QAction(window.act_undo.icon(), "撤销", window)
    undo.triggered.connect(window.history.undo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setToolTip(f"撤销：{text}" if text else "撤销"))
    undo.setEnabled(False)
    redo = QAction(window.act_redo.icon(), "重做", window)
    redo.triggered.connect(window.history.redo)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.redoTextChanged.connect(lambda text: redo.setToolTip(f"重做：{text}" if text else "重做"))
    redo.setEnabled(False)
    window.toolbar_undo, window.toolbar_redo = undo, redo
    _add(toolbar, window, "act_new act_open act_save | act_import act_paste_report act_export act_preview | "
                          "toolbar_undo toolbar_redo | act_check")
    # 自动合计 is on or off: a check box says which at a glance (a checkable tool button without an icon
    # read as plain text). It sets the action; the window keeps both in step (MainWindow._sync_auto_totals).
    box = QCheckBox("自动合计")
    box.setObjectName("auto_totals_box")
    box.setToolTip(window.act_auto_totals.toolTip())
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard has 工具 → 自动合计 (Alt+T)
    box.toggled.connect(window.act_auto_totals.setChecked)
    toolbar.addWidget(box)
    window.auto_totals_box = box


def _add(container, window, names: str) -> None:
    for name in names.split():
        if name == "|":
            container.addSeparator()
        else:
            container.addAction(getattr(window, name))


def fill_recent_menu(window) -> None:
    menu = window.recent_menu
    menu.clear()
    files = window.settings.recent_files()
    for i, path in enumerate(files, 1):
        action = menu.addAction(f"&{i} {Path(path).name}")
        action.setToolTip(path)
        action.triggered.connect(lambda _c=False, p=path: window.files.open_file(p))
    if not files:
        menu.addAction("（无）").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("清除列表", window.settings.clear_recent_files)


def _sync_font_set(window) -> None:
    current = window.settings.export_font_set()
    for key, action in window.font_set_actions.items():
        action.setChecked(key == current)
