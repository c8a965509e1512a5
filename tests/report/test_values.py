"""Figures and dates as text: one parser of a cell value, one date parser, one figure formatter."""

import pytest

from ggbg_desktop.report.schema import AMOUNT, COUNT
from ggbg_desktop.report.values import (
    BLANK,
    OK,
    UNIT,
    UNREADABLE,
    ZERO_MARK,
    FigureError,
    chinese_date,
    find_date,
    format_figure,
    is_value_token,
    parse_date,
    parse_value,
    typed_value,
)


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


@pytest.mark.parametrize("text, kind, value", [
    ("12", COUNT, 12), ("１２", COUNT, 12), ("1,234", COUNT, 1234), ("", COUNT, None), ("  ", AMOUNT, None),
    ("0件", COUNT, 0), ("3.0", COUNT, 3), ("236.982", AMOUNT, 236.982), ("12万元", AMOUNT, 12),
])
def test_typed_value(text, kind, value):
    assert typed_value(text, kind) == value


@pytest.mark.parametrize("text, message", [
    ("2.5", "“2.5”不是整数（件数只能填整数）"), ("abc", "“abc”不是数字"), ("-3", "“-3”是负数，只能填 0 或正数"),
    ("—", "“—”不是数字（没有发生的请填 0）"), ("无", "“无”不是数字（没有发生的请填 0）"), ("1,2", "“1,2”不是数字"),
    ("1000000000001", "“1000000000001”过大（超过 1,000,000,000,000），请核对"),
    ("9" * 5000, "“" + "9" * 20 + "…”过大（超过 1,000,000,000,000），请核对"),
])
def test_typed_value_refuses(text, message):
    with pytest.raises(FigureError) as caught:
        typed_value(text, COUNT)
    assert str(caught.value) == message


def test_a_pasted_zero_mark_is_zero():
    assert typed_value("—", COUNT, zero_marks=True) == 0 and typed_value("无", AMOUNT, zero_marks=True) == 0
    assert typed_value("1000000000000", COUNT) == 10 ** 12  # MAX_VALUE itself is a figure


def test_a_figure_no_report_file_could_hold_is_unreadable():
    assert parse_value("10000000000000", COUNT).status == UNREADABLE
    assert parse_value("9" * 5000, AMOUNT).status == UNREADABLE


@pytest.mark.parametrize("text, iso", [
    ("2024年1月20日", "2024-01-20"), ("二〇二四年一月二十日", "2024-01-20"), ("2024-01-20", "2024-01-20"),
    ("2024.1.20", "2024-01-20"), ("2024/1/20", "2024-01-20"), ("（2024年1月20日）", "2024-01-20"),
    (" 2024 年 1 月 20 日 ", "2024-01-20"), ("２０２４年１月２０日", "2024-01-20"),
    ("2024年1月20日我们召开了会议", None), ("2023年2月29日", None), ("2024年13月1日", None), ("", None),
    ("二〇二四年", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_find_date():
    assert find_date("发布时间：2023-1-16 09:22") == "2023-01-16"
    assert find_date("2023年1月16日 来源：县政府办") == "2023-01-16"
    assert find_date("浏览次数：1024") is None
    assert find_date("2023-02-30") is None


@pytest.mark.parametrize("value, text", [
    (None, ""), (3, "3"), (3.0, "3"), (236.982, "236.982"), (0.1 + 0.2, "0.3"), (True, "1"), (0, "0"),
])
def test_format_figure(value, text):
    assert format_figure(value) == text


def test_chinese_date():
    assert chinese_date("2024-01-20") == "2024年1月20日"
    assert chinese_date("2024-1-x") == "" and chinese_date(None) == ""
