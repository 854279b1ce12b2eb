"""A decoded CSV export: its dialect, its rows, and what each column turned out to hold."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from auditkit.csv_import.cells import NUMERIC_DATE, day_first, parse_date, parse_number, without_spaces
from auditkit.csv_import.errors import position, series
from auditkit.locale import Message, msg
from auditkit.locale import label as enum_label

DELIMITERS = (",", ";", "\t", "|")
"""Separators recognised, in order of preference when two fit equally."""

ENCODING_NAMES: dict[str, str | Message] = {
    "utf-8": "UTF-8",
    "utf-8-sig": msg("csv.encoding.utf8_with_bom"),
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252 (Latin-1)",
    "latin-1": "Latin-1",
}
"""The name a person reads for each encoding an export can be in (Python's codec names as keys)."""

SHOWN_LINES = 10
"""Line numbers a note lists before it only counts the others."""

MIN_SHARE = 0.8
"""Share of a column's filled cells that must parse for the column to hold numbers or dates."""
CLASSIFY_SAMPLE = 2000
"""Filled cells of a column (evenly spread) that decide what it holds; a longer export is not read
cell by cell to classify it, only to preview the columns that are mapped."""


class ColumnKind(StrEnum):
    """What the filled cells of a column turned out to hold."""

    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"
    TEXT = "text"
    EMPTY = "empty"

    @property
    def label(self) -> Message:
        """The kind in words."""
        return enum_label(self)


@dataclass(frozen=True)
class CsvColumn:
    """One column of a CSV table, with what its values turned out to be."""

    index: int
    name: str
    """The header cell, stripped ("" when the header leaves the column unnamed)."""
    kind: ColumnKind
    decimal: str = "."
    day_first: bool = True
    has_negative: bool = False
    """Whether a cell holds a number below zero (then it is no count: a change, a balance)."""

    @property
    def title(self) -> str | Message:
        """The column's name, or "column 3" when the header gives none."""
        return self.name or msg("csv.column.unnamed", number=position(self.index + 1))


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV export: header, data rows and the dialect they were read with."""

    name: str
    encoding: str
    """Python's name of the codec the file was decoded with: ``utf-8``, ``utf-8-sig`` (with a BOM),
    ``utf-16``, ``cp1252`` or ``latin-1``."""
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    """Line number in the file of each data row (1 = the first line)."""
    columns: tuple[CsvColumn, ...]
    skipped: tuple[Message, ...] = ()
    """Rows left out, one message each (line number and why)."""
    fallback_lines: tuple[int, ...] = ()
    """Lines of a UTF-8 file that were not UTF-8 and were read as Windows-1252."""

    @property
    def notes(self) -> tuple[Message, ...]:
        """What reading the file had to do: lines read as Windows-1252, then rows left out."""
        if not self.fallback_lines:
            return self.skipped
        return (fallback_note(self.fallback_lines), *self.skipped)

    def values(self, index: int) -> list[tuple[int, str]]:
        """The non-empty values of column ``index``, each with its line number."""
        return [
            (line, row[index].strip())
            for line, row in zip(self.lines, self.rows, strict=True)
            if row[index].strip()
        ]

    @property
    def dialect(self) -> Message:
        """The dialect in words, e.g. ``"';' separated, UTF-8 with BOM"``."""
        delimiter = msg("csv.delimiter.tab") if self.delimiter == "\t" else f"'{self.delimiter}'"
        return msg(
            "csv.dialect", delimiter=delimiter, encoding=ENCODING_NAMES.get(self.encoding, self.encoding)
        )


def fallback_note(lines: Sequence[int]) -> Message:
    """Says which lines of a UTF-8 file were read as Windows-1252 (the first :data:`SHOWN_LINES`)."""
    encoding = ENCODING_NAMES["cp1252"]
    if len(lines) > SHOWN_LINES:
        listed = series([str(line) for line in lines[:SHOWN_LINES]], "csv.list.comma")
        more = len(lines) - SHOWN_LINES
        return msg("csv_safety.note.fallback_lines_more", count=more, lines=listed, encoding=encoding)
    shown = [position(line) for line in lines]
    return msg("csv_safety.note.fallback_lines", count=len(lines), lines=shown, encoding=encoding)


def classify(header: Sequence[str], rows: Sequence[tuple[str, ...]], delimiter: str) -> tuple[CsvColumn, ...]:
    """What each column holds: dates, numbers (with their decimal mark), percentages, text or nothing."""
    french_dates = _has_day_first_dates(rows)
    return tuple(
        _classify(index, name, [row[index] for row in rows], delimiter, french_dates)
        for index, name in enumerate(header)
    )


def _has_day_first_dates(rows: Sequence[tuple[str, ...]]) -> bool:
    dates = [value.strip() for row in rows[:50] for value in row if NUMERIC_DATE.match(value.strip())]
    return bool(dates) and day_first(dates)


def _classify(index: int, name: str, values: list[str], delimiter: str, french: bool) -> CsvColumn:
    filled = _evenly_spread([value.strip() for value in values if value.strip()], CLASSIFY_SAMPLE)
    if not filled:
        return CsvColumn(index, name, ColumnKind.EMPTY)
    days_first = day_first(filled)
    dates = sum(1 for value in filled if parse_date(value, days_first) is not None)
    if dates >= MIN_SHARE * len(filled):
        return CsvColumn(index, name, ColumnKind.DATE, day_first=days_first)
    decimal = _decimal_mark(filled, delimiter, french)
    numbers = sum(1 for value in filled if parse_number(value, decimal) is not None)
    if numbers >= MIN_SHARE * len(filled):
        percent = any(value.endswith("%") for value in filled)
        kind = ColumnKind.PERCENT if percent else ColumnKind.NUMBER
        negative = any((parse_number(value, decimal) or 0) < 0 for value in filled)
        return CsvColumn(index, name, kind, decimal=decimal, has_negative=negative)
    return CsvColumn(index, name, ColumnKind.TEXT)


def _evenly_spread(values: list[str], size: int) -> list[str]:
    """``values`` when there are at most ``size``, else ``size`` of them taken at even intervals."""
    if len(values) <= size:
        return values
    return [values[step * len(values) // size] for step in range(size)]


def _decimal_mark(values: list[str], delimiter: str, french: bool) -> str:
    """The decimal mark most values prove; "," after ';' separators or French dates when none does."""
    votes: Counter[str] = Counter()
    for raw in values:
        value = without_spaces(raw.removesuffix("%").strip())
        commas, points = value.count(","), value.count(".")
        if commas and points:
            votes["," if value.rfind(",") > value.rfind(".") else "."] += 1
        elif commas:
            if commas > 1:
                votes["."] += 1
            elif len(value) - value.rfind(",") - 1 != 3:
                votes[","] += 1
        elif points:
            if points > 1:
                votes[","] += 1
            elif len(value) - value.rfind(".") - 1 != 3:
                votes["."] += 1
    if votes:
        return votes.most_common(1)[0][0]
    return "," if delimiter == ";" or french else "."
