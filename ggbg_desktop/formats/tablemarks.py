"""Which of tables 2, 3 and 4 a row of a source table belongs to, by the schema's labels it carries.

Shared by the readers (a sheet's section rows stay in its table) and the recognizer (which groups
rows into the three tables).
"""

from __future__ import annotations

from ..report.schema import PART_BY_KEY, T3_GROUPS, TABLE_MARKS, TABLES
from .normalize import label_key, norm

# Labels shorter than this ("其他", "自然人") name a row or column in many places: they do not vote.
_MIN_MARKER = 4


def _markers() -> dict[str, tuple[str, ...]]:
    words = {key: list(marks) for key, marks in TABLE_MARKS.items()}
    words["t3"] += [label_key(g) for g in T3_GROUPS.values()]  # "（三）不予公开" → "不予公开"
    for key, spec in TABLES.items():
        part = PART_BY_KEY[spec.part]
        words[key] += [part.title, *part.aliases]
        words[key] += [a for r in spec.rows for a in r.aliases if len(norm(a)) >= _MIN_MARKER]
        words[key] += [a for cols in spec.row_columns for c in cols for a in c.aliases if len(norm(a)) >= _MIN_MARKER]
    return {key: tuple(dict.fromkeys(norm(w) for w in ws)) for key, ws in words.items()}


MARKERS = _markers()


def row_vote(texts: list[str]) -> str | None:
    """The table whose labels this row carries most, or ``None`` when it carries none."""
    joined = "|".join(norm(t) for t in texts if t)
    if not joined:
        return None
    scores = {key: sum(1 for m in markers if m in joined) for key, markers in MARKERS.items()}
    best = max(scores, key=lambda key: scores[key])
    return best if scores[best] else None
