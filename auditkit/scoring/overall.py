"""The overall score of an audit, and :func:`score`, which computes every score of the scorecard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditkit.diagnose import Diagnosis, diagnose
from auditkit.locale import Message, msg
from auditkit.model import Audit, ChannelStatus
from auditkit.scoring.channels import FitScorer, channel_facts, health, reach, targets
from auditkit.scoring.combine import Fact, combine
from auditkit.scoring.context import PUBLISHING, Context
from auditkit.scoring.gates import gates, incompleteness
from auditkit.scoring.levels import MATURITY_LEVELS, MaturityLevel, gated_level
from auditkit.scoring.organisation import organisation
from auditkit.scoring.performance import Results, results
from auditkit.scoring.recommendations import decide
from auditkit.scoring.rendering import figure
from auditkit.scoring.results import ChannelScore, Score, Scorecard
from auditkit.scoring.strategy import strategy
from auditkit.scoring.weights import WEIGHTS

__all__ = ["ProjectedScores", "projected_scores", "score"]


def score(audit: Audit, diagnosis: Diagnosis | None = None) -> Scorecard:
    """Score an audit: channels, channel x objective fit, strategy, organisation, results, overall and level.

    ``diagnosis`` (the audit's own, computed here when not given) tells which rules could not be
    assessed: when too many could not, the audit is incomplete and has no level. Pure and
    deterministic; ``audit.engagement.audit_date`` stands for "today".

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
    publishing = {channel.id for channel in audit.channels if channel.status in PUBLISHING}
    healths = [item.health for item in channels if item.channel_id in publishing]
    overall, completeness, readiness, achieved = _overall(audit, context, matrix, healths)
    level_gates = gates(achieved, context)
    missing = incompleteness(diagnosis if diagnosis is not None else diagnose(audit), context)
    target = audit.settings.target_level
    return Scorecard(
        overall=overall,
        level=None if missing else gated_level(overall.value, level_gates),
        target_level=MATURITY_LEVELS[target - 1] if target is not None else None,
        channels=tuple(channels),
        matrix=matrix,
        strategy_completeness=completeness,
        organisation_readiness=readiness,
        results=achieved.score,
        progress=achieved.objectives,
        engagement=achieved.engagement,
        gates=level_gates,
        incomplete=missing,
        weights=weights,
        serves=frozenset(serves),
    )


@dataclass(frozen=True)
class ProjectedScores:
    """What a roadmap's projection reads of a changed audit: its overall score, strategy completeness
    and level."""

    overall: Score
    strategy_completeness: Score
    level: MaturityLevel | None


def projected_scores(audit: Audit, *, with_level: bool) -> ProjectedScores:
    """The overall score, strategy completeness and level of ``audit``, as :func:`score` gives them,
    without what the overall score does not need (recommendations, the fit to objectives a channel does
    not serve, the fit of channels that do not publish).

    The level needs the audit's own diagnosis (computed here) when ``with_level``; otherwise it is
    ``None``.
    """
    context = Context(audit)
    weights = context.weights
    matrix: dict[tuple[str, str], Score] = {}
    healths: list[Score] = []
    for channel in audit.channels:
        if channel.status not in PUBLISHING:
            continue
        facts = channel_facts(channel, context)
        healths.append(health(facts, weights))
        scorer = FitScorer(facts, weights)
        for objective_id in channel.objectives:
            objective = context.objectives[objective_id]
            matrix[(channel.id, objective_id)] = scorer.fit(
                reach(channel, targets(objective, context), context)
            )
    overall, completeness, _, achieved = _overall(audit, context, matrix, healths)
    level = None
    if with_level and not incompleteness(diagnose(audit), context):
        level = gated_level(overall.value, gates(achieved, context))
    return ProjectedScores(overall, completeness, level)


def _overall(
    audit: Audit, context: Context, matrix: dict[tuple[str, str], Score], healths: Sequence[Score]
) -> tuple[Score, Score, Score, Results]:
    """The overall score from the fit of the publishing channels to the objectives they serve and their
    ``healths``, with the strategy, organisation and results scores it combines."""
    completeness = strategy(audit, context)
    readiness = organisation(audit, context)
    achieved = results(audit, context)
    overall = combine(
        (
            ("overall.fit", _coverage(audit, matrix)),
            ("overall.health", _mean_health(healths)),
            ("overall.strategy", _share(completeness, WEIGHTS["overall.strategy"].label)),
            ("overall.organisation", _share(readiness, WEIGHTS["overall.organisation"].label)),
            ("overall.results", _share(achieved.score, WEIGHTS["overall.results"].label)),
        ),
        context.weights,
    )
    return overall, completeness, readiness, achieved


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


def _mean_health(healths: Sequence[Score]) -> Fact:
    values = [item.value for item in healths if item.value is not None]
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
