"""Values and interface labels written for one reader's language: what the report, charts and widgets show.

A :class:`Formatter` is a language code with the catalogue's messages and the locale's number, percent,
money and date formats (:mod:`auditkit.locale.formats`, Babel) behind one small API the templates use.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, Protocol

from auditkit.locale import formats
from auditkit.locale.catalogue import catalogue, languages, unknown_language
from auditkit.locale.message import label, msg

DASH = formats.DASH


class Readable(Protocol):
    """A text that can be read in a language: a :class:`Message`, or any callable taking a language code."""

    def __call__(self, language: str, /) -> str: ...


def language_code(value: object) -> str:
    """The catalogue language named by ``value`` ("fr", "en" or a :class:`~auditkit.model.Language`).

    Raises:
        UnknownLanguageError: no catalogue provides that language (a ``ValueError``).
    """
    code = str(getattr(value, "value", value))
    if code not in languages():
        raise unknown_language(code)
    return code


@dataclass(frozen=True)
class Formatter:
    """Formats values and labels for one language.

    Args:
        language: a catalogue language code (or a :class:`~auditkit.model.Language`).
    """

    language: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", language_code(self.language))

    @property
    def code(self) -> str:
        """The language's code ("en" or "fr"), as used in ``<html lang>``."""
        return self.language

    @property
    def colon(self) -> str:
        """A colon as the language writes it after a label (French puts a no-break space before it)."""
        return self.label("report.document.colon")

    def number(self, value: float | None, digits: int = 0) -> str:
        """``value`` rounded to ``digits`` decimals with the language's separators ("—" if None)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return DASH
        return formats.decimal(round(value, digits), self.language, digits, exact=True)

    def decimal(self, value: float | None, max_digits: int = 2) -> str:
        """``value`` with at most ``max_digits`` decimals, trailing zeros dropped."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return DASH
        return formats.decimal(round(value, max_digits), self.language, max_digits)

    def percent(self, fraction: float | None, digits: int = 0) -> str:
        """A fraction (0.12) as a percentage ("12%" / "12 %")."""
        return DASH if fraction is None else self.percent_points(100 * fraction, digits)

    def percent_points(self, points: float | None, digits: int = 0) -> str:
        """A value already in percent (12.5) as a percentage ("12.5%" / "12,5 %")."""
        if points is None:
            return DASH
        return formats.percent_points(round(points, digits), self.language, digits)

    def money(self, amount: float | None, currency: str = "EUR") -> str:
        """A whole amount of ``currency`` ("€1,234" / "1 234 €"), placed as the locale's CLDR pattern says."""
        return formats.money(amount, self.language, currency)

    def date(self, value: date | None) -> str:
        """A date in words ("23 November 2026" / "23 novembre 2026", "1er" for the first)."""
        return formats.day(value, self.language)

    def hours(self, value: float | None) -> str:
        """A number of hours ("12.5 h" / "12,5 h")."""
        return DASH if value is None else self.label("report.quantity.hours", hours=self.decimal(value, 1))

    def rate(self, points: float | None) -> str:
        """An engagement rate already in percent, with two significant digits when it is small."""
        if points is None:
            return DASH
        digits = 2 if points >= 0.1 or points == 0 else min(6, 1 - math.floor(math.log10(abs(points))))
        return self.percent_points(points, digits)

    def unit(self, unit: str) -> str:
        """A unit of measure ("days", "posts/week"...) in this language (units not in the catalogue as given)."""
        message_id = "report.unit." + re.sub(r"[^a-z0-9]+", "_", unit.lower()).strip("_")
        return self.label(message_id) if message_id in catalogue(self.language) else unit

    def label(self, message_id: str, /, **params: Any) -> str:
        """The catalogue message ``message_id`` in this language, with its ``{placeholder}`` values.

        A bare name without a dot is the last part of a ``report.*`` id (``"overall_score"``), the
        spelling the widgets used before the catalogue.

        Raises:
            MissingMessageError: no such message.
        """
        if "." not in message_id:
            message_id = _report_ids(self.language).get(message_id, message_id)
        return msg(message_id, **params)(self.language)

    def enum(self, member: Enum | None) -> str:
        """The display name of an enumeration member (platforms, levels, statuses...)."""
        if member is None:
            return DASH
        name = label(member)
        if name.id in catalogue(self.language):
            return name(self.language)
        own = getattr(member, "label", None)
        if callable(own):
            return str(own(self.language))
        return str(member.value).replace("_", " ")

    def text(self, value: Readable | str | None) -> str:
        """A :class:`~auditkit.locale.Message` (or any text readable in a language) in this language; a string as it is."""
        if value is None:
            return ""
        return value if isinstance(value, str) else value(self.language)


@cache
def _report_ids(language: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for message_id in catalogue(language):
        if message_id.startswith("report.") and not message_id.startswith("report.section."):
            found.setdefault(message_id.rsplit(".", 1)[1], message_id)
    return found
