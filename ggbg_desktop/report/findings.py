"""A finding of the checks: which rule, how bad, what to tell the clerk, where it points."""

from __future__ import annotations

from typing import Any, NamedTuple

from .schema import CellRef

ERROR = "error"
WARNING = "warning"


class TextSpan(NamedTuple):
    """A span of a part's text: ``part`` is "preamble", "p1", "p5" or "p6"; offsets index its text."""

    part: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"part": self.part, "start": self.start, "end": self.end}


class Finding(NamedTuple):
    rule: str  # stable id, e.g. "t3_row_total"; see RULES in checks/__init__.py
    severity: str  # ERROR or WARNING
    message: str  # Chinese, with expected and actual figures where there are any
    cells: tuple[CellRef, ...] = ()  # the cells it concerns, the one to fix first
    span: TextSpan | None = None
    expected: object = None
    actual: object = None
    field: str | None = None  # the header field it concerns: one of Meta's names ("organ", "year", "title" …)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "cells": [c.to_json() for c in self.cells],
        }
        if self.span is not None:
            data["span"] = self.span.to_json()
        if self.expected is not None:
            data["expected"] = self.expected
        if self.actual is not None:
            data["actual"] = self.actual
        if self.field is not None:
            data["field"] = self.field
        return data
