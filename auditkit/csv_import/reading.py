"""Reading a CSV export: from a path or bytes to a :class:`CsvTable`, whatever its dialect.

Separators ``,``, ``;``, tab and ``|`` are recognised (and Excel's first line ``sep=;``); rows whose
number of fields does not match the header are left out with a note, or refuse the file when most do.
A quoted field may span several lines; its line breaks are kept. A file over :data:`MAX_BYTES` is
refused from its size, before it is read.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from auditkit.csv_import.cells import plain
from auditkit.csv_import.decoding import EMPTY, decode, is_json
from auditkit.csv_import.errors import CsvImportError, at_line, series
from auditkit.csv_import.table import DELIMITERS, ColumnKind, CsvTable, classify
from auditkit.locale import Message, Number, msg

MAX_BYTES = 20_000_000
"""The largest export read (20 MB): years of daily statistics or thousands of posts fit in it."""
MAX_COLUMNS = 1000
"""The most columns an export may have: platforms write a few dozen, and each is shown to be mapped."""

# A field as long as the file itself (a long post's text) is read: the file is bounded by MAX_BYTES.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))

TOTALS_WORDS = frozenset(("total", "totals", "totaux", "total general", "grand total", "somme", "sum"))
"""The first cell of a row that sums the others (YouTube Studio writes "Total" under its header)."""

_SAMPLE_LINES = 200
_SEPARATOR_HINT = re.compile(r"^\ufeff?sep=(.)\s*$", re.IGNORECASE)
"""The first line ``sep=;`` that Excel writes to name the separator."""
_USABLE_KINDS = (ColumnKind.NUMBER, ColumnKind.PERCENT, ColumnKind.DATE)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
"""Opening a FIFO does not wait for a writer: it is then refused as not a regular file."""


def read_csv_file(path: Path | str, name: str | None = None) -> CsvTable:
    """Read a CSV export from disk (see :func:`read_csv`), reading at most :data:`MAX_BYTES` of it.

    Args:
        path: the file.
        name: what messages call the file (default: the path).

    Raises:
        CsvImportError: the file is missing, a folder, not a regular file, over the size limit,
            unreadable, or not a usable export.
    """
    path = Path(path)
    return read_csv(_bounded_bytes(path, name or str(path)), name or path.name)


def _bounded_bytes(path: Path, name: str) -> bytes:
    """The bytes of the regular file ``path``, refused from its size when over :data:`MAX_BYTES`."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise CsvImportError(name, msg("csv.error.no_such_file")) from None
    except IsADirectoryError:
        raise CsvImportError(name, msg("csv.error.is_a_folder")) from None
    except OSError as error:
        raise CsvImportError(name, msg("csv.error.unreadable", reason=error.strerror)) from None
    try:
        return _read_regular_file(descriptor, name)
    finally:
        os.close(descriptor)


def _read_regular_file(descriptor: int, name: str) -> bytes:
    """At most :data:`MAX_BYTES` from the open ``descriptor``, refused unless it is a regular file."""
    status = os.fstat(descriptor)
    if stat.S_ISDIR(status.st_mode):
        raise CsvImportError(name, msg("csv.error.is_a_folder"))
    if not stat.S_ISREG(status.st_mode):
        raise CsvImportError(name, msg("csv_safety.error.not_a_regular_file"))
    _refuse_over_limit(status.st_size, name)
    try:
        with open(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise CsvImportError(name, msg("csv.error.unreadable", reason=error.strerror)) from None
    _refuse_over_limit(len(data), name)
    return data


def _refuse_over_limit(size: int, name: str) -> None:
    """Refuse a file of ``size`` bytes over :data:`MAX_BYTES`, saying how large it is."""
    if size > MAX_BYTES:
        problem = msg(
            "csv_safety.error.too_large",
            size=Number(size / 1_000_000, significant=3),
            limit=Number(MAX_BYTES / 1_000_000, decimals=0),
        )
        raise CsvImportError(name, problem)


def read_csv(data: bytes, name: str) -> CsvTable:
    """Decode and parse a CSV export, detecting encoding, separator, decimal mark and date order.

    Args:
        data: the file's bytes.
        name: the file's name, used in messages.

    Raises:
        CsvImportError: the file is over :data:`MAX_BYTES`, empty, binary, JSON, has only a header, a
            single column or over :data:`MAX_COLUMNS`, rows that do not match the header, or no column
            holding numbers or dates.
    """
    _refuse_over_limit(len(data), name)
    decoded = decode(data, name)
    text = decoded.text
    stripped = text.strip()
    if not stripped:
        raise CsvImportError(name, EMPTY)
    if stripped[0] in "{[" and is_json(stripped):
        raise CsvImportError(name, msg("csv.error.json"))
    if stripped[0] == "<":
        raise CsvImportError(name, msg("csv.error.markup"))
    first_line = text.lstrip().split("\n", 1)[0]
    hint = _SEPARATOR_HINT.match(first_line.strip())
    if hint and hint.group(1) in DELIMITERS:
        text = text.replace(first_line, "", 1)
        delimiter = hint.group(1)
    else:
        delimiter = _sniff_delimiter(text, name)
    records = _records(text, delimiter)
    if not records:
        raise CsvImportError(name, EMPTY)
    header_line, header = records[0]
    width = len(header)
    if width > MAX_COLUMNS:
        raise CsvImportError(
            name, msg("csv_safety.error.too_many_columns", count=width, limit=MAX_COLUMNS), header_line
        )
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    skipped: list[tuple[int, Message]] = []
    totals: list[tuple[int, Message]] = []
    for line, record in records[1:]:
        if len(record) < width and not any(record[width - 1 :]) and len(record) >= width - 1:
            record = [*record, ""]
        if len(record) > width and not any(value.strip() for value in record[width:]):
            record = record[:width]
        if len(record) != width:
            problem = msg("csv.note.wrong_width", count=len(record), width=width)
            skipped.append((line, at_line(line, problem)))
            continue
        if label := _totals_label(record):
            totals.append((line, at_line(line, msg("csv.note.totals_row", value=label))))
            continue
        rows.append(tuple(record))
        lines.append(line)
    if not rows:
        if skipped:
            problem = msg("csv.error.no_matching_row", width=width, first=skipped[0][1])
            raise CsvImportError(name, problem, header_line + 1)
        raise CsvImportError(name, msg("csv.error.header_only"), header_line)
    if len(skipped) > len(rows):
        raise CsvImportError(name, msg("csv.error.mostly_ragged", width=width), skipped[0][0])
    names = tuple(value.strip().lstrip("\ufeff").strip() for value in header)
    columns = classify(names, rows, delimiter)
    if not any(column.kind in _USABLE_KINDS for column in columns):
        found = series([column.title for column in columns], "csv.list.comma")
        raise CsvImportError(name, msg("csv.error.no_usable_column", columns=found))
    notes = tuple(note for _, note in sorted(totals + skipped, key=lambda item: item[0]))
    return CsvTable(
        name,
        decoded.encoding,
        delimiter,
        names,
        tuple(rows),
        tuple(lines),
        columns,
        notes,
        decoded.fallback_lines,
    )


def _totals_label(record: Sequence[str]) -> str | None:
    """The first cell of a totals row ("Total", "Totaux", "Grand total"), or None for a data row."""
    first = next((value.strip() for value in record if value.strip()), "")
    return first if plain(first).rstrip(" :") in TOTALS_WORDS else None


def _records(text: str, delimiter: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """The non-blank records of ``text``, each with the file line it starts on (line breaks inside quotes
    kept)."""
    lines = io.StringIO(text, newline="")
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', skipinitialspace=False)
    records: list[tuple[int, list[str]]] = []
    line = 1
    for record in reader:
        if any(value.strip() for value in record):
            records.append((line, record))
            if limit is not None and len(records) >= limit:
                break
        line = reader.line_num + 1
    return records


def _sniff_delimiter(text: str, name: str) -> str:
    """The separator that gives the most rows as wide as the header, then the widest header."""
    best: tuple[float, int, int] | None = None
    chosen = ""
    for rank, delimiter in enumerate(DELIMITERS):
        records = _records(text, delimiter, _SAMPLE_LINES)
        width = len(records[0][1]) if records else 0
        if width < 2:
            continue
        rows = records[1:]
        consistency = sum(1 for _, record in rows if len(record) == width) / len(rows) if rows else 1.0
        score = (round(consistency, 2), width, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    if best is None:
        first = _records(text, DELIMITERS[0], 1)
        if not first:
            raise CsvImportError(name, msg("csv_safety.error.no_values"))
        raise CsvImportError(name, msg("csv.error.single_column"), first[0][0])
    if best[0] < 0.5:
        records = _records(text, chosen, _SAMPLE_LINES)
        width = len(records[0][1])
        bad = next(line for line, record in records[1:] if len(record) != width)
        raise CsvImportError(name, msg("csv.error.ragged", width=width), bad)
    return chosen
