"""What an import found, missed, guessed or dropped — shown to the user before it is used."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..report.model import Report

INFO = "info"
WARNING = "warning"
ERROR = "error"

LEVEL_NAMES = {INFO: "信息", WARNING: "注意", ERROR: "问题"}


@dataclass(frozen=True)
class LogEntry:
    level: str  # INFO, WARNING or ERROR
    area: str  # "meta", "preamble", "p1"…"p6", "t2"/"t3"/"t4", "noise", "file"
    message: str  # Chinese

    def to_json(self) -> dict:
        return {"level": self.level, "area": self.area, "message": self.message}


@dataclass
class ImportLog:
    entries: list[LogEntry] = field(default_factory=list)

    def info(self, area: str, message: str) -> None:
        self.entries.append(LogEntry(INFO, area, message))

    def warn(self, area: str, message: str) -> None:
        self.entries.append(LogEntry(WARNING, area, message))

    def error(self, area: str, message: str) -> None:
        self.entries.append(LogEntry(ERROR, area, message))

    def extend(self, other: ImportLog) -> None:
        self.entries.extend(other.entries)

    def by_level(self, level: str) -> list[LogEntry]:
        return [e for e in self.entries if e.level == level]

    def lines(self) -> list[str]:
        return [f"[{LEVEL_NAMES[e.level]}] {e.message}" for e in self.entries]


@dataclass
class ImportResult:
    report: Report
    log: ImportLog = field(default_factory=ImportLog)
    source_format: str = ""

    def found_anything(self) -> bool:
        """A part's text or a table figure. Without either the file is not a report: its text would
        all stand as the 导语, which is where words before the first part heading go."""
        report = self.report
        return (any(text.strip() for text in report.parts.values())
                or any(v is not None for table in report.tables.values() for row in table for v in row))
