"""Totals computed from their parts: table 3's 总计 column and （七）总计 row, table 4's 总计."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Report, Value
from .schema import (
    T3,
    T3_PART_COLUMNS,
    T3_RESULT_ROWS,
    T3_TOTAL_COLUMN,
    T3_TOTAL_HANDLED,
    T4,
    T4_PART_COLUMNS,
    T4_TOTAL_COLUMN,
    CellRef,
)


def sum_values(values: Iterable[Value]) -> Value:
    """Sum with blanks read as 0; None when every value is blank."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def total_cells() -> frozenset[CellRef]:
    """Every cell whose value is the sum of others (shown read-only under 自动合计)."""
    cells = {CellRef("t3", r, T3_TOTAL_COLUMN) for r in range(len(T3.rows))}
    cells |= {CellRef("t3", T3_TOTAL_HANDLED, c) for c in range(len(T3.row_columns[T3_TOTAL_HANDLED]))}
    cells |= {CellRef("t4", r, T4_TOTAL_COLUMN) for r in range(len(T4.rows))}
    return frozenset(cells)


TOTAL_CELLS = total_cells()


def fill_totals(report: Report) -> list[CellRef]:
    """Compute every total cell from its parts in place; return the cells that changed."""
    changed: list[CellRef] = []

    def put(ref: CellRef, value: Value) -> None:
        if report.value(ref) != value:
            report.set_value(ref, value)
            changed.append(ref)

    t3 = report.tables["t3"]
    for c in T3_PART_COLUMNS:
        put(CellRef("t3", T3_TOTAL_HANDLED, c), sum_values(t3[r][c] for r in T3_RESULT_ROWS))
    for r in range(len(t3)):
        put(CellRef("t3", r, T3_TOTAL_COLUMN), sum_values(t3[r][c] for c in T3_PART_COLUMNS))
    t4 = report.tables["t4"]
    for r in range(len(t4)):
        put(CellRef("t4", r, T4_TOTAL_COLUMN), sum_values(t4[r][c] for c in T4_PART_COLUMNS))
    return changed
