"""Typst, run in-process: the official layout to PDF, PNG or SVG pages, fonts loaded once per process.

``typst`` (the Rust compiler in one wheel) is imported on first use only, so neither the
CLI nor the window pays for it at start-up. The font scan and the compiler are kept for
the process: a second export reuses the loaded fonts.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ...errors import ExportError
from .. import fonts
from ..document import Document
from . import typst_fonts, typst_source

_lock = threading.Lock()
_state: dict = {}
_TEMPLATE = typst_source.TEMPLATE.encode("utf-8")


def extra_font_dirs() -> list[str]:
    """Folders of CJK fonts shipped as Python packages, for a machine with none installed (a
    fresh Linux or CI machine): ``noto_cjk_sans_otc`` when present."""
    dirs: list[str] = []
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return dirs
    dirs.append(str(Path(str(noto_cjk_sans_otc.FONT_PATH)).parent))
    return dirs


def _typst():
    try:
        import typst
    except ImportError as exc:
        raise ExportError("排版组件 typst 未安装，无法生成 PDF 或打印。请重新安装本程序。") from exc
    return typst


def load_fonts(include_system_fonts: bool = True):
    """(Typst font book, family names): the system's fonts, and the packaged CJK fonts only
    when the system has no Chinese font (its own faces are preferred). With the system's fonts,
    only the faces of the families the layout may name are loaded, from the folder remembered
    by ``typst_fonts`` (a full scan, remembered for the next start, when there is none)."""
    typst = _typst()
    if include_system_fonts:
        folder = typst_fonts.cached_folder()
        if folder:
            font_book = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[folder])
            families = font_book.families()
            if typst_source.family_lists(families, fonts.OFFICIAL)[fonts.BODY]:
                return font_book, families
    extra: list[str] = []
    font_book = typst.Fonts(include_system_fonts=include_system_fonts, include_embedded_fonts=True)
    families = font_book.families()
    if not typst_source.family_lists(families, fonts.OFFICIAL)[fonts.BODY] and extra_font_dirs():
        extra = extra_font_dirs()
        font_book = typst.Fonts(include_system_fonts=include_system_fonts, include_embedded_fonts=True,
                                font_paths=extra)
        families = font_book.families()
    if include_system_fonts and typst_source.family_lists(families, fonts.OFFICIAL)[fonts.BODY]:
        typst_fonts.remember(font_book.fonts(), extra)
    return font_book, families


def _compiler():
    """The cached (compiler, installed families); built on first use."""
    with _lock:
        if "compiler" not in _state:
            typst = _typst()
            font_book, families = load_fonts()
            _state["families"] = families
            _state["compiler"] = typst.Compiler(font_paths=font_book)
        return _state["compiler"], _state["families"]


def warm_up(font_set: str = fonts.OFFICIAL) -> threading.Thread | None:
    """Load the fonts and typeset a small page of every kind of block in the background, while the
    caller reads and recognizes its file: Typst's compile lets the Python thread run, so the font
    files are read and the engine started in parallel. The thread (or None when the compiler is
    loaded already); any problem is left for the real export to report."""
    if "compiler" in _state:
        return None

    def run() -> None:
        try:
            compiler, families = _compiler()
            picked = typst_source.family_lists(families, font_set)
            if not picked.get(fonts.BODY):
                return
            data = typst_source.to_json(typst_source.warm_up_document(), picked)
            with _lock:
                compiler.compile(_TEMPLATE, format="pdf", sys_inputs={typst_source.INPUT: data})
        except Exception:  # the real export says what went wrong
            pass

    thread = threading.Thread(target=run, name="typst-warm-up")
    thread.start()
    return thread


def installed_families() -> list[str]:
    return list(_compiler()[1])


def source_json(document: Document, options=None) -> str:
    font_set = getattr(options, "font_set", fonts.OFFICIAL)
    families = typst_source.family_lists(installed_families(), font_set)
    if not families.get(fonts.BODY):
        raise ExportError("找不到可用的中文字体，无法排版。请安装仿宋、宋体或思源（Noto）中文字体后重试。")
    return typst_source.to_json(document, families)


def render(document: Document, options=None, fmt: str = "pdf", ppi: float | None = None):
    """The document typeset by Typst: PDF bytes, or a list of PNG/SVG pages (bytes each)."""
    data = source_json(document, options)
    compiler, _ = _compiler()
    with _lock:
        try:
            # The template is passed on every call: the binding forgets in-memory input after one compile.
            out = compiler.compile(_TEMPLATE, format=fmt, ppi=ppi, sys_inputs={typst_source.INPUT: data})
        except RuntimeError as exc:  # typst.TypstError: a bug in the template, not the clerk's text
            raise ExportError(f"排版失败：{getattr(exc, 'message', exc)} {getattr(exc, 'diagnostic', '')}") from exc
    if fmt == "pdf":
        return out
    return out if isinstance(out, list) else [out]
