"""Export times: each format in-process, and a seed's PDF as a whole `ggbg convert` against LibreOffice.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [rounds]
Measures and prints; asserts nothing. Targets: Word ≤ 150 ms; PDF, once the fonts are loaded,
≤ 150 ms (a second export in the same window session); a seed's PDF export as a whole
process ≤ 0.25× LibreOffice's own docx → pdf conversion of our Word file.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import SEED_NAMES, SEEDS, complete_report  # noqa: E402

from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes, read_path  # noqa: E402

TARGETS_MS = {"docx": 150, "pdf": 150, "xlsx": None, "html": None, "text": None}
PDF_RATIO_TARGET = 0.25
GGBG = [sys.executable, "-m", "ggbg_desktop.cli"]


def median_ms(fmt, report, rounds: int) -> tuple[float, float]:
    """(first export, median of the next ``rounds``), each export of a slightly different report
    so no cache of an identical document hides the typesetting."""
    options = ExportOptions()
    start = time.perf_counter()
    export_bytes(report, fmt, options)  # first run: imports, the font scan, Typst's start-up
    first = (time.perf_counter() - start) * 1000
    times = []
    organ = report.meta.organ
    for i in range(rounds):
        report.meta.organ = f"{organ}{i}"
        start = time.perf_counter()
        export_bytes(report, fmt, options)
        times.append((time.perf_counter() - start) * 1000)
    report.meta.organ = organ
    return first, statistics.median(times)


def measure(rounds: int = 15) -> dict:
    """{format: (first ms, median ms)} for a complete report."""
    report = complete_report()
    return {fmt.name: median_ms(fmt, report, rounds) for fmt in WRITERS}


def _run(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start


def measure_pdf_conversion(runs: int = 5) -> dict | None:
    """A seed to PDF by `ggbg convert` (a whole process: start-up, import, typesetting) against
    LibreOffice converting our Word file of the same seed to PDF; None without soffice or seeds."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not SEED_NAMES:
        return None
    seed = SEEDS / SEED_NAMES[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        word = tmp / "seed.docx"
        word.write_bytes(export_bytes(read_path(seed).report, next(f for f in WRITERS if f.name == "docx"),
                                      ExportOptions()))
        lo_cmd = [soffice, f"-env:UserInstallation=file://{tmp / 'lo-profile'}", "--headless", "--convert-to", "pdf",
                  "--outdir", str(tmp / "lo"), str(word)]
        ours_cmd = GGBG + ["convert", str(seed), str(tmp / "ours.pdf")]
        # As installed: compiled modules kept (pip and the bundle ship them; PYTHONDONTWRITEBYTECODE
        # would make every run compile the sources again), in a folder of their own here.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        env.setdefault("GGBG_CACHE_DIR", str(tmp / "cache"))  # a first run builds the font folder
        _run(lo_cmd)  # the first start creates LibreOffice's profile
        first = _run(ours_cmd, env) * 1000  # ... and ours its compiled modules and font folder
        lo_times, ours_times = [], []
        for _ in range(runs):  # alternated: the machine's load falls on both alike
            lo_times.append(_run(lo_cmd))
            ours_times.append(_run(ours_cmd, env))
        lo = statistics.median(lo_times) * 1000
        ours = statistics.median(ours_times) * 1000
    return {"seed": seed.name, "libreoffice_ms": lo, "ggbg_ms": ours, "ratio": ours / lo, "first_ms": first}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print(f"{'format':<6} {'first':>9} {'median':>9}  target")
    for name, (first, median) in measure(rounds).items():
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"≤ {target} ms {'ok' if median <= target else 'SLOW'}"
        print(f"{name:<6} {first:8.1f}ms {median:8.1f}ms  {verdict}")
    conversion = measure_pdf_conversion()
    if conversion is None:
        print("seed → pdf against LibreOffice: soffice or seeds missing, skipped")
    else:
        print(f"seed → pdf: ggbg convert {conversion['ggbg_ms']:.0f} ms, LibreOffice docx → pdf "
              f"{conversion['libreoffice_ms']:.0f} ms, ratio {conversion['ratio']:.2f} (target ≤ {PDF_RATIO_TARGET}); "
              f"first run (font folder built) {conversion['first_ms']:.0f} ms")


if __name__ == "__main__":
    main()
