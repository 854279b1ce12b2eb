"""Numbers, money, dates, lists and typography, written the way each language writes them."""

from __future__ import annotations

from datetime import date

import pytest

from auditkit.locale import Number, formats

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (1234.5, "1,234", f"1{NNBSP}234"),
        (12.34, "12.3", "12,3"),
        (0.0234, "0.023", "0,023"),
        (3, "3", "3"),
        (-2.5, "-2.5", "-2,5"),
    ],
)
def test_numbers_in_running_text(value: float, english: str, french: str) -> None:
    assert formats.number(value, "en") == english
    assert formats.number(value, "fr") == french


def test_percentages_money_and_hours() -> None:
    assert formats.percent(0.125, "en", 1) == "12.5%"
    assert formats.percent(0.125, "fr", 1) == f"12,5{NBSP}%"
    assert formats.percent_points(None, "fr") == "—"
    assert formats.money(1234, "en") == "€1,234"
    assert formats.money(1234, "fr") == f"1{NNBSP}234{NBSP}€"
    assert formats.money(99.6, "en", "GBP") == "£100"


def test_dates_in_words_with_the_french_first_of_the_month() -> None:
    assert formats.day(date(2026, 9, 15), "en") == "15 September 2026"
    assert formats.day(date(2026, 9, 15), "fr") == "15 septembre 2026"
    assert formats.day(date(2026, 9, 1), "fr") == "1er septembre 2026"
    assert formats.month(date(2026, 12, 24), "fr") == "décembre 2026"


def test_lists() -> None:
    assert formats.join(["a", "b", "c"], "en") == "a, b and c"
    assert formats.join(["a", "b", "c"], "fr") == "a, b et c"
    assert formats.join(["a"], "fr") == "a"
    assert formats.join([], "fr") == ""


def test_french_typography_puts_no_break_spaces_where_french_needs_them() -> None:
    text = formats.typography("Attention : « oui » ? Non! Voir http://x.fr?a=1 à 10:30 ; fin", "fr")
    assert text == (
        f"Attention{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}? Non{NNBSP}! Voir http://x.fr?a=1 à 10:30{NNBSP}; fin"
    )
    assert formats.typography("Note: yes; no!", "en") == "Note: yes; no!"


def test_a_number_parameter_keeps_its_own_rounding() -> None:
    assert Number(0.03123, significant=3)("fr") == "0,0312"
    assert Number(2.5, decimals=2, exact=True)("en") == "2.50"
    assert Number(1234.56, decimals=1, grouping=False)("en") == "1234.6"
