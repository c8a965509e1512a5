"""The narrative is read sentence by sentence: an edit re-reads only the sentences it changed."""

from ggbg_desktop.report import narrative
from ggbg_desktop.report.narrative import NEW_RECEIVED, stated_figures

TEXT = ("2023年，本机关共收到政府信息公开申请86件，办结84件。\n"
        "全年发生政府信息公开行政复议6件。\n"
        "本年度未收取信息处理费。")


def test_typing_in_one_sentence_reads_only_that_sentence_again():
    stated_figures(TEXT, 2023)
    before = narrative._sentence_figures.cache_info()
    edited = TEXT[:-1] + "另。"  # typing inside the last sentence
    figures = stated_figures(edited, 2023)
    after = narrative._sentence_figures.cache_info()
    assert after.misses - before.misses == 1
    assert after.hits - before.hits == 2
    assert [(f.fact, f.value) for f in figures][:1] == [(NEW_RECEIVED, 86)]
    first = figures[0]
    assert edited[first.start:first.end] == "86"  # offsets still point into the whole text


def test_the_same_sentence_in_another_place_keeps_its_own_offsets():
    sentence = "共收到政府信息公开申请12件。"
    figures = stated_figures("导语。\n" + sentence + sentence, 2023)
    assert [f.value for f in figures] == [12, 12]
    assert figures[1].start - figures[0].start == len(sentence)
