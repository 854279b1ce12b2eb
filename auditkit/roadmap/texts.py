"""How the roadmap's texts are put together: lines, lists, hours, and texts the consultant typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from auditkit.locale import Message, Number, msg


@dataclass(frozen=True)
class Written(Message):
    """A text the consultant typed, per language; a language without one reads ``fallback``.

    Without a ``fallback``, a language the consultant did not write in reads one they did.
    """

    id: str = ""
    texts: Mapping[str, str] = field(default_factory=dict)
    fallback: Message | None = None

    def __call__(self, lang: str) -> str:
        text = self.texts.get(str(lang))
        if text:
            return text
        if self.fallback is not None:
            return self.fallback(lang)
        return next((text for text in self.texts.values() if text), "")

    def format(self, **values: Any) -> Message:
        """The same text: what the consultant typed has no placeholders."""
        return self

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.texts.items())), self.fallback))


def written(texts: Mapping[str, str | None], fallback: Message | None = None) -> Message:
    """The consultant's texts (empty ones left out), or ``fallback`` itself when they wrote none."""
    given = {lang: text for lang, text in texts.items() if text}
    if not given and fallback is not None:
        return fallback
    return Written(texts=given, fallback=fallback)


def hours(value: float) -> Number:
    """A number of hours as the roadmap writes it: one decimal at most, no thousands separator."""
    return Number(round(value, 1), decimals=1, grouping=False)


def _chained(message_id: str, items: Sequence[Any]) -> Message:
    first: Message = items[0] if isinstance(items[0], Message) else msg("roadmap.text.plain", text=items[0])
    return reduce(lambda before, item: msg(message_id, first=before, second=item), items[1:], first)


def lines(items: Sequence[Any]) -> Message:
    """The items (at least one) one per line."""
    return _chained("roadmap.text.lines", items)


def bullets(items: Sequence[Any]) -> list[Message]:
    """Each item as a line of a bulleted list."""
    return [msg("roadmap.text.bullet", item=item) for item in items]


def commas(items: Sequence[Any]) -> Message | str:
    """The items separated by commas ("a, b, c"); nothing for no item."""
    return _chained("roadmap.text.commas", items) if items else ""


def semicolons(items: Sequence[Any]) -> Message:
    """The items (at least one) separated by semicolons ("a; b; c")."""
    return _chained("roadmap.text.semicolons", items)
