"""Start-up to first paint: ``ggbg-desktop --exit-when-ready report.ggbg`` against a bare PySide6 window.

Both are measured in the same run, alternately, as fresh processes (median of
several runs); the script prints both medians and their ratio (target ≤ 2×), and
the peak resident memory of each (target ≤ 1.6×). It measures; it does not assert.

    python benchmarks/bench_startup.py [--runs 7] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The baseline: what any PySide6 program pays — the same six tabs, shown and painted once.
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for title in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
    tabs.addTab(QLabel(title), title)
window.setCentralWidget(tabs)
window.resize(1280, 820)
window.show()
window.repaint()
app.processEvents()
"""


def sample_report(path: Path) -> None:
    """A complete report with figures everywhere (the test suite's), saved as .ggbg."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import complete_report

    from ggbg_desktop.formats import native

    native.save(complete_report(), path)


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}): {proc.stderr.read()[-500:]}")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(runs: int = 7) -> dict:
    """Medians of start-up time and peak memory, editor and bare window alternately."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = tmp / "report.ggbg"
        sample_report(report)
        env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        editor = [sys.executable, "-m", "ggbg_desktop", "--exit-when-ready", str(report)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        timed(editor, env), timed(bare, env)  # warm the disk cache for both
        editor_runs, bare_runs = [], []
        for _ in range(runs):
            editor_runs.append(timed(editor, env))
            bare_runs.append(timed(bare, env))
    editor_ms = statistics.median(t for t, _ in editor_runs) * 1000
    bare_ms = statistics.median(t for t, _ in bare_runs) * 1000
    editor_mib = statistics.median(m for _, m in editor_runs)
    bare_mib = statistics.median(m for _, m in bare_runs)
    return {"platform": env["QT_QPA_PLATFORM"], "runs": runs,
            "bare_ms": bare_ms, "editor_ms": editor_ms, "ratio": editor_ms / bare_ms,
            "bare_peak_mib": bare_mib, "editor_peak_mib": editor_mib, "memory_ratio": editor_mib / bare_mib,
            "editor_all_ms": [t * 1000 for t, _ in editor_runs], "bare_all_ms": [t * 1000 for t, _ in bare_runs]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    r = measure(args.runs)
    print(f"platform            {r['platform']}, {args.runs} runs each, median")
    print(f"bare PySide6 window {r['bare_ms']:8.1f} ms  {r['bare_peak_mib']:6.1f} MiB")
    print(f"ggbg-desktop        {r['editor_ms']:8.1f} ms  {r['editor_peak_mib']:6.1f} MiB   (--exit-when-ready report.ggbg)")
    print(f"ratio               {r['ratio']:8.2f} ×   (target ≤ 2×: {'met' if r['ratio'] <= 2 else 'MISSED'})")
    print(f"memory ratio        {r['memory_ratio']:8.2f} ×   (target ≤ 1.6×: "
          f"{'met' if r['memory_ratio'] <= 1.6 else 'MISSED'})")
    if args.json:
        args.json.write_text(json.dumps(r, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
