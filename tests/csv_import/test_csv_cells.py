"""Reading one cell: numbers in every grouping and decimal mark, dates in every common form."""

from __future__ import annotations

from datetime import date

import pytest

from auditkit.csv_import import parse_date, parse_number


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1 234,5", ",", 1234.5),
        ("1\u00a0234,5", ",", 1234.5),
        ("1\u202f234,5", ",", 1234.5),
        ("1.234,5", ",", 1234.5),
        ("1,234.5", ".", 1234.5),
        ("12,5 %", ",", 12.5),
        ("-3", ".", -3.0),
        ("1,23,4", ".", None),
        ("abc", ".", None),
        ("", ".", None),
    ],
)
def test_parse_number(text: str, decimal: str, expected: float | None) -> None:
    assert parse_number(text, decimal) == expected


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("23/11/2026", True, date(2026, 11, 23)),
        ("23/11/2026 14:05", True, date(2026, 11, 23)),
        ("2026-11-23", True, date(2026, 11, 23)),
        ("2026-11-23T09:00:00+01:00", True, date(2026, 11, 23)),
        ("11/23/2026", False, date(2026, 11, 23)),
        ("23.11.26", True, date(2026, 11, 23)),
        ("23 novembre 2026", True, date(2026, 11, 23)),
        ("1er déc. 2026", True, date(2026, 12, 1)),
        ("Nov 23, 2026", True, date(2026, 11, 23)),
        ("31/02/2026", True, None),
        ("soon", True, None),
    ],
)
def test_parse_date(text: str, day_first: bool, expected: date | None) -> None:
    assert parse_date(text, day_first) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue, Nov 3, 2026", date(2026, 11, 3)),
        ("mar. 3 nov. 2026", date(2026, 11, 3)),
        ("Mar 3, 2026", date(2026, 3, 3)),
        ("mercredi 4 novembre 2026", date(2026, 11, 4)),
    ],
)
def test_a_date_after_a_day_of_the_week(text: str, expected: date) -> None:
    assert parse_date(text) == expected
