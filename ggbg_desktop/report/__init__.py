"""The domain: schema of the official format, the report model, checks, totals. No Qt, no files.

The checks (and the narrative patterns they compile) load on first use of ``check``,
``count`` or ``RULES``: converting a file never checks it and should not pay for them.
"""

from typing import Any

from .findings import ERROR, WARNING, Finding, TextSpan
from .model import LastYear, Meta, Report
from .schema import PARTS, TABLES, CellRef
from .totals import TOTAL_CELLS, fill_totals

_CHECKS = ("RULES", "check", "check_changed", "count")


def __getattr__(name: str) -> Any:
    if name in _CHECKS:
        from . import checks

        return getattr(checks, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ERROR",
    "PARTS",
    "RULES",
    "TABLES",
    "TOTAL_CELLS",
    "WARNING",
    "CellRef",
    "Finding",
    "LastYear",
    "Meta",
    "Report",
    "TextSpan",
    "check",
    "check_changed",
    "count",
    "fill_totals",
]
