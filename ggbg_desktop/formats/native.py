"""The native ``.ggbg`` file: UTF-8 JSON, validated whole before anything is used.

The layout is documented in docs/file-format.md. Loading either returns a complete
report or raises :class:`ReportFileError` with a Chinese message — never a half-loaded
report. Saving goes through :func:`write_atomic`.
"""

from __future__ import annotations

import json
import os
import re

from ..errors import ReportFileError
from ..report.model import DraftedText, InformationFees, LastYear, Meta, Report
from ..report.schema import TABLES, TEXT_PARTS
from .atomic import write_atomic
from .files import read_limited

FORMAT_VERSION = 1
EXTENSION = ".ggbg"
MAX_FILE_BYTES = 20 * 1024 * 1024  # a report is a few tens of kB; anything this large is not one
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_META_TEXT = ("organ", "title", "website", "contact")
_META_DATES = ("published", "signature_date")


# ---- to and from plain data ------------------------------------------------


def report_to_data(report: Report) -> dict:
    meta = report.meta
    data: dict = {
        "version": FORMAT_VERSION,
        "meta": {
            "organ": meta.organ,
            "year": meta.year,
            "title": meta.title,
            "published": meta.published,
            "website": meta.website,
            "contact": meta.contact,
            "signature_date": meta.signature_date,
        },
        "preamble": report.preamble,
        "parts": {key: report.parts.get(key, "") for key in TEXT_PARTS},
        "tables": _tables_to_data(report.tables),
    }
    if report.last_year is not None:
        data["last_year"] = {"year": report.last_year.year, "tables": _tables_to_data(report.last_year.tables)}
    if report.settings:
        data["settings"] = dict(report.settings)
    _drafting_to_data(report, data)
    return data


def _tables_to_data(tables: dict) -> dict:
    return {
        "t2": [v for row in tables["t2"] for v in row],
        "t3": [list(row) for row in tables["t3"]],
        "t4": [v for row in tables["t4"] for v in row],
    }


class _Invalid(Exception):
    """A validation failure; the message is Chinese and names the place."""


def report_from_data(data) -> Report:
    """Build a report from parsed JSON, or raise :class:`ReportFileError`."""
    try:
        return _report_from_data(data)
    except _Invalid as exc:
        raise ReportFileError(f"文件内容有误：{exc}") from None


def _report_from_data(data) -> Report:
    if not isinstance(data, dict):
        raise _Invalid("最外层应是一个对象")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Invalid("缺少格式版本号（version）")
    if version > FORMAT_VERSION:
        raise ReportFileError(
            f"此文件由更新版本的程序保存（格式版本 {version}），本程序只能打开版本 {FORMAT_VERSION}，请升级后再打开")
    if version < 1:
        raise _Invalid(f"格式版本号 {version} 无效")
    if "meta" not in data:
        raise _Invalid("缺少报告信息（meta）")
    if "tables" not in data:
        raise _Invalid("缺少表格（tables）")
    report = Report(meta=_meta(data["meta"]))
    report.preamble = _text(data.get("preamble", ""), "导语（preamble）")
    parts = data.get("parts", {})
    if not isinstance(parts, dict):
        raise _Invalid("parts 应是一个对象")
    for key in TEXT_PARTS:
        report.parts[key] = _text(parts.get(key, ""), f"正文（parts.{key}）")
    report.tables = _tables(data["tables"], "tables")
    last = data.get("last_year")
    if last is not None:
        if not isinstance(last, dict):
            raise _Invalid("last_year 应是一个对象")
        report.last_year = LastYear(year=_year(last.get("year"), "last_year.year"),
                                    tables=_tables(last.get("tables", {}), "last_year.tables"))
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise _Invalid("settings 应是一个对象")
    report.settings = settings
    _drafting_from_data(data, report)
    return report


def _meta(raw) -> Meta:
    if not isinstance(raw, dict):
        raise _Invalid("meta 应是一个对象")
    meta = Meta(year=_year(raw.get("year"), "meta.year"))
    for key in _META_TEXT:
        setattr(meta, key, _text(raw.get(key) or "", f"meta.{key}"))
    for key in _META_DATES:
        value = raw.get(key)
        if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
            raise _Invalid(f"meta.{key} 应为 YYYY-MM-DD 格式的日期，现为 {value!r}")
        setattr(meta, key, value)
    return meta


def _year(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2999:
        raise _Invalid(f"{where} 应为四位年份，现为 {value!r}")
    return value


def _text(value, where: str) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"{where} 应为文字")
    return value


def _tables(raw, where: str) -> dict:
    if not isinstance(raw, dict):
        raise _Invalid(f"{where} 应是一个对象")
    tables = {}
    for key, spec in TABLES.items():
        shape = spec.shape()
        value = raw.get(key)
        if value is None:
            tables[key] = spec.empty_matrix()
            continue
        if key == "t3":
            if not isinstance(value, list) or len(value) != len(shape) or any(
                    not isinstance(row, list) or len(row) != n for row, n in zip(value, shape)):
                raise _Invalid(f"{where}.t3 应为 25 行、每行 7 个数")
            flat = [v for row in value for v in row]
        else:
            if not isinstance(value, list) or len(value) != sum(shape):
                raise _Invalid(f"{where}.{key} 应为 {sum(shape)} 个数")
            flat = list(value)
        for i, v in enumerate(flat):
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise _Invalid(f"{where}.{key} 第 {i + 1} 个值应为数字或 null，现为 {v!r}")
        matrix, i = [], 0
        for n in shape:
            matrix.append([_tidy(v) for v in flat[i:i + n]])
            i += n
        tables[key] = matrix
    return tables


def _tidy(value):
    """3.0 → 3, so a count stored by another program as a float compares as an integer."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# ---- information-processing fee and drafted passages (report/drafted.py) -----

_FEE_KEYS = ("notices", "notice_amount", "collected")


def _drafting_to_data(report: Report, data: dict) -> None:
    fees = report.information_fees
    if fees != InformationFees():
        data["information_fees"] = {key: getattr(fees, key) for key in _FEE_KEYS}
    if report.drafted:
        data["drafted"] = [{"part": r.part, "kind": r.kind, "text": r.text, "start": r.start,
                            "figures": dict(r.figures)} for r in report.drafted]


def _drafting_from_data(data: dict, report: Report) -> None:
    from ..report.drafting import KIND_PARTS, is_figure_key

    fees = data.get("information_fees")
    if fees is not None:
        if not isinstance(fees, dict):
            raise _Invalid("information_fees 应是一个对象")
        for key in _FEE_KEYS:
            value = fees.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0
                                      or (key == "notices" and not float(value).is_integer())):
                raise _Invalid(f"information_fees.{key} 应为非负数或 null，现为 {value!r}")
            setattr(report.information_fees, key, _tidy(value))
    records = data.get("drafted", [])
    if not isinstance(records, list):
        raise _Invalid("drafted 应是一个列表")
    for i, raw in enumerate(records):
        where = f"drafted 第 {i + 1} 项"
        if not isinstance(raw, dict) or raw.get("kind") not in KIND_PARTS or raw.get("part") != KIND_PARTS[raw["kind"]]:
            raise _Invalid(f"{where}应写明 part 和 kind（{'、'.join(KIND_PARTS)}）")
        start, figures = raw.get("start", 0), raw.get("figures", {})
        if isinstance(start, bool) or not isinstance(start, int) or start < 0:
            raise _Invalid(f"{where}的 start 应为非负整数")
        if not isinstance(figures, dict) or any(
                not is_figure_key(k) or isinstance(v, bool) or (v is not None and not isinstance(v, (int, float)))
                for k, v in figures.items()):
            raise _Invalid(f"{where}的 figures 应为数字表")
        report.drafted.append(DraftedText(raw["part"], raw["kind"], _text(raw.get("text"), f"{where}的 text"),
                                          {k: _tidy(v) for k, v in figures.items()}, start))


# ---- text ------------------------------------------------------------------


def dumps(report: Report) -> str:
    """The file's text: indented JSON with each table row on one line, for readable diffs."""
    data = report_to_data(report)
    tables = data.pop("tables")
    last = data.pop("last_year", None)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    blocks = [text[:-2], f'  "tables": {_tables_text(tables, "  ")}']
    if last is not None:
        blocks.append(f'  "last_year": {{\n    "year": {json.dumps(last["year"])},\n'
                      f'    "tables": {_tables_text(last["tables"], "    ")}\n  }}')
    return ",\n".join(blocks) + "\n}\n"


def _tables_text(tables: dict, indent: str) -> str:
    inner = indent + "  "
    t3 = (",\n" + inner + "  ").join(json.dumps(row) for row in tables["t3"])
    return (
        "{\n"
        f'{inner}"t2": {json.dumps(tables["t2"])},\n'
        f'{inner}"t3": [\n{inner}  {t3}\n{inner}],\n'
        f'{inner}"t4": {json.dumps(tables["t4"])}\n'
        f"{indent}}}"
    )


def loads(text: str) -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"文件不是有效的年报文件（第 {exc.lineno} 行第 {exc.colno} 列格式有误）") from None
    except RecursionError:
        raise ReportFileError("文件不是有效的年报文件（嵌套层次过深）") from None
    return report_from_data(data)


def load_bytes(raw: bytes) -> Report:
    if len(raw) > MAX_FILE_BYTES:
        raise ReportFileError("文件过大，不是有效的年报文件")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError("文件不是有效的年报文件（不是 UTF-8 文本）") from None
    return loads(text)


def load(path: str | os.PathLike) -> Report:
    """Read a ``.ggbg`` file, or raise :class:`ReportFileError` with a Chinese message."""
    raw = read_limited(path, MAX_FILE_BYTES, ReportFileError, "“{name}”过大，不是有效的年报文件")
    return load_bytes(raw)


def save(report: Report, path: str | os.PathLike) -> None:
    """Write atomically: a failure leaves the previous file as it was."""
    write_atomic(path, dumps(report).encode("utf-8"), ReportFileError)
