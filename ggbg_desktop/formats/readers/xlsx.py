"""Excel (.xlsx) reader: every sheet as a table, merged cells kept, formulas by their saved results."""

from __future__ import annotations

import io
import re
import warnings

from ...errors import ImportRefused
from ..document import Document
from .package import Package
from .sheets import cell_text, sheet_blocks, sheet_table

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')

# What a report's sheet can hold: its three tables and text have a few hundred cells. A cell with
# content beyond these, or a merged range larger than this, is not a report (and a 6 KB file can
# declare a formula in XFD1048576 or a merge of 2000 × 2000 cells that openpyxl would build cell by cell).
MAX_ROWS = 2000
MAX_COLUMNS = 200
MAX_MERGED_CELLS = 5000  # in one range
MAX_MERGED_TOTAL = 50_000


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def check_extent(xml: bytes, name: str) -> tuple[int, int]:
    """(rows, columns) a worksheet's cells with content reach; refused when that, or a merged range,
    is beyond anything a report holds. Read from the XML before openpyxl builds any cell."""
    rows = cols = 0
    for m in _CELL.finditer(xml):
        ref = _REF.search(m.group(1))
        if ref is None or m.group(2):  # <c r="…" s="1"/>: a styled empty cell
            continue
        r, c = int(ref.group(2)), _column(ref.group(1))
        if r > MAX_ROWS or c > MAX_COLUMNS:
            raise ImportRefused(f"“{name}”的工作表在很远的位置（{ref.group(1).decode()}{r}）有内容，"
                                "不像一份年度报告，未导入")
        rows, cols = max(rows, r), max(cols, c)
    merges = _MERGE.findall(xml)
    if len(merges) > MAX_MERGED_TOTAL // 2:
        raise ImportRefused(f"“{name}”中的合并单元格过多（{len(merges)} 处），不像一份年度报告，未导入")
    total = 0
    for c0, r0, c1, r1 in merges:
        area = (abs(int(r1) - int(r0)) + 1) * (abs(_column(c1) - _column(c0)) + 1)
        total += area
        if area > MAX_MERGED_CELLS or total > MAX_MERGED_TOTAL:
            raise ImportRefused(f"“{name}”中有异常大的合并单元格（{c0.decode()}{int(r0)}:{c1.decode()}{int(r1)}），"
                                "不像一份年度报告，未导入")
    return rows, cols


def read(data: bytes, *, name: str) -> Document:
    """Read every sheet of a workbook; a formula without a saved result is reported, not read as 0."""
    package = Package(data, "Excel 工作簿", name)
    if not package.has("xl/workbook.xml"):
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（缺少工作簿部分），请确认文件类型")
    package.check_all_xml()  # openpyxl parses XML itself; nothing with a DTD reaches it
    sheets = [m for m in package.names if m.startswith("xl/worksheets/") and m.endswith(".xml")]
    extent = (0, 0)
    for member in sheets:
        rows, cols = check_extent(package.read(member), name)
        extent = (max(extent[0], rows), max(extent[1], cols))
    has_formulas = any(_FORMULA.search(package.read(m)) for m in sheets)
    values = _load(data, name, data_only=True)
    formulas = _load(data, name, data_only=False) if has_formulas else None
    document = Document(properties={"source_format": "xlsx"})
    if values.properties.description:
        document.properties["generator"] = values.properties.description
    for sheet in values.worksheets:
        formula_sheet = formulas[sheet.title] if formulas is not None else None
        # openpyxl counts styled empty cells too; the content never reaches past the checked extent
        height, width = min(sheet.max_row or 0, extent[0]), min(sheet.max_column or 0, extent[1])
        if not height or not width:
            continue
        cells = sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)
        grid = [[cell_text(v) for v in row] for row in cells] if height * width <= 200_000 else []
        if formula_sheet is not None:
            formula_cells = formula_sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)
            unsaved: list[tuple[str, str]] = []  # (address, formula)
            for r, row in enumerate(formula_cells):
                for c, v in enumerate(row):
                    if isinstance(v, str) and v.startswith("=") and r < len(grid) and not grid[r][c]:
                        grid[r][c] = v  # the formula itself: not a figure, and not a blank that would mean 0
                        unsaved.append((_address(r, c), v))
            if unsaved:
                document.warnings.append(_unsaved_formulas(sheet.title, unsaved))
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                  for m in sheet.merged_cells.ranges]
        table = sheet_table(width, height, lambda r, c, grid=grid: grid[r][c] if r < len(grid) else "", merges, name)
        if table.rows:
            table.source = f"从工作表“{sheet.title}”读取"
            document.blocks.extend(sheet_blocks(table))
    return document


def _load(data: bytes, name: str, *, data_only: bool):
    import openpyxl

    try:
        # openpyxl warns about workbook features it drops (validation, defined names…): nothing
        # the import needs, and a clerk's console should not show them.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only, read_only=False,
                                          keep_links=False)
    except ImportRefused:
        raise
    except Exception:  # openpyxl raises many kinds on damaged files
        raise ImportRefused(f"“{name}”已损坏或不是 Excel 工作簿，无法读取") from None


_LISTED_FORMULAS = 5  # cells named in the warning; a program-written sheet may have dozens


def _unsaved_formulas(sheet: str, cells: list[tuple[str, str]]) -> str:
    """One warning for a sheet's formulas without saved results (a workbook written by a program, not
    saved by Excel or WPS), naming the first cells."""
    if len(cells) == 1:
        (address, formula), = cells
        what = f"{address} 是公式（{formula[:30]}）"
    else:
        listed = "、".join(a for a, _ in cells[:_LISTED_FORMULAS]) + ("等" if len(cells) > _LISTED_FORMULAS else "")
        what = f"有 {len(cells)} 个公式（{listed}）"
    return (f"工作表“{sheet}”{what}但文件中没有保存计算结果，未按 0 读取；"
            "请在 Excel 或 WPS 中打开并保存后重新导入，或手工填写")


def _address(r: int, c: int) -> str:
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"
