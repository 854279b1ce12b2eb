"""The steps of the method that no rule declares: one per kind of channel recommendation, and the review."""

from __future__ import annotations

from auditkit.findings import Severity
from auditkit.model import ChannelStatus
from auditkit.steps import Phase, Step
from auditkit.steps.effects import CLOSE_CHANNELS, HALVE_CHANNEL_HOURS, PARK_CHANNELS, STOP_CROSS_POSTING
from auditkit.verdicts import Verdict

__all__ = ["ABSORBING", "ALREADY_SETTLED", "ALWAYS", "METHOD_STEPS", "VERDICT_KEYS"]

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
    "REC-MERGE": Step(
        phase=Phase.FIXES,
        month=3,
        hours=2,
        hours_each=1,
        owner="strategy_owner",
        after=("STR-EDITORIAL-LINE",),
        effect=STOP_CROSS_POSTING,
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
    "STR-ONE-PAGE-PLAN": Step(
        phase=Phase.PLANNING,
        month=6,
        hours=2,
        hours_each=0.5,
        owner="strategy_owner",
        after=("OBJ-NO-PRIMARY", "OBJ-NOT-SMART", "STR-EDITORIAL-LINE"),
        severity=Severity.MINOR,
        per_finding=True,
    ),
    "NEXT-ROUND": Step(phase=Phase.REVIEW, month=12, hours=4, owner="strategy_owner", anchored=True),
}
"""Plan key → step, for the channel recommendations (``REC-*``), the one-page plan that gathers the
strategy components a small organisation needs only a few lines of (``STR-ONE-PAGE-PLAN``), and the
closing review (``NEXT-ROUND``).

``severity`` is the action's severity when no finding stands behind it.
"""

VERDICT_KEYS: dict[Verdict, str] = {
    Verdict.CLOSE: "REC-CLOSE",
    Verdict.PARK: "REC-PARK",
    Verdict.REDUCE: "REC-REDUCE",
    Verdict.MERGE: "REC-MERGE",
    Verdict.FIX: "REC-FIX",
    Verdict.INVEST: "REC-INVEST",
    Verdict.NOT_NOW: "REC-NOT-NOW",
}
"""The plan key of each channel verdict that calls for an action (``maintain`` needs none)."""
ALREADY_SETTLED = {Verdict.CLOSE: ChannelStatus.CLOSED, Verdict.PARK: ChannelStatus.PARKED}
"""A verdict needs no action when the channel already has this status."""
ABSORBING = ("REC-CLOSE", "REC-PARK", "REC-REDUCE", "REC-MERGE")
"""Actions that answer the findings of the channels they step back from (the verdicts say which)."""
ALWAYS = ("NEXT-ROUND",)
"""Steps every roadmap has."""
