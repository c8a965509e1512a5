"""The five published seed reports import exactly: 200 figures, year, organ, publish date, parts."""

from __future__ import annotations

import pytest

from conftest import EXPECTED, SEEDS, SEED_NAMES
from ggbg_desktop.formats.noise import is_noise
from ggbg_desktop.formats.registry import read_path



@pytest.fixture(scope="module", params=SEED_NAMES)
def seed(request):
    return request.param, read_path(SEEDS / request.param)


def test_all_200_values(seed):
    name, result = seed
    e = EXPECTED[name]
    report = result.report
    assert report.flat("t2") == e["t2"]
    assert report.tables["t3"] == e["t3"]
    assert report.flat("t4") == e["t4"]
    assert not result.log.by_level("error")


def test_year_organ_published(seed):
    name, result = seed
    e = EXPECTED[name]
    meta = result.report.meta
    assert meta.year == e["year"]
    if e.get("organ_contains"):
        assert e["organ_contains"] in meta.organ
    assert meta.published == e.get("published")


def test_text_parts_present_without_noise(seed):
    _, result = seed
    for key in ("p1", "p5", "p6"):
        text = result.report.parts[key]
        assert text.strip(), key
        for line in text.split("\n"):
            assert not is_noise(line), line
            assert "|" not in line and "\t" not in line
    assert result.source_format == "text"


def test_seed_specific_variants():
    r1 = read_path(SEEDS / "001_9b0f64044e721509.txt")
    assert r1.report.parts["p6"] == "无。"
    assert "图解版" not in r1.report.parts["p6"]
    assert any("图解版" in line for line in r1.log.lines())
    r2 = read_path(SEEDS / "002_5b3a022b866a733a.txt")
    assert r2.report.parts["p5"].startswith("（一）存在的主要问题")
    assert r2.report.preamble.startswith("在区委、区政府的正确领导下")
    r3 = read_path(SEEDS / "003_e51fc33f15234b62.txt")
    assert r3.report.parts["p6"].startswith("1. 今年以来")
    r4 = read_path(SEEDS / "004_52047f2dfa4f4279.txt")
    assert r4.report.parts["p1"].startswith("2023年,我县")
    assert "公网安备" not in r4.report.parts["p6"]
    assert any("公网安备" in line for line in r4.log.lines())
    assert any("年度按" in line for line in r4.log.lines())
