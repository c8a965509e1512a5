"""Chinese numerals in section numbers: malformed ones are no numeral, never a crash."""

import pytest

from ggbg_desktop.report.values import chinese_number
from ggbg_desktop.formats.registry import read_bytes


@pytest.mark.parametrize(("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_numerals(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["十一二", "十十十", "二十十", "一二", ""])
def test_malformed_numerals_are_none(text):
    assert chinese_number(text) is None


def test_a_text_with_malformed_section_numbers_imports():
    text = "十一二、总体情况\n本年度工作正常开展。\n十十十、其他需要报告的事项\n无。\n"
    result = read_bytes(text.encode("utf-8"), "报告.txt")
    assert result.report is not None
