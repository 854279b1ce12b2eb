"""What is wrong with an export: the error that refuses it, and the wording that locates a problem."""

from __future__ import annotations

from collections.abc import Sequence

from auditkit.errors import AuditkitError
from auditkit.locale import Message, Number, msg


class CsvImportError(AuditkitError):
    """A CSV export could not be used; the message names the file, the line and column if any, and what
    would do.

    ``str(error)`` is in English; ``error.text(lang)`` or ``error.message(lang)`` reads it in any
    language. ``error.problem`` is what is wrong, without the file, line and column.
    """

    def __init__(
        self, name: str, problem: Message, line: int | None = None, column: str | Message | None = None
    ) -> None:
        self.name = name
        self.line = line
        self.column = column
        self.problem = problem
        if line is None:
            self.message = msg("csv.error.in_file", file=name, problem=problem)
        elif column is None:
            self.message = msg("csv.error.at_line", file=name, line=position(line), problem=problem)
        else:
            self.message = msg(
                "csv_safety.error.at_cell", file=name, line=position(line), column=column, problem=problem
            )
        super().__init__(self.message)


def position(number: int) -> Number:
    """A place in the file (line, column or byte number) as a message parameter: digits, never grouped."""
    return Number(number, decimals=0, grouping=False)


def at_line(line: int, problem: Message) -> Message:
    """``problem`` located on line ``line`` of the file ("line 3: …")."""
    return msg("csv.note.at_line", line=position(line), problem=problem)


def series(items: Sequence[str | Message], separator: str) -> Message | str:
    """``items`` one after the other, separated as message ``separator`` (``"{first}, {rest}"``) says."""
    if not items:
        return ""
    joined: Message | str = items[-1]
    for item in reversed(items[:-1]):
        joined = msg(separator, first=item, rest=joined)
    return joined
