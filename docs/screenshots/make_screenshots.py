"""Take the screenshots in this folder: the real window under an X server, one PNG per tab.

Run under Xvfb with Chinese fonts installed (fonts-noto-cjk)::

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 python docs/screenshots/make_screenshots.py 1366x768

The window fills the screen (as maximized); files are named ``<size>-<tab>.png``.

It imports a published report (shared/seeds) or falls back to the test report,
and grabs the whole X screen with ImageMagick's ``import`` after each tab is shown.
"""

from __future__ import annotations

import sys

from shooting import HERE, open_window, shoot

ROOT = HERE.parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "004_52047f2dfa4f4279.txt"
SHOTS = ["main-table3", "tab1-overview", "tab2-proactive", "tab3-applications", "tab4-review", "tab5-problems",
         "tab6-other"]


def report_with_real_figures():
    from ggbg_desktop.formats import registry

    try:
        return registry.read_path(SEED).report
    except Exception as exc:  # the seeds or a reader missing: the test report will do
        print(f"seed not imported ({exc}); using the test report", file=sys.stderr)
        sys.path.insert(0, str(ROOT / "tests"))
        from conftest import complete_report

        return complete_report()


def main(size: str) -> int:
    from ggbg_desktop.report import CellRef

    report = report_with_real_figures()
    app, window = open_window(report, ROOT / "docs" / "screenshots" / "示例.ggbg", size)
    # one figure typed wrong, as a clerk would, so the red cell and the findings show
    ref = CellRef("t3", 0, 0)
    wrong = (report.value(ref) or 0) + 1
    steps = []

    def show(tab: int, name: str, before=None):
        def step():
            if before:
                before()
            window.tabs.setCurrentIndex(tab)
        steps.append((step, name))

    show(2, SHOTS[0], lambda: window.state.edit_values({ref: wrong}))
    show(0, SHOTS[1], lambda: window.act_undo.trigger())
    for i, name in enumerate(SHOTS[2:], start=1):
        show(i, name)
    return shoot(app, window, steps, size, pause_ms=700)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "1366x768"))
