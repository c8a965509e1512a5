"""Page images of the exports for docs/export.md: the program's PDF (Typst) and the Word file
through LibreOffice, for each seed and a long report with five- and six-digit figures.

Run from the repository root with the virtualenv active: python docs/export/make_images.py
Needs LibreOffice (soffice), poppler-utils (pdftoppm) and ImageMagick (convert); fonts.conf maps
the official fonts to Noto/AR PL stand-ins for LibreOffice (Typst picks its own fallbacks).
Keeps two pages of each: page 1 and the page where table 三 ends (its continuation, if any).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests"))
sys.path.insert(0, str(HERE.parent.parent / "tests" / "formats" / "writers"))

from conftest import SEED_NAMES, SEEDS  # noqa: E402
from pages import long_report  # noqa: E402

from ggbg_desktop.formats.registry import ExportOptions, read_path  # noqa: E402
from ggbg_desktop.formats.writers import docx, pdf  # noqa: E402


def table_three_end(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            if "（七）总计" in re.sub(r"\s", "", page.extract_text() or ""):
                return number
        return len(doc.pages)


def images(data: bytes, stem: str, work: Path) -> None:
    source = work / f"{stem}.pdf"
    source.write_bytes(data)
    pages = sorted({1, table_three_end(data)})
    if len(pages) == 1:
        pages.append(2)
    for index, page in enumerate(pages, start=1):
        raw = work / f"{stem}-{index}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                        str(source), str(raw)], check=True)
        subprocess.run(["convert", f"{raw}.png", "-colors", "16", f"PNG8:{HERE / f'{stem}-{index}.png'}"],
                       check=True)


def main() -> None:
    cases = {f"seed{name[:3]}": read_path(SEEDS / name).report for name in SEED_NAMES}
    cases["long"] = long_report()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, report in cases.items():
            images(pdf.export(report, ExportOptions()), f"{name}-pdf", work)
            (work / f"{name}-word.docx").write_bytes(docx.export(report, ExportOptions()))
        env = dict(os.environ, FONTCONFIG_FILE=str(HERE / "fonts.conf"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", str(work / "word"), *sorted(str(p) for p in work.glob("*.docx"))],
                       check=True, capture_output=True, env=env)
        for name in cases:
            images((work / "word" / f"{name}-word.pdf").read_bytes(), f"{name}-word", work)
    print("\n".join(sorted(p.name for p in HERE.glob("*.png"))))


if __name__ == "__main__":
    main()
