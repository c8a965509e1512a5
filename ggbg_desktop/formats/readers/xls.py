"""Excel 97–2003 (.xls) reader through xlrd: every sheet, merged cells, formula results as saved."""

from __future__ import annotations

from ...errors import ImportRefused
from ..document import Document
from .sheets import cell_text, sheet_blocks, sheet_table


def read(data: bytes, *, name: str) -> Document:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False,
                                  logfile=_Quiet(), ragged_rows=True)
    except Exception:  # xlrd raises XLRDError, CompDocError, struct and index errors on damaged files
        raise ImportRefused(f"“{name}”已损坏或不是 Excel 97-2003 工作簿，无法读取；请在 Excel 或 WPS 中另存为 .xlsx "
                            "后再导入") from None
    document = Document(properties={"source_format": "xls"})
    for sheet in book.sheets():
        height = sheet.nrows
        width = max((sheet.row_len(r) for r in range(height)), default=0)
        if not height or not width:
            continue

        def value_at(r: int, c: int, sheet=sheet) -> str:
            if c >= sheet.row_len(r):
                return ""
            cell = sheet.cell(r, c)
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR, xlrd.XL_CELL_BOOLEAN):
                return ""
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                except Exception:
                    return ""
            return cell_text(cell.value)

        merges = [(rlo, clo, rhi - rlo, chi - clo) for rlo, rhi, clo, chi in sheet.merged_cells]
        table = sheet_table(width, height, value_at, merges, name)
        if table.rows:
            table.source = f"从工作表“{sheet.name}”读取"
            document.blocks.extend(sheet_blocks(table))
    return document


class _Quiet:
    """xlrd writes warnings to a log file; a clerk has no use for them."""

    def write(self, text: str) -> None:
        pass
