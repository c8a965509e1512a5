"""Finding the six part headings of a document: the best chain of heading lines, parts in order."""

from __future__ import annotations

from dataclasses import replace

from ..headings import Candidate, heading_candidate


# How much less a heading split off the text it ran into counts than a heading on its own line.
RUN_IN_DOUBT = 0.5


def choose_headings(lines: list[str], run_in: frozenset[int] = frozenset()) -> dict[int, Candidate]:
    """The best chain of headings, parts in order and lines in order: part index → candidate. ``run_in``:
    lines that are headings split off the text they ran into; a heading on its own line wins over them."""
    candidates = [c for i, t in enumerate(lines) if (c := heading_candidate(t, i)) is not None]
    candidates = [replace(c, score=c.score - RUN_IN_DOUBT) if c.index in run_in else c for c in candidates]
    if not candidates:
        return {}
    # Weighted longest chain, increasing in both line and part: candidates are few.
    best: list[tuple[float, int]] = []  # (total score, previous candidate or -1)
    for j, c in enumerate(candidates):
        total, prev = c.score, -1
        for i in range(j):
            p = candidates[i]
            if p.index < c.index and p.part < c.part and best[i][0] + c.score > total:
                total, prev = best[i][0] + c.score, i
        best.append((total, prev))
    end = max(range(len(candidates)), key=lambda k: best[k][0])
    chosen: dict[int, Candidate] = {}
    while end >= 0:
        chosen[candidates[end].part] = candidates[end]
        end = best[end][1]
    return chosen
