"""A "报告信息" form: a table of label | value rows (标题, 机关名称, 报告年度…, and part texts)."""

from __future__ import annotations

from ...report.schema import HEADER_FIELDS, PART_BY_KEY, PARTS, PREAMBLE_NAME, TEXT_PARTS, header_field
from ..document import Table
from ..headings import heading_candidate
from ..normalize import norm

# Every label a form may give a field: the schema's header labels and aliases, and 导语.
_LABELS = {norm(label): f.key for f in HEADER_FIELDS for label in (f.label, *f.aliases)}
_LABELS[norm(PREAMBLE_NAME)] = "preamble"
# A form is one when it names at least two of these.
_TELLING = ("title", "organ", "year", "published", "preamble")


def read_fields(table: Table) -> dict[str, str] | None:
    """Field name ("organ", "year", "p1"…) → text, when the table is such a form; else ``None``."""
    found: dict[str, str] = {}
    for row in table.rows:
        texts = [c.text.strip() for c in row if c.text.strip()]
        if len(texts) != 2:
            continue
        label, value = texts
        key = _LABELS.get(norm(label))
        if key is None:
            cand = heading_candidate(label)
            if cand is not None and cand.how == "title" and PARTS[cand.part].key in TEXT_PARTS:
                key = PARTS[cand.part].key
        if key and key not in found:
            found[key] = value
    return found if sum(1 for k in found if k in _TELLING) >= 2 else None


def field_name(key: str) -> str:
    """How the import log names what a form gave: the header field's label, 导语, or a part's heading."""
    if key == "preamble":
        return PREAMBLE_NAME
    if key in PART_BY_KEY:
        return PART_BY_KEY[key].heading
    return header_field(key).label
