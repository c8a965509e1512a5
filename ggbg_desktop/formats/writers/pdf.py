"""PDF in the official layout of GB/T 9704, typeset by Typst (the same pages print preview and print show)."""

from __future__ import annotations

from ...report.model import Report
from ..layout import layout
from . import typesetter


def export(report: Report, options) -> bytes:
    """The report as PDF bytes, A4, in the official layout."""
    return typesetter.render(layout(report, options), options, "pdf")
