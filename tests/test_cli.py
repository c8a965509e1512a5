"""The ggbg command: exit codes, JSON output, messages, and no Qt."""

import io
import json
import os
import subprocess
import sys

import pytest

from ggbg_desktop import __version__
from ggbg_desktop.cli import _prepare_streams, main
from ggbg_desktop.formats import native
from ggbg_desktop.report import CellRef


@pytest.fixture
def saved(report, tmp_path):
    path = tmp_path / "report.ggbg"
    native.save(report, path)
    return path


def test_clean_report_exits_0(saved, capsys):
    assert main(["check", str(saved)]) == 0
    assert "0 个错误" in capsys.readouterr().out


def test_warnings_alone_exit_0(report, tmp_path, capsys):
    report.parts["p6"] = "无。"
    path = tmp_path / "w.ggbg"
    native.save(report, path)
    assert main(["check", str(path)]) == 0
    assert "1 个警告" in capsys.readouterr().out


def test_seed_004_acceptance(seed_004, tmp_path, capsys):
    good = tmp_path / "004.ggbg"
    native.save(seed_004, good)
    assert main(["check", str(good)]) == 0
    seed_004.set_value(CellRef("t3", 0, 0), 85)
    bad = tmp_path / "004-bad.ggbg"
    native.save(seed_004, bad)
    capsys.readouterr()
    assert main(["check", str(bad), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    errors = {f["rule"]: f for f in findings if f["severity"] == "error"}
    assert set(errors) == {"t3_row_total", "t3_balance"}
    assert errors["t3_row_total"]["cells"][0] == {"table": "t3", "row": 0, "col": 6}
    assert errors["t3_balance"]["cells"][0] == {"table": "t3", "row": 0, "col": 0}
    assert "应为 87，现为 86" in errors["t3_row_total"]["message"]


def test_json_for_several_files(saved, tmp_path, capsys):
    missing = tmp_path / "none.ggbg"
    assert main(["check", str(saved), str(missing), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["files"][0] == {"file": str(saved), "findings": []}
    assert out["files"][1]["file"] == str(missing) and "找不到" in out["files"][1]["error"]


def test_unreadable_file_exits_2_with_one_chinese_line(tmp_path):
    bad = tmp_path / "bad.ggbg"
    bad.write_text('{"version": 1, "meta": {}, "tables": {"t2": "x"}}', encoding="utf-8")
    # the pipe's encoding is fixed here, not left to the machine's code page (cp936 on Chinese Windows)
    proc = subprocess.run([sys.executable, "-m", "ggbg_desktop.cli", "check", str(bad)],
                          check=False, capture_output=True, text=True, encoding="utf-8",
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "文件内容有误" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_convert_ggbg_to_ggbg(saved, tmp_path, report):
    out = tmp_path / "copy.ggbg"
    assert main(["convert", str(saved), str(out)]) == 0
    assert native.load(out) == report


def test_convert_refuses_unknown_output(saved, tmp_path, capsys):
    assert main(["convert", str(saved), str(tmp_path / "x.mp3")]) == 2
    assert "不支持导出" in capsys.readouterr().err


def test_rollover_command(saved, tmp_path, capsys):
    out = tmp_path / "2024.ggbg"
    assert main(["rollover", str(saved), "-o", str(out)]) == 0
    draft = native.load(out)
    assert draft.meta.year == 2024 and draft.tables["t3"][1] == [3, 0, 0, 0, 0, 0, 3]
    capsys.readouterr()
    assert main(["check", str(out), "--json"]) == 1  # blanks are errors until the clerk fills them
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "text_year" in rules


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_cli_and_domain_import_no_qt():
    code = ("import sys, ggbg_desktop.report, ggbg_desktop.cli, ggbg_desktop.formats.registry, "
            "ggbg_desktop.formats.native; sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ---- ggbg draft ------------------------------------------------------------------


def test_draft_prints_one_paragraph_per_passage(seed_004, tmp_path, capsys):
    from ggbg_desktop.report.drafting import REQUESTS, draft

    path = tmp_path / "004.ggbg"
    native.save(seed_004, path)
    assert main(["draft", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "第一部分 总体情况"
    assert f"【依申请公开】{draft(seed_004, REQUESTS).text}" in lines
    assert "第六部分 其他需要报告的事项" in lines
    assert any(line.startswith("【信息处理费】（未起草：") for line in lines)


def test_draft_with_last_year_states_the_change(seed_004, tmp_path, capsys):
    from ggbg_desktop.report import check, fill_totals

    last = tmp_path / "2023.ggbg"
    native.save(seed_004, last)
    this = seed_004.copy()
    this.meta.year = 2024
    this.set_value(CellRef("t3", 0, 0), 94)  # 自然人 84 → 94: 96 new in all
    this.tables["t3"][1] = list(seed_004.tables["t3"][24])  # 3 carried over
    this.set_value(CellRef("t3", 2, 0), 51)  # 予以公开 38 → 51: 96 handled, 3 carried forward
    fill_totals(this)
    assert [f for f in check(this) if f.is_error] == []
    path = tmp_path / "2024.ggbg"
    native.save(this, path)
    assert main(["draft", str(path), "--last", str(last), "--json"]) == 0
    passages = {p["kind"]: p for p in json.loads(capsys.readouterr().out)["passages"]}
    # 96 new against 86: +10, 11.6%
    assert "本年度新收政府信息公开申请96件，较上年增加10件，增长11.6%。" in passages["requests"]["text"]
    assert passages["fees"]["text"] is None and "信息处理费" in passages["fees"]["skipped"]


def test_draft_refuses_last_year_of_another_year(seed_004, tmp_path, capsys):
    path = tmp_path / "2023.ggbg"
    native.save(seed_004, path)
    assert main(["draft", str(path), "--last", str(path)]) == 2
    assert "2023 年度" in capsys.readouterr().err


def test_check_finds_no_text_against_table_in_drafted_parts(tmp_path, capsys):
    """A 2024 report rolled over from seed 004, figures typed in, parts holding only drafted sentences."""
    from report.test_drafting import rolled_over_2024

    from ggbg_desktop.report.drafted import insert_drafted

    report = rolled_over_2024()
    report.parts = {key: "" for key in report.parts}
    report = insert_drafted(insert_drafted(report, "p1", 0).report, "p6", 0).report
    path = tmp_path / "2024.ggbg"
    native.save(report, path)
    main(["check", str(path), "--json"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not rules & {"text_figure", "text_stale", "text_year", "drafted_stale"}
    report.set_value(CellRef("t4", 0, 0), 3)
    report.set_value(CellRef("t4", 0, 4), 7)
    native.save(report, path)
    main(["check", str(path), "--json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    (stale,) = [f for f in findings if f["rule"] == "drafted_stale"]
    assert stale["span"]["part"] == "p1" and "行政复议、行政诉讼" in stale["message"]


# ---- console code pages (Windows: cp936 in China, cp1252 elsewhere) ------------------------------


def _stream(encoding):
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding=encoding, errors="strict", write_through=True)


def test_stream_in_a_code_page_without_chinese_gets_utf8():
    raw, stream = _stream("cp1252")
    _prepare_streams([stream])
    stream.write("检查：0 个错误")
    assert raw.getvalue().decode("utf-8") == "检查：0 个错误"


def test_stream_in_gbk_stays_gbk_and_replaces_what_gbk_lacks():
    raw, stream = _stream("cp936")
    _prepare_streams([stream])
    stream.write("政府信息公开\U0001F600")
    assert raw.getvalue() == "政府信息公开?".encode("gbk")


@pytest.mark.parametrize("encoding, decode", [("cp1252", "utf-8"), ("cp936", "gbk"), ("ascii", "utf-8")])
def test_cli_in_a_pipe_with_a_windows_code_page_prints_readable_chinese(tmp_path, encoding, decode):
    missing = tmp_path / "年报 2024" / "没有这个文件.ggbg"
    proc = subprocess.run([sys.executable, "-m", "ggbg_desktop.cli", "check", str(missing)],
                          check=False, capture_output=True, env=dict(os.environ, PYTHONIOENCODING=encoding))
    assert proc.returncode == 2
    message = proc.stderr.decode(decode)
    assert "没有这个文件.ggbg" in message and "Traceback" not in message


def test_check_into_a_pipe_closed_early_ends_quietly(saved):
    """`ggbg check … | head -1`: the reader leaves after one line; no BrokenPipeError traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "ggbg_desktop.cli", "check", *[str(saved)] * 400],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert proc.stdout.readline()  # one line read, then the pipe is closed while ggbg still writes
    proc.stdout.close()
    errors = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0 and "Traceback" not in errors and "BrokenPipe" not in errors
