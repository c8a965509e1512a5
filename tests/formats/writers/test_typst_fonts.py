"""The remembered folder of our fonts: the same faces chosen as by a full scan, rebuilt when fonts change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import typst

from ggbg_desktop.formats import fonts
from ggbg_desktop.formats.writers import typesetter, typst_fonts, typst_source



@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GGBG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def packaged_font() -> Path:
    import noto_cjk_sans_otc

    return Path(str(noto_cjk_sans_otc.FONT_PATH))


def test_a_face_copied_out_of_a_collection_is_that_face(tmp_path, packaged_font):
    infos = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=[str(packaged_font.parent)]).fonts()
    sc = next(i for i in infos if i.family == "Noto Sans CJK SC")
    out = tmp_path / "faces"
    out.mkdir()
    typst_fonts.extract_face(str(packaged_font), sc.index, out / "sc.otf")
    alone = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(out)])
    assert alone.families() == ["Noto Sans CJK SC"]
    assert (out / "sc.otf").stat().st_size < packaged_font.stat().st_size
    data = typst.Compiler(font_paths=alone).compile(
        '#set text(font: "Noto Sans CJK SC")\n政府信息公开'.encode(), format="pdf")
    assert "政府信息公开" in _text(data)


def _text(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages)


def test_the_folder_is_remembered_until_a_font_folder_changes(cache, tmp_path, packaged_font, monkeypatch):
    root = tmp_path / "fonts"
    (root / "noto").mkdir(parents=True)
    shutil.copy(packaged_font, root / "noto" / packaged_font.name)
    monkeypatch.setattr(typst_fonts, "font_roots", lambda: [root])
    scan = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(root)])
    folder = typst_fonts.remember(scan.fonts(), [])
    assert folder and typst_fonts.cached_folder() == folder
    kept = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[folder]).families()
    assert kept == ["Noto Sans CJK SC"]  # the other nine faces of the collection are left out
    stamp = os.stat(root / "noto").st_mtime_ns + 5_000_000_000
    (root / "noto" / "new-font.ttf").write_bytes(b"")  # a font installed later
    os.utime(root / "noto", ns=(stamp, stamp))
    assert typst_fonts.cached_folder() is None


def test_a_changed_family_list_is_not_read_from_an_old_record(cache, tmp_path, packaged_font, monkeypatch):
    monkeypatch.setattr(typst_fonts, "font_roots", lambda: [packaged_font.parent])
    scan = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                       font_paths=[str(packaged_font.parent)])
    assert typst_fonts.remember(scan.fonts(), [])
    monkeypatch.setitem(fonts.FALLBACKS, fonts.BODY, fonts.FALLBACKS[fonts.BODY] + ("Some New Font",))
    assert typst_fonts.cached_folder() is None


def test_the_remembered_fonts_choose_what_a_full_scan_chooses(cache):
    full_book, scanned = typesetter.load_fonts()  # full scan, remembered
    assert typst_fonts.cached_folder() is not None
    book, remembered = typesetter.load_fonts()
    for font_set in (fonts.OFFICIAL, fonts.WINDOWS):
        assert typst_source.family_lists(remembered, font_set) == typst_source.family_lists(scanned, font_set)
    wanted = typst_fonts.wanted_families()

    def faces(font_book) -> set:  # every weight and style of our families: bold headings stay bold
        return {(i.family, i.style, i.weight) for i in font_book.fonts() if i.family.lower() in wanted}

    assert faces(book) == faces(full_book)
    assert len(remembered) < len(scanned) or len(scanned) < 10


def test_an_unwritable_cache_still_typesets(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("GGBG_CACHE_DIR", str(blocker / "cache"))  # a folder under a file: never writable
    _, families = typesetter.load_fonts()
    assert typst_source.family_lists(families, fonts.OFFICIAL)[fonts.BODY]


def test_the_warm_up_loads_the_compiler_the_export_then_uses(monkeypatch):
    from conftest import complete_report

    from ggbg_desktop.formats.registry import ExportOptions
    from ggbg_desktop.formats.writers import pdf as writer

    monkeypatch.setattr(typesetter, "_state", {})
    thread = typesetter.warm_up()
    assert thread is not None
    thread.join(timeout=60)
    compiler = typesetter._state["compiler"]
    assert typesetter.warm_up() is None  # loaded once per process
    data = writer.export(complete_report(), ExportOptions())
    assert typesetter._state["compiler"] is compiler
    assert "收到和处理政府信息公开申请情况" in _text(data).replace(" ", "")


def test_the_warm_up_page_sets_every_kind_of_block():
    document = typst_source.warm_up_document()
    kinds = {block["kind"] for block in typst_source.document_data(document, {"body": ["X"]})["blocks"]}
    assert {"title", "heading", "paragraph", "table", "closing"} <= kinds
