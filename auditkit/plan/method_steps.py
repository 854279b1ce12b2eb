"""The steps of the method that no rule declares: one per kind of channel recommendation, and the review."""

from __future__ import annotations

from auditkit.findings import Severity
from auditkit.model import ChannelStatus
from auditkit.scoring import Recommendation
from auditkit.steps import Phase, Step
from auditkit.steps.effects import CLOSE_CHANNELS, HALVE_CHANNEL_HOURS, PARK_CHANNELS

__all__ = ["ABSORBING", "ALREADY_SETTLED", "ALWAYS", "METHOD_STEPS", "RECOMMENDATION_KEYS"]

METHOD_STEPS: dict[str, Step] = {
    "REC-CLOSE": Step(
        phase=Phase.FIXES,
        month=1,
        hours=1,
        hours_each=1,
        owner="channel_owners",
        after=("STR-OWNERSHIP",),
        effect=CLOSE_CHANNELS,
    ),
    "REC-PARK": Step(
        phase=Phase.FIXES,
        month=1,
        hours=0.5,
        hours_each=0.5,
        owner="channel_owners",
        after=("STR-OWNERSHIP",),
        effect=PARK_CHANNELS,
        severity=Severity.MINOR,
    ),
    "REC-REDUCE": Step(
        phase=Phase.FIXES,
        month=3,
        hours=1,
        hours_each=0.5,
        owner="strategy_owner",
        after=("OBJ-NO-PRIMARY",),
        effect=HALVE_CHANNEL_HOURS,
    ),
    "REC-FIX": Step(
        phase=Phase.FIXES, month=3, hours=3, hours_each=2, owner="channel_owners", after=("CH-NO-OWNER",)
    ),
    "REC-INVEST": Step(
        phase=Phase.GROWTH,
        month=6,
        hours=6,
        hours_each=4,
        owner="channel_owners",
        after=("STR-CONTENT-PLAN", "ERR-NOT-MEASURING", "REC-CLOSE", "REC-FIX"),
        severity=Severity.MINOR,
    ),
    "REC-NOT-NOW": Step(
        phase=Phase.GROWTH,
        month=3,
        hours=1,
        hours_each=0.5,
        owner="strategy_owner",
        after=("ENV-UNCONSULTED",),
        severity=Severity.MINOR,
    ),
    "NEXT-ROUND": Step(phase=Phase.REVIEW, month=12, hours=4, owner="strategy_owner", anchored=True),
}
"""Plan key → step, for the channel recommendations (``REC-*``) and the closing review (``NEXT-ROUND``).

``severity`` is the action's severity when no finding stands behind it.
"""

RECOMMENDATION_KEYS: dict[Recommendation, str] = {
    Recommendation.CLOSE: "REC-CLOSE",
    Recommendation.PARK: "REC-PARK",
    Recommendation.REDUCE: "REC-REDUCE",
    Recommendation.FIX: "REC-FIX",
    Recommendation.INVEST: "REC-INVEST",
    Recommendation.NOT_NOW: "REC-NOT-NOW",
}
"""The plan key of each channel recommendation that calls for an action (``maintain`` needs none)."""
ALREADY_SETTLED = {Recommendation.CLOSE: ChannelStatus.CLOSED, Recommendation.PARK: ChannelStatus.PARKED}
"""A recommendation needs no action when the channel already has this status."""
ABSORBING = ("REC-CLOSE", "REC-PARK")
"""Actions that answer the findings of the channels they close or park."""
ALWAYS = ("NEXT-ROUND",)
"""Steps every roadmap has."""
