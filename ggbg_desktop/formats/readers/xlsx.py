"""Excel (.xlsx) reader: every sheet as a table, merged cells kept, formulas by their saved results."""

from __future__ import annotations

import io
import re

from ...errors import ImportRefused
from ..document import Document
from .package import Package
from .sheets import cell_text, sheet_blocks, sheet_table

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def read(data: bytes, *, name: str) -> Document:
    """Read every sheet of a workbook; a formula without a saved result is reported, not read as 0."""
    package = Package(data, "Excel 工作簿", name)
    if not package.has("xl/workbook.xml"):
        raise ImportRefused(f"“{name}”不是 Excel 工作簿（缺少工作簿部分），请确认文件类型")
    package.check_all_xml()  # openpyxl parses XML itself; nothing with a DTD reaches it
    has_formulas = any(_FORMULA.search(package.read(m)) for m in package.names
                       if m.startswith("xl/worksheets/") and m.endswith(".xml"))
    values = _load(data, name, data_only=True)
    formulas = _load(data, name, data_only=False) if has_formulas else None
    document = Document(properties={"source_format": "xlsx"})
    if values.properties.description:
        document.properties["generator"] = values.properties.description
    warnings: list[str] = []
    for sheet in values.worksheets:
        formula_sheet = formulas[sheet.title] if formulas is not None else None
        height, width = sheet.max_row or 0, sheet.max_column or 0
        if not height or not width:
            continue
        grid = [[cell_text(v) for v in row] for row in
                sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)] if height * width <= 200_000 else []
        if formula_sheet is not None:
            for r, row in enumerate(formula_sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)):
                for c, v in enumerate(row):
                    if isinstance(v, str) and v.startswith("=") and r < len(grid) and not grid[r][c]:
                        grid[r][c] = v  # the formula itself: not a figure, and not a blank that would mean 0
                        warnings.append(f"工作表“{sheet.title}”{_address(r, c)} 是公式（{v[:30]}）但文件中没有保存"
                                        "计算结果，未按 0 读取；请在 Excel 或 WPS 中打开并保存后重新导入，或手工填写")
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                  for m in sheet.merged_cells.ranges]
        table = sheet_table(width, height, lambda r, c: grid[r][c] if r < len(grid) else "", merges, name)
        if table.rows:
            document.blocks.extend(sheet_blocks(table))
    if warnings:
        document.properties["warnings"] = "\n".join(warnings)
    return document


def _load(data: bytes, name: str, *, data_only: bool):
    import warnings

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


def _address(r: int, c: int) -> str:
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r + 1}"
