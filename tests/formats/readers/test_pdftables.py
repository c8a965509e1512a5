"""Ruled tables of a PDF: a cell's edge placed on the nearest ruling position."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ggbg_desktop.formats.readers.pdftables import _index

coordinates = st.integers(0, 60000).map(lambda n: n / 100)  # PDF points, to the hundredth
positions = st.lists(coordinates, min_size=1, max_size=40, unique=True).map(sorted)


@given(positions, st.integers(-5000, 65000).map(lambda n: n / 100))
def test_an_edge_goes_to_the_nearest_ruling(rulings, edge):
    found = _index(rulings, edge)
    nearest = min(abs(r - edge) for r in rulings)
    assert abs(rulings[found] - edge) == nearest
    assert found == min(i for i, r in enumerate(rulings) if abs(r - edge) == nearest)  # the first of two as near


def _piece(page: int, rows: list[list[tuple[float, float, str]]]):
    from ggbg_desktop.formats.readers.pdftables import PdfCell, PdfTable

    table = PdfTable(top=0, bottom=100, page=page, height=len(rows))
    for r, row in enumerate(rows):
        table.cells += [PdfCell(r, 1, x0, x1, text) for x0, x1, text in row]
    return table


COLUMNS = ((77, 187), (187, 270), (270, 332), (332, 519))


def test_a_header_row_at_the_foot_of_a_page_is_not_joined_to_the_figures_on_the_next():
    """Table 二 broken after its "信息内容" header row (a WPS table under a caption row): the row of
    figures that starts the next page is a row of its own, not the rest of the header."""
    from ggbg_desktop.formats.readers.pdftables import join, to_table

    first = _piece(0, [[(77, 519, "第二十条第（一）项")],
                       [(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("信息内容", "本年制发件数", "本年废止件数",
                                                                      "现行有效件数"), strict=True)]])
    second = _piece(1, [[(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("规章", "1", "0", "18"), strict=True)]])
    join(first, second)
    rows = [[c.text for c in row] for row in to_table(first).rows]
    assert rows[1:] == [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "0", "18"]]


def test_a_row_cut_by_the_page_is_joined_again():
    from ggbg_desktop.formats.readers.pdftables import join, to_table

    first = _piece(0, [[(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("二、上年结转政府信息公", "3", "0", "3"),
                                                            strict=True)]])
    second = _piece(1, [[(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("开申请数量", "", "", ""), strict=True)]])
    join(first, second)
    rows = [[c.text for c in row] for row in to_table(first).rows]
    assert rows == [["二、上年结转政府信息公开申请数量", "3", "0", "3"]]


def _chars(text: str, x0: float, top: float, size: float = 10.5) -> list[dict]:
    return [{"text": ch, "x0": x0 + i * size, "x1": x0 + (i + 1) * size, "top": top, "bottom": top + size,
             "size": size, "upright": True} for i, ch in enumerate(text)]


T4_X = [77 + 29 * k for k in range(16)]  # fifteen columns


def _t4_head():
    from ggbg_desktop.formats.readers.pdftables import PdfCell, PdfTable

    head = PdfTable(top=600, bottom=760, page=0, height=3)
    head.cells += [PdfCell(0, 1, T4_X[0], T4_X[5], "行政复议"), PdfCell(0, 1, T4_X[5], T4_X[15], "行政诉讼")]
    head.cells += [PdfCell(1, 2, T4_X[k], T4_X[k + 1], w) for k, w in enumerate(
        ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))]
    head.cells += [PdfCell(1, 1, T4_X[5], T4_X[10], "未经复议直接起诉"),
                   PdfCell(1, 1, T4_X[10], T4_X[15], "复议后起诉")]
    head.cells += [PdfCell(2, 1, T4_X[5 + k], T4_X[6 + k], w) for k, w in enumerate(
        ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2)]
    return head


class _Found:
    """What pdfplumber's find_tables gives for one ruled row of cells."""

    def __init__(self, boxes):
        self.cells = boxes
        self.bbox = (boxes[0][0], boxes[0][1], boxes[-1][2], boxes[0][3])


class _Page:
    edges: list = []

    def __init__(self, boxes):
        self.boxes = boxes

    def find_tables(self, settings):
        return [_Found(self.boxes)]


def _lone_row(page: int, texts) -> object:
    """One ruled row at the top of a page, read by page_tables as the reader does."""
    from ggbg_desktop.formats.readers.pdftables import page_tables

    boxes = [(T4_X[k], 60.0, T4_X[k + 1], 80.0) for k in range(len(texts))]
    chars = [ch for k, t in enumerate(texts) for ch in _chars(t, T4_X[k] + 2, 64)]
    (row,) = page_tables(_Page(boxes), chars, page)
    return row


def test_the_last_row_of_a_table_alone_on_the_next_page_is_joined():
    """Table 四's row of figures printed alone at the top of the next page (a single ruled row) is the
    table's last row, not lost as text."""
    from ggbg_desktop.formats.document import Document
    from ggbg_desktop.formats.readers.pdf import _assemble

    figures = [str(k % 4) for k in range(15)]
    document = Document()
    _assemble(document, [[], []], [[_t4_head()], [_lone_row(1, figures)]])
    (table,) = document.tables()
    assert [c.text for c in table.rows[-1]] == figures


def test_a_single_ruled_row_that_continues_nothing_stays_text():
    from ggbg_desktop.formats.document import Document
    from ggbg_desktop.formats.readers.pdf import _assemble

    document = Document()
    _assemble(document, [[]], [[_lone_row(0, ["联系人", "电话", "地址"])]])
    assert not document.tables()
    assert "联系人" in " ".join(p.text for p in document.paragraphs())


def test_a_row_cut_by_the_page_under_a_repeated_header_is_joined_again():
    """Word repeats a table's header rows on each page: the rest of a row the page cut comes after them.
    The repeated header is left out and the cut row made whole ("2.其他" + "法律行政法规禁止公开")."""
    from ggbg_desktop.formats.readers.pdftables import join, to_table

    header = [(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("", "自然人", "商业企业", "总计"), strict=True)]
    first = _piece(0, [header, [(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("2.其他", "0", "1", "1"), strict=True)]])
    second = _piece(1, [header, [(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("法律行政法规禁止公开", "", "", ""),
                                                                      strict=True)],
                        [(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("3.危及", "2", "0", "2"), strict=True)]])
    join(first, second)
    rows = [[c.text for c in row] for row in to_table(first).rows]
    assert rows == [["", "自然人", "商业企业", "总计"], ["2.其他法律行政法规禁止公开", "0", "1", "1"],
                    ["3.危及", "2", "0", "2"]]


def test_a_numbered_row_of_blank_figures_at_the_top_of_a_page_is_a_row_of_its_own():
    """Zeros left blank: "3.危及…" with no figures under "2.其他…" with no figures looks like the rest of
    a cut row, but a label starting with a numbering always starts a row."""
    from ggbg_desktop.formats.readers.pdftables import join, to_table

    first = _piece(0, [[(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("2.其他法律行政法规禁止公开", "", "", ""),
                                                            strict=True)]])
    second = _piece(1, [[(x0, x1, t) for (x0, x1), t in zip(COLUMNS, ("3.危及“三安全一稳定”", "", "1", "1"),
                                                             strict=True)]])
    join(first, second)
    rows = [[c.text for c in row] for row in to_table(first).rows]
    assert rows == [["2.其他法律行政法规禁止公开", "", "", ""], ["3.危及“三安全一稳定”", "", "1", "1"]]
