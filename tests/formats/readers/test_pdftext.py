"""Printed characters of a PDF page: copies printed over a character ("bold" by overprinting) left out."""

from __future__ import annotations

import random

from pdfplumber.utils.text import dedupe_chars

from ggbg_desktop.formats.readers.pdftext import chars_to_lines, unique_chars


def _char(text: str, x0: float, top: float, font: str = "SimSun", size: float = 16.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "fontname": font,
            "size": size, "upright": True, "doctop": top}


def test_characters_printed_over_themselves_are_read_once():
    line = []
    for k, ch in enumerate("主动公开"):
        x = 90 + 16 * k
        line += [_char(ch, x, 100), _char(ch, x + 0.35, 100), _char(ch, x + 0.7, 100.2)]  # bold by overprint
    line += [_char("开", 90 + 16 * 4, 100), _char("开", 90 + 16 * 4, 100, font="SimHei")]  # a real 开开, 2 fonts
    kept = unique_chars(line)
    assert [c["text"] for c in kept] == list("主动公开开开")
    assert chars_to_lines(kept, 0)[0].text == "主动公开开开"


def test_the_same_characters_as_pdfplumbers_dedupe():
    rng = random.Random(13)
    chars = []
    for row in range(30):
        for col in range(28):
            ch = _char(rng.choice("政府信息公开年报告"), 90 + 16 * col, 100 + 28 * row)
            chars.append(ch)
            for _ in range(rng.choice((0, 0, 1, 2))):
                chars.append(dict(ch, x0=ch["x0"] + rng.uniform(0, 0.45), top=ch["top"] + rng.uniform(0, 0.45)))
    expected = list(dedupe_chars(chars))
    assert [(c["text"], c["x0"], c["top"]) for c in unique_chars(chars)] == \
        [(c["text"], c["x0"], c["top"]) for c in expected]
    assert len(expected) == 30 * 28
