"""Exceptions that carry what went wrong, where, and what would be valid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class AuditkitError(Exception):
    """Base of every error auditkit raises on purpose; its message is meant for a person."""


@dataclass(frozen=True)
class Problem:
    """One problem in an audit file: where (a dotted field path, or a line) and what is wrong."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class AuditFileError(AuditkitError):
    """An audit file could not be read: one line per problem, each naming file and field."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = problems
        super().__init__("\n".join(_one_line(f"{self.path}: {problem}") for problem in problems))


def _one_line(text: str) -> str:
    """``text`` with its line breaks escaped, so that each problem stays on one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class StaleWriteError(AuditkitError):
    """The file changed on disk since this copy of the audit was loaded."""

    def __init__(self, path: Path | str, on_disk: int, based_on: int) -> None:
        self.path = Path(path)
        self.on_disk = on_disk
        self.based_on = based_on
        on_disk_text = "an unreadable file" if on_disk < 0 else f"revision {on_disk}"
        super().__init__(
            f"{self.path}: not saved, the file was changed elsewhere since it was loaded "
            f"({on_disk_text} on disk, this copy is based on revision {based_on}). "
            "Reload the file and apply the change again, or save under another name."
        )
