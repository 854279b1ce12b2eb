"""The five maturity levels, the gates the top two need besides the score, and the incomplete audit.

A level is first read from the overall score (:func:`level_for`). Two levels need more than a score,
so that paperwork alone cannot reach them (:class:`Gate`):

* level 4 "Managed" needs the results component (objective progress and engagement against
  benchmarks) assessed and at least ``results_managed`` (threshold, default 0.5);
* level 5 "Integrated" needs, besides, every primary channel compared with a benchmark engaging at
  least ``engagement_ratio_low`` times it (default 0.5, where CH-LOW-ENGAGEMENT fires), and the
  objectives on track: the primary objective measured, and every measured objective on track.

An audit where more than ``incomplete_share`` (default a quarter) of the catalogue's rules could not
be assessed gets no level at all (:class:`Incomplete`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditkit.locale import Message, msg
from auditkit.scoring.rendering import Lang, text_in

__all__ = ["MATURITY_LEVELS", "Gate", "Incomplete", "MaturityLevel", "gated_level", "level_for"]


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


@dataclass(frozen=True)
class Gate:
    """A condition a level needs besides its score, and whether the audit meets it."""

    level: int
    """The lowest level the condition guards: unmet, the audit stays below it."""
    condition: str
    """``results``, ``engagement`` or ``objectives``."""
    met: bool
    evidence: Message

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "level": self.level,
            "condition": self.condition,
            "met": self.met,
            "evidence": text_in(self.evidence, lang),
        }


def gated_level(overall: float | None, gates: tuple[Gate, ...]) -> MaturityLevel:
    """The level of ``overall``, held below the lowest level whose gate is not met."""
    reached = level_for(overall).number
    ceiling = min((gate.level - 1 for gate in gates if not gate.met), default=reached)
    return MATURITY_LEVELS[min(reached, ceiling) - 1]


@dataclass(frozen=True)
class Incomplete:
    """Why an audit has no maturity level: too many rules of the catalogue could not be assessed."""

    not_assessed: int
    rules: int

    @property
    def message(self) -> Message:
        """The state in words: "incomplete: N of M rules not assessed"."""
        return msg("scoring.incomplete.state", count=self.not_assessed, rules=self.rules)

    def to_dict(self) -> dict[str, int]:
        return {"not_assessed": self.not_assessed, "rules": self.rules}
