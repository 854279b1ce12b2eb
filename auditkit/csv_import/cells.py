"""Reading one cell: numbers in any grouping and decimal mark, dates in any common form, plain words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

SPACES = " \u00a0\u202f\u2009\u2007'\u2019"
"""Characters that group thousands (besides the point or comma that is not the decimal mark)."""

MONTHS = {
    **dict.fromkeys(("janvier", "janv", "jan", "january"), 1),
    **dict.fromkeys(("fevrier", "fevr", "fev", "feb", "february"), 2),
    **dict.fromkeys(("mars", "mar", "march"), 3),
    **dict.fromkeys(("avril", "avr", "apr", "april"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "jun", "june"), 6),
    **dict.fromkeys(("juillet", "juil", "jul", "july"), 7),
    **dict.fromkeys(("aout", "aug", "august"), 8),
    **dict.fromkeys(("septembre", "sept", "sep", "september"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("decembre", "dec", "december"), 12),
}
"""Month names and abbreviations, French and English, without accents."""

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$")
NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ t,].*)?$")
TEXT_DATE_DAY_FIRST = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\.?,?\s+(\d{4})(?:[ t,].*)?$")
TEXT_DATE_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ t,].*)?$")
NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|[.,]\d+)$")
WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?,?\s+")
"""A leading day of the week, English or French ("Tue, Nov 3, 2026", "mar. 3 nov. 2026")."""


_NO_SPACES = str.maketrans("", "", SPACES)


def without_spaces(text: str) -> str:
    """``text`` without the characters that group thousands."""
    return text.translate(_NO_SPACES)


def parse_number(text: str, decimal: str = ".") -> float | None:
    """A number written with ``decimal`` as decimal mark and any thousands grouping; None if not one.

    A trailing ``%`` is dropped (the caller knows the column is a percentage).
    """
    cleaned = without_spaces(text.strip().removesuffix("%").strip())
    if not cleaned or not NUMBER.match(cleaned):
        return None
    thousands = "," if decimal == "." else "."
    if cleaned.count(decimal) > 1:
        return None
    whole, _, fraction = cleaned.partition(decimal)
    groups = whole.lstrip("+-").split(thousands)
    if len(groups) > 1 and (not groups[0] or any(len(group) != 3 for group in groups[1:])):
        return None
    try:
        return float(whole.replace(thousands, "") + ("." + fraction if fraction else ""))
    except ValueError:
        return None


def parse_date(text: str, day_first: bool = True) -> date | None:
    """A date in ISO, numeric (day-first unless told otherwise) or month-name form, after a day of the
    week or not; None if not one."""
    value = plain(text).strip()
    parsed = _parse_date(value, day_first)
    if parsed is None and (weekday := WEEKDAY.match(value)):
        return _parse_date(value[weekday.end() :], day_first)
    return parsed


def _parse_date(value: str, day_first: bool) -> date | None:
    if match := ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
        return _date(year, month, day)
    if match := NUMERIC_DATE.match(value):
        first, second, year = (int(part) for part in match.groups())
        year = year + 2000 if year < 100 else year
        return _date(year, second, first) if day_first else _date(year, first, second)
    if match := TEXT_DATE_DAY_FIRST.match(value):
        named = MONTHS.get(match.group(2))
        return _date(int(match.group(3)), named, int(match.group(1))) if named else None
    if match := TEXT_DATE_MONTH_FIRST.match(value):
        named = MONTHS.get(match.group(1))
        return _date(int(match.group(3)), named, int(match.group(2))) if named else None
    return None


def day_first(values: Sequence[str]) -> bool:
    """Whether numeric dates among ``values`` put the day first (the default when nothing proves it)."""
    for value in values:
        match = NUMERIC_DATE.match(value)
        if match and int(match.group(1)) > 12:
            return True
    for value in values:
        match = NUMERIC_DATE.match(value)
        if match and int(match.group(2)) > 12:
            return False
    return True


def plain(text: str) -> str:
    """``text`` in lower case without accents."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matches(name: str, keywords: Sequence[str]) -> bool:
    """Whether a column name holds one of ``keywords`` as whole words (case and accents ignored)."""
    words = " ".join(re.sub(r"[^a-z0-9%()]+", " ", plain(name)).split())
    return any(f" {keyword} " in f" {words} " for keyword in keywords)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
