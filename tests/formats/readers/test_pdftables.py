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
