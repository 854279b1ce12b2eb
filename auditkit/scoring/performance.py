"""The results component: how far the objectives have moved toward their targets, and how the channels
of the primary objective engage their audience against a benchmark computed the same way.

Progress of an objective is the share of the way from its baseline to its target that its current
value has covered: ``(current - baseline) / (target - baseline)``. The direction comes from the
target: above the baseline, the objective is to grow; below it, to reduce (a response time, a
cost). A current value on the wrong side of the baseline is negative progress. An objective without
a baseline, a target or a current value, or whose target equals its baseline, is not assessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from auditkit.benchmarks import describe
from auditkit.locale import Message, msg
from auditkit.model import Audit, Channel, Objective
from auditkit.scoring.channels import engagement_value
from auditkit.scoring.combine import Fact, combine
from auditkit.scoring.context import PUBLISHING, Context
from auditkit.scoring.rendering import Lang, figure, percent, text_in
from auditkit.scoring.results import Score

__all__ = [
    "EngagementResult",
    "ObjectiveProgress",
    "Results",
    "engagement_results",
    "objective_progress",
    "primary_channels",
    "progress",
    "results",
]


def progress(objective: Objective) -> float | None:
    """The share of the way from baseline to target covered by the current value (negative: backwards).

    ``None`` when the baseline, the target or the current value is missing, or the target equals the
    baseline (no direction to move in).
    """
    figures = _figures(objective)
    if figures is None:
        return None
    baseline, target, current = figures
    return (current - baseline) / (target - baseline)


def _figures(objective: Objective) -> tuple[float, float, float] | None:
    """Baseline, target and current value, when all three are known and the target moves away."""
    baseline, target, current = objective.baseline, objective.target, objective.current
    if baseline is None or target is None or current is None or target == baseline:
        return None
    return baseline, target, current


@dataclass(frozen=True)
class ObjectiveProgress:
    """Where one objective stands against its target, and whether it is on track."""

    objective_id: str
    primary: bool
    progress: float | None
    on_track: bool | None
    """``None`` when the progress is not assessed."""
    evidence: Message

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "objective": self.objective_id,
            "primary": self.primary,
            "progress": None if self.progress is None else round(self.progress, 3),
            "on_track": self.on_track,
            "evidence": text_in(self.evidence, lang),
        }


def objective_progress(objective: Objective, context: Context) -> ObjectiveProgress:
    """The progress of ``objective`` and whether it is on track on the day it was measured.

    On track: the target reached, or, before the deadline, at least ``on_track_progress`` of the way
    covered. Past its deadline, an objective whose target is not reached is off track.
    """
    figures = _figures(objective)
    if figures is None:
        return ObjectiveProgress(objective.id, objective.primary, None, None, _unmeasured(objective))
    baseline, target, current = figures
    share = (current - baseline) / (target - baseline)
    measured_on = objective.current_date or context.today
    on_track = share >= 1 or (
        not _past(objective.deadline, measured_on) and share >= context.thresholds["on_track_progress"]
    )
    verdict = (
        "reached"
        if share >= 1
        else "backwards"
        if share < 0
        else "on_track"
        if on_track
        else "missed"
        if _past(objective.deadline, measured_on)
        else "behind"
    )
    evidence = msg(
        "scoring.progress.measured",
        current=figure(current),
        baseline=figure(baseline),
        target=figure(target),
        unit=objective.unit,
        share=percent(share),
        verdict=msg(f"scoring.progress.verdict.{verdict}"),
    )
    return ObjectiveProgress(objective.id, objective.primary, share, on_track, evidence)


def _past(deadline: date | None, day: date) -> bool:
    return deadline is not None and day > deadline


def _unmeasured(objective: Objective) -> Message:
    if objective.baseline is None or objective.target is None:
        return msg("scoring.progress.no_target")
    if objective.target == objective.baseline:
        return msg("scoring.progress.flat_target")
    return msg("scoring.progress.no_current")


@dataclass(frozen=True)
class EngagementResult:
    """A channel of the primary objective: its engagement rate against its benchmark."""

    channel_id: str
    ratio: float | None
    """The rate divided by the benchmark (``None``: no rate, or no benchmark computed the same way)."""
    evidence: Message

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "channel": self.channel_id,
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "evidence": text_in(self.evidence, lang),
        }


def primary_channels(audit: Audit) -> list[Channel]:
    """The publishing channels that serve the primary objective (any objective when none is primary)."""
    primary = {objective.id for objective in audit.objectives if objective.primary}
    wanted = primary or {objective.id for objective in audit.objectives}
    return [
        channel
        for channel in audit.channels
        if channel.status in PUBLISHING and wanted.intersection(channel.objectives)
    ]


def engagement_results(audit: Audit, context: Context) -> tuple[EngagementResult, ...]:
    """The engagement of each primary channel against its closest benchmark of the same metric code.

    The row and its closeness come from :meth:`~auditkit.benchmarks.BenchmarkIndex.closest` (audience
    band and sector); a comparison the lookup declines is not assessed, an indicative one counts and says
    so in its evidence.
    """
    found: list[EngagementResult] = []
    for channel in primary_channels(audit):
        measure = channel.engagement
        if measure is None:
            found.append(EngagementResult(channel.id, None, msg("scoring.evidence.engagement.missing")))
            continue
        match = context.benchmarks.closest(channel, measure.definition)
        row = match.row if match is not None and match.comparable else None
        if match is None or row is None or row.value <= 0:
            evidence = (
                match.summary
                if match is not None
                else msg(
                    "scoring.engagement_result.no_benchmark",
                    metric=measure.definition,
                    platform=channel.platform,
                )
            )
            found.append(EngagementResult(channel.id, None, evidence))
            continue
        ratio = measure.percent / row.value
        evidence = msg(
            "scoring.engagement_result.measured",
            rate=figure(float(f"{measure.percent:.2g}")),
            benchmark=describe(row),
            ratio=figure(round(ratio, 2)),
            closeness=match.label,
        )
        found.append(EngagementResult(channel.id, ratio, evidence))
    return tuple(found)


@dataclass(frozen=True)
class Results:
    """The results component and the figures behind it."""

    score: Score
    objectives: tuple[ObjectiveProgress, ...]
    engagement: tuple[EngagementResult, ...]


def results(audit: Audit, context: Context) -> Results:
    """The results component: a weighted mean of objective progress and engagement against benchmarks.

    Progress the audit does not record counts as none: the client can measure where its objectives
    stand, and a strategy is judged by what it achieves. Engagement that no benchmark computed the same
    way can judge is not assessed, as everywhere else.
    """
    objectives = tuple(objective_progress(objective, context) for objective in audit.objectives)
    engagement = engagement_results(audit, context)
    facts: list[tuple[str, Fact]] = [
        ("results.objectives", _progress_fact(objectives)),
        ("results.engagement", _engagement_fact(engagement)),
    ]
    return Results(combine(facts, context.weights), objectives, engagement)


def _progress_fact(objectives: Sequence[ObjectiveProgress]) -> Fact:
    measured = [(item, item.progress) for item in objectives if item.progress is not None]
    if not measured:
        return 0.0, msg("scoring.evidence.progress.none")
    weighted = sum(_weight(item) * min(1.0, max(0.0, share)) for item, share in measured)
    value = weighted / sum(_weight(item) for item, _ in measured)
    return value, msg(
        "scoring.evidence.progress.counted",
        measured=figure(len(measured)),
        count=figure(len(objectives)),
        on_track=figure(sum(bool(item.on_track) for item, _ in measured)),
        share=percent(value),
    )


def _weight(item: ObjectiveProgress) -> float:
    """The primary objective counts double, as in the objective coverage."""
    return 2.0 if item.primary else 1.0


def _engagement_fact(engagement: Sequence[EngagementResult]) -> Fact:
    compared = [(item.channel_id, item.ratio) for item in engagement if item.ratio is not None]
    if not compared:
        return None, msg("scoring.evidence.engagement_results.none")
    value = sum(engagement_value(ratio) for _, ratio in compared) / len(compared)
    channel, lowest = min(compared, key=lambda pair: pair[1])
    return value, msg(
        "scoring.evidence.engagement_results.counted",
        count=figure(len(compared)),
        lowest=figure(round(lowest, 2)),
        channel=channel,
    )
