"""``ggbg check`` over 100 files in one command (target ≤ 20 ms per file), and .docx → .docx
conversion by ``ggbg convert`` against LibreOffice headless (target ≤ 0.2×), both as commands.

    python benchmarks/bench_batch.py

Measures and prints; asserts nothing. The LibreOffice comparison is skipped where soffice
is not installed.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import SEEDS, complete_report  # noqa: E402

from ggbg_desktop.formats import native  # noqa: E402
from ggbg_desktop.formats.registry import WRITERS, ExportOptions, export_bytes  # noqa: E402

GGBG = [sys.executable, "-m", "ggbg_desktop.cli"]


def _inputs(folder: Path, count: int) -> list[Path]:
    """``count`` files of every kind a clerk checks: .ggbg, seed texts, exported .docx/.xlsx/.html."""
    report = complete_report()
    kinds: list[tuple[str, bytes]] = [(".ggbg", native.dumps(report).encode("utf-8"))]
    kinds += [(".txt", path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    for fmt in WRITERS:
        if fmt.name in ("docx", "xlsx", "html"):
            kinds.append((fmt.extensions[0], export_bytes(report, fmt, ExportOptions())))
    files = []
    for i in range(count):
        ext, data = kinds[i % len(kinds)]
        path = folder / f"report{i:03d}{ext}"
        path.write_bytes(data)
        files.append(path)
    return files


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):  # 1: a file has findings, still a completed check
        raise SystemExit(f"{' '.join(map(str, cmd[:4]))} … failed with {done.returncode}")
    return time.perf_counter() - start


def measure_batch(count: int = 100, runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        files = _inputs(Path(tmp), count)
        times = [_run(GGBG + ["check"] + [str(f) for f in files]) for _ in range(runs)]
    total_ms = statistics.median(times) * 1000
    return {"files": count, "total_ms": total_ms, "ms_per_file": total_ms / count}


def measure_conversion(runs: int = 3) -> dict | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "in.docx"
        source.write_bytes(export_bytes(complete_report(), next(f for f in WRITERS if f.name == "docx"),
                                        ExportOptions()))
        profile = f"-env:UserInstallation=file://{tmp / 'lo-profile'}"
        lo_cmd = [soffice, profile, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                  str(tmp / "lo"), str(source)]
        ours_cmd = GGBG + ["convert", str(source), str(tmp / "ours.docx")]
        _run(lo_cmd)  # first start creates the profile
        lo = statistics.median(_run(lo_cmd) for _ in range(runs)) * 1000
        ours = statistics.median(_run(ours_cmd) for _ in range(runs)) * 1000
    return {"libreoffice_ms": lo, "ggbg_ms": ours, "ratio": ours / lo}


def main() -> None:
    batch = measure_batch()
    print(f"ggbg check, {batch['files']} files: {batch['total_ms']:.0f} ms, "
          f"{batch['ms_per_file']:.1f} ms per file (target ≤ 20)")
    conversion = measure_conversion()
    if conversion is None:
        print("docx → docx against LibreOffice: soffice not installed, skipped")
    else:
        print(f"docx → docx: ggbg {conversion['ggbg_ms']:.0f} ms, LibreOffice {conversion['libreoffice_ms']:.0f} ms, "
              f"ratio {conversion['ratio']:.2f} (target ≤ 0.2)")


if __name__ == "__main__":
    main()
