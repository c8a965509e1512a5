"""Transitional: readers/html.py still imports the page-noise rules from here.

They live in formats/noise.py (and the date parser in report/values.py); delete this module once
readers/html.py imports those.
"""

from ...report.values import find_date as date_text
from ..noise import is_noise, published_date

__all__ = ["date_text", "is_noise", "published_date"]
