"""Messages: a catalogue id and its parameters, rendered in a language only when someone reads it."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from auditkit.locale import formats
from auditkit.locale.catalogue import catalogue, languages

_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


@dataclass(frozen=True)
class Message:
    """A text of the catalogue, by id, with the values of its ``{placeholders}``.

    Call it with a language code to read it: numbers, dates, lists, enumeration members and nested
    messages among the values are written the way that language writes them. A plural entry picks its
    form by the ``count`` value.
    """

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, lang: str) -> str:
        lang = str(lang)
        count = self.params.get("count")
        count = count.value if isinstance(count, formats.Number) else count
        template = catalogue(lang).text(self.id, count if isinstance(count, int | float) else None)
        template = formats.typography(template, lang)
        if not self.params:
            return template
        values = {key: show(value, lang) for key, value in self.params.items()}
        return _single_stops(template, values).format_map(values)

    def format(self, **values: Any) -> Message:
        """The same message with more ``{placeholder}`` values."""
        return Message(self.id, {**self.params, **values})

    def to_dict(self) -> dict[str, str]:
        """The message in every language."""
        return {lang: self(lang) for lang in languages()}

    def __hash__(self) -> int:
        return hash((self.id, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))


_STOP_AFTER = re.compile(r"\{(\w+)\}\.")


def _single_stops(template: str, values: Mapping[str, str]) -> str:
    """``template`` without the full stop after a placeholder whose value already ends a sentence.

    A user's text ending in "." inserted before the catalogue's own "." would read "clients..".
    """

    def stop(found: re.Match[str]) -> str:
        ends = values.get(found.group(1), "").rstrip().endswith((".", "!", "?", "…"))
        return found.group(0)[:-1] if ends else found.group(0)

    return _STOP_AFTER.sub(stop, template)


def msg(message_id: str, /, **params: Any) -> Message:
    """The catalogue message ``message_id`` with its ``{placeholder}`` values."""
    return Message(message_id, params)


def label(member: Enum) -> Message:
    """The name of an enumeration member in words: message ``enum.<snake_class>.<value>``."""
    return Message(f"enum.{_SNAKE.sub('_', type(member).__name__).lower()}.{member.value}")


def show(value: object, lang: str) -> str:
    """``value`` as text in language ``lang``."""
    if isinstance(value, Message | formats.Number | formats.Amount):
        return value(lang)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Enum):
        named = label(value)
        if named.id in catalogue(lang):
            return named(lang)
        own = getattr(value, "label", None)
        return own(lang) if isinstance(own, Message) else str(value.value)
    if isinstance(value, int | float):
        return formats.number(value, lang)
    if isinstance(value, date):
        return formats.day(value, lang)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return formats.join([show(item, lang) for item in value], lang)
    return str(value)


def placeholders(text: str) -> set[str]:
    """The ``{placeholder}`` names of a catalogue text."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
