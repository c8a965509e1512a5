"""The recognizer: any neutral :class:`Document` → a :class:`Report` plus an import log."""

from __future__ import annotations

from ...report.model import Report
from ...report.schema import (
    META_NAME,
    PART_BY_KEY,
    PARTS,
    PREAMBLE_NAME,
    SEE_SHEET,
    TABLE_NAMES,
    TEXT_PARTS,
    header_field,
)
from ...report.values import parse_date
from ..document import Document, Paragraph, Table, is_own
from ..importlog import ImportLog, ImportResult
from . import meta as meta_lines
from ..noise import is_noise, published_date, text_before_noise
from ..normalize import collapse_spaces, join_lines, squash
from .fields import field_name, read_fields
from ..headings import heading_candidate, split_run_in
from .parts import choose_headings
from .regions import find_regions
from .tables import read_t2, read_t3, read_t4

__all__ = ["recognize"]

_SHORT = 40  # characters of a line quoted in the log
_NOISE_QUOTE = 100  # dropped noise is quoted longer: the user must be able to see what went


def _label(key: str) -> str:
    return header_field(key).label


def _quote(text: str, limit: int = _SHORT) -> str:
    text = collapse_spaces(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _paragraph_text(p: Paragraph) -> str:
    return join_lines(p.full_text.split("\n"))


def recognize(document: Document) -> ImportResult:
    """Find the parts, metadata and tables of a report in a document, saying what was found and not."""
    log = ImportLog()
    report = Report()
    blocks = document.blocks
    what = "页面内容" if document.properties.get("source_format") == "pdf" else "网页内容"
    for line in document.dropped:
        log.info("noise", f"已去掉{what}：{_quote(line, _NOISE_QUOTE)}")
    for line in document.warnings:
        log.warn("file", line)

    # Paragraph texts; page noise is taken out (and listed), keeping the publish date it may carry.
    texts: list[str | None] = []  # None for tables
    published = document.properties.get("published") or None
    for block in blocks:
        if isinstance(block, Table):
            texts.append(None)
            continue
        text = _paragraph_text(block)
        if text and is_noise(text):
            published = published or published_date(text)
            head = text_before_noise(text)
            if head and meta_lines.is_title_line(head):  # "…年度报告 发布时间：… 浏览次数：…" on one line
                log.info("noise", f"已去掉网页内容：{_quote(text[len(head):].strip(), _NOISE_QUOTE)}")
                text = head
            else:
                log.info("noise", f"已去掉网页内容：{_quote(text, _NOISE_QUOTE)}")
                text = ""
        texts.append(text)

    tables = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Table)]
    table_at = dict(tables)
    forms = {i: f for i, b in tables if (f := read_fields(b)) is not None}
    regions = find_regions([(i, b) for i, b in tables if i not in forms])
    report_tables = sorted({i for region in regions.values() for i in region.blocks})
    # A table that is none of the three (a list in part 一, a contact table) stays in its part as text.
    kept_as_text = [i for i, b in tables if i not in report_tables and i not in forms and b.rows]
    for i in kept_as_text:
        texts[i] = _table_as_text(table_at[i], log)
    run_in = _split_run_in_headings(blocks, texts)
    headings = choose_headings([t or "" for t in texts], frozenset(run_in))
    heading_at = {c.index: key for key, c in headings.items()}
    for i, (original, rest) in run_in.items():
        if i not in heading_at:
            texts[i] = original  # not chosen as a heading: the line stays as it was
        elif rest and PARTS[heading_at[i]].key not in TEXT_PARTS:  # "二、主动公开政府信息情况：见下表。"
            log.info(PARTS[heading_at[i]].key, f"{PARTS[heading_at[i]].heading}：标题后的文字未导入：{_quote(rest)}")

    # Where each text part ends: the next heading, or a table of the report.
    stops = sorted(set(heading_at) | set(report_tables))
    starts = [c.index for c in headings.values()] + report_tables
    first = min(starts) if starts else len(blocks)

    for fields in forms.values():
        _apply_form(report, log, fields)
    paragraphs = [t for b, t in zip(blocks, texts, strict=True) if isinstance(b, Paragraph) and t]
    heads = [h for i, b in tables if i in report_tables or i in kept_as_text for h in _table_heads(b)]
    _opening(report, log, [t for t in texts[:first] if t], paragraphs[:60], document, heads)
    if published:
        report.meta.published = published
    for spec in PARTS:
        if spec.key not in TEXT_PARTS:
            continue
        cand = headings.get(PARTS.index(spec))
        if cand is None:
            if not report.parts[spec.key]:
                log.warn(spec.key, f"{spec.heading}：未找到此部分，留空待填")
            continue
        end = next((s for s in stops if s > cand.index), len(blocks))
        first_words = run_in.get(cand.index, ("", ""))[1]
        body = ([first_words] if first_words else []) + [t for t in texts[cand.index + 1:end] if t]
        if spec.key == "p6":
            body = _closing(report, log, body)
        report.parts[spec.key] = "\n".join(body)
        how = "（按编号识别）" if cand.how == "number" else ""
        if body:
            log.info(spec.key, f"{spec.heading}：已找到{how}，{len(body)} 段")
        else:
            log.warn(spec.key, f"{spec.heading}：找到标题{how}，但下面没有文字")
    if not headings and any(texts):
        log.error("p1", f"未找到“{PART_BY_KEY['p1'].heading}”等各部分标题，正文未分入各部分，请手工整理")

    for key, read in (("t2", read_t2), ("t3", read_t3), ("t4", read_t4)):
        details = ImportLog()
        fill = read(regions.get(key), details)
        fill.blank_means_zero = not is_own(document)
        fill.finish()
        report.tables[key] = fill.matrix
        spec_part = next(p for p in PARTS if p.table == key)
        if fill.found:
            count = sum(1 for row in fill.matrix for v in row if v is not None)
            total = sum(len(row) for row in fill.matrix)
            sources = [table_at[i].source for i in regions[key].blocks if table_at[i].source]
            how = "".join(f"；{s}" for s in dict.fromkeys(sources))
            log.info(key, f"{TABLE_NAMES[key]}（{spec_part.title}）：已找到，读出 {count}/{total} 个数值{how}")
        else:
            heading = "，只找到标题" if PARTS.index(spec_part) in headings else ""
            log.error(key, f"{TABLE_NAMES[key]}（{spec_part.title}）：未找到表格{heading}，各值留空待填")
        log.extend(details)
    for i in kept_as_text:
        first_row = _quote(" ".join(c.text for c in table_at[i].rows[0]))
        log.info("file", f"有一个表格不属于年报的三张表（首行：{first_row}），已按文字放入所在部分")
    return ImportResult(report=report, log=log, source_format=document.properties.get("source_format", ""))


def _split_run_in_headings(blocks: list, texts: list[str | None]) -> dict[int, tuple[str, str]]:
    """Paragraphs that run a part heading into the part's first words ("六、其他需要报告的事项：无。"):
    the heading is left in ``texts``; returned: index → (the paragraph as it was, the first words)."""
    found: dict[int, tuple[str, str]] = {}
    for i, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if not text or not isinstance(block, Paragraph):
            continue
        split = split_run_in(text)  # cheap for most lines; a heading on its own is left as it is
        if split is not None and heading_candidate(text) is None:
            found[i] = (text, split[1])
            texts[i] = split[0]
    return found


def _table_as_text(table: Table, log: ImportLog) -> str:
    """A table that is none of the three, as lines of text: a row's cells joined, page noise (a site's
    menu and breadcrumb laid out in a table) left out and listed."""
    lines = []
    for row in table.rows:
        cells = [c.text.strip() for c in row if c.text.strip()]
        noise = [c for c in cells if is_noise(c)]
        if noise:
            log.info("noise", f"已去掉网页内容：{_quote(' '.join(noise), _NOISE_QUOTE)}")
        line = " ".join(c for c in cells if c not in noise)
        if line:
            lines.append(line)
    return "\n".join(lines)


_HEAD_ROWS = 3  # rows at the top of a table where a title may stand (a sheet per table, titled in row 1)


def _table_heads(table: Table) -> list[str]:
    """Texts standing alone in one of a table's first rows: where a workbook with a sheet per table
    puts the report's title."""
    heads = []
    for row in table.rows[:_HEAD_ROWS]:
        cells = [c.text.strip() for c in row if c.text.strip()]
        if len(cells) == 1:
            heads.append(cells[0])
    return heads


def _opening(report: Report, log: ImportLog, lines: list[str], body: list[str], document: Document,
             table_heads: list[str]) -> None:
    """Title (organ, year), lines under it, and the preamble: everything before the first part. ``body``:
    the first paragraphs of the whole text, page noise taken out, where a year is looked for without a title;
    ``table_heads``: lone texts at the top of tables, where a title is looked for when the text has none."""
    title, at, used = meta_lines.find_title(lines)
    if not title and document.properties.get("title") and meta_lines.is_title_line(document.properties["title"]):
        title = document.properties["title"]
    if not title:
        title = next((h for h in table_heads if meta_lines.is_title_line(h)), "")
    rest = lines[at + used:] if at >= 0 else lines
    for line in lines[:max(at, 0)]:
        log.info("meta", f"{_label('title')}前的文字未导入：{_quote(line)}")
    organ, year = meta_lines.organ_and_year(title) if title else ("", None)
    # Short lines right under the title ("连山区人民政府(文字版)", a date) are not the preamble.
    while at >= 0 and rest and meta_lines.is_subtitle(rest[0]):
        date = parse_date(rest[0])
        if date and not report.meta.signature_date:
            report.meta.signature_date = date
        log.info("meta", f"{_label('title')}下的一行未放入{PREAMBLE_NAME}：{_quote(rest[0])}")
        rest = rest[1:]
    form_title = report.meta.title
    if rest or not report.preamble:
        report.preamble = "\n".join(rest)
    if title:
        log.info("meta", f"{_label('title')}：{_quote(title)}")
    elif not form_title:
        log.warn("meta", f"未找到{_label('title')}")
    if organ:
        report.meta.organ = organ
        log.info("meta", f"{_label('organ')}：{organ}")
    elif not report.meta.organ:
        log.warn("meta", f"未找到{_label('organ')}，请在“{META_NAME}”中填写")
    if year is None and report.meta.year is not None:
        year = report.meta.year
    elif year is None:
        year, how = meta_lines.year_from_text(rest + body)
        if year:
            log.warn("meta", f"年度按{how}推断为 {year} 年，请核对")
        else:
            log.warn("meta", f"未找到{_label('year')}，请填写")
    report.meta.year = year
    report.meta.title = meta_lines.keep_title(title or form_title, report.meta.organ, year)
    # The preamble's own website and contact line win; a 报告信息 form's stay when it gives none.
    report.meta.website = meta_lines.website(report.preamble) or report.meta.website
    report.meta.contact = meta_lines.contact(report.preamble) or report.meta.contact
    if report.preamble:
        log.info("preamble", f"{PREAMBLE_NAME}：{len(report.preamble.splitlines())} 段")


def _closing(report: Report, log: ImportLog, body: list[str]) -> list[str]:
    """Take the signature (organ, date) off the end of part 六."""
    body = list(body)
    organ = squash(report.meta.organ)
    if body and organ and squash(body[-1]) == organ:  # a signature without a date: the organ alone
        log.info("meta", f"落款机关：{collapse_spaces(body.pop())}")
        return body
    if body and (date := parse_date(body[-1])):
        report.meta.signature_date = date
        log.info("meta", f"落款{_label('signature_date')}：{date}")
        body.pop()
        if body and meta_lines.is_signature_organ(body[-1]):
            organ = collapse_spaces(body.pop())
            log.info("meta", f"落款机关：{organ}")
            if not report.meta.organ:
                report.meta.organ = organ
    return body


def _apply_form(report: Report, log: ImportLog, fields: dict[str, str]) -> None:
    """Fill what the text did not give from a 报告信息 form (label | value rows)."""
    meta = report.meta
    used = []
    for key, value in fields.items():
        if not value or value.startswith(SEE_SHEET):
            continue
        if key == "preamble":
            if report.preamble:
                continue
            report.preamble = value
        elif key in report.parts:
            if report.parts[key]:
                continue
            report.parts[key] = value
        elif getattr(meta, key) not in (None, ""):
            continue
        elif header_field(key).kind == "year":
            digits = "".join(ch for ch in value if ch.isdigit())
            if len(digits) != 4:
                continue
            meta.year = int(digits)
        elif header_field(key).kind == "date":
            date = parse_date(value)
            if not date:
                continue
            setattr(meta, key, date)
        else:
            setattr(meta, key, value)
        used.append(field_name(key))
    if used:
        log.info("meta", f"从“{META_NAME}”表读取：{'、'.join(used)}")
