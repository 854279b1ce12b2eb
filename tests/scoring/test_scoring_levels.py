"""Maturity levels: their bands, names and meanings."""

from __future__ import annotations

import pytest

from auditkit.scoring import (
    MATURITY_LEVELS,
    level_for,
)


@pytest.mark.parametrize(
    ("overall", "number"),
    [(None, 1), (0, 1), (29.9, 1), (30, 2), (54.9, 2), (55, 3), (70, 4), (85, 5), (100, 5)],
)
def test_maturity_level_thresholds(overall: float | None, number: int) -> None:
    assert level_for(overall).number == number


def test_maturity_levels_have_names_and_meanings_in_both_languages() -> None:
    assert [level.number for level in MATURITY_LEVELS] == [1, 2, 3, 4, 5]
    for level in MATURITY_LEVELS:
        assert level.name("en") and level.name("fr") and level.meaning("en") and level.meaning("fr")
