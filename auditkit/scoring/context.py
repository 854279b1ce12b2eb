"""What one scoring run looks up again and again, computed once: weights, thresholds, audiences, costs."""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.benchmarks import BenchmarkIndex
from auditkit.locale import msg
from auditkit.model import Audit, Channel, ChannelStatus, Level
from auditkit.platforms import Platform
from auditkit.scoring.weights import weights_for
from auditkit.thresholds import add_months, response_key, thresholds_for

__all__ = ["COSTING", "LEVEL_USE", "PUBLISHING", "Audience", "Context"]

LEVEL_USE: dict[Level, float] = {Level.NONE: 0.0, Level.LOW: 0.25, Level.MEDIUM: 0.5, Level.HIGH: 0.85}
"""Platform use assumed for a stakeholder group that gives a level instead of a share."""

PUBLISHING = frozenset({ChannelStatus.ACTIVE, ChannelStatus.DORMANT})
"""The statuses of channels that publish (or should)."""
COSTING = frozenset({ChannelStatus.ACTIVE, ChannelStatus.DORMANT, ChannelStatus.PLANNED})
"""The statuses of channels that take hours and budget."""


@dataclass(frozen=True)
class Audience:
    """A stakeholder group as the reach reads it: its importance and its use of each platform (0-1)."""

    name: str
    importance: int
    uses: dict[Platform, float]


class Context:
    """Lookups computed once per :func:`auditkit.scoring.score` call."""

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self.today = audit.engagement.audit_date
        self.weights = weights_for(audit)
        self.thresholds = thresholds_for(audit)
        self.dormancy = float(self.thresholds["dormancy_days"])
        self.benchmarks = BenchmarkIndex(audit)
        self.audiences: dict[str, Audience] = {}
        for stakeholder in audit.stakeholders:
            uses = {
                use.platform: use.share if use.share is not None else LEVEL_USE[use.level or Level.NONE]
                for use in stakeholder.platforms
            }
            self.audiences[stakeholder.id] = Audience(stakeholder.name, stakeholder.importance, uses)
        self.all_stakeholders = tuple(self.audiences)
        self.target_stakeholders = {
            sid for objective in audit.objectives for sid in objective.stakeholders
        } or set(self.all_stakeholders)
        self.objectives = {objective.id: objective for objective in audit.objectives}
        self.primary = {objective.id for objective in audit.objectives if objective.primary}
        costing = [channel for channel in audit.channels if channel.status in COSTING]
        self.costing_count = max(1, len(costing))
        organisation = audit.organisation
        self.hours_reference = _reference(
            organisation.hours_per_week, [c.hours_per_week for c in costing], self.costing_count
        )
        self.budget_reference = _reference(
            organisation.monthly_budget, [c.monthly_budget for c in costing], self.costing_count
        )
        self.low_use = float(self.thresholds["platform_use_share"])
        self.reassess_on = add_months(self.today, round(self.thresholds["reassess_months"]))
        self.reassess_reason = msg("scoring.reason.reassess", day=self.reassess_on)

    def expectation(self, platform: Platform) -> float | None:
        """Minutes within which ``platform``'s audience expects an answer (None: no expectation)."""
        return self.thresholds.get(response_key(platform))

    def days_since_post(self, channel: Channel) -> int | None:
        return None if channel.last_post is None else max(0, (self.today - channel.last_post).days)

    def dormant(self, channel: Channel) -> bool:
        if channel.status is ChannelStatus.DORMANT:
            return True
        days = self.days_since_post(channel)
        return channel.status is ChannelStatus.ACTIVE and days is not None and days > self.dormancy


def _reference(capacity: float | None, costs: list[float | None], count: int) -> tuple[float, bool] | None:
    """The fair-share cost per channel (True) or the mean of known costs (False); None if unknown."""
    if capacity is not None:
        return capacity / count, True
    known = [cost for cost in costs if cost is not None]
    return (sum(known) / len(known), False) if known else None
