"""A channel's factors (activity, recency, engagement, responsiveness, effort, ownership, originality,
reach), its health and its fit to each objective."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from auditkit.benchmarks import POSTS_PER_WEEK, describe
from auditkit.locale import Message, label, msg
from auditkit.model import BenchmarkRow, Channel, ChannelStatus, Objective
from auditkit.platforms import Platform, use_of
from auditkit.scoring.combine import Fact, assessed_weight, bounded, combine, contributions
from auditkit.scoring.context import Context
from auditkit.scoring.rendering import figure, percent
from auditkit.scoring.results import Contribution, Score

__all__ = [
    "AT_BENCHMARK",
    "ChannelFacts",
    "FitScorer",
    "channel_facts",
    "engagement_value",
    "health",
    "platform_use",
    "reach",
    "targets",
]

AT_BENCHMARK = 0.75
"""Engagement sub-score of a channel exactly at its benchmark (linear below, up to 1 at twice it)."""

_NOT_PUBLISHING: dict[ChannelStatus, Message] = {
    ChannelStatus.PLANNED: msg("scoring.evidence.silent.planned"),
    ChannelStatus.PARKED: msg("scoring.evidence.silent.parked"),
    ChannelStatus.CLOSED: label(ChannelStatus.CLOSED),
}


@dataclass(frozen=True)
class ChannelFacts:
    """Every factor of one channel that does not depend on an objective."""

    activity: Fact
    recency: Fact
    engagement: Fact
    responsiveness: Fact
    effort: Fact
    ownership: Fact
    originality: Fact
    engagement_benchmark: BenchmarkRow | None


def channel_facts(channel: Channel, context: Context) -> ChannelFacts:
    """The channel's factors; a channel silent on purpose has its publishing factors not assessed."""
    silent = _NOT_PUBLISHING.get(channel.status)
    engagement, benchmark = _engagement(channel, context) if silent is None else ((None, silent), None)
    return ChannelFacts(
        activity=_activity(channel, context) if silent is None else (None, silent),
        recency=_recency(channel, context) if silent is None else (None, silent),
        engagement=engagement,
        responsiveness=_responsiveness(channel, context) if silent is None else (None, silent),
        effort=_effort(channel, context),
        ownership=_ownership(channel),
        originality=_originality(channel),
        engagement_benchmark=benchmark,
    )


def _activity(channel: Channel, context: Context) -> Fact:
    if channel.posts_per_week is None:
        return None, msg("scoring.evidence.activity.missing")
    row = context.benchmarks.lookup(channel.platform, POSTS_PER_WEEK)
    if row is None or row.value <= 0:
        return None, msg(
            "scoring.evidence.activity.no_benchmark",
            posts=figure(channel.posts_per_week),
            platform=channel.platform,
        )
    ratio = channel.posts_per_week / row.value
    return min(1.0, math.sqrt(ratio)), msg(
        "scoring.evidence.activity.measured",
        posts=figure(channel.posts_per_week),
        benchmark=describe(row),
        ratio=figure(round(ratio, 2)),
    )


def _recency(channel: Channel, context: Context) -> Fact:
    days = context.days_since_post(channel)
    if days is None:
        return None, msg("scoring.evidence.recency.missing")
    return max(0.0, 1 - days / context.dormancy), msg(
        "scoring.evidence.recency.measured", days=figure(days), dormancy=figure(context.dormancy)
    )


def _engagement(channel: Channel, context: Context) -> tuple[Fact, BenchmarkRow | None]:
    measure = channel.engagement
    if measure is None:
        return (None, msg("scoring.evidence.engagement.missing")), None
    rate = figure(float(f"{measure.percent:.2g}"))
    row = context.benchmarks.lookup(channel.platform, measure.definition)
    if row is None or row.value <= 0:
        evidence = msg(
            "scoring.evidence.engagement.no_benchmark",
            rate=rate,
            metric=measure.definition,
            platform=channel.platform,
            industries=", ".join(context.benchmarks.industries),
        )
        return (None, evidence), None
    ratio = measure.percent / row.value
    value = engagement_value(ratio)
    evidence = msg(
        "scoring.evidence.engagement.measured",
        rate=rate,
        benchmark=describe(row),
        ratio=figure(round(ratio, 2)),
    )
    return (value, evidence), row


def engagement_value(ratio: float) -> float:
    """The sub-score of an engagement ``ratio`` to its benchmark: linear to :data:`AT_BENCHMARK` at the
    benchmark, then up to 1 at twice it."""
    return AT_BENCHMARK * ratio if ratio < 1 else min(1.0, AT_BENCHMARK + (1 - AT_BENCHMARK) * (ratio - 1))


def _responsiveness(channel: Channel, context: Context) -> Fact:
    expected = context.expectation(channel.platform)
    if expected is None:
        return None, msg("scoring.evidence.responsiveness.no_expectation", platform=channel.platform)
    actual = channel.median_response_minutes
    if actual is None:
        return None, msg("scoring.evidence.responsiveness.missing")
    value = 1.0 if actual <= expected else expected / actual
    return value, msg(
        "scoring.evidence.responsiveness.measured",
        actual=figure(actual),
        expected=figure(expected),
        platform=channel.platform,
    )


def _effort(channel: Channel, context: Context) -> Fact:
    parts: list[float] = []
    texts: dict[str, Message] = {}
    for cost, reference, kind in (
        (channel.hours_per_week, context.hours_reference, "hours"),
        (channel.monthly_budget, context.budget_reference, "budget"),
    ):
        if cost is None or reference is None:
            continue
        share, fair = reference
        parts.append(1.0 if cost <= share else share / cost)
        basis = msg("scoring.evidence.effort.fair_share" if fair else "scoring.evidence.effort.mean")
        texts[kind] = msg(
            f"scoring.evidence.effort.{kind}", amount=figure(cost), basis=basis, usual=figure(round(share, 1))
        )
    if not parts:
        return None, msg("scoring.evidence.effort.missing")
    evidence = msg("scoring.evidence.effort.both", **texts) if len(texts) == 2 else next(iter(texts.values()))
    return sum(parts) / len(parts), evidence


def _ownership(channel: Channel) -> Fact:
    if channel.owner.strip():
        return 1.0, msg("scoring.evidence.ownership.named", owner=channel.owner.strip())
    return 0.0, msg("scoring.evidence.ownership.nobody")


def _originality(channel: Channel) -> Fact:
    if channel.cross_posted_unchanged is None:
        return None, msg("scoring.evidence.originality.unchecked")
    if channel.cross_posted_unchanged:
        return 0.25, msg("scoring.evidence.originality.cross_posted")
    return 1.0, msg("scoring.evidence.originality.adapted")


def reach(channel: Channel, stakeholders: Iterable[str], context: Context) -> Fact:
    """How much of ``stakeholders`` the channel reaches, weighted by their importance and platform use."""
    listed = channel.stakeholders
    social = channel.platform.is_social
    platform = channel.platform
    weighted = total = 0.0
    count = reached = 0
    for stakeholder_id in stakeholders:
        audience = context.audiences[stakeholder_id]
        use = use_of(audience.uses, platform)
        if use is None and social and audience.uses:
            use = 0.0
        if stakeholder_id in listed:
            share = 1.0 if use is None else 0.5 + 0.5 * use
        else:
            share = 0.0 if use is None else 0.5 * use
        weighted += audience.importance * share
        total += audience.importance
        count += 1
        reached += share > 0
    if not count:
        return None, msg("scoring.evidence.reach.none")
    value = weighted / total
    return value, msg(
        "scoring.evidence.reach.measured",
        percent=percent(value),
        reached=figure(reached),
        count=figure(count),
    )


def platform_use(platform: Platform, context: Context) -> float | None:
    """The importance-weighted share of the stakeholders on ``platform`` (None: nobody says)."""
    weighted = total = 0.0
    for audience in context.audiences.values():
        use = use_of(audience.uses, platform)
        if use is None and platform.is_social and audience.uses:
            use = 0.0
        if use is not None:
            weighted += audience.importance * use
            total += audience.importance
    return weighted / total if total else None


class FitScorer:
    """One channel's fit to each objective: only the reach differs between objectives.

    The other contributions depend on the objective only through the total assessed weight, so they
    are built once per distinct total (in practice once per channel).
    """

    def __init__(self, facts: ChannelFacts, weights: dict[str, float]) -> None:
        self.weights = weights
        self.others: tuple[tuple[str, Fact], ...] = (
            ("fit.activity", facts.activity),
            ("fit.recency", facts.recency),
            ("fit.engagement", facts.engagement),
            ("fit.responsiveness", facts.responsiveness),
            ("fit.effort", facts.effort),
        )
        self.others_weight = assessed_weight(self.others, weights)
        self._built: dict[float, tuple[tuple[Contribution, ...], float]] = {}

    def fit(self, reach: Fact) -> Score:
        """The fit score given the channel's reach of one objective's targets."""
        reach_facts = (("fit.reach", reach),)
        total = self.others_weight + assessed_weight(reach_facts, self.weights)
        built = self._built.get(total)
        if built is None:
            others = contributions(self.others, self.weights, total)
            built = self._built[total] = (others, sum(item.points for item in others))
        (reach_contribution,) = contributions(reach_facts, self.weights, total)
        others, points = built
        value = bounded(points + reach_contribution.points) if total > 0 else None
        return Score(value, (reach_contribution, *others))


def health(facts: ChannelFacts, weights: dict[str, float]) -> Score:
    """The channel's health, independent of objectives."""
    return combine(
        (
            ("health.activity", facts.activity),
            ("health.recency", facts.recency),
            ("health.engagement", facts.engagement),
            ("health.responsiveness", facts.responsiveness),
            ("health.ownership", facts.ownership),
            ("health.originality", facts.originality),
        ),
        weights,
    )


def targets(objective: Objective, context: Context) -> tuple[str, ...]:
    """The stakeholders an objective aims at: those it names, else all of them."""
    return tuple(objective.stakeholders) or context.all_stakeholders
