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
