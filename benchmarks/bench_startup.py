"""Start-up and peak memory as the clerk meets them: whole processes against a bare PySide6 window.

The editor is ``ggbg-desktop --exit-when-ready report.ggbg`` (a complete report, opened,
the window painted once, then a normal exit); the baseline is
``python ../shared/bench/bare_window.py`` (a bare PySide6 window with six tabs, shown and
painted once). Each is a fresh process, started alternately A B A B; wall time runs from
the fork to the reaped exit (interpreter start, every import, shutdown included) and the
peak resident set of that one child comes from ``os.wait4``. The figures are the medians
of the per-pair ratios (each pair ran side by side, under the same load), targets
start-up ≤ 2.0× and peak memory ≤ 1.6×. Where ``dist/ggbg/ggbg-desktop`` exists (the Linux
bundle of ``packaging/build.py``) it is measured the same way against the same baseline.
The package's bytecode is compiled first, as ``pip install`` and the bundle do: where
PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile the sources again.

    python benchmarks/bench_startup.py [--pairs 15] [--json out.json]

It measures and prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_WINDOW = ROOT.parent / "shared" / "bench" / "bare_window.py"
BUNDLE = ROOT / "dist" / "ggbg" / "ggbg-desktop"
TIME_TARGET = 2.0
MEMORY_TARGET = 1.6


def sample_report(path: Path) -> None:
    """A complete report with figures and text everywhere (the test suite's), saved as .ggbg."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import complete_report

    from ggbg_desktop.formats import native

    native.save(complete_report(), path)


def editor_command() -> list[str]:
    """``ggbg-desktop`` as installed next to this interpreter, else ``python -m ggbg_desktop``."""
    script = Path(sys.executable).with_name("ggbg-desktop")
    if script.is_file():
        return [str(script)]
    found = shutil.which("ggbg-desktop")
    return [found] if found else [sys.executable, "-m", "ggbg_desktop"]


def run_once(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one fresh process, from the kernel's rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not the running maximum
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed ({proc.returncode}): {errors[-800:].decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def compare(editor: list[str], env: dict, pairs: int) -> dict:
    """``pairs`` alternating runs of the editor (A) and the bare window (B); medians and pair ratios."""
    bare = [sys.executable, BARE_WINDOW.name]
    run_once(editor, env, ROOT), run_once(bare, env, BARE_WINDOW.parent)  # warm the disk cache for both
    a_runs, b_runs = [], []
    for _ in range(pairs):
        a_runs.append(run_once(editor, env, ROOT))
        b_runs.append(run_once(bare, env, BARE_WINDOW.parent))
    time_ratios = [a[0] / b[0] for a, b in zip(a_runs, b_runs, strict=True)]
    memory_ratios = [a[1] / b[1] for a, b in zip(a_runs, b_runs, strict=True)]
    return {
        "pairs": pairs,
        "editor_ms": statistics.median(t for t, _ in a_runs) * 1000,
        "bare_ms": statistics.median(t for t, _ in b_runs) * 1000,
        "ratio": statistics.median(time_ratios),
        "ratio_quartiles": statistics.quantiles(time_ratios, n=4) if pairs > 1 else time_ratios * 3,
        "editor_peak_mib": statistics.median(m for _, m in a_runs),
        "bare_peak_mib": statistics.median(m for _, m in b_runs),
        "memory_ratio": statistics.median(memory_ratios),
        "editor_all_ms": [t * 1000 for t, _ in a_runs], "bare_all_ms": [t * 1000 for t, _ in b_runs],
        "editor_all_mib": [m for _, m in a_runs], "bare_all_mib": [m for _, m in b_runs],
    }


def compile_package() -> None:
    """Bytecode for every module of the package, as an installation has it."""
    import compileall

    import ggbg_desktop

    compileall.compile_dir(str(Path(ggbg_desktop.__file__).parent), quiet=1)


def measure(pairs: int = 15, bundle: bool = True) -> dict:
    """The source run, and the packaged bundle where ``dist/ggbg/`` holds one."""
    if not BARE_WINDOW.is_file():
        raise SystemExit(f"the baseline is missing: {BARE_WINDOW}")
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = tmp / "report.ggbg"
        sample_report(report)
        env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
                   XDG_CACHE_HOME=str(tmp / "cache"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        result = {"platform": env["QT_QPA_PLATFORM"], "editor": " ".join(editor_command()),
                  "source": compare(editor_command() + ["--exit-when-ready", str(report)], env, pairs),
                  "bundle": None}
        if bundle and BUNDLE.is_file():
            result["bundle"] = compare([str(BUNDLE), "--exit-when-ready", str(report)], env, pairs)
    return result


def lines(result: dict) -> list[str]:
    out = [(f"start-up, {result['platform']}: medians of {result['source']['pairs']} alternating pairs "
            f"(editor A, bare window B)")]
    for name in ("source", "bundle"):
        r = result[name]
        label = "ggbg-desktop" if name == "source" else "bundle dist/ggbg"
        if r is None:
            out.append(f"  {label:<17} not measured: no dist/ggbg/ggbg-desktop (python packaging/build.py)")
            continue
        q1, _, q3 = r["ratio_quartiles"]
        out.append(f"  {label:<17} {r['editor_ms']:7.0f} ms vs {r['bare_ms']:5.0f} ms   ratio {r['ratio']:.2f}× "
                   f"(quartiles {q1:.2f}–{q3:.2f}; target ≤ {TIME_TARGET}×: "
                   f"{'met' if r['ratio'] <= TIME_TARGET else 'MISSED'})")
        out.append(f"  {'  peak memory':<17} {r['editor_peak_mib']:7.1f} MiB vs {r['bare_peak_mib']:5.1f} MiB  "
                   f"ratio {r['memory_ratio']:.2f}× (target ≤ {MEMORY_TARGET}×: "
                   f"{'met' if r['memory_ratio'] <= MEMORY_TARGET else 'MISSED'})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--no-bundle", action="store_true", help="skip dist/ggbg even where it exists")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    result = measure(args.pairs, bundle=not args.no_bundle)
    print("\n".join(lines(result)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
