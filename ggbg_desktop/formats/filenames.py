"""The file name a report's title suggests: one that Windows, Linux and a USB stick all accept."""

from __future__ import annotations

import unicodedata

# Characters Windows refuses in a file name, each written as its full-width twin, which reads the same
# in a Chinese title ("发展和改革局/粮食局" → "发展和改革局／粮食局").
_FULL_WIDTH = str.maketrans({"/": "／", "\\": "＼", ":": "：", "*": "＊", "?": "？", '"': "＂", "<": "＜",
                             ">": "＞", "|": "｜"})
# Names Windows keeps for devices, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM_CHARS = 80  # 240 bytes in UTF-8: inside every file system's 255, with room for the extension


def file_stem(title: str, fallback: str = "年度报告") -> str:
    """``title`` as a file name without extension; ``fallback`` when nothing of it is left."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in title)
    stem = " ".join(text.translate(_FULL_WIDTH).split())[:MAX_STEM_CHARS].rstrip(". ")
    if not stem or stem.upper() in _RESERVED:
        return fallback
    return stem
