"""The overall score of an audit, and :func:`score`, which computes every score of the scorecard."""

from __future__ import annotations

from collections.abc import Sequence

from auditkit.locale import Message, msg
from auditkit.model import Audit, ChannelStatus
from auditkit.scoring.channels import FitScorer, channel_facts, health, reach, targets
from auditkit.scoring.combine import Fact, combine
from auditkit.scoring.context import PUBLISHING, Context
from auditkit.scoring.levels import MATURITY_LEVELS, level_for
from auditkit.scoring.organisation import organisation
from auditkit.scoring.recommendations import decide
from auditkit.scoring.rendering import figure
from auditkit.scoring.results import ChannelScore, Score, Scorecard
from auditkit.scoring.strategy import strategy
from auditkit.scoring.weights import WEIGHTS

__all__ = ["score"]


def score(audit: Audit) -> Scorecard:
    """Score an audit: channels, channel x objective fit, strategy, organisation, overall and level.

    Pure and deterministic; ``audit.engagement.audit_date`` stands for "today".

    Raises:
        AuditkitError: ``audit.settings.weights`` or ``audit.settings.thresholds`` has an unknown key.
    """
    context = Context(audit)
    weights = context.weights
    matrix: dict[tuple[str, str], Score] = {}
    serves: set[tuple[str, str]] = set()
    channels: list[ChannelScore] = []
    for channel in audit.channels:
        facts = channel_facts(channel, context)
        channel_health = health(facts, weights)
        fits: dict[str, Score] = {}
        if channel.status is not ChannelStatus.CLOSED:
            scorer = FitScorer(facts, weights)
            for objective in audit.objectives:
                fit = scorer.fit(reach(channel, targets(objective, context), context))
                fits[objective.id] = fit
                matrix[(channel.id, objective.id)] = fit
            serves.update((channel.id, objective_id) for objective_id in channel.objectives)
        decided = decide(channel, channel_health, fits, context)
        channels.append(
            ChannelScore(
                channel_id=channel.id,
                name=channel.name,
                platform=channel.platform,
                health=channel_health,
                recommendation=decided.recommendation,
                reasons=decided.reasons,
                benchmark=facts.engagement_benchmark,
                reassess_on=decided.reassess_on,
            )
        )
    completeness = strategy(audit, context)
    readiness = organisation(audit, context)
    overall = combine(
        (
            ("overall.fit", _coverage(audit, matrix)),
            ("overall.health", _mean_health(channels, audit)),
            ("overall.strategy", _share(completeness, WEIGHTS["overall.strategy"].label)),
            ("overall.organisation", _share(readiness, WEIGHTS["overall.organisation"].label)),
        ),
        weights,
    )
    target = audit.settings.target_level
    return Scorecard(
        overall=overall,
        level=level_for(overall.value),
        target_level=MATURITY_LEVELS[target - 1] if target is not None else None,
        channels=tuple(channels),
        matrix=matrix,
        strategy_completeness=completeness,
        organisation_readiness=readiness,
        weights=weights,
        serves=frozenset(serves),
    )


def _coverage(audit: Audit, matrix: dict[tuple[str, str], Score]) -> Fact:
    if not audit.objectives:
        return None, msg("scoring.evidence.objectives.none")
    serving: dict[str, list[float]] = {objective.id: [] for objective in audit.objectives}
    for channel in audit.channels:
        if channel.status not in PUBLISHING:
            continue
        for objective_id in channel.objectives:
            fit = matrix[(channel.id, objective_id)].value
            if fit is not None:
                serving[objective_id].append(fit)
    weighted = total = 0.0
    orphans = 0
    for objective in audit.objectives:
        weight = 2.0 if objective.primary else 1.0
        best = max(serving[objective.id], default=0.0)
        orphans += not serving[objective.id]
        weighted += weight * best / 100
        total += weight
    return weighted / total, msg(
        "scoring.evidence.coverage.counted", count=figure(len(audit.objectives)), orphans=figure(orphans)
    )


def _mean_health(channels: Sequence[ChannelScore], audit: Audit) -> Fact:
    publishing = {channel.id for channel in audit.channels if channel.status in PUBLISHING}
    values = [
        item.health.value
        for item in channels
        if item.channel_id in publishing and item.health.value is not None
    ]
    if not values:
        return None, msg("scoring.evidence.health.none")
    mean = sum(values) / len(values)
    return mean / 100, msg(
        "scoring.evidence.health.mean", mean=figure(round(mean)), count=figure(len(values))
    )


def _share(part: Score, what: Message) -> Fact:
    if part.value is None:
        return None, msg("scoring.evidence.share.unassessed", what=what)
    return part.value / 100, msg("scoring.evidence.share.scored", what=what, value=figure(round(part.value)))
