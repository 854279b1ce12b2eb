"""Maturity levels: their bands, names and meanings, and the gates of the top levels."""

from __future__ import annotations

import pytest

from auditkit.locale import msg
from auditkit.scoring import (
    MATURITY_LEVELS,
    Gate,
    gated_level,
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


def gate(level: int, met: bool) -> Gate:
    return Gate(level, "results", met, msg("scoring.gate.results.unassessed"))


@pytest.mark.parametrize(
    ("overall", "gates", "number"),
    [
        (90, (gate(4, True), gate(5, True)), 5),
        (90, (gate(4, True), gate(5, False)), 4),
        (90, (gate(4, False), gate(5, True)), 3),
        (75, (gate(4, True), gate(5, False)), 4),
        (60, (gate(4, False), gate(5, False)), 3),
        (20, (gate(4, False),), 1),
    ],
)
def test_an_unmet_gate_holds_the_level_below_the_one_it_guards(
    overall: float, gates: tuple[Gate, ...], number: int
) -> None:
    assert gated_level(overall, gates).number == number
