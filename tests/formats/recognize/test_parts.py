"""Part headings found whatever their numbering, and nothing else taken for one."""

import pytest

from ggbg_desktop.formats.document import Document, Paragraph
from ggbg_desktop.formats.recognize import recognize
from ggbg_desktop.formats.headings import heading_candidate
from ggbg_desktop.formats.recognize.parts import choose_headings


@pytest.mark.parametrize("line, part", [
    ("一、总体情况", 0), ("1、 总体情况", 0), ("第一部分 总体情况", 0), ("总体情况", 0), ("一. 总体情况", 0),
    ("二、主动公开政府信息情况", 1), ("4、 政府信息公开行政复议、行政诉讼情况", 3),
    ("五、存在的主要问题及改进措施", 4), ("六、其它需要报告的事项", 5), ("六、其他需要报告的事项：", 5),
])
def test_headings(line, part):
    assert heading_candidate(line).part == part


@pytest.mark.parametrize("line", ["（一）主动公开情况", "(二)依申请公开方面", "一是加强领导",
                                  "（一）主动公开情况。2022年,巴丹吉林镇紧紧围绕大局,以习近平新时代中国特色社会主义思想为指导",
                                  "2023年,我县在省、市政府的正确领导下"])
def test_not_headings(line):
    c = heading_candidate(line)
    assert c is None or c.how != "title"


def test_numbered_heading_beats_an_unnumbered_subheading():
    lines = ["一、总体情况", "主动公开情况", "正文", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    chosen = choose_headings(lines)
    assert chosen[1].index == 3


def test_sub_items_numbered_1_2_inside_a_part_are_not_parts():
    lines = ["一、总体情况", "1.加强组织领导", "2.完善信息公开制度", "3.建立考核体系", "二、主动公开政府信息情况",
             "五、存在的主要问题及改进情况", "1.信息公开栏目设置有待进一步优化；", "六、其他需要报告的事项", "无"]
    chosen = choose_headings(lines)
    assert {k: c.index for k, c in chosen.items()} == {0: 0, 1: 4, 4: 5, 5: 7}


def test_automatic_numbering_and_no_numbering():
    doc = Document(blocks=[Paragraph("总体情况", numbering="一、"), Paragraph("正文一。"),
                           Paragraph("存在的主要问题及改进情况"), Paragraph("问题与改进。"),
                           Paragraph("其他需要报告的事项"), Paragraph("无。")])
    report = recognize(doc).report
    assert report.parts == {"p1": "正文一。", "p5": "问题与改进。", "p6": "无。"}


def test_heading_by_number_only_is_logged():
    doc = Document(blocks=[Paragraph("一、2023年工作概况"), Paragraph("正文。"),
                           Paragraph("五、存在的主要问题及改进情况"), Paragraph("问题。")])
    result = recognize(doc)
    assert result.report.parts["p1"] == "正文。"
    assert any("按编号识别" in line for line in result.log.lines())


@pytest.mark.parametrize("line, split", [
    ("六、其他需要报告的事项：本年度未收取信息处理费。", ("六、其他需要报告的事项", "本年度未收取信息处理费。")),
    ("六、 其他需要报告的事项: 无。", ("六、 其他需要报告的事项", "无。")),
    ("五、存在的主要问题及改进情况。", ("五、存在的主要问题及改进情况", "")),
    ("一、总体情况良好，全年公开信息百余条。", None),  # prose that starts like a heading
    ("（一）主动公开：全年公开信息。", None),  # a sub-heading stays in its part
    ("三、其他需要报告的事项：无。", None),  # the number names another part
])
def test_split_run_in(line, split):
    from ggbg_desktop.formats.headings import split_run_in

    assert split_run_in(line) == split


def test_headings_run_into_their_text():
    """"五、…情况。" closed by a full stop and "六、其他需要报告的事项：…" running into the text: the parts
    are found and the first words stay in part 六."""
    r = recognize(Document(blocks=[Paragraph(t) for t in (
        "某县2023年政府信息公开工作年度报告", "一、总体情况", "全年公开信息。", "五、存在的主要问题及改进情况。",
        "一是公开不及时。", "六、其他需要报告的事项：本年度未收取信息处理费。", "无其他事项。")])).report
    assert r.parts["p5"] == "一是公开不及时。"
    assert r.parts["p6"] == "本年度未收取信息处理费。\n无其他事项。"


def test_a_run_in_line_not_chosen_as_heading_stays_whole():
    r = recognize(Document(blocks=[Paragraph(t) for t in (
        "一、总体情况", "二、主动公开政府信息情况：见下表。", "二、主动公开政府信息情况",
        "五、存在的主要问题及改进情况", "无。")])).report
    assert r.parts["p1"] == "二、主动公开政府信息情况：见下表。"


def test_a_run_in_heading_ends_a_text_table():
    from ggbg_desktop.formats.headings import is_part_heading

    assert is_part_heading("六、其他需要报告的事项：本年度未收取信息处理费。")
    assert is_part_heading("五、存在的主要问题及改进情况。")
    assert not is_part_heading("一、总体情况良好，全年公开信息百余条。")


def test_words_after_a_table_parts_heading_are_listed_in_the_log():
    result = recognize(Document(blocks=[Paragraph(t) for t in (
        "一、总体情况", "正文。", "二、主动公开政府信息情况：详见下表。", "五、存在的主要问题及改进情况", "无。")]))
    assert any("详见下表" in line for line in result.log.lines())
