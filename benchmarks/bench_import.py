"""Import speed: median milliseconds to import each seed report in-process, a three-table .docx, a
whole-report workbook, a six-page PDF made by Word/LibreOffice and our own PDF export of a seed.

Targets: ≤ 20 ms per seed, ≤ 100 ms for the docx (issue 3), ≤ 1 s for the six-page PDF (issue 13).
This script measures and prints; it does not assert. Run: python benchmarks/bench_import.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the seeds' location and the docx builder live with the tests

from conftest import FIXTURES, SEEDS, SEED_NAMES, complete_report  # noqa: E402
from formats.readers.builders import report_docx, whole_report_xlsx  # noqa: E402
from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes, read_bytes, read_path  # noqa: E402


def _clear_label_caches() -> None:
    from ggbg_desktop.formats import normalize
    from ggbg_desktop.formats.recognize import tables
    from ggbg_desktop.report import values

    for cached in (normalize.norm, normalize.label_key, tables._scores, values.is_value_token):
        cached.cache_clear()


def median_ms(data: bytes, name: str, repeat: int, cold: bool) -> float:
    """Median time of ``repeat`` imports; ``cold`` empties the label caches before each one (as for
    the first file a fresh program imports)."""
    read_bytes(data, name)  # lazy imports happen once per program
    times = []
    for _ in range(repeat):
        if cold:
            _clear_label_caches()
        start = time.perf_counter()
        read_bytes(data, name)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    rows = [(name, (SEEDS / name).read_bytes(), name, 20.0) for name in SEED_NAMES]
    rows.append(("three-table docx (python-docx)", report_docx(complete_report()), "report.docx", 100.0))
    rows.append(("whole-report workbook (one sheet)", whole_report_xlsx(complete_report()), "report.xlsx", 100.0))
    six = FIXTURES / "pdf" / "six_pages.pdf"
    rows.append(("six-page PDF (Word via LibreOffice)", six.read_bytes(), six.name, 1000.0))
    if SEED_NAMES:  # our own PDF export (Typst): a table's every cell drawn as its own rules
        pdf_writer = next(f for f in WRITERS if f.name == "pdf")
        seed_pdf = export_bytes(read_path(SEEDS / SEED_NAMES[0]).report, pdf_writer, ExportOptions())
        rows.append(("our PDF export of the first seed", seed_pdf, "seed.pdf", 1000.0))
    print(f"{'input':<36} {'bytes':>8} {'median ms':>10} {'cold ms':>8} {'target':>7}")
    for label, data, name, target in rows:
        warm = median_ms(data, name, args.repeat, cold=False)
        cold = median_ms(data, name, args.repeat, cold=True)
        mark = "ok" if max(warm, cold) <= target else "SLOW"
        print(f"{label:<36} {len(data):>8} {warm:>10.1f} {cold:>8.1f} {target:>7.0f}  {mark}")


if __name__ == "__main__":
    main()
