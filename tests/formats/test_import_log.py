"""The import log says per part and table what was found or missing, and lists dropped noise."""

import subprocess
import sys

from conftest import SEEDS, complete_report
from ggbg_desktop.formats.registry import read_bytes
from formats.readers.builders import report_text


def test_log_names_every_part_and_table():
    result = read_bytes(report_text(complete_report()).encode(), "r.txt")
    lines = "\n".join(result.log.lines())
    for what in ("一、总体情况：已找到", "五、存在的主要问题及改进情况：已找到", "六、其他需要报告的事项：已找到",
                 "表二（主动公开政府信息情况）：已找到，读出 10/10",
                 "表三（收到和处理政府信息公开申请情况）：已找到，读出 175/175",
                 "表四（政府信息公开行政复议、行政诉讼情况）：已找到，读出 15/15"):
        assert what in lines


def test_missing_parts_and_blank_cells_are_listed():
    text = report_text(complete_report()).replace("五、存在的主要问题及改进情况", "附：问题")
    text = text.replace("行政许可 | 67711 |", "行政许可 |  |")
    result = read_bytes(text.encode(), "r.txt")
    warnings = [e.message for e in result.log.by_level("warning")]
    assert any("五、存在的主要问题及改进情况：未找到" in m for m in warnings)
    notes = [e.message for e in result.log.by_level("info")]
    assert any("空白格按 0 读取" in m and "行政许可" in m for m in notes)
    assert result.report.tables["t2"][2] == [0]


def test_every_entry_has_a_level_and_area():
    result = read_bytes(report_text(complete_report()).encode(), "r.txt")
    for entry in result.log.entries:
        assert entry.to_json()["level"] in ("info", "warning", "error")
        assert entry.area


def test_cli_convert_prints_the_log(tmp_path):
    out = tmp_path / "r.ggbg"
    code = "import sys; from ggbg_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code, "convert", str(SEEDS / "000_087472ced84f1984.txt"), str(out)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "已去掉网页内容：- 发布日期" in proc.stdout
    assert out.exists()
