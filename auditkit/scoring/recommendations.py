"""The recommendation for each channel: the decision tree of the method, and the reasons it gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditkit.locale import Message, msg
from auditkit.locale.formats import short
from auditkit.model import Channel, ChannelStatus
from auditkit.platforms import MAJOR_PLATFORMS
from auditkit.scoring.channels import AT_BENCHMARK, platform_use
from auditkit.scoring.context import Context
from auditkit.scoring.rendering import figure, lower_case, percent
from auditkit.scoring.results import Contribution, Recommendation, Score

__all__ = ["GOOD", "POOR", "WEAK", "Decision", "decide"]

GOOD = 60.0
"""Fit or health at or above this (0-100) is good."""
POOR = 40.0
"""Fit below this (0-100) is poor."""
WEAK = 0.25
"""A health factor whose sub-score (0-1) is below this is a critical weakness: the channel needs fixing."""

_LATER = (Recommendation.NOT_NOW, Recommendation.PARK)


@dataclass(frozen=True)
class Decision:
    """A recommendation, its reasons (main one first) and, for "not now" and "park", when to reassess."""

    recommendation: Recommendation
    reasons: tuple[Message, ...]
    reassess_on: date | None = None


def _reason(name: str) -> Message:
    return msg(f"scoring.reason.{name}")


class _Decider:
    """What the tree looks at for one channel, and how a decision is written down."""

    def __init__(self, channel: Channel, health: Score, fits: dict[str, Score], context: Context) -> None:
        self.channel = channel
        self.health = health
        self.context = context
        self.served = [objective_id for objective_id in channel.objectives if objective_id in fits]
        assessed = [(value, o) for o in self.served if (value := fits[o].value) is not None]
        best: tuple[float | None, str | None] = max(assessed, default=(None, None))
        self.best, best_id = best
        self.fit_reason = (
            _fit_reason(best_id, self.best, context)
            if self.best is not None and best_id is not None
            else None
        )
        self.primary_fit = max(((value, o) for value, o in assessed if o in context.primary), default=None)
        self.health_reason = _health_reason(health)

    def decision(self, recommendation: Recommendation, main: Message, *more: Message | None) -> Decision:
        reasons = (main, *(reason for reason in more if reason is not None))
        when = self.context.reassess_on if recommendation in _LATER else None
        return Decision(recommendation, reasons, when)

    def planned(self) -> Decision:
        channel, context, reassess = self.channel, self.context, self.context.reassess_reason
        use = platform_use(channel.platform, context)
        if use is None:
            unknown = msg("scoring.reason.planned.use_unknown", platform=channel.platform)
            return self.decision(Recommendation.NOT_NOW, unknown, reassess)
        use_reason = msg("scoring.reason.planned.use", percent=percent(use), platform=channel.platform)
        if use < context.low_use:
            low = msg("scoring.reason.planned.low_use", low=percent(context.low_use))
            return self.decision(Recommendation.NOT_NOW, low, use_reason, reassess)
        if not self.served:
            return self.decision(
                Recommendation.NOT_NOW, _reason("planned.no_objective"), use_reason, reassess
            )
        if self.best is not None and self.best >= GOOD:
            return self.decision(
                Recommendation.INVEST, _reason("planned.launch"), self.fit_reason, use_reason
            )
        return self.decision(
            Recommendation.NOT_NOW, _reason("planned.weak_fit"), self.fit_reason, use_reason, reassess
        )

    def unserving(self, dormant: bool, dormant_reason: Message | None) -> Decision:
        channel, context = self.channel, self.context
        no_audience = bool(context.audiences) and context.target_stakeholders.isdisjoint(channel.stakeholders)
        if dormant and channel.platform in MAJOR_PLATFORMS:
            return self.decision(
                Recommendation.PARK,
                _reason("unserving.dormant_major"),
                dormant_reason,
                context.reassess_reason,
            )
        if no_audience:
            return self.decision(Recommendation.CLOSE, _reason("unserving.no_audience"), dormant_reason)
        if dormant:
            return self.decision(Recommendation.CLOSE, _reason("unserving.dormant"), dormant_reason)
        return self.decision(Recommendation.REDUCE, _reason("unserving.active"), self.health_reason)

    def good_fit(
        self, healthy: bool, critical: bool, weakest: Contribution | None, dormant_reason: Message | None
    ) -> Decision:
        health, fit_reason, health_reason = self.health, self.fit_reason, self.health_reason
        if health.value is None:
            return self.decision(Recommendation.MAINTAIN, _reason("good_fit.health_unassessed"), fit_reason)
        if healthy and self.primary_fit is not None and self.primary_fit[0] >= GOOD:
            primary_reason = _fit_reason(self.primary_fit[1], self.primary_fit[0], self.context)
            return self.decision(
                Recommendation.INVEST, _reason("good_fit.primary"), primary_reason, health_reason
            )
        if healthy:
            return self.decision(
                Recommendation.MAINTAIN, _reason("good_fit.healthy"), fit_reason, health_reason
            )
        if weakest is None or not critical or health.value < GOOD:
            main = _reason("good_fit.poor_health")
        else:
            main = msg("scoring.reason.good_fit.critical", label=lower_case(weakest.label))
        return self.decision(Recommendation.FIX, main, fit_reason, health_reason, dormant_reason)


def decide(channel: Channel, health: Score, fits: dict[str, Score], context: Context) -> Decision:
    """The recommendation for ``channel``: the first matching line of the tree decides."""
    status = channel.status
    decider = _Decider(channel, health, fits, context)
    decision = decider.decision
    if status is ChannelStatus.CLOSED:
        return decision(Recommendation.CLOSE, _reason("closed"))
    if status is ChannelStatus.PARKED:
        return decision(Recommendation.PARK, _reason("parked"), context.reassess_reason)
    if status is ChannelStatus.PLANNED:
        return decider.planned()
    dormant = context.dormant(channel)
    dormant_reason = _dormant_reason(channel, context) if dormant else None
    if not decider.served:
        return decider.unserving(dormant, dormant_reason)
    best, fit_reason, health_reason = decider.best, decider.fit_reason, decider.health_reason
    if best is None:
        return decision(Recommendation.MAINTAIN, _reason("fit_unassessed"), health_reason)
    weakest = _weakest(health)
    critical = weakest is not None and weakest.value is not None and weakest.value < WEAK
    critical = critical or _engagement_far_under(health, context)
    healthy = health.value is not None and health.value >= GOOD and not critical
    if best >= GOOD:
        return decider.good_fit(healthy, critical, weakest, dormant_reason)
    if best >= POOR:
        if healthy:
            return decision(
                Recommendation.MAINTAIN, _reason("average_fit.healthy"), fit_reason, health_reason
            )
        return decision(
            Recommendation.FIX, _reason("average_fit.poor_health"), fit_reason, health_reason, dormant_reason
        )
    if dormant:
        return decision(Recommendation.CLOSE, _reason("poor_fit.dormant"), fit_reason, dormant_reason)
    return decision(Recommendation.REDUCE, _reason("poor_fit.active"), fit_reason, health_reason)


def _fit_reason(objective_id: str, fit: float, context: Context) -> Message:
    key = "scoring.reason.fit_primary" if objective_id in context.primary else "scoring.reason.fit"
    return msg(key, fit=figure(round(fit)), objective=short(context.objectives[objective_id].statement, 50))


def _engagement_far_under(health: Score, context: Context) -> bool:
    """Engagement under ``engagement_ratio_low`` times the benchmark, the line rule CH-LOW-ENGAGEMENT draws."""
    limit = AT_BENCHMARK * context.thresholds["engagement_ratio_low"]
    return any(
        item.factor == "health.engagement" and item.value is not None and item.value < limit
        for item in health.contributions
    )


def _weakest(health: Score) -> Contribution | None:
    """The assessed, weighted health factor with the lowest sub-score."""
    assessed = [item for item in health.contributions if item.value is not None and item.weight > 0]
    return min(assessed, key=lambda item: item.value or 0.0) if assessed else None


def _health_reason(health: Score) -> Message | None:
    if health.value is None:
        return None
    weakest = _weakest(health)
    if weakest is None or weakest.value is None or weakest.value >= 0.75:
        return msg("scoring.reason.health", health=figure(round(health.value)))
    return msg(
        "scoring.reason.health_weakest",
        health=figure(round(health.value)),
        label=lower_case(weakest.label),
        evidence=weakest.evidence,
    )


def _dormant_reason(channel: Channel, context: Context) -> Message:
    days = context.days_since_post(channel)
    if days is None:
        return _reason("marked_dormant")
    return msg("scoring.reason.dormant", days=figure(days), dormancy=figure(context.dormancy))
