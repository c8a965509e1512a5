"""The ``ggbg`` command: check, convert and roll over reports in batch. Imports no Qt."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys

from . import __version__
from .errors import UserError

EXIT_OK = 0
EXIT_FINDINGS = 1  # a report has errors (warnings alone exit 0)
EXIT_UNREADABLE = 2  # a file could not be read or written


def _prepare_streams(streams=None) -> None:
    """Chinese text must never crash a Windows console or a pipe in another encoding.

    A Windows console gets UTF-16 from Python whatever its code page. A pipe or file gets the
    ANSI code page: cp936 on Chinese Windows keeps it (what cmd and PowerShell read there),
    with rare characters outside it replaced; a code page without Chinese (cp1252, ASCII)
    would turn every character into "?", so such a stream gets UTF-8 instead.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # not a text stream that can be reconfigured
            continue
        try:
            "政府信息公开年报".encode(stream.encoding or "ascii")
            reconfigure(errors="replace")
        except (UnicodeEncodeError, LookupError):
            with contextlib.suppress(AttributeError, ValueError):
                reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def _fail(message: str) -> None:
    print(f"ggbg: {message}", file=sys.stderr)


def _print_json(data) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(text)


def _import(path: str):
    """Read any input and print its import log so the user sees what was found (for a .ggbg the log holds
    only notices of repairs made while loading, such as unencodable characters replaced)."""
    from .formats.registry import read_path

    result = read_path(path)
    for line in result.log.lines():
        print(line)
    return result


# ---- check -------------------------------------------------------------------


def _cell_text(cell) -> str:
    return f"{cell.table}[{cell.row + 1},{cell.col + 1}]"


def cmd_check(args) -> int:
    from .formats.registry import read_path
    from .report import check, count

    code = EXIT_OK
    results = []
    for name in args.files:
        try:
            report = read_path(name).report
        except UserError as exc:
            _fail(exc.message)
            code = max(code, EXIT_UNREADABLE)
            results.append({"file": name, "error": exc.message})
            continue
        findings = check(report)
        errors, warnings = count(findings)
        if errors:
            code = max(code, EXIT_FINDINGS)
        results.append({"file": name, "findings": [f.to_json() for f in findings]})
        if not args.json:
            print(f"{name}：{errors} 个错误，{warnings} 个警告")
            for f in findings:
                where = " ".join(_cell_text(c) for c in f.cells[:1])
                label = "错误" if f.is_error else "警告"
                print(f"  {label} [{f.rule}] {f.message}" + (f"  ({where})" if where else ""))
    if args.json:
        if len(args.files) == 1:
            if "findings" in results[0]:
                _print_json({"findings": results[0]["findings"]})
        else:
            _print_json({"files": results})
    return code


# ---- convert -----------------------------------------------------------------


def cmd_convert(args) -> int:
    from .formats.registry import ExportOptions, write_path

    if str(args.output).lower().endswith(".pdf"):
        from .formats.writers import typesetter

        typesetter.warm_up(args.fonts)  # Typst loads its fonts while the file is read
    try:
        result = _import(args.input)
        options = ExportOptions(font_set=args.fonts, signature=not args.no_signature)
        write_path(result.report, args.output, options)
    except UserError as exc:
        _fail(exc.message)
        return EXIT_UNREADABLE
    print(f"已写入 {args.output}")
    return EXIT_OK


# ---- rollover ----------------------------------------------------------------


def cmd_rollover(args) -> int:
    from .formats.registry import write_path
    from .report.rollover import rollover

    try:
        result = _import(args.last)
        draft = rollover(result.report)
        write_path(draft, args.output)
    except UserError as exc:
        _fail(exc.message)
        return EXIT_UNREADABLE
    print(f"已生成 {draft.meta.year} 年度报告草稿：{args.output}")
    return EXIT_OK


# ---- draft ---------------------------------------------------------------------


def cmd_draft(args) -> int:
    from .formats.registry import read_path
    from .report.drafting import KIND_NAMES, DraftIncomplete, draft, kinds_of_part
    from .report.last_year import attach_last_year
    from .report.schema import PART_BY_KEY, TEXT_PARTS, part_name

    try:
        report = read_path(args.file).report
        if args.last:
            report = attach_last_year(report, read_path(args.last).report)
    except UserError as exc:
        _fail(exc.message)
        return EXIT_UNREADABLE
    passages = []
    for part in TEXT_PARTS:
        kinds = kinds_of_part(part)
        if not kinds:
            continue
        if not args.json:
            print(f"{part_name(part)} {PART_BY_KEY[part].title}")
        for kind in kinds:
            try:
                text, skipped = draft(report, kind).text, None
            except DraftIncomplete as exc:
                text, skipped = None, exc.message
            passages.append({"part": part, "kind": kind, "text": text, "skipped": skipped})
            if not args.json:
                print(f"【{KIND_NAMES[kind]}】{text}" if text else f"【{KIND_NAMES[kind]}】（未起草：{skipped}）")
    if args.json:
        _print_json({"passages": passages})
    return EXIT_OK


# ---- entry point ---------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ggbg",
        description="政府信息公开工作年度报告：检查、转换、从上年报告生成草稿",
    )
    parser.add_argument("--version", action="version", version=f"ggbg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("check", help="检查报告的表格合计、勾稽关系和文字")
    p.add_argument("files", nargs="+", metavar="FILE", help="年报文件（.ggbg 或任何可导入的格式）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("convert", help="转换格式：导入任何可读格式，写出 .ggbg/.docx/.pdf/.xlsx/.html/.txt")
    p.add_argument("input", metavar="IN")
    p.add_argument("output", metavar="OUT")
    p.add_argument("--fonts", choices=("official", "windows"), default="official",
                   help="Word 字体：official（仿宋_GB2312 等公文字体，默认）或 windows（仿宋、楷体、黑体、宋体）")
    p.add_argument("--no-signature", action="store_true", help="不在文末写落款")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("rollover", help="从上年报告生成本年度报告草稿")
    p.add_argument("last", metavar="LAST", help="上年报告（任何可导入的格式）")
    p.add_argument("-o", "--output", required=True, metavar="NEW.ggbg")
    p.set_defaults(func=cmd_rollover)

    p = sub.add_parser("draft", help="按表格数字起草第一部分和第六部分中说明数字的文字")
    p.add_argument("file", metavar="FILE", help="本年报告（.ggbg 或任何可导入的格式）")
    p.add_argument("--last", metavar="LASTFILE", help="上年报告：写出与上年相比的增减")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_draft)
    return parser


def main(argv: list[str] | None = None) -> int:
    _prepare_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_OK
    try:
        return args.func(args)
    except BrokenPipeError:  # `ggbg check … | head`: the reader has gone, which is no error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush at exit finds somewhere to go
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
