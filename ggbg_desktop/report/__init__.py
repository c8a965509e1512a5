"""The domain: schema of the official format, the report model, checks, totals. No Qt, no files."""

from .checks import RULES, check, count
from .findings import ERROR, WARNING, Finding, TextSpan
from .model import LastYear, Meta, Report
from .schema import PARTS, TABLES, CellRef
from .totals import TOTAL_CELLS, fill_totals

__all__ = [
    "RULES", "check", "count", "ERROR", "WARNING", "Finding", "TextSpan",
    "LastYear", "Meta", "Report", "PARTS", "TABLES", "CellRef", "TOTAL_CELLS", "fill_totals",
]
