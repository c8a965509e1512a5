"""Page checks for exported PDFs: what a reader sees on each page (fill, overlaps, numbers, figures)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ggbg_desktop.formats.writers import official as o

MM = 72 / 25.4
_PUNCTUATION = set("，。、；：？！“”‘’《》〈〉（）【】—…·,.;:?!()")
_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")


@dataclass
class Page:
    number: int
    lines: list[str]  # text lines top to bottom, page number excluded
    fill: float  # share of the type area's height down to the lowest text
    footer: str  # the page-number line
    footer_right: bool  # page number in the right half
    overlaps: list[tuple[str, str]]  # characters printed over each other


def read_pages(pdf: bytes) -> list[Page]:
    import io

    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for index, page in enumerate(doc.pages):
            words = page.extract_words(keep_blank_chars=True, use_text_flow=True)
            top_limit = (o.PAGE_HEIGHT_MM - o.MARGIN_BOTTOM_MM) * MM + 2
            body = [w for w in words if w["top"] < top_limit]
            foot = [w for w in words if w["top"] >= top_limit]
            lines: dict[int, list] = {}
            for w in sorted(body, key=lambda w: (round(w["top"]), w["x0"])):
                lines.setdefault(round(w["top"] / 3), []).append(w)
            text_lines = [" ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"])).strip()
                          for _, ws in sorted(lines.items())]
            bottom = max((w["bottom"] for w in body), default=o.MARGIN_TOP_MM * MM)
            rects = [r for r in page.rects + page.lines]
            bottom = max([bottom] + [r["bottom"] for r in rects if r["bottom"] < top_limit])
            fill = (bottom - o.MARGIN_TOP_MM * MM) / (o.TYPE_HEIGHT_MM * MM)
            footer = "".join(w["text"] for w in foot).replace(" ", "")
            footer_right = bool(foot) and min(w["x0"] for w in foot) > page.width / 2
            out.append(Page(index + 1, [t for t in text_lines if t], fill, footer, footer_right,
                            _overlaps(page.chars)))
    return out


def _overlaps(chars) -> list[tuple[str, str]]:
    """Pairs of visible characters drawn over each other: boxes on different lines that overlap
    by more than a third of the smaller, or neighbours on one line sharing most of their width.
    (CJK punctuation is set half-width, narrower than its box in the font, so it is left out.)"""
    boxes = sorted((c for c in chars if c["text"].strip() and c["text"] not in _PUNCTUATION),
                   key=lambda c: c["top"])
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b["top"] >= a["bottom"]:
                break
            w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if w <= 0 or h <= 0:
                continue
            smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]),
                          (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
            same_line = abs(a["bottom"] - b["bottom"]) < 1
            narrower = min(a["x1"] - a["x0"], b["x1"] - b["x0"])
            if same_line and w < narrower * 2 / 3:
                continue
            if smaller > 0 and w * h > smaller / 3:
                found.append((a["text"], b["text"]))
    return found


def problems(pdf: bytes, figures: list[str]) -> list[str]:
    """Everything an office would send back about these pages; empty when they are publishable."""
    pages = read_pages(pdf)
    out = []
    for page in pages[:-1]:
        if page.fill < 0.5:
            out.append(f"page {page.number} only {page.fill:.0%} filled")
    for page in pages:
        match = _NUMBER.match(page.footer)
        if not match or int(match.group(1)) != page.number:
            out.append(f"page {page.number} numbered {page.footer!r}")
        elif page.footer_right != (page.number % 2 == 1):
            out.append(f"page {page.number}: number on the wrong side")
        if page.overlaps:
            out.append(f"page {page.number}: printed over each other {page.overlaps[:3]}")
    for before, after in itertools.pairwise(pages):
        if before.lines and after.lines and before.lines[-1] == after.lines[0] and len(before.lines[-1]) > 3:
            out.append(f"line repeated across pages {before.number}/{after.number}: {before.lines[-1]!r}")
    words = set()
    for page in pages:
        for line in page.lines:
            words.update(re.findall(r"\d+(?:\.\d+)?", line))
    for figure in figures:
        if figure not in words:
            out.append(f"figure {figure} not whole in the text")
    return out


def figures(report) -> list[str]:
    from ggbg_desktop.report.values import format_figure

    return sorted({format_figure(v) for key in ("t2", "t3", "t4") for v in report.flat(key) if v is not None})


def long_report():
    """A report over many pages with five- and six-digit figures and run-in headings."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from conftest import complete_report

    from ggbg_desktop.report import fill_totals

    report = complete_report()
    sentence = "本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开持续发力，及时回应社会关切。"
    report.parts["p1"] = "\n".join(
        f"（{n}）{head}。" + sentence * (3 + i % 4) for i, (n, head) in enumerate(zip(
            "一二三四五六", ("主动公开情况", "依申请公开情况", "政府信息管理", "平台建设", "监督保障", "其他工作"),
            strict=True)))
    report.parts["p5"] = "\n".join(["（一）存在的问题", sentence * 5, "（二）改进情况", sentence * 6])
    report.parts["p6"] = "\n".join(f"{i}.其他事项{i}。" + sentence * 2 for i in range(1, 6))
    report.set_flat("t2", [12, 3, 1204, 31, 12, 4012, 678112, 405921, 25023, 12345.6])
    t3 = report.tables["t3"]
    t3[0][:6] = [123456, 23456, 3456, 456, 56, 6]
    t3[2][:6] = [98765, 8765, 765, 65, 5, 1]
    report.tables["t3"] = t3
    report.set_flat("t4", [11234, 2345, 345, 45, 0, 21234, 1000, 200, 30, 4, 12345, 2345, 345, 45, 5])
    fill_totals(report)
    return report
