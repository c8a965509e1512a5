"""Median export time of a complete report: Word (target ≤ 150 ms) and PDF (target ≤ 500 ms).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [rounds]
Measures and prints; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import complete_report  # noqa: E402

from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes  # noqa: E402

TARGETS_MS = {"docx": 150, "pdf": 500, "xlsx": None, "html": None, "text": None}


def median_ms(fmt, report, rounds: int) -> tuple[float, float]:
    options = ExportOptions()
    start = time.perf_counter()
    export_bytes(report, fmt, options)  # first run: imports, fonts, Qt start-up
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        export_bytes(report, fmt, options)
        times.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(times)


def measure(rounds: int = 15) -> dict:
    """{format: (first ms, median ms)} for a complete report."""
    report = complete_report()
    return {fmt.name: median_ms(fmt, report, rounds) for fmt in WRITERS}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print(f"{'format':<6} {'first':>9} {'median':>9}  target")
    for name, (first, median) in measure(rounds).items():
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"≤ {target} ms {'ok' if median <= target else 'SLOW'}"
        print(f"{name:<6} {first:8.1f}ms {median:8.1f}ms  {verdict}")


if __name__ == "__main__":
    main()
