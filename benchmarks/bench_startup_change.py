"""Start-up of this tree against an earlier commit: did a change make the window slower to open?

Three whole processes are started in turn, over and over: A is this tree's editor, C is the
editor of the commit given (exported with ``git archive`` into a temporary folder), B is the
bare PySide6 window of ``../shared/bench/bare_window.py``. A and C run as
``python -m ggbg_desktop --exit-when-ready report.ggbg`` with only ``PYTHONPATH`` telling them
apart, on the same complete report, both with compiled bytecode. Printed: the medians of A/B
and C/B per round (the measure of ``bench_startup.py``) and of A/C, the change itself, for the
wall time and for the CPU time of each process (user + system: on a busy machine the steadier one).

    python benchmarks/bench_startup_change.py HEAD~3 [--rounds 15]

It measures and prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE_WINDOW, ROOT, sample_report  # noqa: E402


def run_once(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, s) of one fresh process; CPU time barely moves with load."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed ({os.waitstatus_to_exitcode(status)})")
    return elapsed, usage.ru_utime + usage.ru_stime


def export_commit(ref: str, into: Path) -> Path:
    """The package of ``ref`` as files in ``into``; its bytecode compiled."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "ggbg_desktop"],
                             check=True, capture_output=True).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    compileall.compile_dir(str(into / "ggbg_desktop"), quiet=1)
    return into


def package_of(env: dict) -> str:
    """Which ggbg_desktop a child with this environment imports (a guard against measuring one twice)."""
    return subprocess.run([sys.executable, "-c", "import ggbg_desktop; print(ggbg_desktop.__file__)"],
                          env=env, check=True, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="the commit to compare with, e.g. HEAD~1 or main")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    compileall.compile_dir(str(ROOT / "ggbg_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        before = export_commit(args.ref, tmp / "before")
        report = tmp / "report.ggbg"
        sample_report(report)
        base = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
                    XDG_CACHE_HOME=str(tmp / "cache"))
        base.setdefault("QT_QPA_PLATFORM", "offscreen")
        env_a = dict(base, PYTHONPATH=str(ROOT))
        env_c = dict(base, PYTHONPATH=str(before))
        found_a, found_c = package_of(env_a), package_of(env_c)
        if Path(found_a).parent == Path(found_c).parent:
            raise SystemExit(f"both runs would import {found_a}")
        editor = [sys.executable, "-m", "ggbg_desktop", "--exit-when-ready", str(report)]
        bare = [sys.executable, BARE_WINDOW.name]
        for cmd, env, cwd in ((editor, env_a, tmp), (editor, env_c, tmp), (bare, base, BARE_WINDOW.parent)):
            run_once(cmd, env, cwd)  # warm the disk cache
        a, c, b = [], [], []
        for _ in range(args.rounds):
            a.append(run_once(editor, env_a, tmp))
            c.append(run_once(editor, env_c, tmp))
            b.append(run_once(bare, base, BARE_WINDOW.parent))
    ms = statistics.median
    print(f"start-up, {args.rounds} rounds of A (this tree), C ({args.ref}), B (bare window): medians")
    for k, name in ((0, "wall"), (1, "CPU")):
        print(f"  {name}: A {ms(x[k] for x in a) * 1000:5.0f} ms, C {ms(x[k] for x in c) * 1000:5.0f} ms, "
              f"B {ms(x[k] for x in b) * 1000:5.0f} ms; "
              f"A/B {ms(x[k] / y[k] for x, y in zip(a, b, strict=True)):.2f}×, "
              f"C/B {ms(x[k] / y[k] for x, y in zip(c, b, strict=True)):.2f}×, "
              f"A/C {ms(x[k] / y[k] for x, y in zip(a, c, strict=True)):.3f} (below 1: this tree is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
