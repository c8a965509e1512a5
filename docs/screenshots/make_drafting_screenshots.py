"""Take the screenshots of 显示上年数 (表三 with last year's figure and the change under each figure)
and of 插入数据说明 (part 一 with the drafted sentences just inserted, selected).

Run under Xvfb with Chinese fonts installed (fonts-noto-cjk)::

    Xvfb :97 -screen 0 1366x768x24 &
    DISPLAY=:97 python docs/screenshots/make_drafting_screenshots.py 1366x768

A 2024 report is made from a published 2023 report (shared/seeds, 004) by 从上年报告新建, with this
year's figures filled in as a clerk would (last year's, a little changed); the 2023 report is its 上年.
"""

from __future__ import annotations

import sys

from shooting import HERE, open_window, shoot

ROOT = HERE.parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "004_52047f2dfa4f4279.txt"


def this_year_report():
    from ggbg_desktop.formats import registry
    from ggbg_desktop.report import fill_totals
    from ggbg_desktop.report.rollover import rollover
    from ggbg_desktop.report.checks.cross_year import IN_FORCE, ISSUED, REPEALED, T2_DOCUMENT_ROWS
    from ggbg_desktop.report.schema import T3_CARRIED_FORWARD, T3_CARRIED_OVER, T3_NEW_RECEIVED, T3_TOTAL_HANDLED

    last = registry.read_path(SEED).report
    report = rollover(last)
    for table, rows in last.tables.items():  # this year's figures: last year's, some up, some down
        for r, row in enumerate(rows):
            if table == "t3" and r == T3_CARRIED_OVER:
                continue
            for c, value in enumerate(row):
                if isinstance(value, int):
                    report.tables[table][r][c] = max(0, value + ((r * 7 + c * 3) % 5) - 2)
                elif value is not None:
                    report.tables[table][r][c] = value
    fill_totals(report)
    t3 = report.tables["t3"]
    for c in range(len(t3[0])):  # 新收 + 上年结转 = 办理结果 + 结转下年度, as a correct report has it
        t3[T3_NEW_RECEIVED][c] = max(0, t3[T3_TOTAL_HANDLED][c] + t3[T3_CARRIED_FORWARD][c] - t3[T3_CARRIED_OVER][c])
    fill_totals(report)
    for r in T2_DOCUMENT_ROWS:  # 现行有效 = 上年现行有效 + 制发 − 废止
        row, before = report.tables["t2"][r], last.tables["t2"][r][IN_FORCE]
        if None not in (row[ISSUED], row[REPEALED], before):
            row[IN_FORCE] = max(0, before + row[ISSUED] - row[REPEALED])
    report.meta.organ = report.meta.organ or "示例县人民政府"
    report.information_fees.notices = report.information_fees.notice_amount = 0
    report.information_fees.collected = 0
    return report


def main(size: str) -> int:
    from PySide6.QtCore import QSettings

    from ggbg_desktop.ui.settings import AppSettings

    settings = AppSettings(QSettings("/tmp/ggbg-shot-settings.ini", QSettings.Format.IniFormat))
    app, window = open_window(this_year_report(), ROOT / "docs" / "screenshots" / "示例2024.ggbg", size, settings)

    def show_last_year():
        window.act_show_last_year.setChecked(True)
        window.tabs.setCurrentIndex(2)

    def insert_drafted():
        window.tabs.setCurrentIndex(0)
        editor = window.text_editors["p1"]
        text = editor.toPlainText()
        at = text.find("（二）")
        at = text.find("\n", at) + 1 if at >= 0 else len(text)
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.setPosition(at)
        editor.setTextCursor(cursor)
        window.drafting.insert_at_cursor("p1")  # the inserted passages are selected and scrolled into view

    steps = [(show_last_year, "last-year-table3"), (insert_drafted, "drafted-part1")]
    return shoot(app, window, steps, size, pause_ms=900,
                 before_quit=lambda: window.act_show_last_year.setChecked(False))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "1366x768"))
