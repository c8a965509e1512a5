"""The information-processing fee figures (信息处理费) above part 六's text: notices, notice amount, collected.

The tables do not hold them; part 六 must state them, and 插入数据说明 drafts the fee sentence
from them. Each change is one undoable step through the document.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ..report.drafting import FEE_FIELDS
from ..report.schema import AMOUNT, COUNT
from ..report.values import FigureError, format_figure, typed_value

FEE_KINDS = {"notices": COUNT, "notice_amount": AMOUNT, "collected": AMOUNT}
FEE_LABELS = {"notices": "发出收费通知", "notice_amount": "通知总金额", "collected": "实际收取"}
FEE_UNITS = {"notices": "件", "notice_amount": "元", "collected": "元"}


def _shown(value) -> str:
    return "" if value is None else format_figure(value)


class FeesForm(QWidget):
    """Three small fields in one row; a field left blank means not yet filled in (not 0)."""

    def __init__(self, state, on_message=None, parent=None):
        super().__init__(parent)
        self.state = state
        self._on_message = on_message or (lambda _text: None)
        self.fields: dict[str, QLineEdit] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        title = QLabel("信息处理费：")
        title.setToolTip("国办函〔2020〕109号：第六部分须说明信息处理费的收取情况；"
                         "填好后可用“插入数据说明”起草这句话。没有收费的请填 0。")
        layout.addWidget(title)
        for key, label in FEE_LABELS.items():
            layout.addWidget(QLabel(label))
            edit = QLineEdit()
            edit.setObjectName(f"fee_{key}")
            edit.setAccessibleName(FEE_FIELDS[key])
            edit.setToolTip(FEE_FIELDS[key])
            edit.setPlaceholderText("未填")
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(lambda k=key: self._commit(k))
            self.fields[key] = edit
            layout.addWidget(edit)
            layout.addWidget(QLabel(FEE_UNITS[key]))
        layout.addStretch(1)
        state.reportReplaced.connect(self.load)
        self.load()

    def load(self) -> None:
        fees = self.state.report.information_fees
        for key, edit in self.fields.items():
            text = _shown(getattr(fees, key))
            if edit.text() != text:
                edit.setText(text)

    def _commit(self, key: str) -> None:
        edit = self.fields[key]
        try:
            value = typed_value(edit.text(), FEE_KINDS[key])
        except FigureError as exc:
            self._on_message(f"{FEE_FIELDS[key]}：{exc}")
            edit.setText(_shown(getattr(self.state.report.information_fees, key)))
            return
        fees = self.state.report.information_fees
        if getattr(fees, key) == value and type(getattr(fees, key)) is type(value):
            return
        report = self.state.report.copy()
        report.information_fees = dataclasses.replace(fees, **{key: value})
        self.state.replace_report(report, f"修改信息处理费（{FEE_LABELS[key]}）")
