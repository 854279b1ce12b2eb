"""Reading a CSV export: from a path or bytes to a :class:`CsvTable`, whatever its dialect.

Separators ``,``, ``;``, tab and ``|`` are recognised (and Excel's first line ``sep=;``); rows whose
number of fields does not match the header are left out with a note, or refuse the file when most do.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from auditkit.csv_import.decoding import EMPTY, decode, is_json
from auditkit.csv_import.errors import CsvImportError, at_line, series
from auditkit.csv_import.table import DELIMITERS, ColumnKind, CsvTable, classify
from auditkit.locale import Message, msg

_SAMPLE_LINES = 200
_SEPARATOR_HINT = re.compile(r"^\ufeff?sep=(.)\s*$", re.IGNORECASE)
"""The first line ``sep=;`` that Excel writes to name the separator."""
_USABLE_KINDS = (ColumnKind.NUMBER, ColumnKind.PERCENT, ColumnKind.DATE)


def read_csv_file(path: Path | str) -> CsvTable:
    """Read a CSV export from disk (see :func:`read_csv`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvImportError(str(path), msg("csv.error.no_such_file")) from None
    except IsADirectoryError:
        raise CsvImportError(str(path), msg("csv.error.is_a_folder")) from None
    except OSError as error:
        raise CsvImportError(str(path), msg("csv.error.unreadable", reason=error.strerror)) from None
    return read_csv(data, path.name)


def read_csv(data: bytes, name: str) -> CsvTable:
    """Decode and parse a CSV export, detecting encoding, separator, decimal mark and date order.

    Args:
        data: the file's bytes.
        name: the file's name, used in messages.

    Raises:
        CsvImportError: the file is empty, binary, JSON, has only a header, has a single column,
            rows that do not match the header, or no column holding numbers or dates.
    """
    text, encoding = decode(data, name)
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
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    skipped: list[tuple[int, Message]] = []
    for line, record in records[1:]:
        if len(record) < width and not any(record[width - 1 :]) and len(record) >= width - 1:
            record = [*record, ""]
        if len(record) > width and not any(value.strip() for value in record[width:]):
            record = record[:width]
        if len(record) != width:
            problem = msg("csv.note.wrong_width", count=len(record), width=width)
            skipped.append((line, at_line(line, problem)))
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
    notes = tuple(note for _, note in skipped)
    return CsvTable(name, encoding, delimiter, names, tuple(rows), tuple(lines), columns, notes)


def _records(text: str, delimiter: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """The non-blank records of ``text``, each with the file line it starts on."""
    reader = csv.reader(text.splitlines(), delimiter=delimiter, quotechar='"', skipinitialspace=False)
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
        raise CsvImportError(name, msg("csv.error.single_column"), _records(text, ",", 1)[0][0])
    if best[0] < 0.5:
        records = _records(text, chosen, _SAMPLE_LINES)
        width = len(records[0][1])
        bad = next(line for line, record in records[1:] if len(record) != width)
        raise CsvImportError(name, msg("csv.error.ragged", width=width), bad)
    return chosen
