"""The benchmark suite in one command: prints a table against the targets and writes JSON.

    QT_QPA_PLATFORM=offscreen python benchmarks/run.py [--quick] [--json results.json]

Ratios are measured side by side in the same run (start-up and memory: whole processes,
``ggbg-desktop --exit-when-ready report.ggbg`` against ``../shared/bench/bare_window.py``,
alternating pairs, medians of the pair ratios; conversion against LibreOffice headless where
installed). Keystroke to paint is typed into the real window. Takes about two minutes;
``--quick`` uses fewer repetitions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_batch  # noqa: E402
import bench_check  # noqa: E402
import bench_export  # noqa: E402
import bench_import  # noqa: E402
import bench_startup  # noqa: E402


def _imports(repeat: int) -> list[tuple[str, float, float]]:
    """(input, median ms, target ms) for each seed and a three-table .docx, .xlsx and .html."""
    from conftest import SEED_NAMES, SEEDS, complete_report

    from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes

    rows = [(name, (SEEDS / name).read_bytes(), name, 20.0) for name in SEED_NAMES]
    report = complete_report()
    for fmt in WRITERS:
        if fmt.name in ("docx", "xlsx", "html"):
            data = export_bytes(report, fmt, ExportOptions())
            rows.append((f"three-table {fmt.extensions[0]}", data, "report" + fmt.extensions[0],
                         100.0 if fmt.name == "docx" else None))
    return [(label, bench_import.median_ms(data, name, repeat, cold=True), target)
            for label, data, name, target in rows]


def _typing(keys: int) -> dict:
    """Keystroke to paint in a child process: the window needs a QApplication of its own."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "typing.json"
        subprocess.run([sys.executable, str(HERE / "bench_typing.py"), "--keys", str(keys), "--json", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())


def run(quick: bool) -> dict:
    started = time.perf_counter()
    repeat = 5 if quick else 15
    results = {
        "machine": {"python": platform.python_version(), "system": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count()},
        "startup": bench_startup.measure(pairs=5 if quick else 15),
        "typing": _typing(50 if quick else 200),
        "import": [{"input": label, "median_ms": ms, "target_ms": target} for label, ms, target in _imports(repeat)],
        "check": bench_check.measure(),
        "export": {name: {"first_ms": first, "median_ms": median}
                   for name, (first, median) in bench_export.measure(repeat).items()},
        "batch": bench_batch.measure_batch(runs=1 if quick else 3),
        "conversion": bench_batch.measure_conversion(runs=1 if quick else 5),
        "pdf_conversion": bench_export.measure_pdf_conversion(runs=1 if quick else 3),
    }
    results["seconds"] = time.perf_counter() - started
    return results


def rows(results: dict) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, target, met) for the table."""
    out = []
    for name, label in (("source", "ggbg-desktop"), ("bundle", "packaged dist/ggbg")):
        s = results["startup"][name]
        if s is None:
            out.append((f"start-up, {label}", "not measured: no bundle built here", "≤ 2×", None))
            continue
        out.append((f"start-up, {label} (whole process, ratio to bare window)",
                    f"{s['ratio']:.2f}× ({s['editor_ms']:.0f} / {s['bare_ms']:.0f} ms)", "≤ 2×", s["ratio"] <= 2))
        out.append((f"peak memory, {label} (ratio to bare window)",
                    f"{s['memory_ratio']:.2f}× ({s['editor_peak_mib']:.1f} / {s['bare_peak_mib']:.1f} MiB)", "≤ 1.6×",
                    s["memory_ratio"] <= 1.6))
    t = results["typing"]
    for name, label in (("table", "表三"), ("text", "part 一 text")):
        out.append((f"keystroke to paint, {label} (median of {t['keys']})", f"{t[name]['median_ms']:.1f} ms",
                    "≤ 16 ms", t[name]["median_ms"] <= 16))
    for item in results["import"]:
        target = item["target_ms"]
        out.append((f"import {item['input']}", f"{item['median_ms']:.1f} ms",
                    f"≤ {target:.0f} ms" if target else "—",
                    None if target is None else item["median_ms"] <= target))
    c = results["check"]
    out.append(("full check of a complete report", f"{c['check_cold_us']:.0f} µs", "≤ 1000 µs",
                c["check_cold_us"] <= 1000))
    out.append(("check after one cell edit", f"{c['check_keystroke_us']:.0f} µs", "≤ 1000 µs",
                c["check_keystroke_us"] <= 1000))
    for name, target in (("docx", 150), ("pdf", 150), ("xlsx", None), ("html", None)):
        median = results["export"][name]["median_ms"]
        out.append((f"export .{name}", f"{median:.1f} ms", f"≤ {target} ms" if target else "—",
                    None if target is None else median <= target))
    b = results["batch"]
    out.append((f"ggbg check over {b['files']} files", f"{b['ms_per_file']:.1f} ms per file", "≤ 20 ms",
                b["ms_per_file"] <= 20))
    pdf = results.get("pdf_conversion")
    if pdf is None:
        out.append(("seed → pdf (ggbg convert) against LibreOffice docx → pdf", "soffice or seeds missing",
                    f"≤ {bench_export.PDF_RATIO_TARGET}×", None))
    else:
        out.append(("seed → pdf (ggbg convert) against LibreOffice docx → pdf",
                    f"{pdf['ratio']:.2f}× ({pdf['ggbg_ms']:.0f} / {pdf['libreoffice_ms']:.0f} ms)",
                    f"≤ {bench_export.PDF_RATIO_TARGET}×", pdf["ratio"] <= bench_export.PDF_RATIO_TARGET))
    conv = results["conversion"]
    if conv is None:
        out.append(("docx → docx against LibreOffice", "soffice not installed", "≤ 0.2×", None))
    else:
        out.append(("docx → docx against LibreOffice",
                    f"{conv['ratio']:.2f}× ({conv['ggbg_ms']:.0f} / {conv['libreoffice_ms']:.0f} ms)", "≤ 0.2×",
                    conv["ratio"] <= 0.2))
    return out


def table(results: dict) -> str:
    lines = ["| measure | result | target | |", "| --- | --- | --- | --- |"]
    for measure, value, target, met in rows(results):
        mark = "" if met is None else ("met" if met else "**missed**")
        lines.append(f"| {measure} | {value} | {target} | {mark} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args()
    results = run(args.quick)
    print(table(results))
    print(f"\n{results['seconds']:.0f} s; {results['machine']['system']}, {results['machine']['cpus']} CPUs, "
          f"Python {results['machine']['python']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
