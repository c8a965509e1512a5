"""A "报告信息" form: a table of label | value rows (标题, 机关名称, 报告年度…, and part texts)."""

from __future__ import annotations

from ..document import Table
from .normalize import norm
from .parts import heading_candidate
from ...report.schema import PARTS

FIELD_LABELS = {
    "标题": "title", "报告标题": "title", "机关名称": "organ", "机关": "organ", "报告机关": "organ",
    "报告年度": "year", "年度": "year", "发布日期": "published", "成文日期": "signature_date", "落款日期": "signature_date",
    "网站": "website", "网址": "website", "联系方式": "contact", "导语": "preamble",
}
_LABELS = {norm(k): v for k, v in FIELD_LABELS.items()}


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
            if cand is not None and cand.how == "title" and PARTS[cand.part].key in ("p1", "p5", "p6"):
                key = PARTS[cand.part].key
        if key and key not in found:
            found[key] = value
    return found if sum(1 for k in found if k in ("title", "organ", "year", "published", "preamble")) >= 2 else None
