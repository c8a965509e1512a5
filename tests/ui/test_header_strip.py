"""The header strip: its labels come from the schema, its dates are read by report.values.parse_date."""

from PySide6.QtWidgets import QFormLayout, QLabel

from ggbg_desktop.report.schema import header_field


def _labels(strip) -> set[str]:
    labels = set()
    for form in strip.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                labels.add(item.widget().text())
    return labels


def test_the_fields_are_labelled_as_the_schema_names_them(window):
    assert {header_field(key).label for key in ("organ", "title", "year", "published")} <= _labels(window.header)
    assert header_field("signature_date").label in {label.text() for label in window.header.findChildren(QLabel)}


def test_a_publish_date_written_any_common_way_is_kept_as_iso(window):
    strip = window.header
    strip.published.setText("2024年1月20日")
    strip.published.editingFinished.emit()
    assert window.state.report.meta.published == "2024-01-20"
    assert strip.published.text() == "2024-01-20"
    assert strip.date_note.isHidden()


def test_an_impossible_date_is_refused_with_a_note_and_nothing_changes(window):
    strip = window.header
    before = window.state.report.meta.published
    strip.published.setText("2024-13-45")
    strip.published.editingFinished.emit()
    assert window.state.report.meta.published == before
    assert not strip.date_note.isHidden() and "2024-01-20" in strip.date_note.text()
    strip.published.setText("")
    strip.published.editingFinished.emit()
    assert window.state.report.meta.published is None


def test_the_missing_signature_date_finding_leads_to_a_field_that_takes_it(qtbot, real_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ggbg_desktop.ui.findings_panel import FINDING_ROLE

    from .helpers import type_chinese

    window = real_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    panel = window.findings_panel
    row = next(i for i, item in enumerate(panel.items()) if "成文日期" in item.text())
    assert panel.list.item(row).data(FINDING_ROLE).field == "signature_date"
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    field = QApplication.focusWidget()
    assert field is window.header.signature_date, field  # not 机关名称, where it used to land
    type_chinese(field, "2027年1月15日")  # as the input method gives it
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.state.report.meta.signature_date == "2027-01-15"
    assert field.text() == "2027-01-15"
    assert not [f for f in window.state.findings if f.field == "signature_date"]
    window.act_undo.trigger()
    assert window.state.report.meta.signature_date is None and field.text() == ""
