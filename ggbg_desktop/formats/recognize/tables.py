"""Reading tables 2, 3 and 4 by their row and column labels (schema aliases), falling back to order."""

from __future__ import annotations

from functools import lru_cache

from ...report.schema import (
    COUNT,
    T2,
    T2_ITEM_HEADER,
    T2_LEGACY_WORDS,
    T2_SECTION_MARK,
    T3,
    T3_COLUMNS,
    T3_GROUPS,
    T3_HEADER_MARKS,
    T4,
    T4_COLUMNS,
    ColumnSpec,
    RowSpec,
)
from ...report.values import parse_value
from ..importlog import ImportLog
from ..normalize import common_run, is_subsequence, label_key, norm
from .cells import EXTRA_BLANKS, TOO_FEW, by_position, fit, has_figures, split_row
from .regions import Region, Row
from .store import TableFill

LEGACY_WORDS = tuple(norm(w) for w in T2_LEGACY_WORDS)
_SECTION_MARK = norm(T2_SECTION_MARK)
_T3_HEADER_MARKS = tuple(norm(w) for w in T3_HEADER_MARKS)


# ---- matching labels ---------------------------------------------------------------------------

def _row_keys(rows: tuple[RowSpec, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((label_key(r.label), tuple(norm(a) for a in r.aliases)) for r in rows)


_T2_ROWS = _row_keys(T2.rows)
_T3_ROWS = _row_keys(T3.rows)
_T4_ROWS = _row_keys(T4.rows)
_T3_GROUP_KEYS = {label_key(g) for g in T3_GROUPS.values()}
_INFO_HEADER = label_key(T2_ITEM_HEADER)


_STRONG_ALIAS = 4  # characters of an alias found in a label that identify its row beyond doubt


@lru_cache(maxsize=4096)
def _scores(keys: tuple[tuple[str, tuple[str, ...]], ...], k: str) -> tuple[tuple[float, int], ...]:
    """How well a label names each schema row: 100 for the official label, else the longest alias
    found in it, else (for broken labels) the longest run of characters shared with the label."""
    scored: list[tuple[float, int]] = []
    for i, (official, aliases) in enumerate(keys):
        if k == official:
            s = 100.0
        else:
            s = float(max((len(a) for a in aliases if a and a in k), default=0))
            if len(k) >= 2 and k in official:
                s = max(s, float(len(k)))
        if s > 0:
            scored.append((s, i))
    # A label cut by a line break ("2.其他法律行政法规禁止公" + "开") keeps most of the official
    # label but may lose its alias, while a short generic alias ("其他") still hits: a long shared
    # run must outweigh a weak alias. Only computed when no alias scored well (it is quadratic).
    if max((s for s, _ in scored), default=0) < _STRONG_ALIAS:
        for i, (official, _aliases) in enumerate(keys):
            run = common_run(k, official)
            if run >= 3 and run >= 0.6 * min(len(k), len(official)):
                scored.append((run - 0.5, i))
    return tuple(scored)


def match_row(keys, text: str, expected: int = 0) -> tuple[int, float] | None:
    """The schema row a label names, with a score (100: the official label); ties go to the row
    expected next."""
    k = label_key(text)
    if not k:
        return None
    scored = _scores(keys, k)
    if not scored:
        return None
    top = max(s for s, _ in scored)
    tied = [i for s, i in scored if s == top]
    after = [i for i in tied if i >= expected]
    return (after[0] if after else tied[0]), top


def match_column(columns: tuple[ColumnSpec, ...], text: str, loose: bool = False) -> int | None:
    """Index of the column a header cell names: exact label or alias, or (``loose``) an alias inside
    it, or a header with characters lost ("结 果 持" for 结果维持)."""
    k = label_key(text)
    if not k:
        return None
    for i, col in enumerate(columns):
        if k == label_key(col.label) or k in (norm(a) for a in col.aliases):
            return i
    if loose:
        hits = [i for i, col in enumerate(columns) if any(norm(a) in k for a in col.aliases if len(norm(a)) >= 2)]
        if len(hits) == 1:
            return hits[0]
    for i, col in enumerate(columns):
        full = label_key(col.label)
        if len(k) >= 3 and len(k) >= 0.7 * len(full) and is_subsequence(k, full):
            return i
    return None


def _figures_note(fill: TableFill, r: int, how: str) -> None:
    if how == EXTRA_BLANKS:
        fill.log.info(fill.key, f"{fill.row_name(r)}：数值之间有多余的空格子，已略过")
    elif how == TOO_FEW:
        fill.log.warn(fill.key, f"{fill.row_name(r)}：数值个数少于列数，已从左起依次填入，其余留空，请核对")


def _place_fitted(fill: TableFill, r: int, texts: list[str], n: int, source: str) -> bool:
    fitted, how = fit(texts, n)
    if fitted is None:
        fill.log.error(fill.key, f"{fill.row_name(r)}：数值个数多于列数（{'、'.join(t for t in texts if t)}），"
                                 "无法确定各值所在的列，留空待填")
        fill.placed.setdefault(r, [""] * n)
        return False
    _figures_note(fill, r, how)
    fill.place(r, dict(enumerate(fitted)), source)
    return True


# ---- table 3 -----------------------------------------------------------------------------------

def _header_positions(rows: list[Row], columns: tuple[ColumnSpec, ...]) -> list[int] | None:
    """Grid column of each value column, read from header rows; ``None`` unless clear and complete."""
    found: dict[int, set[int]] = {}
    for row in rows:
        if has_figures(row.cells):
            continue
        for c, text in enumerate(row.spread):
            j = match_column(columns, text)
            if j is not None:
                found.setdefault(j, set()).add(c)
    if len(found) != len(columns) or any(len(cs) != 1 for cs in found.values()):
        return None
    positions = [next(iter(found[j])) for j in range(len(columns))]
    return positions if len(set(positions)) == len(positions) else None


def _is_header(labels: list[tuple[int, str]], columns: tuple[ColumnSpec, ...]) -> bool:
    return sum(1 for _, t in labels if match_column(columns, t) is not None) >= 2 or any(
        k in norm(t) for _, t in labels for k in _T3_HEADER_MARKS)


def read_t3(region: Region | None, log: ImportLog) -> TableFill:
    fill = TableFill("t3", log)
    if region is None:
        return fill
    fill.found = True
    columns = T3_COLUMNS
    positions = _header_positions(region.rows, columns)
    expected = 0
    by_order = 0
    shifted: list[str] = []
    for row in region.rows:
        labels, figures = split_row(row)
        if not labels:
            if has_figures(figures):
                log.warn("t3", f"表三：一行数值没有行标签（{'、'.join(t for _, t in figures if t)}），未导入")
            continue
        if not has_figures(figures) and _is_header(labels, columns):
            continue
        label = labels[-1][1]
        if label_key(label) in _T3_GROUP_KEYS:
            if has_figures(figures):
                _collapsed_group(fill, label, figures, positions, columns)
            continue
        hit = match_row(_T3_ROWS, label, expected)
        if (hit is None or hit[1] < 2) and len(labels) > 1:
            hit = match_row(_T3_ROWS, "".join(t for _, t in labels), expected) or hit
        if hit is None or hit[1] < 2:
            if has_figures(figures):
                log.warn("t3", f"表三：未识别的行“{label.strip()}”，其数值未导入")
            continue
        r = hit[0]
        if not has_figures(figures) and hit[1] < 100:
            continue
        expected = r + 1
        texts = by_position(figures, positions) if positions and labels[-1][0] < min(positions) else None
        if texts is not None:
            fill.place(r, dict(enumerate(texts)), "按表头")
            continue
        if positions:
            shifted.append(T3.rows[r].short)
        else:
            by_order += 1
        _place_fitted(fill, r, [t for _, t in figures], len(columns), "按顺序")
    if shifted:
        examples = "、".join(f"“{s}”" for s in shifted[:3]) + ("等" if len(shifted) > 3 else "")
        log.info("t3", f"表三：{len(shifted)} 行的标签与数值不在表头所示的列（如{examples}），"
                       "这些行按列的先后顺序读取")
    if by_order:
        log.info("t3", f"表三：没有可靠的列位置（如纯文本表格），{by_order} 行按官方列序"
                       f"（{_T3_ORDER}）读取")
    return fill


# "自然人…其他、总计"
_T3_ORDER = "{}…{}、{}".format(*(T3_COLUMNS[T3.column_index(k)].label for k in ("natural_person", "other", "total")))
_OTHER_HANDLING = label_key(T3_GROUPS["other_handling"])
_OTHER_ROWS = T3.rows_of_group("other_handling")


def _collapsed_group(fill: TableFill, label: str, figures: list[tuple[int, str]], positions: list[int] | None,
                     columns: tuple[ColumnSpec, ...]) -> None:
    """A group label printed as one row with figures (some WPS templates print "（六）其他处理" without
    its sub-rows 1–3). Zero in every column: each sub-row can only be 0. Anything else cannot be
    split among the sub-rows: they are left blank, never guessed."""
    texts = by_position(figures, positions) if positions else None
    if texts is None:
        texts, _how = fit([t for _, t in figures], len(columns))
    values = [parse_value(t or "", COUNT).value for t in texts] if texts is not None else []
    if label_key(label) == _OTHER_HANDLING and values and all(v == 0 for v in values):
        if any(r in fill.placed for r in _OTHER_ROWS):
            return  # the sub-rows are printed too: the group row is their sum
        for r in _OTHER_ROWS:
            fill.place(r, {c: "0" for c in range(len(columns))}, "合并行")
        fill.log.info("t3", f"表三：“{label.strip()}”只印了一行且各列均为 0，其下 1–3 项均按 0 读取")
        return
    fill.log.warn("t3", f"表三：“{label.strip()}”只印了一行合计数（{'、'.join(t for _, t in figures if t)}；"
                        "2019年版格式及部分模板的写法），无法拆分到其下各项，相应各行留空待填，请按原始台账填写")


# ---- table 4 -----------------------------------------------------------------------------------

_T4_WIDTH = len(T4_COLUMNS)  # values of each group: 维持, 纠正, 其他, 尚未审结, 总计
_T4_GROUPS = len(T4.rows)  # 行政复议, 未经复议直接起诉, 复议后起诉
_T4_VALUES = _T4_GROUPS * _T4_WIDTH
# How a header cell names each group, checked in this order: "复议后起诉" also holds "复议".
_T4_GROUP_WORDS = (
    (T4.row_index("suit_after_reconsideration"), label_key(T4.rows[T4.row_index("suit_after_reconsideration")].label)),
    (T4.row_index("direct_suit"), min((norm(a) for a in T4.rows[T4.row_index("direct_suit")].aliases), key=len)),
)
_T4_RECONSIDERATION = T4.row_index("reconsideration")
_T4_RECONSIDERATION_LABEL = label_key(T4.rows[_T4_RECONSIDERATION].label)
# "行政复议、未经复议直接起诉、复议后起诉，各为结果维持、结果纠正、其他结果、尚未审结、总计"
_T4_ORDER = f"{'、'.join(r.label for r in T4.rows)}，各为{'、'.join(c.label for c in T4_COLUMNS)}"


def _t4_group(keys: list[str]) -> int | None:
    """The group a column's header texts name, or ``None``."""
    for group, word in _T4_GROUP_WORDS:
        if any(word in k for k in keys):
            return group
    if any(k == _T4_RECONSIDERATION_LABEL for k in keys):
        return _T4_RECONSIDERATION
    return None


def _t4_positions(rows: list[Row]) -> list[int] | None:
    """Grid column of each of the 15 values (复议 ×5, 直接起诉 ×5, 复议后起诉 ×5) from the headers."""
    headers = [row for row in rows if not has_figures(split_row(row)[1])]
    if not headers:
        return None
    width = max(len(row.spread) for row in headers)
    places: dict[tuple[int, int], int] = {}
    for c in range(width):
        texts = [row.spread[c] for row in headers if c < len(row.spread) and row.spread[c].strip()]
        group = _t4_group([label_key(t) for t in texts])
        if group is None:
            continue
        kinds = [j for t in texts if (j := match_column(T4_COLUMNS, t)) is not None]
        if not kinds:
            continue
        if (group, kinds[-1]) in places:
            return None
        places[(group, kinds[-1])] = c
    if len(places) != _T4_VALUES:
        return None
    return [places[(g, k)] for g in range(_T4_GROUPS) for k in range(_T4_WIDTH)]


def read_t4(region: Region | None, log: ImportLog) -> TableFill:
    fill = TableFill("t4", log)
    if region is None:
        return fill
    fill.found = True
    positions = _t4_positions(region.rows)
    for row in region.rows:
        labels, figures = split_row(row)
        if not has_figures(figures):
            continue
        if positions:  # left of the first value column only labels (or a serial number) stand
            figures = [(c, t) for c, t in figures if c >= min(positions)]
        texts = by_position(figures, positions) if positions else None
        if texts is not None:
            for g in range(_T4_GROUPS):
                fill.place(g, dict(enumerate(texts[g * _T4_WIDTH:(g + 1) * _T4_WIDTH])), "按表头")
            continue
        filled = sum(1 for _, t in figures if t.strip())
        hit = match_row(_T4_ROWS, labels[-1][1]) if labels else None
        if filled > _T4_WIDTH or hit is None:
            fitted, how = fit([t for _, t in figures], _T4_VALUES)
            if fitted is None:
                log.error("t4", f"表四：数值个数多于 {_T4_VALUES} 个（{'、'.join(t for _, t in figures if t)}），"
                                "无法确定各值所在的列，留空待填")
                continue
            if how == TOO_FEW:
                found = sum(1 for t in fitted if t)
                log.warn("t4", f"表四：只找到 {found} 个数值，已从左起依次填入，其余留空，请核对")
            for g in range(_T4_GROUPS):
                fill.place(g, dict(enumerate(fitted[g * _T4_WIDTH:(g + 1) * _T4_WIDTH])), "按顺序")
            if positions is None:
                log.info("t4", f"表四：按官方列序（{_T4_ORDER}）读取")
        else:
            _place_fitted(fill, hit[0], [t for _, t in figures], _T4_WIDTH, "按行标签")
    return fill


# ---- table 2 -----------------------------------------------------------------------------------

_T2_COLUMNS: tuple[ColumnSpec, ...] = tuple(
    {c.key: c for cols in T2.row_columns for c in cols}.values())


def _t2_column_key(text: str) -> str | None:
    j = match_column(_T2_COLUMNS, text, loose=True)
    return _T2_COLUMNS[j].key if j is not None else None


def read_t2(region: Region | None, log: ImportLog) -> TableFill:
    fill = TableFill("t2", log)
    if region is None:
        return fill
    fill.found = True
    header: list[tuple[int, str | None, str]] | None = None  # (grid column, column key, text)
    legacy_noted = False
    expected = 0
    for row in region.rows:
        labels, figures = split_row(row)
        texts = [t for _, t in labels]
        if any(w in norm(t) for t in texts for w in LEGACY_WORDS) and not legacy_noted:
            log.warn("t2", "表二：含有2019年版格式的栏目（如“本年新制作数量”“上一年项目数量”“政府集中采购”），"
                           "只导入与新格式对应的数值，其余请手工填写")
            legacy_noted = True
        start = 0
        for i, t in enumerate(texts):
            if _SECTION_MARK in norm(t):
                header, start = None, i + 1
        hit = match_row(_T2_ROWS, texts[-1], expected) if texts else None
        row_label = hit is not None and hit[1] >= 2 and _SECTION_MARK not in norm(texts[-1])
        end = len(labels) - 1 if row_label else len(labels)
        info = next((i for i in range(start, end) if label_key(texts[i]) == _INFO_HEADER), None)
        if info is not None:
            header = [(c, _t2_column_key(t), t) for c, t in labels[info + 1:end]]
        elif not row_label and not has_figures(figures):
            keys = [(c, _t2_column_key(t), t) for c, t in labels[start:end]]
            if any(k for _, k, _ in keys):
                header = keys
        if not row_label or hit is None:
            if has_figures(figures) and texts:
                log.warn("t2", f"表二：未识别的行“{texts[-1].strip()}”，其数值未导入")
            continue
        r = hit[0]
        expected = r + 1
        _read_t2_row(fill, r, header, figures)
    return fill


def _read_t2_row(fill: TableFill, r: int, header, figures: list[tuple[int, str]]) -> None:
    columns = T2.row_columns[r]
    wanted = [c.key for c in columns]
    if not header:
        if not has_figures(figures):
            return
        fill.log.info("t2", f"{fill.row_name(r)}：没有表头，按官方列序读取")
        _place_fitted(fill, r, [t for _, t in figures], len(columns), "按顺序")
        return
    texts = by_position(figures, [c for c, _, _ in header])
    if texts is None:
        texts, how = fit([t for _, t in figures], len(header))
        if texts is None:
            fill.log.error("t2", f"{fill.row_name(r)}：数值个数与表头不符，无法确定各值所在的列，留空待填")
            fill.placed.setdefault(r, [""] * len(columns))
            return
        _figures_note(fill, r, how)
    got = {key: text for (_, key, _), text in zip(header, texts, strict=True) if key}
    placed = {i: got[key] for i, key in enumerate(wanted) if key in got}
    for (_, key, name), text in zip(header, texts, strict=True):
        if text and text.strip() and key not in wanted:
            fill.log.warn("t2", f"{fill.row_name(r)}：“{name.strip()}”一栏的数值“{text.strip()}”"
                                "在新格式中没有对应的格子，未导入")
    if not placed:
        if len(wanted) == 1 and len(header) == 1:
            placed = {0: texts[0]}  # one value under a header we do not know: still the row's only figure
            fill.log.info("t2", f"{fill.row_name(r)}：表头“{header[0][2].strip()}”不是标准写法，按唯一的数值读取")
        else:
            fill.log.warn("t2", f"{fill.row_name(r)}：表头与新格式的栏目对应不上，留空待填")
    fill.place(r, placed, "按表头")
