"""Choices kept between runs (QSettings): recent files, default organ, export font set, geometry."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ggbg_desktop"
APPLICATION = "ggbg-desktop"
MAX_RECENT = 8
FONT_SETS = {"official": "公文字体（仿宋_GB2312、楷体_GB2312、方正小标宋简体）",
             "windows": "Windows 常用字体（仿宋、楷体、黑体、宋体）"}


class AppSettings:
    """Typed access to the program's QSettings; tests pass their own ini-backed QSettings."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)

    # ---- recent files ------------------------------------------------
    def recent_files(self) -> list[str]:
        value: Any = self.q.value("recent_files", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [f for f in self.recent_files() if os.path.abspath(f) != path]
        self.q.setValue("recent_files", ([path] + files)[:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        self.q.setValue("recent_files", [f for f in self.recent_files() if f != path])

    def clear_recent_files(self) -> None:
        self.q.setValue("recent_files", [])

    # ---- defaults for new reports and exports ------------------------
    def default_organ(self) -> str:
        return str(self.q.value("default_organ", "") or "")

    def set_default_organ(self, organ: str) -> None:
        self.q.setValue("default_organ", organ)

    def export_font_set(self) -> str:
        value = str(self.q.value("export_font_set", "official") or "official")
        return value if value in FONT_SETS else "official"

    def set_export_font_set(self, value: str) -> None:
        if value not in FONT_SETS:
            raise ValueError(value)
        self.q.setValue("export_font_set", value)

    def last_directory(self) -> str:
        return str(self.q.value("last_directory", "") or "")

    def set_last_directory(self, path: str) -> None:
        self.q.setValue("last_directory", path)

    # ---- window ------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def sync(self) -> None:
        self.q.sync()
