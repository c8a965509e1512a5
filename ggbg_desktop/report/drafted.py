"""Drafted passages remembered as drafted: put into a part, found again, known out of date, rewritten.

A passage counts as drafted while its text stands in its part exactly as the program wrote it.
Once the clerk edits a single character of it, it is the clerk's text: it is no longer found,
no longer reported out of date, and never rewritten — the text-against-table rule still reads
it like any other sentence. :func:`update_drafted` drops such records.

A drafted passage is out of date when a figure it was drawn from (this year's or last year's,
or the information-processing fee) now differs from the value it was drafted with — including
last year's figures arriving after it was drafted.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import UserError
from .drafting import KIND_NAMES, KIND_PARTS, Draft, DraftIncomplete, draft, figure_value, kinds_of_part
from .findings import TextSpan
from .model import DraftedText, Report, Value
from .schema import TEXT_PARTS, part_name


class Located(NamedTuple):
    record: DraftedText
    record_index: int  # in report.drafted
    start: int
    end: int


def locate(report: Report) -> list[Located]:
    """The drafted passages still standing unchanged in their parts, in record order.

    Each record claims the occurrence of its text nearest to where it was put, so the same
    passage pasted twice by the clerk leaves one drafted copy and one of the clerk's.
    """
    claimed: dict[str, list[tuple[int, int]]] = {}
    out = []
    for index, record in enumerate(report.drafted):
        text = report.parts.get(record.part, "")
        if not record.text:
            continue
        taken = claimed.setdefault(record.part, [])
        best = None
        pos = text.find(record.text)
        while pos >= 0:
            end = pos + len(record.text)
            free = not any(a < end and pos < b for a, b in taken)
            if free and (best is None or abs(pos - record.start) < abs(best - record.start)):
                best = pos
            pos = text.find(record.text, pos + 1)
        if best is not None:
            taken.append((best, best + len(record.text)))
            out.append(Located(record, index, best, best + len(record.text)))
    return out


def changed_figures(report: Report, record: DraftedText) -> list[tuple[str, Value, Value]]:
    """(figure key, value when drafted, value now) for every figure of the record that changed."""
    out = []
    for key, before in record.figures.items():
        try:
            now = figure_value(report, key)
        except (KeyError, ValueError):
            continue
        if now != before:
            out.append((key, before, now))
    return out


def stale(report: Report) -> list[Located]:
    """The drafted passages whose figures changed since they were drafted."""
    return [item for item in locate(report) if changed_figures(report, item.record)]


class Inserted(NamedTuple):
    report: Report  # a new report; the one passed in is unchanged
    start: int  # the span of the part's text now holding the inserted passages
    end: int
    skipped: tuple[str, ...]  # why a passage was not drafted (figures still blank), in Chinese


class _Edit(NamedTuple):
    start: int
    end: int
    text: str
    records: tuple[tuple[int, DraftedText], ...]  # (offset in text, record)


def _apply(report: Report, part: str, edits: list[_Edit], keep: list[Located]) -> None:
    """Apply non-overlapping edits to one part, add their records, and move the start hints of
    the drafted passages kept there."""
    text = report.parts[part]
    pieces, pos, shift = [], 0, 0
    moves = []  # (old position, shift after it)
    records: list[DraftedText] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):  # an insertion before a rewrite at the same place
        pieces.append(text[pos:edit.start])
        new_start = edit.start + shift
        for offset, record in edit.records:
            record.start = new_start + offset
            records.append(record)
        pieces.append(edit.text)
        pos = edit.end
        shift += len(edit.text) - (edit.end - edit.start)
        moves.append((edit.end, shift))
    pieces.append(text[pos:])
    report.parts[part] = "".join(pieces)
    for item in keep:
        if item.record.part == part:
            item.record.start = item.start + next((s for end, s in reversed(moves) if end <= item.start), 0)
    report.drafted.extend(records)


def insert_drafted(report: Report, part: str, position: int, kinds: tuple[str, ...] | None = None) -> Inserted:
    """Put the drafted passages of ``part`` (all of them, or ``kinds``) into it at ``position``.

    A passage of a kind already standing drafted in the part is rewritten where it stands
    instead of inserted a second time. New passages go in as paragraphs of their own
    (one line each) at ``position``. Raises :class:`UserError` when none can be drafted.
    """
    if part not in TEXT_PARTS or not kinds_of_part(part):
        raise UserError(f"{part_name(part)}没有可由程序起草的数据说明")
    wanted = kinds_of_part(part) if kinds is None else tuple(k for k in kinds_of_part(part) if k in kinds)
    result = report.copy()
    drafts, skipped = [], []
    for kind in wanted:
        try:
            drafts.append(draft(result, kind))
        except DraftIncomplete as exc:
            skipped.append(exc.message)
    if not drafts:
        raise UserError(skipped[0] if skipped else f"{part_name(part)}没有可由程序起草的数据说明")
    text = result.parts.get(part, "")
    position = max(0, min(position, len(text)))
    everywhere = locate(result)
    located = [item for item in everywhere if item.record.part == part]
    by_kind = {d.kind: d for d in drafts}
    replaced = [item for item in located if item.record.kind in by_kind]
    keep = [item for item in located if item.record.kind not in by_kind]
    edits = [_Edit(item.start, item.end, by_kind[item.record.kind].text,
                   ((0, _record(part, by_kind[item.record.kind])),)) for item in replaced]
    # Records of passages the clerk has edited are dropped here too: that text is the clerk's now.
    result.drafted = [item.record for item in everywhere if item not in replaced]
    fresh = [_record(part, d) for d in drafts if d.kind not in {item.record.kind for item in replaced}]
    if fresh:
        for e in edits:  # never split a passage being rewritten: the new ones go after it
            if e.start < position < e.end:
                position = e.end
        prefix = "\n" if position > 0 and text[position - 1] != "\n" else ""
        suffix = "\n" if position < len(text) and text[position] != "\n" else ""
        offsets, at = [], len(prefix)
        for record in fresh:
            offsets.append((at, record))
            at += len(record.text) + 1
        body = "\n".join(r.text for r in fresh)
        edits.append(_Edit(position, position, prefix + body + suffix, tuple(offsets)))
    _apply(result, part, edits, keep)
    new_records = [r for e in edits for _, r in e.records]
    start = min(r.start for r in new_records)
    end = max(r.start + len(r.text) for r in new_records)
    _sort_records(result)
    return Inserted(result, start, end, tuple(skipped))


def _record(part: str, d: Draft) -> DraftedText:
    return DraftedText(part, d.kind, d.text, dict(d.figures))


def update_drafted(report: Report, only: TextSpan | None = None) -> Report:
    """A new report with every out-of-date drafted passage rewritten from the figures now —
    or only the one at ``only`` (the span of its ``drafted_stale`` finding).

    Only drafted passages change; the clerk's text stays character for character. Records of
    passages the clerk has edited or deleted are dropped. A passage whose figures are now blank
    is left as it is (and stays reported out of date).
    """
    result = report.copy()
    located = locate(result)
    result.drafted = []
    by_part: dict[str, list[_Edit]] = {}
    kept: list[Located] = []
    for item in located:
        record = item.record
        chosen = only is None or (only.part == record.part and (only.start, only.end) == (item.start, item.end))
        if not chosen or not changed_figures(result, record):
            kept.append(item)
            continue
        try:
            fresh = draft(result, record.kind)
        except DraftIncomplete:
            kept.append(item)
            continue
        by_part.setdefault(record.part, []).append(
            _Edit(item.start, item.end, fresh.text, ((0, _record(record.part, fresh)),)))
    for item in kept:
        item.record.start = item.start
    result.drafted = [item.record for item in kept]
    for part, edits in by_part.items():
        _apply(result, part, edits, kept)
    _sort_records(result)
    return result


def _sort_records(report: Report) -> None:
    report.drafted.sort(key=lambda r: (TEXT_PARTS.index(r.part) if r.part in TEXT_PARTS else 99, r.start))


def describe(kind: str) -> str:
    """"第一部分的“依申请公开”数据说明"."""
    return f"{part_name(KIND_PARTS[kind])}的“{KIND_NAMES[kind]}”数据说明"
