"""Numbers and currencies typed as a person writes them, in French and English: read, or explained."""

from __future__ import annotations

import pytest

from auditkit.locale import Message
from auditkit.locale.parsing import ANY_NUMBER, NumberInput, read_currency, read_number

PERCENT = NumberInput(minimum=0, maximum=100, percent=True)
HOURS = NumberInput(minimum=0, maximum=168, units=("h",))
COUNT = NumberInput(minimum=0, counts=True)


def folded(text: str) -> str:
    """``text`` with no-break and narrow no-break spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def refusal(text: str, lang: str, accepts: NumberInput = ANY_NUMBER) -> str:
    result = read_number(text, lang, accepts)
    assert isinstance(result, Message), f"{text!r} was read as {result!r}"
    return folded(result(lang))


@pytest.mark.parametrize(
    ("typed", "lang", "accepts", "value"),
    [
        ("45 %", "fr", PERCENT, 45),
        ("45%", "en", PERCENT, 45),
        ("45", "fr", PERCENT, 45),
        ("45", "en", PERCENT, 45),
        ("0,45", "fr", ANY_NUMBER, 0.45),
        ("0,45", "en", ANY_NUMBER, 0.45),
        ("0.45", "fr", ANY_NUMBER, 0.45),
        ("0.45", "en", ANY_NUMBER, 0.45),
        ("1 200", "fr", ANY_NUMBER, 1200),
        ("1 200", "en", ANY_NUMBER, 1200),
        ("1\u00a0200", "fr", ANY_NUMBER, 1200),
        ("1\u202f200", "fr", ANY_NUMBER, 1200),
        ("1 200,5", "fr", ANY_NUMBER, 1200.5),
        ("1 200,5", "en", ANY_NUMBER, 1200.5),
        ("1,200.5", "en", ANY_NUMBER, 1200.5),
        ("1,200.5", "fr", ANY_NUMBER, 1200.5),
        ("1.200,5", "fr", ANY_NUMBER, 1200.5),
        ("1,500", "en", ANY_NUMBER, 1500),
        ("1,500", "fr", ANY_NUMBER, 1.5),
        ("1.500", "en", ANY_NUMBER, 1.5),
        ("1 000 000", "fr", ANY_NUMBER, 1_000_000),
        ("1,5 h", "fr", HOURS, 1.5),
        ("1.5 h", "en", HOURS, 1.5),
        ("2h", "en", HOURS, 2),
        ("2,0935", "fr", ANY_NUMBER, 2.0935),
        ("12k", "fr", COUNT, 12_000),
        ("1,2 M", "fr", COUNT, 1_200_000),
        ("-3", "fr", ANY_NUMBER, -3),
        ("\u22123", "en", ANY_NUMBER, -3),
        ("  45  ", "en", ANY_NUMBER, 45),
    ],
)
def test_a_number_typed_as_a_person_writes_it_is_read(
    typed: str, lang: str, accepts: NumberInput, value: float
) -> None:
    assert read_number(typed, lang, accepts) == pytest.approx(value)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_blank_box_is_no_value(lang: str) -> None:
    assert read_number("", lang) is None
    assert read_number("   ", lang, PERCENT) is None


def test_a_whole_number_comes_back_as_an_int() -> None:
    value = read_number("1 200", "fr", NumberInput(whole=True))
    assert value == 1200 and isinstance(value, int)
    assert "pas un nombre entier" in refusal("7,5", "fr", NumberInput(whole=True))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "« abc » n'est pas un nombre : tapez-le comme vous l'écririez, par exemple 1 200 ou 0,45."),
        ("en", "“abc” is not a number: type it as you would write it, for example 1,200 or 0.45."),
    ],
)
def test_text_that_is_no_number_gets_an_example_in_the_language(lang: str, expected: str) -> None:
    assert refusal("abc", lang) == expected


def test_the_example_fits_the_field() -> None:
    assert refusal("beaucoup", "fr", PERCENT).endswith("par exemple 45 %.")
    assert refusal("lots", "en", PERCENT).endswith("for example 45%.")
    assert refusal("longtemps", "fr", HOURS).endswith("par exemple 1,5 h.")


@pytest.mark.parametrize(
    ("lang", "fragment"),
    [("fr", "« -3 » est trop petit (au moins 0 %)"), ("en", "“-3” is too small (at least 0%)")],
)
def test_a_negative_value_is_refused_where_the_field_starts_at_zero(lang: str, fragment: str) -> None:
    assert fragment in refusal("-3", lang, PERCENT)
    assert "0 h" in refusal("-3", lang, HOURS)


def test_a_value_out_of_range_names_the_bound_in_the_field_scale() -> None:
    assert "trop grand (au plus 100 %)" in refusal("145 %", "fr", PERCENT)
    assert "too large (at most 168 h)" in refusal("200 h", "en", HOURS)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_huge_values_are_refused_not_rounded(lang: str) -> None:
    for typed in ("9" * 30, "1" + " 000" * 10):
        message = refusal(typed, lang)
        assert ("trop de chiffres" if lang == "fr" else "too many digits") in message
    assert read_number("999 999 999 999", lang) == 999_999_999_999


def test_a_unit_the_field_does_not_take_is_named() -> None:
    assert refusal("45 %", "fr", HOURS).startswith("« % » n'est pas une unité que ce champ comprend")
    assert refusal("1,5 h", "en", PERCENT).startswith("“h” is not a unit this field takes")
    assert "“k”" in refusal("12k", "en", HOURS)


def test_an_ambiguous_separator_is_asked_about_not_guessed() -> None:
    assert refusal("1.500", "fr") == "« 1.500 » peut se lire de deux façons : tapez 1 500 ou 1,5."
    assert (
        refusal("2.250 h", "fr", HOURS)
        == "« 2.250 h » peut se lire de deux façons : tapez 2 250 h ou 2,25 h."
    )


@pytest.mark.parametrize("typed", ["1 2", "1,2,3.4.5", "1..5", "12,", "--3", "1 2345"])
def test_malformed_numbers_are_refused(typed: str) -> None:
    assert "pas un nombre" in refusal(typed, "fr")


@pytest.mark.parametrize(
    ("typed", "lang"),
    [("euros", "fr"), ("Euro", "en"), ("€", "fr"), ("eur", "en"), ("EUR", "fr"), ("  Euros ", "fr")],
)
def test_a_currency_named_in_words_or_by_symbol_is_understood(typed: str, lang: str) -> None:
    assert read_currency(typed, lang) == "EUR"


def test_other_currencies_by_name_symbol_or_code() -> None:
    assert read_currency("livres sterling", "fr") == "GBP"
    assert read_currency("British pounds", "en") == read_currency("£", "fr") == "GBP"
    assert read_currency("$", "en") == "USD"
    assert read_currency("chf", "fr") == "CHF"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            "« doublons » n'est pas une devise connue : tapez son code ISO à trois lettres, par exemple EUR (euro).",
        ),
        (
            "en",
            "“doubloons” is not a currency we know: type its three-letter ISO code, for example EUR (Euro).",
        ),
    ],
)
def test_an_unknown_currency_gets_a_hint_naming_the_iso_code(lang: str, expected: str) -> None:
    typed = "doublons" if lang == "fr" else "doubloons"
    result = read_currency(typed, lang)
    assert isinstance(result, Message)
    assert folded(result(lang)) == expected
