"""The official report format (国办公开办函〔2021〕30号) as data, defined once.

Everything that needs a part title, a table label, a merge or a value kind reads
it from here: the recognizer, the checks, the layout, the table editor and the
spreadsheet writer. See FORMAT.md §2–§6.

Addressing. Each table keeps its values in a *value matrix* (``list`` of rows):

- ``t2``: six rows — 规章 (3 values), 行政规范性文件 (3), 行政许可 (1),
  行政处罚 (1), 行政强制 (1), 行政事业性收费 (1); ragged.
- ``t3``: 25 rows × 7 columns.
- ``t4``: 3 rows (行政复议, 未经复议直接起诉, 复议后起诉) × 5 columns.

Flattened row by row, each matrix gives FORMAT.md's reading order (the order the
``.ggbg`` file stores). A cell of a matrix is named by :class:`CellRef`. The
*grid* of each table is the official printed layout: header and label cells
with their spans, and value cells that point into the matrix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

# --------------------------------------------------------------------------
# Parts of the report (FORMAT.md §2)


class PartSpec(NamedTuple):
    key: str  # "p1" … "p6"
    number: str  # "一"
    title: str  # "总体情况"
    kind: str  # "text" or "table"
    table: str | None = None  # "t2" for part 二 …
    aliases: tuple[str, ...] = ()  # other wordings seen in real reports
    short: str = ""  # the title on the editor's tab, where the full one would not fit

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    @property
    def tab_title(self) -> str:
        return f"{self.number}、{self.short or self.title}"


PARTS: tuple[PartSpec, ...] = (
    PartSpec("p1", "一", "总体情况", "text", aliases=("总体情况", "基本情况", "概述")),
    PartSpec("p2", "二", "主动公开政府信息情况", "table", "t2",
             aliases=("主动公开政府信息情况", "主动公开政府信息", "主动公开情况"), short="主动公开"),
    PartSpec("p3", "三", "收到和处理政府信息公开申请情况", "table", "t3",
             aliases=("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请",
                      "依申请公开政府信息情况", "政府信息公开申请情况"), short="依申请公开"),
    PartSpec("p4", "四", "政府信息公开行政复议、行政诉讼情况", "table", "t4",
             aliases=("政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况",
                      "因政府信息公开申请行政复议、提起行政诉讼情况", "行政复议和行政诉讼情况"),
             short="复议和诉讼"),
    PartSpec("p5", "五", "存在的主要问题及改进情况", "text",
             aliases=("存在的主要问题及改进情况", "存在的主要问题和改进情况", "存在的问题及改进情况",
                      "存在的主要问题及改进措施", "主要问题及改进情况", "存在问题及改进措施"),
             short="问题及改进"),
    PartSpec("p6", "六", "其他需要报告的事项", "text",
             aliases=("其他需要报告的事项", "其他需要报告事项", "其它需要报告的事项"), short="其他事项"),
)
PART_BY_KEY = {p.key: p for p in PARTS}
TEXT_PARTS: tuple[str, ...] = ("p1", "p5", "p6")

# The five sub-parts part 一 usually has; a new report starts from them.
OVERVIEW_SUBHEADINGS: tuple[str, ...] = (
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
)

# --------------------------------------------------------------------------
# Header fields (报告信息): the report's metadata, one per attribute of ``report.model.Meta``


class HeaderField(NamedTuple):
    key: str  # the attribute of Meta: "organ", "year" …
    label: str  # how the editor, the workbook and the messages name it
    kind: str = "text"  # "text", "year" or "date" ("YYYY-MM-DD")
    aliases: tuple[str, ...] = ()  # other labels seen in 报告信息 forms in the wild


HEADER_FIELDS: tuple[HeaderField, ...] = (
    HeaderField("title", "标题", aliases=("报告标题",)),
    HeaderField("organ", "机关名称", aliases=("机关", "报告机关")),
    HeaderField("year", "报告年度", "year", ("年度",)),
    HeaderField("published", "发布日期", "date"),
    HeaderField("signature_date", "成文日期", "date", ("落款日期",)),
    HeaderField("website", "网站", aliases=("网址",)),
    HeaderField("contact", "联系方式", aliases=("联系电话", "电话")),
)
HEADER_FIELD_BY_KEY = {f.key: f for f in HEADER_FIELDS}


def header_field(key: str) -> HeaderField:
    """The header field of a Meta attribute; KeyError for anything else."""
    return HEADER_FIELD_BY_KEY[key]


TITLE_SUFFIX = "政府信息公开工作年度报告"
PREAMBLE_NAME = "导语"
META_NAME = "报告信息"  # the header fields: organ, year, title, dates
# In a 报告信息 form (the Excel export's first sheet) a table part's cell reads "见工作表“表二 …”".
SEE_SHEET = "见工作表"


def part_name(key: str) -> str:
    """How the clerk calls a place of the report: "导语", "第一部分" … "第六部分", "报告信息"."""
    if key == "preamble":
        return PREAMBLE_NAME
    if key in PART_BY_KEY:
        return f"第{PART_BY_KEY[key].number}部分"
    return META_NAME


def report_title(organ: str, year: int | None) -> str:
    """The title proposed from organ and year: ``{机关}{年}年政府信息公开工作年度报告``."""
    year_text = f"{year}年" if year else ""
    return f"{organ}{year_text}{TITLE_SUFFIX}"


# --------------------------------------------------------------------------
# Value kinds (FORMAT.md §6 rule 5)

COUNT = "count"  # a non-negative integer
AMOUNT = "amount"  # a non-negative number (万元), may carry decimals

# --------------------------------------------------------------------------
# Tables


class CellRef(NamedTuple):
    """One value of one table: ``table`` is "t2", "t3" or "t4"; row/col index its value matrix."""

    table: str
    row: int
    col: int

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "row": self.row, "col": self.col}


class RowSpec(NamedTuple):
    key: str
    label: str  # the official label, as printed in its own cell
    short: str  # how a message names the row: "（七）总计", "（三）不予公开·1.属于国家秘密"
    aliases: tuple[str, ...] = ()  # distinctive fragments for recognising the row in the wild
    group: str | None = None  # key of the enclosing group label ("handled", "withheld" …)


class ColumnSpec(NamedTuple):
    key: str
    label: str
    aliases: tuple[str, ...] = ()


class GridCell(NamedTuple):
    """A cell of the official printed table. Exactly one of ``text`` and ``value`` is set."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str | None = None
    value: CellRef | None = None
    role: str = "label"  # "section" (第二十条…), "header", "label" or "value"


class TableSpec(NamedTuple):
    key: str  # "t2"
    part: str  # "p2"
    title: str
    rows: tuple[RowSpec, ...]
    # Columns per row. For t3 and t4 every row has the same columns; t2's rows differ.
    row_columns: tuple[tuple[ColumnSpec, ...], ...]
    grid: tuple[GridCell, ...]
    grid_rows: int
    grid_cols: int
    amount_cells: frozenset[tuple[int, int]] = frozenset()

    def shape(self) -> tuple[int, ...]:
        """Number of values in each row of the value matrix."""
        return tuple(len(cols) for cols in self.row_columns)

    def cells(self) -> Iterator[CellRef]:
        for r, cols in enumerate(self.row_columns):
            for c in range(len(cols)):
                yield CellRef(self.key, r, c)

    def kind(self, row: int, col: int) -> str:
        return AMOUNT if (row, col) in self.amount_cells else COUNT

    def cell_label(self, row: int, col: int) -> str:
        """The name of a value cell for messages, e.g. "（七）总计·自然人"."""
        row_spec = self.rows[row]
        cols = self.row_columns[row]
        if len(cols) == 1:
            return row_spec.short
        return f"{row_spec.short}·{cols[col].label}"

    def row_index(self, key: str) -> int:
        """Row of the value matrix with this key ("total_handled" → 23); KeyError for none."""
        for i, r in enumerate(self.rows):
            if r.key == key:
                return i
        raise KeyError(key)

    def column_index(self, key: str, row: int = 0) -> int:
        """Column of a row of the value matrix with this key ("total" → 6); KeyError for none."""
        for i, c in enumerate(self.row_columns[row]):
            if c.key == key:
                return i
        raise KeyError(key)

    def ref(self, row_key: str, column_key: str) -> CellRef:
        """The cell named by its row and column keys: ``T3.ref("new_received", "total")``."""
        row = self.row_index(row_key)
        return CellRef(self.key, row, self.column_index(column_key, row))

    def rows_of_group(self, group: str) -> tuple[int, ...]:
        """Rows under a group label ("withheld" → the eight 不予公开 rows)."""
        return tuple(i for i, r in enumerate(self.rows) if r.group == group)

    def empty_matrix(self) -> list[list[Any]]:
        return [[None] * n for n in self.shape()]


# A label merged down more rows than this (表三's 三、本年度办理结果, 22 rows) is read beside its first
# rows: its words stand at its top, in the editor and in print, where it may break across pages;
# shorter ones ((三)不予公开, 8 rows) are centred and kept on one page.
TALL_LABEL_ROWS = 12


def _grid(cells: list[GridCell]) -> tuple[GridCell, ...]:
    return tuple(sorted(cells, key=lambda c: (c.row, c.col)))


# ---- Table 2 — 主动公开政府信息情况 (FORMAT.md §3) -------------------------

T2_ARTICLE_SECTIONS = (
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
)
T2_ITEM_HEADER = "信息内容"
T2_SECTION_MARK = "第二十条"  # every section row of table 2 cites an item of 第二十条
# Column headers of the 2019–2020 format (国办公开办函〔2019〕60号) that have no place in the current one.
T2_LEGACY_WORDS = (
    "新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "政府集中采购",
    "对外管理服务事项", "采购项目数量", "采购总金额",
)
T2_DOCUMENT_COLUMNS = (
    ColumnSpec("issued", "本年制发件数", ("本年制发", "制发件数", "制发")),
    ColumnSpec("repealed", "本年废止件数", ("本年废止", "废止件数", "废止", "度止")),
    ColumnSpec("in_force", "现行有效件数", ("现行有效", "有效件数")),
)
T2_DECISIONS_COLUMN = ColumnSpec("decisions", "本年处理决定数量", ("处理决定数量", "处理决定"))
T2_FEES_COLUMN = ColumnSpec("fees", "本年收费金额（单位：万元）", ("收费金额",))

T2_ROWS = (
    RowSpec("rules", "规章", "规章", ("规章",)),
    RowSpec("normative_documents", "行政规范性文件", "行政规范性文件", ("行政规范性文件", "规范性文件")),
    RowSpec("licensing", "行政许可", "行政许可", ("行政许可",)),
    RowSpec("penalty", "行政处罚", "行政处罚", ("行政处罚",)),
    RowSpec("enforcement", "行政强制", "行政强制", ("行政强制",)),
    RowSpec("fees", "行政事业性收费", "行政事业性收费", ("行政事业性收费", "事业性收费")),
)


def _t2_grid() -> tuple[GridCell, ...]:
    g: list[GridCell] = []

    def section(row: int, text: str) -> None:
        g.append(GridCell(row, 0, 1, 4, text=text, role="section"))

    def header(row: int, column: ColumnSpec | None) -> None:
        g.append(GridCell(row, 0, text=T2_ITEM_HEADER, role="header"))
        if column is not None:
            g.append(GridCell(row, 1, 1, 3, text=column.label, role="header"))

    def single(row: int, value_row: int) -> None:
        g.append(GridCell(row, 0, text=T2_ROWS[value_row].label))
        g.append(GridCell(row, 1, 1, 3, value=CellRef("t2", value_row, 0), role="value"))

    section(0, T2_ARTICLE_SECTIONS[0])
    g.append(GridCell(1, 0, text=T2_ITEM_HEADER, role="header"))
    for c, column in enumerate(T2_DOCUMENT_COLUMNS):
        g.append(GridCell(1, c + 1, text=column.label, role="header"))
    for r in (0, 1):
        g.append(GridCell(2 + r, 0, text=T2_ROWS[r].label))
        for c in range(3):
            g.append(GridCell(2 + r, c + 1, value=CellRef("t2", r, c), role="value"))
    section(4, T2_ARTICLE_SECTIONS[1])
    header(5, T2_DECISIONS_COLUMN)
    single(6, 2)
    section(7, T2_ARTICLE_SECTIONS[2])
    header(8, T2_DECISIONS_COLUMN)
    single(9, 3)
    single(10, 4)
    section(11, T2_ARTICLE_SECTIONS[3])
    header(12, T2_FEES_COLUMN)
    single(13, 5)
    return _grid(g)


T2 = TableSpec(
    key="t2",
    part="p2",
    title="主动公开政府信息情况",
    rows=T2_ROWS,
    row_columns=(
        T2_DOCUMENT_COLUMNS,
        T2_DOCUMENT_COLUMNS,
        (T2_DECISIONS_COLUMN,),
        (T2_DECISIONS_COLUMN,),
        (T2_DECISIONS_COLUMN,),
        (T2_FEES_COLUMN,),
    ),
    grid=_t2_grid(),
    grid_rows=14,
    grid_cols=4,
    amount_cells=frozenset({(5, 0)}),
)

# ---- Table 3 — 收到和处理政府信息公开申请情况 (FORMAT.md §4) ----------------

T3_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"

T3_COLUMNS = (
    ColumnSpec("natural_person", "自然人", ("自然人",)),
    ColumnSpec("business", "商业企业", ("商业企业",)),
    ColumnSpec("research", "科研机构", ("科研机构",)),
    ColumnSpec("public_interest", "社会公益组织", ("社会公益组织", "公益组织")),
    ColumnSpec("legal_services", "法律服务机构", ("法律服务机构",)),
    ColumnSpec("other", "其他", ("其他",)),
    ColumnSpec("total", "总计", ("总计", "合计")),
)

T3_GROUPS = {
    "handled": "三、本年度办理结果",
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}


def _r(key: str, label: str, short: str, aliases: list[str], group: str | None = None) -> RowSpec:
    return RowSpec(key, label, short, tuple(aliases), group)


T3_ROWS = (
    _r("new_received", "一、本年新收政府信息公开申请数量", "一、本年新收申请",
       ["本年新收", "新收政府信息公开申请"]),
    _r("carried_from_last_year", "二、上年结转政府信息公开申请数量", "二、上年结转申请",
       ["上年结转"]),
    _r("disclosed", "（一）予以公开", "（一）予以公开", ["予以公开"], "handled"),
    _r("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
       "（二）部分公开", ["部分公开"], "handled"),
    _r("withheld_state_secret", "1.属于国家秘密", "（三）不予公开·1.属于国家秘密",
       ["国家秘密"], "withheld"),
    _r("withheld_prohibited", "2.其他法律行政法规禁止公开", "（三）不予公开·2.其他法律行政法规禁止公开",
       ["法律行政法规禁止公开", "禁止公开"], "withheld"),
    _r("withheld_security", "3.危及“三安全一稳定”", "（三）不予公开·3.危及“三安全一稳定”",
       ["三安全一稳定", "危及"], "withheld"),
    _r("withheld_third_party", "4.保护第三方合法权益", "（三）不予公开·4.保护第三方合法权益",
       ["第三方合法权益", "保护第三方"], "withheld"),
    _r("withheld_internal", "5.属于三类内部事务信息", "（三）不予公开·5.属于三类内部事务信息",
       ["内部事务信息", "内部事务"], "withheld"),
    _r("withheld_process", "6.属于四类过程性信息", "（三）不予公开·6.属于四类过程性信息",
       ["过程性信息"], "withheld"),
    _r("withheld_enforcement_file", "7.属于行政执法案卷", "（三）不予公开·7.属于行政执法案卷",
       ["行政执法案卷", "执法案卷"], "withheld"),
    _r("withheld_inquiry", "8.属于行政查询事项", "（三）不予公开·8.属于行政查询事项",
       ["行政查询事项", "查询事项"], "withheld"),
    _r("unavailable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供·1.本机关不掌握相关政府信息",
       ["不掌握相关政府信息", "不掌握"], "unavailable"),
    _r("unavailable_needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供·2.没有现成信息需要另行制作",
       ["另行制作", "没有现成信息"], "unavailable"),
    _r("unavailable_unclear", "3.补正后申请内容仍不明确", "（四）无法提供·3.补正后申请内容仍不明确",
       ["仍不明确", "补正后申请内容"], "unavailable"),
    _r("not_processed_petition", "1.信访举报投诉类申请", "（五）不予处理·1.信访举报投诉类申请",
       ["信访举报投诉", "信访"], "not_processed"),
    _r("not_processed_repeated", "2.重复申请", "（五）不予处理·2.重复申请",
       ["重复申请"], "not_processed"),
    _r("not_processed_publication", "3.要求提供公开出版物", "（五）不予处理·3.要求提供公开出版物",
       ["公开出版物"], "not_processed"),
    _r("not_processed_mass", "4.无正当理由大量反复申请", "（五）不予处理·4.无正当理由大量反复申请",
       ["大量反复申请", "大量反复"], "not_processed"),
    _r("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息",
       "（五）不予处理·5.要求行政机关确认或重新出具已获取信息",
       ["确认或重新出具", "重新出具"], "not_processed"),
    _r("other_no_correction",
       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "（六）其他处理·1.逾期不补正", ["逾期不补正"], "other_handling"),
    _r("other_fee_unpaid",
       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "（六）其他处理·2.逾期未缴纳费用", ["缴纳费用", "收费通知"], "other_handling"),
    _r("other_other", "3.其他", "（六）其他处理·3.其他", ["其他"], "other_handling"),
    _r("total_handled", "（七）总计", "（七）总计", ["总计"], "handled"),
    _r("carried_to_next_year", "四、结转下年度继续办理", "四、结转下年度继续办理",
       ["结转下年度", "结转下年"]),
)

# Words only table 3's header block carries: the balance note and the applicants' header.
T3_HEADER_MARKS = ("勾稽关系", T3_APPLICANTS)


def _t3_grid() -> tuple[GridCell, ...]:
    g = [
        GridCell(0, 0, 3, 3, text=T3_BALANCE_NOTE, role="header"),
        GridCell(0, 3, 1, 7, text=T3_APPLICANTS, role="header"),
        GridCell(1, 3, 2, 1, text=T3_COLUMNS[0].label, role="header"),
        GridCell(1, 4, 1, 5, text=T3_LEGAL_PERSONS, role="header"),
        GridCell(1, 9, 2, 1, text=T3_COLUMNS[6].label, role="header"),
    ]
    for c in range(1, 6):
        g.append(GridCell(2, 3 + c, text=T3_COLUMNS[c].label, role="header"))
    body = 3
    g.append(GridCell(body + 2, 0, 22, 1, text=T3_GROUPS["handled"]))
    group_rows = {
        "withheld": (4, 8),
        "unavailable": (12, 3),
        "not_processed": (15, 5),
        "other_handling": (20, 3),
    }
    for key, (first, span) in group_rows.items():
        g.append(GridCell(body + first, 1, span, 1, text=T3_GROUPS[key]))
    for i, row in enumerate(T3_ROWS):
        gr = body + i
        if row.group is None:
            g.append(GridCell(gr, 0, 1, 3, text=row.label))
        elif row.group == "handled":
            g.append(GridCell(gr, 1, 1, 2, text=row.label))
        else:
            g.append(GridCell(gr, 2, text=row.label))
        for c in range(7):
            g.append(GridCell(gr, 3 + c, value=CellRef("t3", i, c), role="value"))
    return _grid(g)


T3 = TableSpec(
    key="t3",
    part="p3",
    title="收到和处理政府信息公开申请情况",
    rows=T3_ROWS,
    row_columns=tuple(T3_COLUMNS for _ in T3_ROWS),
    grid=_t3_grid(),
    grid_rows=28,
    grid_cols=10,
)

# Rows and columns the rules of FORMAT.md §6 name, found by key.
T3_NEW_RECEIVED = T3.row_index("new_received")
T3_CARRIED_OVER = T3.row_index("carried_from_last_year")
T3_TOTAL_HANDLED = T3.row_index("total_handled")
T3_CARRIED_FORWARD = T3.row_index("carried_to_next_year")
T3_TOTAL_COLUMN = T3.column_index("total")
# Rows whose sum is （七）总计 (FORMAT.md §6 rule 2): every result row of 三 but the total.
T3_RESULT_ROWS = tuple(i for i, r in enumerate(T3_ROWS) if r.group is not None and i != T3_TOTAL_HANDLED)
T3_PART_COLUMNS = tuple(i for i, c in enumerate(T3_COLUMNS) if i != T3_TOTAL_COLUMN)

# ---- Table 4 — 政府信息公开行政复议、行政诉讼情况 (FORMAT.md §5) -------------

T4_RECONSIDERATION = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_COLUMNS = (
    ColumnSpec("upheld", "结果维持", ("结果维持", "维持")),
    ColumnSpec("corrected", "结果纠正", ("结果纠正", "纠正")),
    ColumnSpec("other", "其他结果", ("其他结果", "其他")),
    ColumnSpec("pending", "尚未审结", ("尚未审结", "尚未")),
    ColumnSpec("total", "总计", ("总计", "合计")),
)
T4_ROWS = (
    RowSpec("reconsideration", "行政复议", "行政复议", ("行政复议",)),
    RowSpec("direct_suit", "未经复议直接起诉", "行政诉讼·未经复议直接起诉", ("未经复议直接起诉", "直接起诉")),
    RowSpec("suit_after_reconsideration", "复议后起诉", "行政诉讼·复议后起诉", ("复议后起诉",)),
)


def _t4_grid() -> tuple[GridCell, ...]:
    g = [
        GridCell(0, 0, 1, 5, text=T4_RECONSIDERATION, role="header"),
        GridCell(0, 5, 1, 10, text=T4_LITIGATION, role="header"),
        GridCell(1, 5, 1, 5, text=T4_ROWS[1].label, role="header"),
        GridCell(1, 10, 1, 5, text=T4_ROWS[2].label, role="header"),
    ]
    for c, column in enumerate(T4_COLUMNS):
        g.append(GridCell(1, c, 2, 1, text=column.label, role="header"))
        g.append(GridCell(2, 5 + c, text=column.label, role="header"))
        g.append(GridCell(2, 10 + c, text=column.label, role="header"))
    for r in range(3):
        for c in range(5):
            g.append(GridCell(3, r * 5 + c, value=CellRef("t4", r, c), role="value"))
    return _grid(g)


T4 = TableSpec(
    key="t4",
    part="p4",
    title="政府信息公开行政复议、行政诉讼情况",
    rows=T4_ROWS,
    row_columns=tuple(T4_COLUMNS for _ in T4_ROWS),
    grid=_t4_grid(),
    grid_rows=4,
    grid_cols=15,
)
T4_TOTAL_COLUMN = T4.column_index("total")
T4_PART_COLUMNS = tuple(i for i, c in enumerate(T4_COLUMNS) if i != T4_TOTAL_COLUMN)

TABLES: dict[str, TableSpec] = {"t2": T2, "t3": T3, "t4": T4}

# Words that mark a row of a source table as part of a table, besides its part title and the
# longer row and column aliases (short labels such as "其他" or "总计" appear in every table).
TABLE_MARKS: dict[str, tuple[str, ...]] = {
    "t2": (T2_SECTION_MARK, T2_ITEM_HEADER, *T2_LEGACY_WORDS),
    "t3": (*T3_HEADER_MARKS, T3_LEGAL_PERSONS, T3_COLUMNS[0].label),
    "t4": (),
}


def cell_label(ref: CellRef) -> str:
    """Human name of a value cell: "表三 （七）总计·自然人" without the table prefix."""
    return TABLES[ref.table].cell_label(ref.row, ref.col)


TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
