"""Median time of a full check of a complete report (target ≤ 1 ms), and of a check after one keystroke.

    python benchmarks/bench_check.py [--json]

The second figure is what the editor pays per edit: one cell changed, the
narrative unchanged (its analysis is cached by text).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import complete_report  # noqa: E402

from ggbg_desktop.report import CellRef, check  # noqa: E402
from ggbg_desktop.report.narrative import current_year_mentions, sentences, stated_figures  # noqa: E402


def _median_us(fn, runs: int = 2000) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def measure() -> dict:
    report = complete_report()
    long_text = (Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "004_52047f2dfa4f4279.txt")
    if long_text.exists():
        report.parts["p1"] = long_text.read_text(encoding="utf-8")

    def cold():
        for cache in (sentences, stated_figures, current_year_mentions):
            cache.cache_clear()
        check(report)

    counter = iter(range(10**9))

    def keystroke():
        report.set_value(CellRef("t3", 2, 0), 38 + next(counter) % 2)
        check(report)

    return {"check_cold_us": _median_us(cold, 300), "check_keystroke_us": _median_us(keystroke)}


def main() -> None:
    result = measure()
    if "--json" in sys.argv:
        print(json.dumps(result))
        return
    print(f"full check, text analysed anew : {result['check_cold_us']:8.1f} µs  (target ≤ 1000)")
    print(f"check after one cell edit      : {result['check_keystroke_us']:8.1f} µs  (target ≤ 1000)")


if __name__ == "__main__":
    main()
