"""Exceptions that carry what went wrong, where, and what would be valid.

Their texts are catalogue messages (:class:`auditkit.locale.Message`), read in the language the reader
asks for with :meth:`AuditkitError.text`; ``str()`` gives the English text, for logs. This module sits
below the catalogues, so it only knows a message as something that renders itself in a language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

LOG_LANGUAGE = "en"
"""The language of ``str(error)``: what logs and tracebacks show."""


class Text(Protocol):
    """A text readable in several languages: called with a language code, it returns the text."""

    def __call__(self, lang: str, /) -> str: ...


def read(text: str | Text, lang: str) -> str:
    """``text`` in language ``lang`` (a plain string is the same in every language)."""
    return text if isinstance(text, str) else text(lang)


class AuditkitError(Exception):
    """Base of every error auditkit raises on purpose; its message is meant for a person."""

    def text(self, lang: str) -> str:
        """The error's message in language ``lang``."""
        return read(self.args[0], lang) if len(self.args) == 1 and callable(self.args[0]) else str(self)

    def __str__(self) -> str:
        if len(self.args) == 1 and callable(self.args[0]):
            return read(self.args[0], LOG_LANGUAGE)
        return super().__str__()


@dataclass(frozen=True)
class Problem:
    """One problem in an audit file: where (a dotted field path, or a line) and what is wrong."""

    location: str | Text
    what: str | Text

    @property
    def message(self) -> str:
        """What is wrong, in English (for logs)."""
        return read(self.what, LOG_LANGUAGE)

    def text(self, lang: str) -> str:
        """``location: what is wrong`` in language ``lang`` (without location when there is none)."""
        location = read(self.location, lang)
        what = read(self.what, lang)
        return f"{location}: {what}" if location else what

    def __str__(self) -> str:
        return self.text(LOG_LANGUAGE)


class InvalidValue(ValueError):
    """Raised by a model's validator: the problems of a value, each a catalogue message.

    A problem without a location is about the validated value itself; a located one names the field
    from the root of the document (``roadmap.edits.2.action_id``).
    """

    def __init__(self, *problems: Problem | Text) -> None:
        self.problems = [item if isinstance(item, Problem) else Problem("", item) for item in problems]
        super().__init__("; ".join(str(problem) for problem in self.problems))


class AuditFileError(AuditkitError):
    """An audit file could not be read: one line per problem, each naming file and field."""

    def __init__(self, path: Path | str, problems: Sequence[Problem]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        super().__init__(self.text(LOG_LANGUAGE))

    def text(self, lang: str) -> str:
        return "\n".join(_one_line(f"{self.path}: {problem.text(lang)}") for problem in self.problems)

    def __str__(self) -> str:
        return self.text(LOG_LANGUAGE)


def _one_line(text: str) -> str:
    """``text`` with its line breaks escaped, so that each problem stays on one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class StaleWriteError(AuditkitError):
    """The file changed on disk since this copy of the audit was loaded.

    ``message`` says so in words (:func:`auditkit.store.save` gives it).
    """

    def __init__(self, path: Path | str, on_disk: int, based_on: int, message: str | Text) -> None:
        self.path = Path(path)
        self.on_disk = on_disk
        self.based_on = based_on
        self.message = message
        super().__init__(read(message, LOG_LANGUAGE))

    def text(self, lang: str) -> str:
        return read(self.message, lang)
