"""How scoring results read: figures written the way the evidence always wrote them, texts in a language."""

from __future__ import annotations

from typing import Any

from auditkit.locale import Message, Number, msg
from auditkit.model import Language

__all__ = ["Lang", "LowerCase", "counted", "figure", "lower_case", "percent", "text_in"]

Lang = Language | str


def text_in(text: Message, lang: Lang | None) -> Any:
    """``text`` in ``lang``, or in every language (``{"en": ..., "fr": ...}``) when ``lang`` is None."""
    return text.to_dict() if lang is None else text(lang)


def counted(noun: str, count: int) -> Message:
    """``count`` and the noun ``scoring.count.<noun>`` agreeing with it ("1 objective", "3 objectives")."""
    return msg(f"scoring.count.{noun}", count=count)


def figure(value: float) -> Number:
    """A figure of the evidence: whole from 100, one decimal from 10, three significant digits below.

    Integral values are whole, trailing zeros are dropped and thousands are not grouped.
    """
    if isinstance(value, int) or float(value).is_integer() or abs(value) >= 100:
        return Number(round(value), decimals=0, grouping=False)
    if abs(value) >= 10:
        return Number(float(f"{value:.1f}"), decimals=1, grouping=False)
    return Number(float(f"{value:.3g}"), significant=3, grouping=False)


def percent(share: float) -> Number:
    """A share (0-1) as a whole percentage figure."""
    return figure(round(100 * share))


class LowerCase(Message):
    """A message in lower case, as a name reads inside a sentence."""

    def __call__(self, lang: str) -> str:
        return super().__call__(lang).lower()


def lower_case(text: Message) -> LowerCase:
    """``text`` in lower case."""
    return LowerCase(text.id, text.params)
