"""The roadmap of an audit: generated actions, the consultant's edits, the schedule and the projection."""

from __future__ import annotations

from dataclasses import dataclass, replace

from auditkit.diagnose import Diagnosis, diagnose
from auditkit.model import Audit
from auditkit.roadmap.actions import Action, Change, ChangeKind
from auditkit.roadmap.carry import carried_over
from auditkit.roadmap.changes import with_edits
from auditkit.roadmap.generate import generated_actions
from auditkit.roadmap.moves import automatic, late_changes, move_changes
from auditkit.roadmap.notes import notes, stage_warning
from auditkit.roadmap.priority import Ranking, ranking
from auditkit.roadmap.projection import projection
from auditkit.roadmap.schedule import (
    Capacities,
    Dates,
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
from auditkit.verdicts import Verdicts

__all__ = ["ScheduledActions", "build_roadmap", "schedule_actions"]


@dataclass(frozen=True)
class ScheduledActions:
    """The roadmap's actions placed and dated, with what the roadmap's stages are built from."""

    actions: tuple[Action, ...]
    """Every action kept, dated stage by stage in the order they are to be done; the backlog last."""
    active: tuple[Action, ...]
    """The same actions before scheduling."""
    dropped: tuple[Action, ...]
    changes: tuple[Change, ...]
    dates: Dates
    limits: Capacities
    weekly: float | None
    ranked: Ranking

    @property
    def staged(self) -> tuple[Action, ...]:
        """The actions in a stage (not in the backlog), stage by stage: the roadmap's ``actions``."""
        return tuple(action for month in STAGES for action in self.actions if action.stage == month)


def schedule_actions(
    audit: Audit,
    scorecard: Scorecard | None = None,
    diagnosis: Diagnosis | None = None,
    verdicts: Verdicts | None = None,
) -> ScheduledActions:
    """The actions of ``audit``'s roadmap, with the consultant's edits applied, placed in stages and dated.

    What is not given is computed. Pure and deterministic.

    Raises:
        AuditkitError: the audit's settings are invalid, or hand-added actions depend on each other
            in a circle.
    """
    settings = thresholds_for(audit)
    rate = settings["hourly_rate"]
    generated = generated_actions(audit, scorecard, diagnosis, verdicts)
    active, dropped, changes = with_edits(audit, generated, rate)
    dates = stage_dates(audit.engagement.audit_date)
    weekly = weekly_capacity(audit)
    limits = capacities(dates, weekly)
    ranked = ranking(audit, active, settings["quick_win_hours"])
    placements = schedule(active, limits, dates, ranked)
    moves: dict[str, Change] = {}
    if any(action.pinned for action in active):
        method = automatic(active)
        moves = move_changes(active, schedule(method, limits, dates, ranked), placements)
    final: list[Action] = []
    for action in active:
        placement = placements[action.id]
        extra = tuple(change for change in (placement.change, moves.get(action.id)) if change is not None)
        deadline = ranked.deadlines.get(action.id)
        final.append(
            replace(
                action,
                stage=placement.stage,
                planned_stage=placement.planned,
                over_capacity=placement.over_capacity,
                note=placement.note,
                changes=action.changes + extra,
                priority=ranked.rank.get(action.id),
                priority_reasons=ranked.reasons.get(action.id, ()),
                quick_win=placement.quick_win,
                deadline=deadline.day if deadline else None,
                deadline_reason=deadline.reason if deadline else None,
                tight=placement.tight,
            )
        )
    final = _dated(final, dates, weekly)
    late = late_changes(final)
    final = [replace(a, changes=(*a.changes, late[a.id])) if a.id in late else a for a in final]
    final = carried_over(audit, final)
    changes += tuple(
        change for action in final for change in action.changes if change.kind in _SCHEDULE_KINDS
    )
    return ScheduledActions(
        tuple(final), tuple(active), tuple(dropped), changes, dates, limits, weekly, ranked
    )


def build_roadmap(
    audit: Audit,
    scorecard: Scorecard | None = None,
    diagnosis: Diagnosis | None = None,
    scheduled: ScheduledActions | None = None,
) -> Roadmap:
    """The staged roadmap of ``audit``, with the consultant's edits applied and the projected scores.

    ``scorecard``, ``diagnosis`` and the ``scheduled`` actions (:func:`schedule_actions`) are computed
    when not given. Pure and deterministic.

    Raises:
        AuditkitError: the audit's settings are invalid, or hand-added actions depend on each other
            in a circle.
    """
    diagnosis = diagnosis if diagnosis is not None else diagnose(audit)
    scorecard = scorecard if scorecard is not None else score(audit, diagnosis)
    scheduled = scheduled if scheduled is not None else schedule_actions(audit, scorecard, diagnosis)
    rate = thresholds_for(audit)["hourly_rate"]
    final, dates, limits = scheduled.actions, scheduled.dates, scheduled.limits
    projected = projection(audit, final, scorecard)
    stages = []
    for month in STAGES:
        start, due = dates[month]
        actions = [action for action in final if action.stage == month]
        warning, to_drop = stage_warning(month, limits[month], (due - start).days / 7, actions)
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
                warning=warning,
                to_drop=to_drop,
            )
        )
    backlog = tuple(action for action in final if action.stage is None)
    roadmap = Roadmap(
        stages=tuple(stages),
        notes=(),
        backlog=backlog,
        dropped=scheduled.dropped,
        changes=scheduled.changes,
        client=audit.engagement.client,
        audit_date=audit.engagement.audit_date,
        currency=audit.engagement.currency,
        language=audit.engagement.language,
        weekly_capacity=scheduled.weekly,
        current_overall=scorecard.overall.value,
        current_completeness=scorecard.strategy_completeness.value,
        current_level=scorecard.level.number if scorecard.level is not None else None,
        team_hours_per_week=audit.organisation.hours_per_week,
        share_to_fit=None,
    )
    if roadmap.backlog or roadmap.crowded:
        roadmap = replace(
            roadmap, share_to_fit=share_to_fit(audit, scheduled.active, dates, scheduled.ranked)
        )
    return replace(roadmap, notes=notes(audit, roadmap, rate))


_SCHEDULE_KINDS = frozenset(
    {
        ChangeKind.STAGE_RAISED,
        ChangeKind.MOVED_WITH_DEPENDENCY,
        ChangeKind.MOVED_WITH_DEPENDENT,
        ChangeKind.MOVED_FOR_ROOM,
        ChangeKind.MOVED_UP,
        ChangeKind.DEADLINE_MISSED,
    }
)
"""Changes the schedule itself finds (the others come with the edits, already listed)."""


def _dated(actions: list[Action], dates: Dates, weekly: float | None) -> list[Action]:
    """Every action dated inside its stage, stage by stage in the order they are to be done; backlog last."""
    result: list[Action] = []
    for month in STAGES:
        start, due = dates[month]
        result += dated(in_stage_order([a for a in actions if a.stage == month]), start, due, weekly)
    return result + in_stage_order([action for action in actions if action.stage is None])
