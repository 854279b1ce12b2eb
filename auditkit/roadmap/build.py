"""The roadmap of an audit: generated actions, the consultant's edits, the schedule and the projection."""

from __future__ import annotations

from dataclasses import replace

from auditkit.diagnose import Diagnosis, diagnose
from auditkit.model import Audit
from auditkit.roadmap.actions import Action, Change
from auditkit.roadmap.changes import with_edits
from auditkit.roadmap.generate import generated_actions
from auditkit.roadmap.notes import notes
from auditkit.roadmap.projection import projection
from auditkit.roadmap.schedule import (
    capacities,
    dated,
    in_stage_order,
    schedule,
    share_to_fit,
    weekly_capacity,
)
from auditkit.roadmap.stages import STAGES, Roadmap, Stage, stage_dates
from auditkit.scoring import Scorecard, score
from auditkit.thresholds import thresholds_for

__all__ = ["build_roadmap"]


def build_roadmap(
    audit: Audit, scorecard: Scorecard | None = None, diagnosis: Diagnosis | None = None
) -> Roadmap:
    """The staged roadmap of ``audit``, with the consultant's edits applied and the projected scores.

    ``scorecard`` and ``diagnosis`` are computed when not given. Pure and deterministic.

    Raises:
        AuditkitError: the audit's settings are invalid, or hand-added actions depend on each other
            in a circle.
    """
    scorecard = scorecard if scorecard is not None else score(audit)
    diagnosis = diagnosis if diagnosis is not None else diagnose(audit)
    rate = thresholds_for(audit)["hourly_rate"]
    active, dropped, changes = with_edits(audit, generated_actions(audit, scorecard, diagnosis), rate)
    dates = stage_dates(audit.engagement.audit_date)
    weekly = weekly_capacity(audit)
    limits = capacities(dates, weekly)
    placements = schedule(active, limits)
    final: list[Action] = []
    for action in active:
        placement = placements[action.id]
        extra: tuple[Change, ...] = () if placement.change is None else (placement.change,)
        changes += extra
        final.append(
            replace(
                action,
                stage=placement.stage,
                planned_stage=placement.planned,
                over_capacity=placement.over_capacity,
                note=placement.note,
                changes=action.changes + extra,
            )
        )
    projected = projection(audit, final, scorecard)
    stages = []
    for month in STAGES:
        start, due = dates[month]
        actions = dated(in_stage_order([a for a in final if a.stage == month]), start, due, weekly)
        overall, completeness, level = projected[month]
        stages.append(
            Stage(
                month=month,
                actions=tuple(actions),
                hours=sum(action.effort_hours for action in actions),
                capacity_hours=limits[month],
                projected_overall=overall,
                projected_completeness=completeness,
                overflow=tuple(a.id for a in final if a.planned_stage == month and a.moved),
                start=start,
                due=due,
                projected_level=level,
            )
        )
    backlog = tuple(in_stage_order([action for action in final if action.stage is None]))
    roadmap = Roadmap(
        stages=tuple(stages),
        notes=(),
        backlog=backlog,
        dropped=tuple(dropped),
        changes=changes,
        client=audit.engagement.client,
        audit_date=audit.engagement.audit_date,
        currency=audit.engagement.currency,
        language=audit.engagement.language,
        weekly_capacity=weekly,
        current_overall=scorecard.overall.value,
        current_completeness=scorecard.strategy_completeness.value,
        current_level=scorecard.level.number if scorecard.overall.value is not None else None,
        team_hours_per_week=audit.organisation.hours_per_week,
        share_to_fit=share_to_fit(audit, active, dates) if backlog else None,
    )
    return replace(roadmap, notes=notes(audit, roadmap, rate))
