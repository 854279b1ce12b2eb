"""The five maturity levels an overall score falls into."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditkit.locale import Message, msg
from auditkit.scoring.rendering import Lang, text_in

__all__ = ["MATURITY_LEVELS", "MaturityLevel", "level_for"]


@dataclass(frozen=True)
class MaturityLevel:
    """A stage of social media maturity and what it means."""

    number: int
    name: Message
    meaning: Message
    floor: float = 0.0
    """Lowest overall score (0-100) of this level."""

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": text_in(self.name, lang),
            "meaning": text_in(self.meaning, lang),
            "from_score": self.floor,
        }


def _level(number: int, floor: float) -> MaturityLevel:
    return MaturityLevel(
        number, msg(f"scoring.level.{number}.name"), msg(f"scoring.level.{number}.meaning"), floor
    )


MATURITY_LEVELS: tuple[MaturityLevel, ...] = (
    _level(1, 0),
    _level(2, 30),
    _level(3, 55),
    _level(4, 70),
    _level(5, 85),
)
"""The maturity levels, lowest first (1 Ad hoc, 2 Present, 3 Structured, 4 Managed, 5 Integrated); a score
belongs to the highest level whose floor it reaches.

The bands narrow towards the top (30, 25, 15, 15 points): partial credit accumulates quickly on the
first steps of the method, while "Managed" and "Integrated" need nearly every part in place.
"""


def level_for(overall: float | None) -> MaturityLevel:
    """The maturity level of an overall score (level 1 when the score is not assessed)."""
    reached = [level for level in MATURITY_LEVELS if overall is not None and overall >= level.floor]
    return reached[-1] if reached else MATURITY_LEVELS[0]
