"""Plain text (.txt): paragraphs one per line, tables as " | "-separated rows, UTF-8."""

from __future__ import annotations

from ...report.model import Report
from ..document import Document, Table
from ..layout import layout

SEPARATOR = " | "


def export(report: Report, options) -> bytes:
    """The report as UTF-8 text with Windows line ends, which Notepad and every reader accept."""
    return write(layout(report, options)).replace("\n", "\r\n").encode("utf-8")


def write(document: Document) -> str:
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            lines.extend(table_lines(block))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def table_lines(table: Table) -> list[str]:
    """Each row over the table's full width: a spanned cell's text where it starts, the
    positions it covers left empty, so every row has the same number of cells."""
    return [SEPARATOR.join("" if cell is None else cell.text for cell in line).rstrip()
            for line in table.grid()]
