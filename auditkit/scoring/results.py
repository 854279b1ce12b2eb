"""What scoring returns: contributions, scores, channel scores and the scorecard, and their JSON form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from auditkit.locale import Message
from auditkit.locale import label as enum_label
from auditkit.model import BenchmarkRow, Language
from auditkit.platforms import Platform
from auditkit.scoring.levels import Gate, Incomplete, MaturityLevel, level_for
from auditkit.scoring.rendering import Lang, text_in
from auditkit.scoring.text import scorecard_text

if TYPE_CHECKING:
    from auditkit.scoring.performance import EngagementResult, ObjectiveProgress

__all__ = ["ChannelScore", "Contribution", "Recommendation", "Score", "Scorecard"]


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True)
class Contribution:
    """One factor of a score: its sub-score (0-1, ``None`` = not assessed), weight and points."""

    factor: str
    label: Message
    value: float | None
    weight: float
    points: float
    evidence: Message

    @property
    def assessed(self) -> bool:
        return self.value is not None

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """JSON-ready; texts in ``lang``, or in every language (``{"en": ..., "fr": ...}``) if ``None``."""
        return {
            "factor": self.factor,
            "label": text_in(self.label, lang),
            "assessed": self.assessed,
            "value": _round(self.value, 3),
            "weight": self.weight,
            "points": round(self.points, 2),
            "evidence": text_in(self.evidence, lang),
        }


@dataclass(frozen=True)
class Score:
    """A 0-100 score (``None`` if no factor could be assessed) and the contributions behind it."""

    value: float | None
    contributions: tuple[Contribution, ...]

    def contribution(self, factor: str) -> Contribution:
        """The contribution of ``factor`` (``KeyError`` if this score has none)."""
        for item in self.contributions:
            if item.factor == factor:
                return item
        raise KeyError(factor)

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "score": _round(self.value),
            "contributions": [item.to_dict(lang) for item in self.contributions],
        }


class Recommendation(StrEnum):
    """What to do with a channel."""

    INVEST = "invest"
    MAINTAIN = "maintain"
    FIX = "fix"
    REDUCE = "reduce"
    CLOSE = "close"
    PARK = "park"
    """Claim the handle, stay silent."""
    NOT_NOW = "not_now"
    """Do not start now; reassess on a date."""

    @property
    def label(self) -> Message:
        return enum_label(self)


@dataclass(frozen=True)
class ChannelScore:
    """A channel's health, the recommendation for it and why."""

    channel_id: str
    name: str
    platform: Platform
    health: Score
    recommendation: Recommendation
    reasons: tuple[Message, ...]
    benchmark: BenchmarkRow | None
    """The engagement benchmark row the channel was compared with (``None``: not assessed)."""
    reassess_on: date | None = None
    """For "not_now" and "park": when to look at the channel again."""

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "id": self.channel_id,
            "name": self.name,
            "platform": self.platform.value,
            "score": _round(self.health.value),
            "recommendation": self.recommendation.value,
            "recommendation_label": text_in(self.recommendation.label, lang),
            "reasons": [text_in(reason, lang) for reason in self.reasons],
            "reassess_on": self.reassess_on.isoformat() if self.reassess_on else None,
            "benchmark": _benchmark_dict(self.benchmark),
            "contributions": [item.to_dict(lang) for item in self.health.contributions],
        }


def _benchmark_dict(row: BenchmarkRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "platform": row.platform.value,
        "industry": row.industry,
        "metric": row.metric,
        "value": row.value,
        "unit": row.unit,
        "year": row.year,
        "source_title": row.source_title,
        "source_url": row.source_url,
    }


@dataclass(frozen=True, repr=False)
class Scorecard:
    """Every score of an audit.

    ``matrix`` maps ``(channel_id, objective_id)`` to the fit score; its JSON form (``to_dict``) is a
    list of ``{"channel", "objective", "serves", "score", "contributions"}`` in channel then objective
    order (``serves`` tells whether the channel lists the objective).
    """

    overall: Score
    level: MaturityLevel | None
    """``None`` when the audit is :attr:`incomplete`."""
    target_level: MaturityLevel | None
    channels: tuple[ChannelScore, ...]
    matrix: dict[tuple[str, str], Score]
    strategy_completeness: Score
    organisation_readiness: Score
    results: Score
    """Objective progress and engagement against benchmarks."""
    progress: tuple[ObjectiveProgress, ...]
    engagement: tuple[EngagementResult, ...]
    """The primary channels' engagement against their benchmarks."""
    gates: tuple[Gate, ...]
    """What levels 4 and 5 need besides the score, met or not."""
    incomplete: Incomplete | None
    """Set when too many rules could not be assessed for the audit to have a level."""
    weights: dict[str, float]
    serves: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    """The ``(channel_id, objective_id)`` pairs where the channel lists the objective."""

    def __repr__(self) -> str:
        overall = "-" if self.overall.value is None else f"{self.overall.value:.1f}"
        level = "incomplete" if self.level is None else self.level.number
        return (
            f"<Scorecard overall={overall} level={level} channels={len(self.channels)} "
            f"pairs={len(self.matrix)}>"
        )

    @property
    def held_back(self) -> tuple[Gate, ...]:
        """The unmet gates that keep the level below the one the score alone reaches."""
        reached = level_for(self.overall.value).number
        return tuple(gate for gate in self.gates if not gate.met and gate.level <= reached)

    def channel(self, channel_id: str) -> ChannelScore:
        """The score of one channel (``KeyError`` if none)."""
        for item in self.channels:
            if item.channel_id == channel_id:
                return item
        raise KeyError(channel_id)

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """The JSON document of ``auditkit score --json``.

        Texts are in ``lang``, or in every language (``{"en": ..., "fr": ...}``) when ``lang`` is None.
        """
        return {
            "overall": _round(self.overall.value),
            "level": self.level.to_dict(lang) if self.level else None,
            "incomplete": self.incomplete.to_dict() if self.incomplete else None,
            "target_level": self.target_level.to_dict(lang) if self.target_level else None,
            "gates": [gate.to_dict(lang) for gate in self.gates],
            "contributions": [item.to_dict(lang) for item in self.overall.contributions],
            "channels": [channel.to_dict(lang) for channel in self.channels],
            "matrix": [
                {
                    "channel": channel_id,
                    "objective": objective_id,
                    "serves": (channel_id, objective_id) in self.serves,
                    **fit.to_dict(lang),
                }
                for (channel_id, objective_id), fit in self.matrix.items()
            ],
            "strategy_completeness": self.strategy_completeness.to_dict(lang),
            "organisation_readiness": self.organisation_readiness.to_dict(lang),
            "results": self.results.to_dict(lang),
            "objectives_progress": [item.to_dict(lang) for item in self.progress],
            "engagement_results": [item.to_dict(lang) for item in self.engagement],
            "weights": dict(self.weights),
        }

    def to_text(self, lang: Lang = Language.EN, verdicts: Mapping[str, Message] | None = None) -> str:
        """A plain-text scorecard for a terminal: aligned columns, no colour.

        ``verdicts`` (channel id -> verdict) replaces the decision tree's recommendation and its reason
        when the channels' verdicts were reconciled with the findings (:mod:`auditkit.verdicts`).
        """
        return scorecard_text(self, str(lang), verdicts)
