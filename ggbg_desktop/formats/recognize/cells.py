"""One source row split into its labels and its figures, and figures fitted to the columns expected."""

from __future__ import annotations

from .regions import Row
from ...report.values import is_value_token

# How a row's figures were placed, for the log.
BY_ORDER = "order"  # in the official column order
EXTRA_BLANKS = "extra_blanks"  # more cells than columns: the blank ones were passed over
TOO_MANY = "too_many"  # more figures than columns: not placed
TOO_FEW = "too_few"  # fewer figures than columns: placed from the left, the rest left blank


def split_row(row: Row) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(labels, figures): label cells carry text that is not a figure and stand left of the first
    figure; the figures are the cells to the right of the last label (text among them, such as
    "见附件", is an unreadable figure, not a label). Numbers before the first label are a serial
    number column and belong to neither."""
    cells = row.cells
    # A serial-number column (序号 1, 2, 3 …) in front of the labels is not a figure of the row: one
    # number. Several figures before the first text are figures, the text after them an unreadable one.
    first_label = next((i for i, (_, t) in enumerate(cells) if t.strip() and not is_figure(t)), None)
    if first_label and sum(1 for _, t in cells[:first_label] if t.strip()) == 1:
        cells = cells[first_label:]
    first = next((c for c, t in cells if is_figure(t)), None)
    labels = [(c, t) for c, t in cells
              if t.strip() and not is_figure(t) and (first is None or c < first)]
    last = labels[-1][0] if labels else -1
    figures = [(c, t) for c, t in cells if c > last]
    return labels, figures


def is_figure(text: str) -> bool:
    """A figure, or where one stands: a spreadsheet formula whose result the file did not keep (the
    reader passes it on as "=SUM(…)" and says so) is an unreadable figure, never a label."""
    if is_value_token(text):  # cached on the text as given
        return True
    s = text.strip()
    return len(s) > 1 and s.startswith("=")


def has_figures(cells: list[tuple[int, str]]) -> bool:
    return any(is_figure(t) for _, t in cells)


def fit(texts: list[str], n: int) -> tuple[list[str | None] | None, str]:
    """Fit the figure cells of a row to ``n`` columns in order.

    Blank cells beyond ``n`` are taken from the end first (padding of typed tables), then from the
    start (covered cells of merged labels)."""
    v: list[str | None] = [t.strip() for t in texts]
    while len(v) > n and not v[-1]:
        v.pop()
    while len(v) > n and not v[0]:
        v.pop(0)
    if len(v) == n:
        return v, BY_ORDER
    if len(v) > n:
        filled: list[str | None] = [t for t in v if t]
        if len(filled) == n:
            return filled, EXTRA_BLANKS
        return None, TOO_MANY
    return v + [None] * (n - len(v)), TOO_FEW  # None: no cell of the source for these columns


def by_position(figures: list[tuple[int, str]], positions: list[int]) -> list[str | None] | None:
    """The figures at the header positions, or ``None`` when a figure sits outside them."""
    wanted = set(positions)
    if any(t.strip() and c not in wanted for c, t in figures):
        return None
    at = dict(figures)
    return [at.get(c) for c in positions]  # None where no cell of the source starts
