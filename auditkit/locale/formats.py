"""Numbers, percentages, money, dates and lists written the way each language writes them (Babel, CLDR).

Every function takes the language code of a catalogue (``"en"``, ``"fr"``); the catalogue's
``Language`` header names the CLDR locale (``en_GB``, ``fr_FR``). French typography (no-break spaces
before ``; : ! ?`` and inside « », "1er" for the first day of a month) is applied here and nowhere else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from auditkit.locale.catalogue import catalogue

if TYPE_CHECKING:
    from babel import Locale

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
DASH = "—"


@cache
def cldr(lang: str) -> Locale:
    """The Babel locale that language ``lang``'s catalogue writes numbers and dates in."""
    from babel import Locale

    return Locale.parse(catalogue(str(lang)).locale)


def _is_french(lang: str) -> bool:
    return cldr(str(lang)).language == "fr"


def _pattern(decimals: int, *, exact: bool = False, grouping: bool = True) -> str:
    whole = "#,##0" if grouping else "0"
    if not decimals:
        return whole
    return f"{whole}.{('0' if exact else '#') * decimals}"


def decimal(
    value: float | None, lang: str, decimals: int = 0, *, exact: bool = False, grouping: bool = True
) -> str:
    """``value`` rounded to ``decimals`` (trailing zeros dropped unless ``exact``); "—" for None."""
    from babel.numbers import format_decimal

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    pattern = _pattern(decimals, exact=exact, grouping=grouping)
    return format_decimal(value, format=pattern, locale=cldr(lang), decimal_quantization=True)


def significant(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant digits."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def number(value: float, lang: str) -> str:
    """A number in running text: whole above 100, one decimal above 1, two significant digits below."""
    magnitude = abs(value)
    if magnitude >= 100 or float(value).is_integer():
        return decimal(round(value), lang)
    if magnitude >= 1:
        return decimal(value, lang, 1)
    rounded = significant(value, 2)
    places = max(0, 1 - math.floor(math.log10(abs(rounded)))) if rounded else 0
    return decimal(rounded, lang, places)


def percent_points(points: float | None, lang: str, decimals: int = 0) -> str:
    """A value already in percent (12.5) as a percentage: "12.5%" / "12,5 %"."""
    from babel.numbers import format_percent

    if points is None:
        return DASH
    pattern = cldr(lang).percent_formats[None].pattern.replace("#,##0", _pattern(decimals), 1)
    return format_percent(points / 100, format=pattern, locale=cldr(lang), decimal_quantization=True)


def percent(fraction: float | None, lang: str, decimals: int = 0) -> str:
    """A fraction (0.12) as a percentage: "12%" / "12 %"."""
    return DASH if fraction is None else percent_points(100 * fraction, lang, decimals)


NARROW_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
"""CLDR's narrow currency symbols, written the same in every language; other currencies keep their code."""
_NUMBER_PART = re.compile(r"[#0,.]+")


def money(amount: float | None, lang: str, currency: str = "EUR") -> str:
    """A whole amount of ``currency``, placed as the locale's pattern says: "€1,234" / "1 234 €"."""
    if amount is None:
        return DASH
    symbol = NARROW_SYMBOLS.get(currency, currency)
    pattern = cldr(lang).currency_formats["standard"].pattern.split(";")[0]
    if pattern.startswith("¤") and symbol[-1].isalpha():
        symbol += NBSP
    return _NUMBER_PART.sub(decimal(round(amount), lang), pattern, count=1).replace("¤", symbol)


@dataclass(frozen=True)
class Amount:
    """An amount of money as a message parameter, written as :func:`money` writes it ("242 €", "£50")."""

    value: float
    currency: str = "EUR"

    def __call__(self, lang: str) -> str:
        return money(self.value, lang, self.currency)


def day(value: date | None, lang: str) -> str:
    """A date in words: "23 November 2026" / "23 novembre 2026" ("1er" for the first in French)."""
    from babel.dates import format_date

    if value is None:
        return DASH
    text = format_date(value, format="d MMMM y", locale=cldr(lang))
    return "1er" + text[1:] if _is_french(lang) and value.day == 1 else text


def month(value: date, lang: str) -> str:
    """A month and its year: "November 2026" / "novembre 2026"."""
    from babel.dates import format_date

    return format_date(value, format="LLLL y", locale=cldr(lang))


def join(items: list[str], lang: str, style: str = "standard") -> str:
    """Items as a list in words: "a, b and c" / "a, b et c" (``style="or"`` for "a, b or c")."""
    from babel.lists import format_list

    return format_list(items, style=style, locale=cldr(lang)) if items else ""  # type: ignore[arg-type]


_FRENCH_SPACES = (
    (re.compile(r"(?<=[\w)\]}»%…'\"])[ \u00a0\u202f]?([;!?])(?=[\s)»]|$)"), NARROW_NBSP + r"\1"),
    (re.compile(r"[ \u00a0\u202f]+:"), NBSP + ":"),
    (re.compile(r"(?<=[^\W\d_]|[)\]»%…'\"])(:)(?=\s|$)"), NBSP + ":"),
    (re.compile(r"«[ \u00a0\u202f]?"), "«" + NBSP),
    (re.compile(r"[ \u00a0\u202f]?»"), NBSP + "»"),
)


def typography(text: str, lang: str) -> str:
    """``text`` with the language's typography: in French, no-break spaces before ``; : ! ?`` and in « »."""
    if text and _is_french(lang):
        for pattern, replacement in _FRENCH_SPACES:
            text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Number:
    """A number as a message parameter, with its own rounding instead of :func:`number`'s.

    ``decimals`` rounds to that many places (trailing zeros dropped unless ``exact``); ``significant``
    keeps that many significant digits.
    """

    value: float
    decimals: int | None = None
    significant: int | None = None
    exact: bool = False
    grouping: bool = True

    def __call__(self, lang: str) -> str:
        if self.significant is not None:
            rounded = significant(self.value, self.significant)
            magnitude = math.floor(math.log10(abs(rounded))) if rounded else 0
            places = max(0, self.significant - 1 - magnitude)
            return decimal(rounded, lang, places, grouping=self.grouping)
        if self.decimals is not None:
            return decimal(self.value, lang, self.decimals, exact=self.exact, grouping=self.grouping)
        return number(self.value, lang)


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis, at a word's end when it can."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.\u2013\u2014-") + "…"
