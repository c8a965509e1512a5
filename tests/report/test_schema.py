"""The schema: shapes, the printed grids and their merges as FORMAT.md §3–§5 gives them."""

import pytest

from ggbg_desktop.report.schema import (
    PARTS,
    T2,
    T3,
    T4,
    TABLES,
    CellRef,
    report_title,
)


def test_value_counts_match_the_reading_order():
    assert sum(T2.shape()) == 10
    assert T3.shape() == (7,) * 25
    assert T4.shape() == (5, 5, 5)


def test_six_parts_in_order_with_tables_in_parts_two_to_four():
    assert [p.heading for p in PARTS] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]
    assert [p.table for p in PARTS] == [None, "t2", "t3", "t4", None, None]


def _coverage(spec):
    covered = {}
    for cell in spec.grid:
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                assert (r, c) not in covered, f"{spec.key}: ({r},{c}) covered twice"
                covered[(r, c)] = cell
    return covered


def test_every_grid_position_is_covered_exactly_once():
    for spec in TABLES.values():
        covered = _coverage(spec)
        assert set(covered) == {(r, c) for r in range(spec.grid_rows) for c in range(spec.grid_cols)}, spec.key


def test_every_value_appears_once_in_the_grid():
    for spec in TABLES.values():
        refs = [cell.value for cell in spec.grid if cell.value is not None]
        assert sorted(refs, key=lambda r: (r.row, r.col)) == list(spec.cells())
        for cell in spec.grid:
            assert (cell.text is None) != (cell.value is None)


def _cell(spec, text):
    return next(c for c in spec.grid if c.text == text)


def test_table_two_merges():
    sections = ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项")
    for row, text in zip((0, 4, 7, 11), sections, strict=True):
        cell = _cell(T2, text)
        assert (cell.row, cell.col, cell.row_span, cell.col_span) == (row, 0, 1, 4)
    licensing = next(c for c in T2.grid if c.value == CellRef("t2", 2, 0))
    assert (licensing.row, licensing.col_span) == (6, 3)
    fee = next(c for c in T2.grid if c.value == CellRef("t2", 5, 0))
    assert (fee.row, fee.col, fee.col_span) == (13, 1, 3)
    assert T2.kind(5, 0) == "amount" and T2.kind(0, 0) == "count"


def test_table_three_merges():
    note = _cell(T3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert (note.row, note.col, note.row_span, note.col_span) == (0, 0, 3, 3)
    assert (lambda c: (c.row, c.col, c.col_span))(_cell(T3, "申请人情况")) == (0, 3, 7)
    assert (lambda c: (c.row_span, c.col))(_cell(T3, "自然人")) == (2, 3)
    assert (lambda c: (c.col, c.col_span))(_cell(T3, "法人或其他组织")) == (4, 5)
    handled = _cell(T3, "三、本年度办理结果")
    assert (handled.row, handled.col, handled.row_span) == (5, 0, 22)
    for text, span in (("（三）不予公开", 8), ("（四）无法提供", 3), ("（五）不予处理", 5), ("（六）其他处理", 3)):
        assert _cell(T3, text).row_span == span
    for text in ("一、本年新收政府信息公开申请数量", "四、结转下年度继续办理"):
        assert _cell(T3, text).col_span == 3
    for text in ("（一）予以公开", "（七）总计"):
        cell = _cell(T3, text)
        assert (cell.col, cell.col_span) == (1, 2)


def test_table_four_merges():
    assert (lambda c: (c.col, c.col_span))(_cell(T4, "行政复议")) == (0, 5)
    assert (lambda c: (c.col, c.col_span))(_cell(T4, "行政诉讼")) == (5, 10)
    assert (lambda c: (c.col, c.col_span))(_cell(T4, "未经复议直接起诉")) == (5, 5)
    assert (lambda c: (c.col, c.col_span))(_cell(T4, "复议后起诉")) == (10, 5)
    upheld = [c for c in T4.grid if c.text == "结果维持"]
    assert sorted((c.row, c.col, c.row_span) for c in upheld) == [(1, 0, 2), (2, 5, 1), (2, 10, 1)]
    assert [c.col for c in T4.grid if c.value is not None] == list(range(15))


def test_cell_labels_name_row_and_column():
    assert T3.cell_label(23, 0) == "（七）总计·自然人"
    assert T2.cell_label(2, 0) == "行政许可"
    assert T4.cell_label(0, 4) == "行政复议·总计"


def test_proposed_title():
    assert report_title("蓝田县人民政府", 2023) == "蓝田县人民政府2023年政府信息公开工作年度报告"


def test_header_fields_are_the_meta_attributes_each_named_once():
    import dataclasses

    from ggbg_desktop.report.model import Meta
    from ggbg_desktop.report.schema import HEADER_FIELDS, header_field

    assert [f.key for f in HEADER_FIELDS] == ["title", "organ", "year", "published", "signature_date", "website",
                                              "contact"]
    assert {f.key for f in HEADER_FIELDS} == {f.name for f in dataclasses.fields(Meta)}
    names = [name for f in HEADER_FIELDS for name in (f.label, *f.aliases)]
    assert len(names) == len(set(names))  # a label names one field only
    assert header_field("website").label == "网站" and "网址" in header_field("website").aliases
    assert {f.key for f in HEADER_FIELDS if f.kind == "date"} == {"published", "signature_date"}


def test_rows_and_columns_by_key():
    from ggbg_desktop.report.schema import (
        T3_CARRIED_FORWARD,
        T3_CARRIED_OVER,
        T3_NEW_RECEIVED,
        T3_PART_COLUMNS,
        T3_RESULT_ROWS,
        T3_TOTAL_COLUMN,
        T3_TOTAL_HANDLED,
        T4_PART_COLUMNS,
        T4_TOTAL_COLUMN,
    )

    assert (T3_NEW_RECEIVED, T3_CARRIED_OVER, T3_TOTAL_HANDLED, T3_CARRIED_FORWARD) == (0, 1, 23, 24)
    assert tuple(range(2, 23)) == T3_RESULT_ROWS and T3_TOTAL_COLUMN == 6 and tuple(range(6)) == T3_PART_COLUMNS
    assert T4_TOTAL_COLUMN == 4 and T4_PART_COLUMNS == (0, 1, 2, 3)
    assert T3.ref("total_handled", "natural_person") == CellRef("t3", 23, 0)
    assert T2.ref("fees", "fees") == CellRef("t2", 5, 0)
    assert T2.column_index("in_force", T2.row_index("normative_documents")) == 2
    assert T3.rows_of_group("other_handling") == (20, 21, 22)
    with pytest.raises(KeyError):
        T3.ref("total_handled", "fees")


def test_no_module_but_the_schema_addresses_an_official_cell_by_number():
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "ggbg_desktop"
    by_number = re.compile(r'CellRef\(\s*"t[234]"\s*,\s*\d|tables\["t[234]"\]\[\d|row_columns\[\d\]'
                           r"|T[234]_ROWS\[\d|T[34]_COLUMNS\[\d")
    found = [f"{path.relative_to(package)}:{i}" for path in sorted(package.rglob("*.py"))
             if path.name != "schema.py"
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if by_number.search(line)]
    assert found == [], "\n".join(found)


# ---- every label typed once ---------------------------------------------------------------------

# The report's own prose that contains a label's words, kept as written: (module under ggbg_desktop/,
# phrase) and why it is prose, not a reference to the label.
_PROSE = {
    # A drafted sentence ("另有3件政府信息公开申请结转下年度继续办理。"); drafting tests and rule 8 read it.
    ("report/drafting.py", "结转下年度继续办理"),
    # A drafted sentence ("现行有效规章12件"): the words of the sentence, not the column's label.
    ("report/drafting.py", "现行有效"),
    # Patterns for the words a clerk writes in prose ("行政复议案件3件", "行政事业性收费0.5万元").
    ("report/narrative.py", "行政复议"),
    ("report/narrative.py", "行政事业性收费"),
}


def _labels() -> dict[str, str]:
    """Every label the schema types → what it names: header fields (labels and aliases), part titles
    (and aliases), table titles, row labels (also without their numbering) and shorts, column labels
    and aliases of four characters or more, table 3's group labels."""
    import re

    from ggbg_desktop.report.schema import HEADER_FIELDS, T3_APPLICANTS, T3_GROUPS, T3_LEGAL_PERSONS

    numbering = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
    labels: dict[str, str] = {}
    for f in HEADER_FIELDS:
        labels.update((name, f"header field {f.key}") for name in (f.label, *f.aliases))
    for part in PARTS:
        labels.update((name, f"part {part.key}") for name in (part.title, *part.aliases))
    for spec in TABLES.values():
        labels[spec.title] = f"table {spec.key}"
        for row in spec.rows:
            for name in (row.label, row.short, numbering.sub("", row.label)):
                labels.setdefault(name, f"row {spec.key}.{row.key}")
        for column in {c for columns in spec.row_columns for c in columns}:
            for name in (column.label, *column.aliases):
                if len(name) >= 4:
                    labels.setdefault(name, f"column {spec.key}.{column.key}")
    for group in (*T3_GROUPS.values(), T3_LEGAL_PERSONS, T3_APPLICANTS):
        for name in (group, numbering.sub("", group)):
            labels.setdefault(name, "group label of t3")
    return labels


def _code_strings(source: str):
    """(line, text) of every string literal code uses — f-string parts included; docstrings and
    other bare string statements left out (comments are not literals)."""
    import ast

    tree = ast.parse(source)
    bare = {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare:
            yield node.lineno, node.value


def test_no_module_but_the_schema_types_a_label():
    """A label of four characters or more is found inside any literal; a shorter one ("网站", "规章",
    "年度") only as a literal of its own, since as a word it is everywhere in ordinary prose."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "ggbg_desktop"
    labels = _labels()
    found = []
    for path in sorted(package.rglob("*.py")):
        module = path.relative_to(package).as_posix()
        if module == "report/schema.py":
            continue
        for line, text in _code_strings(path.read_text(encoding="utf-8")):
            hits = {name for name in labels if (name in text if len(name) >= 4 else name == text)}
            found += [f"{module}:{line} {name} ({labels[name]})" for name in sorted(hits)
                      if (module, name) not in _PROSE]
    assert found == [], "\n".join(found)


def test_the_label_scan_finds_labels_in_literals_and_f_strings_but_not_in_docstrings():
    source = '''"""Module docstring names 机关名称."""
def f(x):
    """So may a function's: 报告年度."""
    return f"请填写{x}和联系方式", "网站", "网站地址"
'''
    assert sorted(text for _, text in _code_strings(source)) == sorted(["请填写", "和联系方式", "网站", "网站地址"])
    labels = _labels()
    assert "联系方式" in labels and "网站" in labels and "结转下年度继续办理" in labels
    assert "（七）总计" in labels and "法人或其他组织" in labels and "本年制发" in labels
