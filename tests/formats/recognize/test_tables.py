"""Tables 2–4 read by row and column labels, through every variant of FORMAT.md §7."""

from __future__ import annotations

from ggbg_desktop.formats.document import Cell, Document, Paragraph, Table
from ggbg_desktop.formats.recognize import recognize
from ggbg_desktop.report.schema import T3, T3_COLUMNS

HEADER = [""] + [c.label for c in T3_COLUMNS]


def table(rows) -> Table:
    return Table(rows=[[c if isinstance(c, Cell) else Cell(str(c)) for c in row] for row in rows])


def t3_rows(values=None, labels=None):
    """A plain table 3: one header row, then each official row label and 7 figures."""
    values = values or [[i + 1] * 6 + [6 * (i + 1)] for i in range(25)]
    labels = labels or [r.label for r in T3.rows]
    return [HEADER] + [[label, *v] for label, v in zip(labels, values, strict=True)]


def run(*blocks):
    doc = Document(blocks=[Paragraph("三、收到和处理政府信息公开申请情况"), *blocks])
    result = recognize(doc)
    return result.report, "\n".join(result.log.lines())


def test_plain_grid_read_by_header_positions():
    report, log = run(table(t3_rows()))
    assert report.tables["t3"] == [[i + 1] * 6 + [6 * (i + 1)] for i in range(25)]
    assert "按官方列序" not in log


def test_columns_in_another_order_are_read_by_their_labels():
    order = [6, 0, 1, 2, 3, 4, 5]  # 总计 first
    rows = [[""] + [T3_COLUMNS[j].label for j in order]]
    for i, r in enumerate(T3.rows):
        v = [i + 1] * 6 + [6 * (i + 1)]
        rows.append([r.label] + [v[j] for j in order])
    report, _ = run(table(rows))
    assert report.tables["t3"][5] == [6] * 6 + [36]


def test_label_shifted_into_another_column_reads_in_order():
    rows = [["", "", *HEADER]]
    for i, r in enumerate(T3.rows):
        v = [i + 1] * 6 + [6 * (i + 1)]
        if r.key == "other_other":
            rows.append([r.label, "", *v, "", ""])  # label in column 1, figures two columns early
        else:
            rows.append(["", "", r.label, *v])
    report, log = run(table(rows))
    assert report.tables["t3"][22] == [23] * 6 + [138]
    assert "按列的先后顺序读取" in log


def test_blank_cells_of_a_filled_table_mean_zero_and_are_listed():
    """FORMAT.md §7: published reports leave a cell blank for "nothing happened"."""
    rows = t3_rows()
    rows[1 + 4][2] = ""  # 1.属于国家秘密 · 商业企业
    rows[1 + 4][7] = ""  # … · 总计
    report, log = run(table(rows))
    assert report.tables["t3"][4] == [5, 0, 5, 5, 5, 5, 0]
    assert "2 个空白格按 0 读取" in log and "1.属于国家秘密·商业企业" in log


def test_a_table_of_blanks_stays_blank():
    rows = t3_rows()
    for row in rows[1:]:
        row[1:] = [""] * (len(row) - 1)
    report, log = run(table(rows))
    assert all(v is None for row in report.tables["t3"] for v in row)
    assert "数值全为空白" in log


def test_columns_without_a_source_cell_are_not_guessed():
    """A short row of a text table is filled from the left; the columns it did not reach stay blank."""
    rows = t3_rows()
    rows[1 + 4] = rows[1 + 4][:5]  # only three figures for 1.属于国家秘密
    report, log = run(table(rows))
    assert report.tables["t3"][4] == [5, 5, 5, 5, None, None, None]
    assert "无法确定数值" in log


def test_zero_marks_units_full_width_and_thousands():
    rows = t3_rows()
    rows[1][1:] = ["１２", "1,204", "—", "/", "0件", "无", "1,216"]
    report, log = run(table(rows))
    assert report.tables["t3"][0] == [12, 1204, 0, 0, 0, 0, 1216]
    assert "“—”" in log and "“/”" in log and "按 0 读取" in log
    assert "“0件”" in log and "去掉单位" in log


def test_unreadable_cell_is_never_invented():
    rows = t3_rows()
    rows[2][3] = "见附件"
    rows[3][1] = "2.5"
    report, log = run(table(rows))
    assert report.tables["t3"][1][2] is None
    assert report.tables["t3"][2][0] is None
    assert "“见附件” 不是有效的数字" in log
    assert "“2.5”" in log


def test_broken_and_shortened_labels():
    labels = [r.label for r in T3.rows]
    labels[4] = "国家秘密"  # shortened
    labels[8] = "5.属于三类内部\n事务信息"  # broken across lines
    labels[19] = "5.要求行政机关确认或重新出具已 获取信息"
    labels[21] = "2.申请人逾期未按收费通知要求缴 纳费用、行政机关不再处理其政府信 息公开申请"
    report, _ = run(table(t3_rows(labels=labels)))
    assert report.tables["t3"][4][0] == 5
    assert report.tables["t3"][8][0] == 9
    assert report.tables["t3"][19][0] == 20
    assert report.tables["t3"][21][0] == 22


def test_duplicate_row_with_other_figures_is_a_logged_conflict():
    rows = t3_rows()
    rows.append([T3.rows[0].label, 9, 9, 9, 9, 9, 9, 54])
    report, log = run(table(rows))
    assert report.tables["t3"][0] == [1] * 6 + [6]
    assert "出现两次且数值不同" in log


def test_too_many_figures_are_not_placed():
    rows = [[T3.rows[0].label, 1, 2, 3, 4, 5, 6, 7, 8, 9]]  # no header: order only
    report, log = run(table(rows))
    assert report.tables["t3"][0] == [None] * 7
    assert "无法确定各值所在的列" in log


def test_missing_rows_are_listed():
    rows = t3_rows()
    del rows[1 + 16]  # 2.重复申请
    report, log = run(table(rows))
    assert report.tables["t3"][16] == [None] * 7
    assert "（五）不予处理·2.重复申请：表中未找到此行" in log


def test_missing_tables_are_errors():
    result = recognize(Document(blocks=[Paragraph("一、总体情况"), Paragraph("正文。")]))
    errors = [e.message for e in result.log.by_level("error")]
    assert any("表二" in m and "未找到表格" in m for m in errors)
    assert any("表四" in m for m in errors)


def test_group_row_of_the_2019_format_is_reported_not_guessed():
    labels = [r.label for r in T3.rows]
    rows = [HEADER]
    for i, label in enumerate(labels):
        if i in (20, 21):
            continue
        if i == 22:
            rows.append(["（六）其他处理", 1, 0, 0, 0, 0, 0, 1])  # 2019: one row, no sub-rows
            continue
        rows.append([label, *([0] * 7)])
    report, log = run(table(rows))
    assert report.tables["t3"][20] == [None] * 7
    assert report.tables["t3"][22] == [None] * 7
    assert "2019年版格式" in log
    assert log.count("无法拆分到其下各项") == 1  # one clear line, not one per cell


def _collapsed_other(values):
    """Table 3 with "（六）其他处理" printed as one row (a WPS template), sub-rows 1–3 absent."""
    rows = [HEADER]
    for i, label in enumerate(r.label for r in T3.rows):
        if i in (20, 21):
            continue
        if i == 22:
            rows.append(["（六）其他处理", *values])
            continue
        rows.append([label, *([1] * 6 + [6])])
    return table(rows)


def test_a_collapsed_other_handling_row_of_zeros_gives_three_zero_sub_rows():
    report, log = run(_collapsed_other([0] * 7))
    assert report.tables["t3"][20:23] == [[0] * 7] * 3
    assert report.tables["t3"][0] == [1] * 6 + [6]
    assert "（六）其他处理”只印了一行且各列均为 0" in log
    assert "21 格" not in log and "未找到此行" not in log


def test_a_collapsed_other_handling_row_with_figures_leaves_its_sub_rows_blank():
    report, log = run(_collapsed_other([2, 0, 0, 0, 0, 0, 2]))
    assert report.tables["t3"][20:23] == [[None] * 7] * 3
    assert "无法拆分到其下各项" in log


# ---- table 2 -------------------------------------------------------------------------------------

def t2_official(values):
    """Table 2 in its printed layout with merged cells (as a word processor writes it)."""
    v = [str(x) for x in values]
    return Table(rows=[
        [Cell("第二十条第（一）项", col_span=4)],
        [Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数"), Cell("现行有效件数")],
        [Cell("规章"), Cell(v[0]), Cell(v[1]), Cell(v[2])],
        [Cell("行政规范性文件"), Cell(v[3]), Cell(v[4]), Cell(v[5])],
        [Cell("第二十条第（五）项", col_span=4)],
        [Cell("信息内容"), Cell("本年处理决定数量", col_span=3)],
        [Cell("行政许可"), Cell(v[6], col_span=3)],
        [Cell("第二十条第（六）项", col_span=4)],
        [Cell("信息内容"), Cell("本年处理决定数量", col_span=3)],
        [Cell("行政处罚"), Cell(v[7], col_span=3)],
        [Cell("行政强制"), Cell(v[8], col_span=3)],
        [Cell("第二十条第（八）项", col_span=4)],
        [Cell("信息内容"), Cell("本年收费金额（单位：万元）", col_span=3)],
        [Cell("行政事业性收费"), Cell(v[9], col_span=3)],
    ])


def test_t2_merged_layout_and_amount_with_decimals():
    report, log = run(t2_official([1, 0, 12, 3, 1, 40, "67,711", 40592, 2502, "236.982"]))
    assert report.flat("t2") == [1, 0, 12, 3, 1, 40, 67711, 40592, 2502, 236.982]


def test_t2_typo_in_header_still_maps():
    t = t2_official(range(1, 11))
    t.rows[1][2] = Cell("本年度止件数")  # seed 003's typo
    report, _ = run(t)
    assert report.flat("t2")[:6] == [1, 2, 3, 4, 5, 6]


def test_t2_in_the_2019_format_imports_what_maps():
    t = Table(rows=[
        [Cell("第二十条第（一）项", col_span=4)],
        [Cell("信息内容"), Cell("本年新制作数量"), Cell("本年新公开数量"), Cell("对外公开总数量")],
        [Cell("规章"), Cell("2"), Cell("2"), Cell("30")],
        [Cell("规范性文件"), Cell("5"), Cell("5"), Cell("80")],
        [Cell("第二十条第（五）项", col_span=4)],
        [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减"), Cell("处理决定数量")],
        [Cell("行政许可"), Cell("120"), Cell("3"), Cell("4567")],
        [Cell("其他对外管理服务事项"), Cell("10"), Cell("0"), Cell("12")],
        [Cell("第二十条第（六）项", col_span=4)],
        [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减"), Cell("处理决定数量")],
        [Cell("行政处罚"), Cell("50"), Cell("1"), Cell("890")],
        [Cell("行政强制"), Cell("5"), Cell("0"), Cell("7")],
        [Cell("第二十条第（八）项", col_span=4)],
        [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减"), Cell("")],
        [Cell("行政事业性收费"), Cell("3"), Cell("0"), Cell("")],
        [Cell("第二十条第（九）项", col_span=4)],
        [Cell("信息内容"), Cell("采购项目数量"), Cell("采购总金额", col_span=2)],
        [Cell("政府集中采购"), Cell("4"), Cell("120.5", col_span=2)],
    ])
    report, log = run(t)
    assert report.flat("t2") == [None, None, None, None, None, None, 4567, 890, 7, None]
    assert "2019年版格式" in log
    assert "表头与新格式的栏目对应不上" in log


def test_t2_without_headers_reads_in_official_order():
    t = table([["规章", 1, 2, 3], ["行政规范性文件", 4, 5, 6], ["行政许可", 7], ["行政处罚", 8],
               ["行政强制", 9], ["行政事业性收费", "10.5"]])
    report, log = run(t)
    assert report.flat("t2") == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5]
    assert "没有表头，按官方列序读取" in log


# ---- table 4 -------------------------------------------------------------------------------------

def t4_official(values):
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return Table(rows=[
        [Cell("行政复议", col_span=5), Cell("行政诉讼", col_span=10)],
        [*(Cell(h, row_span=2) for h in heads), Cell("未经复议直接起诉", col_span=5), Cell("复议后起诉", col_span=5)],
        [*(Cell(h) for h in heads), *(Cell(h) for h in heads)],
        [Cell(str(v)) for v in values],
    ])


def test_t4_by_header_positions():
    values = [1, 2, 1, 2, 6, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]
    report, log = run(t4_official(values))
    assert report.flat("t4") == values
    assert "按官方列序" not in log


def test_t4_with_a_blank_first_cell_and_broken_headers():
    values = [1, 2, 1, 2, 6, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]
    t = t4_official(values)
    t.rows[3].insert(0, Cell(""))
    t.rows[2][0] = Cell("结 果 持")
    report, _ = run(t)
    assert report.flat("t4") == values


def test_t4_as_three_labelled_rows():
    t = table([["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
               ["行政复议", 1, 2, 0, 0, 3], ["未经复议直接起诉", 0, 1, 0, 0, 1], ["复议后起诉", 0, 0, 0, 2, 2]])
    report, _ = run(t)
    assert report.flat("t4") == [1, 2, 0, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 2, 2]


def test_all_three_tables_in_one_block_are_separated_by_their_labels():
    t2 = t2_official(range(1, 11))
    t3 = table(t3_rows())
    t4 = t4_official(range(15))
    one = Table(rows=[[Cell("二、主动公开政府信息情况")], *t2.rows, [Cell("三、收到和处理政府信息公开申请情况")],
                      *t3.rows, [Cell("四、政府信息公开行政复议、行政诉讼情况")], *t4.rows])
    report = recognize(Document(blocks=[one])).report
    assert report.flat("t2") == list(range(1, 11))
    assert report.tables["t3"][24] == [25] * 6 + [150]
    assert report.flat("t4") == list(range(15))


def test_a_serial_number_column_is_not_a_figure():
    rows = t3_rows()
    rows = [["序号", *rows[0]]] + [[str(i), *row] for i, row in enumerate(rows[1:], 1)]
    report, log = run(table(rows))
    assert report.tables["t3"] == [[i + 1] * 6 + [6 * (i + 1)] for i in range(25)]


def test_table_four_with_a_serial_number_column():
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [Cell("序号", row_span=3), Cell("行政复议", col_span=5), Cell("行政诉讼", col_span=10)],
        [Cell(o, row_span=2) for o in outcomes]
        + [Cell("未经复议直接起诉", col_span=5), Cell("复议后起诉", col_span=5)],
        [Cell(o) for o in outcomes * 2],
        [Cell(t) for t in ["1", "1", "2", "1", "2", "6", "1", "0", "0", "0", "1", "0", "0", "0", "1", "1"]],
    ]
    result = recognize(Document(blocks=[Paragraph("四、政府信息公开行政复议、行政诉讼情况"), Table(rows=rows)]))
    assert result.report.flat("t4") == [1, 2, 1, 2, 6, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]


def test_blanks_in_this_programs_own_files_stay_blank():
    from ggbg_desktop.formats.document import GENERATOR

    rows = t3_rows()
    rows[1 + 4][2] = ""
    doc = Document(blocks=[Paragraph("三、收到和处理政府信息公开申请情况"), table(rows)],
                   properties={"generator": GENERATOR})
    result = recognize(doc)
    assert result.report.tables["t3"][4][1] is None
    assert any("空白即未填写" in line for line in result.log.lines())


def test_the_log_says_which_layout_each_table_was_read_from():
    t3 = table(t3_rows())
    t3.source = "从 PDF 表格线读取（跨 2 页，已拼接）"
    _report, log = run(t3)
    assert ("表三（收到和处理政府信息公开申请情况）：已找到，读出 175/175 个数值；"
            "从 PDF 表格线读取（跨 2 页，已拼接）") in log


def test_typed_tables_name_their_layout_in_the_log():
    from conftest import SEEDS

    from ggbg_desktop.formats import registry

    lines = registry.read_path(SEEDS / "001_9b0f64044e721509.txt").log.lines()
    assert any("表三" in line and "按文字表格读取（“|”分隔，一个格子一行）" in line for line in lines)


def test_table_four_totals_as_formulas_without_results_keep_the_typed_figures():
    """A workbook written by a program: each 总计 is "=SUM(…)" with no saved result. The four figures
    before it are figures (not a serial-number column to drop); the totals are left blank."""
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = ["4", "0", "2", "0", "=SUM(A4:D4)", "1", "0", "0", "0", "=SUM(F4:I4)", "0", "3", "0", "0", "=SUM(K4:N4)"]
    rows = [
        [Cell("行政复议", col_span=5), Cell("行政诉讼", col_span=10)],
        [Cell(o, row_span=2) for o in outcomes]
        + [Cell("未经复议直接起诉", col_span=5), Cell("复议后起诉", col_span=5)],
        [Cell(o) for o in outcomes * 2],
        [Cell(t) for t in values],
    ]
    result = recognize(Document(blocks=[Paragraph("四、政府信息公开行政复议、行政诉讼情况"), Table(rows=rows)]))
    assert result.report.flat("t4") == [4, 0, 2, 0, None, 1, 0, 0, 0, None, 0, 3, 0, 0, None]


def test_a_row_of_formulas_without_results_is_found_and_left_blank():
    rows = t3_rows()
    rows[1 + 23] = [rows[1 + 23][0]] + [f"=SUM({c}5:{c}25)" for c in "DEFGHIJ"]
    report, log = run(table(rows))
    assert report.tables["t3"][23] == [None] * 7
    assert "（七）总计：表中未找到此行" not in log
