"""How factors make a score: a weighted mean over the assessed factors, with each one's contribution."""

from __future__ import annotations

from collections.abc import Sequence

from auditkit.locale import Message
from auditkit.scoring.results import Contribution, Score
from auditkit.scoring.weights import WEIGHTS

__all__ = ["Fact", "assessed_weight", "bounded", "combine", "contributions"]

Fact = tuple[float | None, Message]
"""A factor's sub-score (0-1 or None) and its evidence."""


def assessed_weight(facts: Sequence[tuple[str, Fact]], weights: dict[str, float]) -> float:
    """The sum of the weights of the assessed facts."""
    return sum(weights[key] for key, (value, _) in facts if value is not None)


def contributions(
    facts: Sequence[tuple[str, Fact]], weights: dict[str, float], total: float
) -> tuple[Contribution, ...]:
    """The contributions of ``facts`` to a score whose assessed weights add up to ``total``."""
    return tuple(
        Contribution(
            key,
            WEIGHTS[key].label,
            value,
            weights[key],
            100 * value * weights[key] / total if value is not None and total > 0 else 0.0,
            evidence,
        )
        for key, (value, evidence) in facts
    )


def combine(facts: Sequence[tuple[str, Fact]], weights: dict[str, float]) -> Score:
    """A weighted mean over the assessed facts; keys are weight keys of :data:`WEIGHTS`."""
    total = assessed_weight(facts, weights)
    parts = contributions(facts, weights, total)
    return Score(bounded(sum(item.points for item in parts)) if total > 0 else None, parts)


def bounded(points: float) -> float:
    """A sum of points, kept within 0-100 despite floating-point rounding."""
    return min(100.0, max(0.0, points))
