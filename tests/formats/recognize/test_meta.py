"""Title, organ, year, dates: from the title, the body and the signature."""

import pytest

from ggbg_desktop.formats.document import Document, Paragraph
from ggbg_desktop.formats.recognize import recognize
from ggbg_desktop.formats.recognize.meta import organ_and_year


@pytest.mark.parametrize("title, organ, year", [
    ("葫芦岛市连山区2021年政府信息公开工作年度报告", "葫芦岛市连山区", 2021),
    ("利通区古城镇 2023 年政府信息公开工作报告", "利通区古城镇", 2023),
    ("阿拉善盟阿拉善右旗巴丹吉林镇2022年度政府信息公开工作年度报告", "阿拉善盟阿拉善右旗巴丹吉林镇", 2022),
    ("2023年蓝田县交通运输局政府信息公开工作年度报告", "蓝田县交通运输局", 2023),
    ("某某市教育局二〇二三年政府信息公开工作年度报告", "某某市教育局", 2023),
])
def test_organ_and_year(title, organ, year):
    assert organ_and_year(title) == (organ, year)


def doc(*lines):
    return recognize(Document(blocks=[Paragraph(t) for t in lines]))


def test_two_line_title_and_preamble():
    r = doc("吴村镇2022年度政府信息公开工作", "年度报告", "本报告依据条例编制。详见http://www.wc.gov.cn/。联系电话：0571-1234567。",
            "一、总体情况", "正文。").report
    assert (r.meta.organ, r.meta.year, r.meta.title) == ("吴村镇", 2022, "吴村镇2022年度政府信息公开工作年度报告")
    assert r.preamble.startswith("本报告依据条例编制")
    assert r.meta.website == "http://www.wc.gov.cn/"
    assert "0571-1234567" in r.meta.contact


def test_the_proposed_title_word_for_word_is_left_to_be_proposed():
    r = doc("吴村镇 2022年政府信息公开工作年度报告", "一、总体情况", "正文。").report
    assert (r.meta.organ, r.meta.year, r.meta.title) == ("吴村镇", 2022, "")
    assert r.meta.display_title() == "吴村镇2022年政府信息公开工作年度报告"


def test_unusual_title_is_kept_and_version_note_removed():
    r = doc("利通区古城镇 2023 年政府信息公开工作报告（文字版）", "一、总体情况", "正文。").report
    assert r.meta.title == "利通区古城镇 2023 年政府信息公开工作报告"


def test_no_title_year_from_statistics_period():
    result = doc("一、总体情况", "本报告统计期限为2023年1月1日至2023年12月31日。2024年将继续努力。")
    assert result.report.meta.year == 2023
    assert any("统计期限" in line for line in result.log.lines())


def test_signature_is_taken_off_part_six():
    r = doc("某县2023年政府信息公开工作年度报告", "一、总体情况", "正文。", "六、其他需要报告的事项",
            "本年度未收取信息处理费。", "某县人民政府办公室", "2024年1月20日").report
    assert r.parts["p6"] == "本年度未收取信息处理费。"
    assert r.meta.signature_date == "2024-01-20"


def test_publish_date_from_a_noise_line_and_the_line_dropped():
    result = doc("某县2023年政府信息公开工作年度报告", "发布时间：2024年01月18日 来源：某县", "一、总体情况", "正文。")
    assert result.report.meta.published == "2024-01-18"
    assert "来源" not in result.report.preamble


def test_report_information_form_fills_what_the_text_lacks():
    from ggbg_desktop.formats.document import Cell, Table

    form = Table(rows=[[Cell(a), Cell(b)] for a, b in (
        ("标题", "某县2023年政府信息公开工作年度报告"), ("机关名称", "某县人民政府"), ("报告年度", "2023"),
        ("发布日期", "2024-01-20"), ("导语", "本报告依据条例编制。"), ("一、总体情况", "全年收到申请5件。"),
        ("二、主动公开政府信息情况", "见工作表“表二”"))])
    result = recognize(Document(blocks=[form]))
    r = result.report
    assert (r.meta.organ, r.meta.year, r.meta.published) == ("某县人民政府", 2023, "2024-01-20")
    assert r.meta.title == "某县2023年政府信息公开工作年度报告"  # differs from the proposed title: kept
    assert r.preamble == "本报告依据条例编制。" and r.parts["p1"] == "全年收到申请5件。"
    assert not any("未识别的行" in line for line in result.log.lines())


# ---- lines under the title: a subtitle, or the preamble's first line ------------------------------

def _seed_preambles() -> list[str]:
    """The preambles of the seed reports: the lines between the title and the first part."""
    from conftest import SEEDS, SEED_NAMES
    from ggbg_desktop.formats import registry

    out = []
    for name in SEED_NAMES:
        preamble = registry.read_path(SEEDS / name).report.preamble
        if len(preamble) > 40:
            out.append(preamble.split("\n")[0])
    return out


@pytest.mark.parametrize("line", ["连山区人民政府(文字版)", "（2024年1月20日）", "2024年1月20日",
                                  "蓝田县人民政府办公室"])
def test_short_lines_without_sentence_text_are_subtitles(line):
    from ggbg_desktop.formats.recognize.meta import is_subtitle

    assert is_subtitle(line)
    result = doc("蓝田县2023年政府信息公开工作年度报告", line, "本报告依据《条例》编制。", "一、总体情况", "正文。")
    assert result.report.preamble == "本报告依据《条例》编制。"


def test_real_preambles_broken_after_their_first_short_line_are_kept_whole():
    """A PDF or a web page may break the preamble's first line short ("本报告依据《中华人民共和国政府
    信息公开" / "条例》…"): it is the preamble, not a subtitle."""
    preambles = _seed_preambles()
    assert len(preambles) >= 3
    for text in preambles:
        for cut in (12, 20, 28):
            first, second = text[:cut], text[cut:]
            result = doc("蓝田县2023年政府信息公开工作年度报告", first, second, "一、总体情况", "正文。")
            assert result.report.preamble == f"{first}\n{second}", first


@pytest.mark.parametrize("label", ["网址", "网站"])
def test_a_form_names_a_field_by_its_label_or_an_alias(label):
    """Also: the form's website and contact were overwritten with "" when the preamble gave none."""
    from ggbg_desktop.formats.document import Cell, Table

    form = Table(rows=[[Cell(a), Cell(b)] for a, b in (
        ("报告机关", "某县人民政府"), ("年度", "2023年"), (label, "http://www.example.gov.cn"),
        ("落款日期", "二〇二四年一月二十日"), ("联系方式", "县政府办公室 0000-1234567"))])
    result = recognize(Document(blocks=[form]))
    meta = result.report.meta
    assert (meta.organ, meta.year, meta.signature_date) == ("某县人民政府", 2023, "2024-01-20")
    assert (meta.website, meta.contact) == ("http://www.example.gov.cn", "县政府办公室 0000-1234567")
    assert any(line.endswith("从“报告信息”表读取：机关名称、报告年度、网站、成文日期、联系方式")
               for line in result.log.lines())


@pytest.mark.parametrize("label", ["联系方式", "联系电话", "电话"])
def test_a_form_names_the_contact_by_any_of_its_labels(label):
    from ggbg_desktop.formats.document import Cell, Table

    form = Table(rows=[[Cell(a), Cell(b)] for a, b in (
        ("机关名称", "某县人民政府"), ("报告年度", "2023"), (label, "0000-1234567"))])
    assert recognize(Document(blocks=[form])).report.meta.contact == "0000-1234567"


@pytest.mark.parametrize("label", ["联系方式", "联系电话", "电话"])
def test_the_preamble_gives_the_contact_after_any_of_its_labels(label):
    r = doc("吴村镇2022年政府信息公开工作年度报告",
            f"本报告依据条例编制。如有疑问，请与镇政府联系（{label}：0571-1234567）。", "一、总体情况", "正文。").report
    assert r.meta.contact == f"如有疑问，请与镇政府联系（{label}：0571-1234567）"


def test_a_clause_without_a_contact_label_gives_no_contact():
    r = doc("吴村镇2022年政府信息公开工作年度报告", "本报告依据条例编制。统计期限为 0571-1234567。",
            "一、总体情况", "正文。").report
    assert r.meta.contact == ""


def test_a_site_menu_line_above_the_title_is_not_part_of_it():
    """A web page saved as Word: the site's menu and breadcrumb (a layout table) stand above the title;
    its last words ("政府信息公开年报") must not be taken as the title's first line."""
    from ggbg_desktop.formats.document import Cell, Table

    menu = Table(rows=[[Cell("首页"), Cell("政务公开"), Cell("当前位置：首页 > 政府信息公开 > 政府信息公开年报")]])
    result = recognize(Document(blocks=[menu, Paragraph("东湖区教育局2024年政府信息公开工作年度报告"),
                                        Paragraph("一、总体情况"), Paragraph("正文。")]))
    assert (result.report.meta.organ, result.report.meta.year) == ("东湖区教育局", 2024)
    assert any("当前位置" in line for line in result.log.lines())


def test_title_and_publish_line_copied_onto_one_line():
    r = doc("松涛街道办事处2024年政府信息公开工作年度报告 发布时间：2025-01-25 09:30  来源：松涛街道办事处  "
            "浏览次数：1243", "一、总体情况", "正文。")
    assert (r.report.meta.organ, r.report.meta.year, r.report.meta.published) == ("松涛街道办事处", 2024, "2025-01-25")
    assert any("浏览次数" in line for line in r.log.lines())


def test_title_in_the_first_row_of_a_sheet_per_table():
    from ggbg_desktop.formats.document import Cell, Table

    t4 = Table(rows=[[Cell("北塘县交通运输局2024年政府信息公开工作年度报告", col_span=15)],
                     [Cell("行政复议", col_span=5), Cell("行政诉讼", col_span=10)]])
    result = recognize(Document(blocks=[t4]))
    assert (result.report.meta.organ, result.report.meta.year) == ("北塘县交通运输局", 2024)


def test_share_line_is_page_noise():
    from ggbg_desktop.formats.noise import is_noise

    assert is_noise("分享到：微信 微博 QQ空间")
    assert is_noise("首页 政务公开 当前位置：首页 > 政府信息公开")
    assert not is_noise("分享到会的经验，当前位置不再重要。" * 10)


def test_organ_on_its_own_line_above_a_title_without_organ():
    r = doc("桃源县财政局", "2024年度政府信息公开工作年度报告", "一、总体情况", "正文。").report
    assert (r.meta.organ, r.meta.year) == ("桃源县财政局", 2024)
