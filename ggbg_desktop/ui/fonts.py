"""Chinese fonts for the window, chosen from what is installed."""

from __future__ import annotations

from PySide6.QtGui import QFont

# Screen fonts in order of preference: Windows, macOS, Linux desktops (UOS, Kylin, Debian).
UI_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "黑体",
)
# The text editors read like the printed report: a 仿宋/宋体 face where there is one.
DOCUMENT_FAMILIES = (
    "FangSong", "仿宋", "仿宋_GB2312", "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC",
    "Noto Serif SC", "SimSun", "宋体", "Songti SC",
)

def ui_font(point_size: float | None = None) -> QFont:
    """The application font: the platform default with a Chinese sans family in front."""
    font = QFont()
    # Qt takes the first family of the list that is installed; no scan of the font database needed.
    font.setFamilies(list(UI_FAMILIES) + [f for f in font.families() if f not in UI_FAMILIES])
    if point_size:
        font.setPointSizeF(point_size)
    return font


def document_font(point_size: float = 13.0) -> QFont:
    """The font of the part texts: 仿宋 or a serif CJK face, falling back to the UI font."""
    font = ui_font()
    font.setFamilies(list(DOCUMENT_FAMILIES) + font.families())
    font.setPointSizeF(point_size)
    return font


def heading_font(font: QFont) -> QFont:
    """A part heading: ``font`` larger, in its regular weight.

    Not bold: a CJK family's bold weight is a second font file (Noto Sans CJK Bold is
    about 4 MiB once mapped and shaped) loaded at start-up just for the headings.
    """
    heading = QFont(font)
    heading.setPointSizeF(font.pointSizeF() * 1.3)
    heading.setWeight(QFont.Weight.Normal)
    return heading
