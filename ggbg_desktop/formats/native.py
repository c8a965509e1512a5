"""The native ``.ggbg`` file: UTF-8 JSON, validated whole before anything is used.

The layout is documented in docs/file-format.md. Loading either returns a complete
report or raises :class:`ReportFileError` with a Chinese message — never a half-loaded
report. Saving goes through :func:`write_atomic`.

Save and load share one set of limits: before writing, save reads its own text back through
the same validation load uses, so a file this program writes is always a file it opens
(no year 3000, no bare NaN, nothing over MAX_FILE_BYTES). Imports are held to the same
limits (:func:`check_fits`). Lone surrogates (legal in JSON, produced by broken converters,
unencodable in UTF-8) are written as escapes and replaced with U+FFFD at load, with a notice.
"""

from __future__ import annotations

import json
import math
import os
import re
from datetime import date

from ..errors import ReportFileError, UserError
from ..report.drafting import KIND_PARTS, is_figure_key
from ..report.model import MAX_VALUE, YEAR_MAX, YEAR_MIN, DraftedText, InformationFees, LastYear, Meta, Report
from ..report.schema import HEADER_FIELDS, META_NAME, PREAMBLE_NAME, TABLES, TEXT_PARTS
from .atomic import write_atomic
from .files import read_limited
from .importlog import ImportResult

FORMAT_VERSION = 1
EXTENSION = ".ggbg"
MAX_FILE_BYTES = 20 * 1024 * 1024  # a report is a few tens of kB; anything this large is not one
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_META_TEXT = tuple(f.key for f in HEADER_FIELDS if f.kind == "text")
_META_DATES = tuple(f.key for f in HEADER_FIELDS if f.kind == "date")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


# ---- to and from plain data ------------------------------------------------


def report_to_data(report: Report) -> dict:
    meta = report.meta
    data: dict = {
        "version": FORMAT_VERSION,
        "meta": {f.key: getattr(meta, f.key) for f in HEADER_FIELDS},
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
    if "version" not in data:
        raise _Invalid("缺少格式版本号（version）")
    version = data["version"]
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # "version": 1.0, as some JSON tools write every number
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Invalid(f"格式版本号（version）应为整数，现为 {_shown(version)}")
    if version > FORMAT_VERSION:
        raise ReportFileError(
            f"此文件由更新版本的程序保存（格式版本 {version}），本程序只能打开版本 {FORMAT_VERSION}，请升级后再打开")
    if version < 1:
        raise _Invalid(f"格式版本号 {version} 无效")
    if "meta" not in data:
        raise _Invalid(f"缺少{META_NAME}（meta）")
    if "tables" not in data:
        raise _Invalid("缺少表格（tables）")
    report = Report(meta=_meta(data["meta"]))
    report.preamble = _text(data.get("preamble", ""), f"{PREAMBLE_NAME}（preamble）")
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
        if value is not None and not _is_date(value):
            raise _Invalid(f"meta.{key} 应为 YYYY-MM-DD 格式的有效日期，现为 {_shown(value)}")
        setattr(meta, key, value)
    return meta


def _year(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and YEAR_MIN <= value <= YEAR_MAX:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        raise _Invalid(f"{where} 应为 {YEAR_MIN}–{YEAR_MAX} 之间的年份，现为 {_shown(value)}")
    return value


def _is_date(value) -> bool:
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:  # 2024-13-45
        return False
    return True


def _shown(value) -> str:
    """A value from the file for a message: short, and never str() of a 5 000-digit number."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
        return "一个过大的数"
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


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
                    not isinstance(row, list) or len(row) != n for row, n in zip(value, shape, strict=True)):
                raise _Invalid(f"{where}.t3 应为 25 行、每行 7 个数")
            flat = [v for row in value for v in row]
        else:
            if not isinstance(value, list) or len(value) != sum(shape):
                raise _Invalid(f"{where}.{key} 应为 {sum(shape)} 个数")
            flat = list(value)
        for i, v in enumerate(flat):
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise _Invalid(f"{where}.{key} 第 {i + 1} 个值应为数字或 null，现为 {_shown(v)}")
            if isinstance(v, float) and not math.isfinite(v):
                raise _Invalid(f"{where}.{key} 第 {i + 1} 个值不是有效的数字（{v}）")
            if abs(v) > MAX_VALUE:
                raise _Invalid(f"{where}.{key} 第 {i + 1} 个值过大（超过 {MAX_VALUE:,}），不是年报中的数")
        matrix, i = [], 0
        for n in shape:
            matrix.append([_tidy(v) for v in flat[i:i + n]])
            i += n
        tables[key] = matrix
    return tables


def _sane_number(value) -> bool:
    """A number a report can hold: int or float, finite (1e400 parses as infinity), within MAX_VALUE."""
    return (not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)
            and abs(value) <= MAX_VALUE)


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
    fees = data.get("information_fees")
    if fees is not None:
        if not isinstance(fees, dict):
            raise _Invalid("information_fees 应是一个对象")
        for key in _FEE_KEYS:
            value = fees.get(key)
            if value is not None and (not _sane_number(value) or value < 0
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
                not is_figure_key(k) or (v is not None and not _sane_number(v)) for k, v in figures.items()):
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


def _refuse_constant(name: str):
    raise _Invalid(f"文件中有无效的数值 {name}（不是有限的数字）")


def _parse(text: str):
    """JSON with NaN and Infinity refused (Python accepts them; JSON does not)."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"文件不是有效的年报文件（第 {exc.lineno} 行第 {exc.colno} 列格式有误）") from None
    except _Invalid as exc:
        raise ReportFileError(f"文件内容有误：{exc}") from None
    except ValueError:  # an integer of more than 4 300 digits
        raise ReportFileError("文件内容有误：文件中有位数过多的数字，不是年报中的数") from None
    except RecursionError:
        raise ReportFileError("文件不是有效的年报文件（嵌套层次过深）") from None


def _replace_surrogates(data, notices: list[str]):
    """Every string in ``data`` with lone surrogates replaced by U+FFFD; one notice per place."""
    places: list[str] = []

    def clean(text: str, where: str) -> str:
        if not _SURROGATE.search(text):
            return text
        places.append(where)
        return _SURROGATE.sub(REPLACEMENT, text)

    root = {"": data}
    stack: list[tuple[object, str]] = [(root, "")]
    while stack:  # iterative: the nesting depth is the file's to choose
        container, where = stack.pop()
        if isinstance(container, dict):
            for key in list(container):
                value = container[key]
                place = f"{where}.{key}".lstrip(".") if isinstance(key, str) else where
                new_key = clean(key, place) if isinstance(key, str) else key
                if new_key != key:
                    del container[key]
                if isinstance(value, str):
                    value = clean(value, place)
                elif isinstance(value, (dict, list)):
                    stack.append((value, place))
                container[new_key] = value
        elif isinstance(container, list):
            for i, value in enumerate(container):
                if isinstance(value, str):
                    container[i] = clean(value, where)
                elif isinstance(value, (dict, list)):
                    stack.append((value, where))
    if places:
        shown = "、".join(sorted(set(places))[:5])
        notices.append(f"文件中有 {len(places)} 处无法保存的字符（损坏的转换留下的孤立代理码位，位于 {shown}），"
                       f"已替换为“{REPLACEMENT}”，请核对这些文字")
    return root[""]


def loads(text: str, notices: list[str] | None = None) -> Report:
    """A report from the file's text; notices about repaired text are appended to ``notices``."""
    data = _replace_surrogates(_parse(text), notices if notices is not None else [])
    return report_from_data(data)


def load_bytes(raw: bytes, notices: list[str] | None = None) -> Report:
    if len(raw) > MAX_FILE_BYTES:
        raise ReportFileError("文件过大，不是有效的年报文件")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError("文件不是有效的年报文件（不是 UTF-8 文本）") from None
    return loads(text, notices)


def load(path: str | os.PathLike, notices: list[str] | None = None) -> Report:
    """Read a ``.ggbg`` file, or raise :class:`ReportFileError` with a Chinese message. Repairs made
    while loading (lone surrogates replaced) are described in ``notices``, for the window to show."""
    raw = read_limited(path, MAX_FILE_BYTES, ReportFileError, "“{name}”过大，不是有效的年报文件")
    return load_bytes(raw, notices)


def import_result(raw: bytes):
    """A .ggbg opened through the importer: the report, with load notices in its import log."""
    notices: list[str] = []
    result = ImportResult(load_bytes(raw, notices), source_format="ggbg")
    for notice in notices:
        result.log.warn("file", notice)
    return result


def _escape_surrogates(text: str) -> str:
    """Lone surrogates as JSON escapes: the UTF-8 file stays writable, and load repairs them with a notice."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _unsavable(text: str, raw: bytes) -> str | None:
    """Why load would refuse these bytes, or None: save's check that it writes what load opens."""
    if len(raw) > MAX_FILE_BYTES:
        return f"内容过多（{len(raw) // (1024 * 1024)} MB，年报文件最多 {MAX_FILE_BYTES // (1024 * 1024)} MB）"
    try:
        loads(text)
    except ReportFileError as exc:
        return exc.message.removeprefix("文件内容有误：")
    return None


def encode(report: Report) -> bytes:
    """The file's bytes, or :class:`ReportFileError` saying why this report cannot be stored
    (a year outside the format's range, a value that is not a finite number, too much text)."""
    text = _escape_surrogates(dumps(report))
    raw = text.encode("utf-8")
    problem = _unsavable(text, raw)
    if problem:
        raise ReportFileError(f"无法保存：{problem}")
    return raw


def check_fits(report: Report, error: type[UserError], name: str) -> None:
    """Refuse (``error``) an imported report that the .ggbg format could not store: what is imported
    can be saved, and what is saved can be opened."""
    text = _escape_surrogates(dumps(report))
    problem = _unsavable(text, text.encode("utf-8"))
    if problem:
        raise error(f"“{name}”导入后超出年报文件的范围：{problem}，未导入")


def save(report: Report, path: str | os.PathLike, *, overwrite_read_only: bool = False) -> None:
    """Write atomically: a failure leaves the previous file as it was; a report load would refuse is
    not written (:class:`ReportFileError` says why); a read-only file raises
    :class:`~.atomic.ReadOnlyTarget` unless ``overwrite_read_only``."""
    write_atomic(path, encode(report), ReportFileError, overwrite_read_only=overwrite_read_only)
