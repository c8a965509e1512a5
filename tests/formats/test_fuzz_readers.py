"""Mutated inputs of every format: each reader imports or raises the typed import error, nothing else.

The seeds and exports of a complete report are damaged the ways files get damaged:
bytes flipped, files truncated, zip members cut short or dropped, lines shuffled.
``GGBG_FUZZ_EXAMPLES`` raises the number of examples for the long run (docs/fuzzing.md).
"""

import io
import os
import zipfile

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ggbg_desktop.errors import UserError
from ggbg_desktop.formats import registry

EXAMPLES = int(os.environ.get("GGBG_FUZZ_EXAMPLES", "25"))


def _corpus():
    """(name, bytes) of every input format we can make here."""
    from conftest import SEEDS, complete_report

    items = []
    if SEEDS.exists():
        for path in sorted(SEEDS.glob("*.txt"))[:3]:
            raw = path.read_bytes()
            items.append((path.name, raw))
            items.append(("gbk-" + path.name, raw.decode("utf-8").encode("gb18030")))
    report = complete_report()
    for fmt in registry.WRITERS:
        if fmt.name in ("docx", "xlsx", "html", "text"):
            items.append((f"export{fmt.extensions[0]}", registry.export_bytes(report, fmt)))
    return items


CORPUS = _corpus()


def _flip(data: bytes, positions, values) -> bytes:
    out = bytearray(data)
    for p, v in zip(positions, values, strict=False):  # values: a pool of 20 bytes, the first ones used
        out[p % len(out)] = v
    return bytes(out)


def _damage_zip(data: bytes, member_index: int, keep: float, drop: bool) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    victim = names[member_index % len(names)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            body = src.read(name)
            if name == victim:
                if drop:
                    continue
                body = body[: int(len(body) * keep)]
            dst.writestr(name, body)
    return buf.getvalue()


def _shuffle_lines(data: bytes, seed: int) -> bytes:
    import random

    lines = data.split(b"\n")
    random.Random(seed).shuffle(lines)
    return b"\n".join(lines)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.integers(0, 10**7), min_size=1, max_size=20),
              st.lists(st.integers(0, 255), min_size=20, max_size=20)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("zip"), st.integers(0, 50), st.floats(0, 1), st.booleans()),
    st.tuples(st.just("shuffle"), st.integers(0, 10**6)),
)


def _apply(data: bytes, m) -> bytes:
    kind = m[0]
    if kind == "flip":
        return _flip(data, m[1], m[2])
    if kind == "truncate":
        return data[: int(len(data) * m[1])]
    if kind == "zip":
        if not data.startswith(b"PK"):
            return data[::-1]
        return _damage_zip(data, m[1], m[2], m[3])
    return _shuffle_lines(data, m[1])


@settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 10**6), m=mutation)
def test_mutated_inputs_import_or_are_refused(index, m):
    name, data = CORPUS[index % len(CORPUS)]
    damaged = _apply(data, m)
    assume(damaged)
    try:
        result = registry.read_bytes(damaged, name)
    except UserError as exc:
        assert exc.message
    else:
        assert result.report is not None


# ---- extreme declared sizes (issue 14): spans, grid offsets and list numbering -------------------

extreme_number = st.one_of(
    st.sampled_from(["0", "-1", "1", "200", "201", "32767", "32768", "2147483647", "2000000000",
                     str(10 ** 12), str(10 ** 30), "9" * 5000, "-" + "9" * 40, "abc", "", "1e9"]),
    st.integers(-10 ** 40, 10 ** 40).map(str),
)
number_format = st.sampled_from(["decimal", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman",
                                 "chineseCounting", "decimalEnclosedCircle", "decimalFullWidth",
                                 "ideographTraditional", "decimalZero", "ideographDigital", "bullet"])
_NUMBERING = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:abstractNum w:abstractNumId="901"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
              '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
              '<w:num w:numId="901"><w:abstractNumId w:val="901"/>'
              '<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{override}"/></w:lvlOverride></w:num>'
              '</w:numbering>')


def _rewrite_zip(data: bytes, changes: dict[str, bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, changes.get(name, src.read(name)))
        for name, body in changes.items():
            if name not in src.namelist():
                dst.writestr(name, body)
    return buf.getvalue()


def _extreme_docx(data: bytes, span: str, before: str, start: str, override: str, ilvl: str, fmt: str,
                  repeats: int) -> bytes:
    import re

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    xml = re.sub(r'<w:gridSpan w:val="\d+"/>', f'<w:gridSpan w:val="{span}"/>', xml)
    xml = xml.replace("<w:tr>", f'<w:tr><w:trPr><w:gridBefore w:val="{before}"/></w:trPr>')
    xml = xml.replace("<w:tcPr>", '<w:tcPr><w:vMerge w:val="continue"/>', 40)
    xml = xml.replace("<w:pPr>", f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="901"/></w:numPr>')
    numbering = _NUMBERING.format(ilvl=ilvl, start=start, fmt=fmt, text="%1" * repeats + ".", override=override)
    return _rewrite_zip(data, {"word/document.xml": xml.encode("utf-8"), "word/numbering.xml": numbering.encode()})


def _extreme_html(data: bytes, rowspan: str, colspan: str, copies: int) -> bytes:
    import re

    page = data.decode("utf-8")
    page = re.sub(r'colspan="\d+"', f'colspan="{colspan}"', page)
    page = re.sub(r"<td(?=[ >])", f'<td rowspan="{rowspan}"', page)
    head, _, rest = page.partition("<table")
    table, _, tail = rest.partition("</table>")
    return (head + ("<table" + table + "</table>") * copies + tail).encode("utf-8")


def _export_of(fmt_name: str) -> bytes:
    return dict(CORPUS)[f"export.{fmt_name}"]


def _assert_bounded(result) -> None:
    assert result.report is not None
    for line in result.log.lines():
        assert len(line) < 2000


@settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(span=extreme_number, before=extreme_number, start=extreme_number, override=extreme_number,
       ilvl=st.one_of(st.sampled_from(["0", "8", "9"]), extreme_number), fmt=number_format,
       repeats=st.integers(1, 300))
def test_docx_with_extreme_spans_and_numbering_imports_or_is_refused(span, before, start, override, ilvl, fmt,
                                                                     repeats):
    damaged = _extreme_docx(_export_of("docx"), span, before, start, override, ilvl, fmt, repeats)
    try:
        result = registry.read_bytes(damaged, "extreme.docx")
    except UserError as exc:
        assert exc.message
    else:
        _assert_bounded(result)


@settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(rowspan=extreme_number, colspan=extreme_number, copies=st.integers(1, 20))
def test_html_with_extreme_spans_imports_or_is_refused(rowspan, colspan, copies):
    damaged = _extreme_html(_export_of("html"), rowspan, colspan, copies)
    try:
        result = registry.read_bytes(damaged, "extreme.html")
    except UserError as exc:
        assert exc.message
    else:
        _assert_bounded(result)


@settings(max_examples=200, deadline=2000)
@given(rows=st.lists(st.lists(st.tuples(st.integers(-5, 10 ** 12), st.integers(-5, 10 ** 12)), max_size=30),
                     max_size=60))
def test_any_table_grid_is_bounded(rows):
    from ggbg_desktop.formats.document import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, Cell, Table

    table = Table(rows=[[Cell("x", row_span=r, col_span=c) for r, c in row] for row in rows])
    grid = table.grid()
    text = table.text_grid()
    assert len(grid) <= MAX_TABLE_ROWS
    assert all(len(line) <= MAX_TABLE_COLUMNS for line in grid)
    assert [len(line) for line in text] == [len(line) for line in grid]
    assert all(1 <= cell.row_span <= len(rows) and 1 <= cell.col_span <= MAX_TABLE_COLUMNS
               for row in table.rows for cell in row)


@settings(max_examples=300, deadline=1000)
@given(n=st.one_of(st.integers(-10 ** 40, 10 ** 40), st.integers(-5, 40000)), fmt=number_format)
def test_any_list_number_formats_to_a_short_label(n, fmt):
    from ggbg_desktop.formats.readers.wordnumbering import format_number

    assert len(format_number(n, fmt)) <= 64
