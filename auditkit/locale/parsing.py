"""Numbers and currencies as a person types them in the audit's language, read back or explained.

:func:`read_number` takes ``45 %``, ``0,45``, ``0.45``, ``1 200``, ``1,200.5`` or ``1,5 h``: the language's
decimal symbol (Babel, CLDR) or the ASCII point, spaces (plain, no-break or narrow) between groups of three
digits, a unit the field accepts after the number (or a currency symbol before it), ``k`` and ``M`` for
thousands and millions where the field counts things. Where two readings are possible (``1.500`` in French:
one and a half, or fifteen hundred?) it asks rather than guesses. What it cannot read comes back as a
:class:`~auditkit.locale.message.Message` saying what would be valid, with an example in the language.
:func:`read_currency` turns ``euros``, ``€`` or ``eur`` into ``EUR``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from auditkit.locale.formats import NARROW_SYMBOLS, Number, cldr
from auditkit.locale.message import Message, msg

MINUS_SIGNS = "-\u2212\u2013"
"""Hyphen-minus, the minus sign and the en dash a word processor puts in their place."""
MULTIPLIERS = {"k": 1_000, "K": 1_000, "M": 1_000_000}
"""Suffixes a count may carry: ``12k`` followers, ``1,2 M`` views."""
MAX_DIGITS = 15
"""Digits a float keeps exactly: a number with more (before the decimal symbol, or in all) is refused
rather than stored other than typed."""
GENERIC_EXAMPLES = (1200, 0.45)
"""The two values a refusal quotes for a field that takes any number: one grouped, one with decimals."""
_GROUPED = re.compile(r"[1-9]\d{0,2}(?: \d{3})+")
_NUMBER_SHAPE = re.compile(r"[\d., ]+")
_TRAILING_UNIT = re.compile(r"(.*\d)\s*([^\d\s.,]+)")


@dataclass(frozen=True)
class NumberInput:
    """What a number field accepts.

    Attributes:
        minimum: the smallest value, in the scale the person types (percent for a percentage).
        maximum: the largest value, likewise.
        whole: only whole numbers.
        percent: a percentage: ``%`` may follow, and examples and bounds are written as percentages.
        units: other units that may follow the number, or precede it for a symbol (``h``, ``€``, ``EUR``).
        counts: the field counts things: ``k`` and ``M`` multiply by a thousand and a million.
        example: the value a refusal suggests (``None``: one chosen by the kind of field).
    """

    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False
    percent: bool = False
    units: tuple[str, ...] = ()
    counts: bool = False
    example: float | None = None

    def sample(self) -> Message | Number:
        """A valid value of this field, written in the language, for a refusal to quote."""
        value = self.example
        if value is None:
            if not (self.percent or self.units or self.whole):
                first, second = GENERIC_EXAMPLES
                if self._within(first) and self._within(second):
                    return msg("parsing.example.either", first=Number(first), second=Number(second))
            value = 45 if self.percent else 12 if self.whole else 1.5
        if self.maximum is not None:
            value = min(value, self.maximum)
        if self.minimum is not None:
            value = max(value, self.minimum)
        return self.written(value)

    def written(self, value: float) -> Message | Number:
        """``value`` as a message parameter, with ``%`` or the field's first unit."""
        amount = Number(value, decimals=4)
        if self.percent:
            return msg("parsing.example.percent", value=amount)
        if self.units:
            return msg("parsing.example.unit", value=amount, unit=self.units[0])
        return amount

    def _within(self, value: float) -> bool:
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )


ANY_NUMBER = NumberInput()


def read_number(text: str, lang: str, accepts: NumberInput = ANY_NUMBER) -> float | Message | None:
    """The number ``text`` stands for in language ``lang`` (``None`` when blank), or why it is refused.

    A percentage comes back as typed, in percent: ``45 %`` and ``45`` both give 45.
    """
    typed = " ".join(text.split())
    if not typed:
        return None
    body, multiplier, unit = _without_units(typed, accepts)
    if unit is not None:
        return msg("parsing.unit_not_here", text=typed, unit=unit, example=accepts.sample())
    sign = -1 if body[:1] and body[:1] in MINUS_SIGNS else 1
    if body[:1] and body[:1] in MINUS_SIGNS + "+":
        body = body[1:].lstrip()
    if not _NUMBER_SHAPE.fullmatch(body):
        return msg("parsing.not_a_number", text=typed, example=accepts.sample())
    digits = _canonical(body, lang)
    if isinstance(digits, tuple):
        grouped, decimal = (sign * multiplier * reading for reading in digits)
        return msg(
            "parsing.ambiguous",
            text=typed,
            first=accepts.written(grouped),
            second=accepts.written(decimal),
        )
    if digits is None:
        return msg("parsing.not_a_number", text=typed, example=accepts.sample())
    value = sign * float(Decimal(digits) * multiplier)
    whole_digits, significant = len(digits.split(".")[0].lstrip("0")), len(digits.replace(".", "").strip("0"))
    if max(whole_digits, significant) > MAX_DIGITS or not math.isfinite(value):
        return msg("parsing.too_long", text=typed, digits=MAX_DIGITS, example=accepts.sample())
    if accepts.whole and not value.is_integer():
        return msg("parsing.not_whole", text=typed, example=accepts.sample())
    if accepts.minimum is not None and value < accepts.minimum:
        minimum = accepts.written(accepts.minimum)
        return msg("parsing.too_small", text=typed, minimum=minimum, example=accepts.sample())
    if accepts.maximum is not None and value > accepts.maximum:
        maximum = accepts.written(accepts.maximum)
        return msg("parsing.too_large", text=typed, maximum=maximum, example=accepts.sample())
    return int(value) if accepts.whole else value


def _without_units(typed: str, accepts: NumberInput) -> tuple[str, int, str | None]:
    """``typed`` without the unit and multiplier the field accepts: the number's text, the multiplier, and
    a unit the field does not accept (``None`` when there is none)."""
    body = typed
    for unit in sorted((*(("%",) if accepts.percent else ()), *accepts.units), key=len, reverse=True):
        folded, wanted = body.casefold(), unit.casefold()
        if not unit[0].isalnum() and folded.startswith(wanted):
            body = body[len(unit) :].strip()
            break
        before = body[: -len(unit)].rstrip()
        if folded.endswith(wanted) and before and (before[-1].isdigit() or not unit[0].isalnum()):
            body = before
            break
    multiplier = 1
    if accepts.counts and body[-1:] in MULTIPLIERS and body[:-1].rstrip()[-1:].isdigit():
        multiplier = MULTIPLIERS[body[-1]]
        body = body[:-1].rstrip()
    trailing = _TRAILING_UNIT.fullmatch(body)
    if trailing:
        return trailing.group(1), multiplier, trailing.group(2)
    return body, multiplier, None


def _canonical(body: str, lang: str) -> str | tuple[float, float] | None:
    """``body`` (digits, separators and spaces) as ``1200.5``; its two readings, grouped then decimal, when
    it is ambiguous; ``None`` when it is not a number."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = cldr(lang)
    decimal_symbol, group_symbol = str(get_decimal_symbol(locale)), str(get_group_symbol(locale))
    points, commas = body.count("."), body.count(",")
    separator: str | None = None
    if points and commas:
        separator = "." if body.rfind(".") > body.rfind(",") else ","
    elif points + commas == 1:
        mark = "." if points else ","
        whole, _, decimals = body.partition(mark)
        grouped = " " not in whole and _GROUPED.fullmatch(f"{whole} {decimals}") is not None
        if mark == decimal_symbol or not grouped:
            separator = mark
        elif mark != group_symbol:
            return float(whole + decimals), float(f"{whole}.{decimals}")
    whole, _, decimals = body.partition(separator) if separator else (body, "", "")
    if separator and not decimals.isdigit():
        return None
    for mark in {",", "."} - {separator}:
        whole = whole.replace(mark, " ")
    whole = whole.strip()
    if " " in whole and not _GROUPED.fullmatch(whole):
        return None
    whole = whole.replace(" ", "")
    if whole and not whole.isdigit():
        return None
    return f"{whole or '0'}.{decimals or '0'}"


# -- currencies -------------------------------------------------------------------------------------


def read_currency(text: str, lang: str) -> str | Message:
    """The ISO code of the currency ``text`` names, in ``lang`` or in English (``euros``, ``€``, ``eur``
    give ``EUR``), or why it is refused (the message names the code to type)."""
    typed = " ".join(text.split())
    codes = _currency_index(str(lang)).get(_folded(typed), set()) if typed else set()
    if len(codes) == 1:
        return next(iter(codes))
    if codes:
        return msg("parsing.currency_ambiguous", text=typed, codes=sorted(codes))
    return msg("parsing.currency_unknown", text=typed, code="EUR", name=currency_name("EUR", lang))


def currency_name(code: str, lang: str) -> str:
    """The name of currency ``code`` in ``lang`` (CLDR), or the code itself where CLDR has none."""
    return str(cldr(lang).currencies.get(code, code))


@cache
def _currency_index(lang: str) -> dict[str, set[str]]:
    """Every way of naming a currency, folded, with the codes it may stand for."""
    from babel.numbers import get_currency_name

    index: dict[str, set[str]] = defaultdict(set)
    codes: set[str] = set()
    for locale in {cldr(lang), cldr("en")}:
        for code, name in locale.currencies.items():
            if not re.fullmatch(r"[A-Z]{3}", code):
                continue
            codes.add(code)
            for written in {name, *(get_currency_name(code, count=n, locale=locale) for n in (1, 2))}:
                index[_folded(written)].add(code)
            symbol = locale.currency_symbols.get(code)
            if symbol and symbol != code:
                index[_folded(symbol)].add(code)
    for code, symbol in NARROW_SYMBOLS.items():
        index[_folded(symbol)] = {code}
    for code in codes:
        index[_folded(code)] = {code}
    return dict(index)


def _folded(text: str) -> str:
    """``text`` compared loosely: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


__all__ = ["ANY_NUMBER", "NumberInput", "currency_name", "read_currency", "read_number"]
