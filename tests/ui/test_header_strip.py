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
