"""Shared fixtures: Qt offscreen, the seed reports and their expected values."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The five seed reports and their expected values, kept with the tests so that no case ever skips.
SEEDS = FIXTURES / "seeds"
EXPECTED = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
SEED_NAMES = sorted(EXPECTED)


def report_from_expected(name: str):
    """A report holding one seed's expected table values and year."""
    from ggbg_desktop.report import Report

    e = EXPECTED[name]
    report = Report()
    report.meta.year = e["year"]
    report.meta.organ = e.get("organ_contains") or "蓝田县人民政府"
    report.set_flat("t2", e["t2"])
    report.set_flat("t3", [v for row in e["t3"] for v in row])
    report.set_flat("t4", e["t4"])
    return report


@pytest.fixture
def seed_004():
    return report_from_expected("004_52047f2dfa4f4279.txt")


def complete_report():
    """A complete, correct report with non-zero figures everywhere it matters."""
    from ggbg_desktop.report import Report, fill_totals

    report = Report()
    report.meta.organ = "蓝田县人民政府"
    report.meta.year = 2023
    report.meta.published = "2024-01-20"
    report.preamble = "本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自2023年1月1日起至2023年12月31日止。"
    report.parts["p1"] = ("（一）主动公开\n2023年，我县共收到政府信息公开申请86件，办结86件，3件结转下年度办理。\n"
                          "（二）依申请公开\n全年发生政府信息公开行政复议6件。")
    report.parts["p5"] = "存在的问题：政策解读形式单一。\n改进情况：下一步将丰富解读形式。"
    report.parts["p6"] = "本年度未收取信息处理费，发出收费通知0件。"
    report.set_flat("t2", [1, 0, 12, 3, 1, 40, 67711, 40592, 2502, 236.982])
    t3 = [[0] * 7 for _ in range(25)]
    t3[0][:6] = [80, 2, 0, 1, 2, 1]
    t3[1][:6] = [3, 0, 0, 0, 0, 0]
    t3[2][:6] = [38, 1, 0, 0, 1, 0]
    t3[3][:6] = [14, 0, 0, 1, 0, 0]
    t3[4][:6] = [1, 0, 0, 0, 0, 0]
    t3[12][:6] = [15, 1, 0, 0, 1, 1]
    t3[16][:6] = [12, 0, 0, 0, 0, 0]
    t3[24][:6] = [3, 0, 0, 0, 0, 0]
    report.tables["t3"] = t3
    report.set_flat("t4", [1, 2, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    fill_totals(report)
    return report


@pytest.fixture
def report():
    return complete_report()
