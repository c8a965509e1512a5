"""One cell's text as a figure."""

import pytest

from ggbg_desktop.formats.recognize.values import (BLANK, OK, UNIT, UNREADABLE, ZERO_MARK, is_value_token,
                                                    parse_value)
from ggbg_desktop.report.schema import AMOUNT, COUNT


@pytest.mark.parametrize("text, kind, value, status", [
    ("12", COUNT, 12, OK), ("１２", COUNT, 12, OK), ("18,582", COUNT, 18582, OK), ("18，582", COUNT, 18582, OK),
    (" 7 ", COUNT, 7, OK), ("3.0", COUNT, 3, OK), ("0件", COUNT, 0, UNIT), ("12万元", AMOUNT, 12, UNIT),
    ("236.982", AMOUNT, 236.982, OK), ("—", COUNT, 0, ZERO_MARK), ("/", COUNT, 0, ZERO_MARK),
    ("－", COUNT, 0, ZERO_MARK), ("无", COUNT, 0, ZERO_MARK), ("", COUNT, None, BLANK),
    ("2.5", COUNT, None, UNREADABLE), ("-3", COUNT, None, UNREADABLE), ("见附件", COUNT, None, UNREADABLE),
    ("1,2", COUNT, None, UNREADABLE),
])
def test_parse(text, kind, value, status):
    cell = parse_value(text, kind)
    assert (cell.value, cell.status) == (value, status)


def test_tokens():
    assert is_value_token("0") and is_value_token("—") and is_value_token("12件")
    assert not is_value_token("1.属于国家秘密") and not is_value_token("") and not is_value_token("总计")
