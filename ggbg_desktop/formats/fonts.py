"""Font names for each typesetting role: the official set, the stock-Windows set, fallbacks."""

from __future__ import annotations

from collections.abc import Iterable

TITLE = "title"  # 方正小标宋简体
BODY = "body"  # 仿宋_GB2312 (also tables and 1. headings in bold)
KAI = "kai"  # 楷体_GB2312 — （一） headings
HEI = "hei"  # 黑体 — 一、 headings
SONG = "song"  # 宋体 — page numbers

OFFICIAL = "official"
WINDOWS = "windows"

# What a Word file names (FORMAT.md §8): government PCs have the official set,
# a stock Windows PC the second.
NAMES: dict[str, dict[str, str]] = {
    OFFICIAL: {TITLE: "方正小标宋简体", BODY: "仿宋_GB2312", KAI: "楷体_GB2312", HEI: "黑体", SONG: "宋体"},
    WINDOWS: {TITLE: "宋体", BODY: "仿宋", KAI: "楷体", HEI: "黑体", SONG: "宋体"},
}

# What a PDF or print from the program may fall back to, best first, after the
# names above: Windows names, their English family names, macOS, then the free
# CJK fonts of Linux desktops.
_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "思源宋体", "AR PL UMing CN", "Noto Sans CJK SC",
          "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "思源黑体", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
         "Noto Serif CJK SC")
FALLBACKS: dict[str, tuple[str, ...]] = {
    TITLE: ("方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "方正小标宋", "华文中宋", "STZhongsong", "宋体", "SimSun",
            "Songti SC", "STSong") + _SERIF,
    BODY: ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "华文仿宋", "STFangsong") + _SERIF,
    KAI: ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "华文楷体", "STKaiti", "Kaiti SC", "AR PL UKai CN")
    + _SERIF,
    HEI: ("黑体", "SimHei", "Heiti SC", "STHeiti", "微软雅黑", "Microsoft YaHei") + _SANS,
    SONG: ("宋体", "SimSun", "NSimSun", "Songti SC", "STSong") + _SERIF,
}


# Title faces heavy by design; any other face stands in for 小标宋 only in bold.
HEAVY_TITLE_FACES = frozenset({"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "方正小标宋", "华文中宋",
                               "STZhongsong"})


def font_name(role: str, font_set: str = OFFICIAL) -> str:
    """The font a document names for ``role`` in ``font_set`` ("official" or "windows")."""
    return NAMES.get(font_set, NAMES[OFFICIAL])[role]


def candidates(role: str, font_set: str = OFFICIAL) -> tuple[str, ...]:
    """Families to try for ``role``, best first, without repeats."""
    seen: dict[str, None] = {font_name(role, font_set): None}
    for name in FALLBACKS[role]:
        seen.setdefault(name, None)
    return tuple(seen)


def pick(role: str, installed: Iterable[str], font_set: str = OFFICIAL) -> str | None:
    """The best installed family for ``role`` (case-insensitive), or None when none is."""
    by_lower = {name.lower(): name for name in installed}
    for name in candidates(role, font_set):
        found = by_lower.get(name.lower())
        if found:
            return found
    return None
