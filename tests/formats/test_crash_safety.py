"""A process killed while saving or exporting never leaves a damaged file: it is the old or the new one."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from ggbg_desktop.formats import native

WRITER = r"""
import sys
sys.path.insert(0, {tests!r})
from conftest import complete_report
from ggbg_desktop.formats import registry
report = complete_report()
report.parts["p1"] = "长文本。" * 20000   # a large file makes the write window wide
i = 0
print("ready", flush=True)
while True:
    i += 1
    report.meta.organ = f"第{{i}}次保存"
    registry.write_path(report, {path!r})
"""


def _kill_repeatedly(path, rounds=8):
    tests_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    script = WRITER.format(tests=tests_dir, path=str(path))
    rng = random.Random(20240120)
    for _ in range(rounds):
        with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE) as proc:
            try:
                assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
                time.sleep(rng.uniform(0.0, 0.25))
            finally:
                proc.send_signal(signal.SIGKILL)  # on a failed assertion too: never leave a writer running
        yield  # the pipe is closed and the process reaped


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_killing_a_saving_process_never_damages_the_file(tmp_path, report):
    path = tmp_path / "r.ggbg"
    native.save(report, path)
    for _ in _kill_repeatedly(path):
        loaded = native.load(path)  # raises if the file were damaged
        assert loaded.meta.organ == report.meta.organ or loaded.meta.organ.startswith("第")
        assert loaded.tables == report.tables
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "r.ggbg"]
    # a killed writer may leave its temporary file; it never replaces the report
    assert all(name.startswith(".r.ggbg.") and name.endswith(".tmp") for name in leftovers)
    json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_killing_an_export_never_damages_the_previous_export(tmp_path, report):
    from ggbg_desktop.formats import registry

    path = tmp_path / "r.docx"
    registry.write_path(report, path)
    for _ in _kill_repeatedly(path, rounds=5):
        again = registry.read_path(path).report  # a damaged zip would be refused here
        assert again.tables == report.tables
