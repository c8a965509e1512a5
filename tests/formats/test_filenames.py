"""The file name a report's title suggests."""

import pytest

from ggbg_desktop.formats.filenames import MAX_STEM_CHARS, file_stem


@pytest.mark.parametrize("title, stem", [
    ("蓝田县人民政府2024年政府信息公开工作年度报告", "蓝田县人民政府2024年政府信息公开工作年度报告"),
    ("XX县发展和改革局/XX县粮食局2024年报告", "XX县发展和改革局／XX县粮食局2024年报告"),
    ('关于"年报":草稿?<1>|*\\', "关于＂年报＂：草稿？＜1＞｜＊＼"),
    ("  报告\t标题\n第二行 ", "报告 标题 第二行"),
    ("报告...", "报告"), ("", "年度报告"), ("...", "年度报告"), ("con", "年度报告"), ("\u202e报告", "报告"),
])
def test_a_title_becomes_a_name_every_file_system_takes(title, stem):
    assert file_stem(title) == stem


def test_a_long_title_is_cut_within_the_file_system_limit():
    stem = file_stem("某" * 300)
    assert len(stem) == MAX_STEM_CHARS and len((stem + ".docx").encode("utf-8")) <= 255
