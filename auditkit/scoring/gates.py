"""What the top levels need besides a score (results, engagement, objectives on track), and when an
audit has too little data for any level (see :mod:`auditkit.scoring.levels`)."""

from __future__ import annotations

from auditkit.diagnose import RULES, Diagnosis
from auditkit.locale import msg
from auditkit.scoring.context import Context
from auditkit.scoring.levels import Gate, Incomplete
from auditkit.scoring.performance import Results
from auditkit.scoring.rendering import figure

__all__ = ["INTEGRATED", "MANAGED", "gates", "incompleteness"]

MANAGED = 4
INTEGRATED = 5


def incompleteness(diagnosis: Diagnosis, context: Context) -> Incomplete | None:
    """The audit's incompleteness when more than ``incomplete_share`` of the rules were not assessed."""
    missing = len(diagnosis.not_assessed_rules)
    if missing <= context.thresholds["incomplete_share"] * len(RULES):
        return None
    return Incomplete(missing, len(RULES))


def gates(achieved: Results, context: Context) -> tuple[Gate, ...]:
    """The conditions of levels 4 and 5 besides the score, each met or not, with its evidence."""
    return (_results_gate(achieved, context), _engagement_gate(achieved, context), _objectives_gate(achieved))


def _results_gate(achieved: Results, context: Context) -> Gate:
    needed = context.thresholds["results_managed"]
    value = achieved.score.value
    if value is None:
        return Gate(MANAGED, "results", False, msg("scoring.gate.results.unassessed"))
    met = value >= 100 * needed
    outcome = "met" if met else "unmet"
    evidence = msg(
        f"scoring.gate.results.{outcome}", value=figure(round(value)), needed=figure(round(100 * needed))
    )
    return Gate(MANAGED, "results", met, evidence)


def _engagement_gate(achieved: Results, context: Context) -> Gate:
    needed = context.thresholds["engagement_ratio_low"]
    compared = [(item.channel_id, item.ratio) for item in achieved.engagement if item.ratio is not None]
    if not compared:
        return Gate(INTEGRATED, "engagement", False, msg("scoring.gate.engagement.unassessed"))
    below = [(channel, ratio) for channel, ratio in compared if ratio < needed]
    if below:
        evidence = msg(
            "scoring.gate.engagement.unmet",
            ratio=figure(needed),
            channels=", ".join(channel for channel, _ in below),
            lowest=figure(round(min(ratio for _, ratio in below), 2)),
        )
        return Gate(INTEGRATED, "engagement", False, evidence)
    return Gate(INTEGRATED, "engagement", True, msg("scoring.gate.engagement.met", ratio=figure(needed)))


def _objectives_gate(achieved: Results) -> Gate:
    measured = [item for item in achieved.objectives if item.progress is not None]
    primary = [item for item in achieved.objectives if item.primary] or achieved.objectives
    if not any(item.progress is not None for item in primary):
        return Gate(INTEGRATED, "objectives", False, msg("scoring.gate.objectives.unassessed"))
    off_track = [item.objective_id for item in measured if not item.on_track]
    if off_track:
        evidence = msg("scoring.gate.objectives.unmet", objectives=", ".join(off_track))
        return Gate(INTEGRATED, "objectives", False, evidence)
    return Gate(INTEGRATED, "objectives", True, msg("scoring.gate.objectives.met"))
