"""Start-up to first paint: ``ggbg-desktop --exit-when-ready report.ggbg`` against a bare PySide6 window.

Both are measured in the same run, alternately, as fresh processes (median of
several runs); the script prints both medians and their ratio (target ≤ 2×). It
measures and reports; it does not assert.

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


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = tmp / "report.ggbg"
        sample_report(report)
        env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        editor = [sys.executable, "-m", "ggbg_desktop", "--exit-when-ready", str(report)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        timed(editor, env), timed(bare, env)  # warm the disk cache for both
        editor_times, bare_times = [], []
        for _ in range(args.runs):
            editor_times.append(timed(editor, env))
            bare_times.append(timed(bare, env))
    editor_ms = statistics.median(editor_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    ratio = editor_ms / bare_ms
    print(f"platform            {env['QT_QPA_PLATFORM']}, {args.runs} runs each, median")
    print(f"bare PySide6 window {bare_ms:8.1f} ms")
    print(f"ggbg-desktop        {editor_ms:8.1f} ms   (--exit-when-ready report.ggbg)")
    print(f"ratio               {ratio:8.2f} ×   (target ≤ 2×: {'met' if ratio <= 2 else 'MISSED'})")
    if args.json:
        args.json.write_text(json.dumps({"bare_ms": bare_ms, "editor_ms": editor_ms, "ratio": ratio,
                                         "runs": args.runs, "editor_all_ms": [t * 1000 for t in editor_times],
                                         "bare_all_ms": [t * 1000 for t in bare_times]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
