"""Capacity and scheduling: each action in the first stage that has room for it, after what it depends on.

A stage's window runs from the previous stage's date (the audit date for month 1) to its own: 1, 2,
3, 3 and 3 months. Its capacity is ``weeks in the window x organisation.hours_per_week x
roadmap.improvement_share`` (default 0.25: one hour in four of the declared social-media time goes to
improving, the rest keeps the channels running). Actions are placed in priority order (the most
severe first, a step inheriting the severity of what depends on it; then earliest stage, phase and
table order), each in the first stage from its earliest one whose remaining capacity holds it and
never before the actions it depends on. An action that does not fit moves to a later stage and says
so (``planned_stage``, a note, the stage's ``overflow`` list). Past month 12 it goes to the
**backlog**, except a critical action (or one a critical action depends on), which stays in month 12
flagged ``over_capacity``: a critical finding is never left out of the year. The closing review
(``NEXT-ROUND``) is anchored to month 12 and placed first there. When the team's hours are unknown,
stages are not capped. When actions wait in the backlog, :func:`share_to_fit` finds the smallest
improvement share, in steps of 5 %, whose schedule leaves nothing in the backlog.

A moved or added action is pinned to its stage, beyond the capacity if need be, and the actions it
depends on are brought to that stage at the latest; only when one of those is itself pinned later is
the pin raised to it, with a note.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from auditkit.diagnose import Severity
from auditkit.errors import AuditkitError
from auditkit.locale import Message, msg
from auditkit.model import Audit
from auditkit.plan import ANCHORED, PLAN_ORDER, Phase
from auditkit.roadmap.actions import Action, Change, ChangeKind
from auditkit.roadmap.stages import EPSILON, STAGES
from auditkit.roadmap.texts import commas, hours

__all__ = [
    "Placement",
    "capacities",
    "dated",
    "in_stage_order",
    "schedule",
    "share_to_fit",
    "weekly_capacity",
]

Capacities = dict[int, float | None]


def weekly_capacity(audit: Audit) -> float | None:
    """The team's hours a week for the plan (``None`` when its hours are unknown)."""
    declared = audit.organisation.hours_per_week
    return None if declared is None else declared * audit.roadmap.improvement_share


def capacities(dates: dict[int, tuple[date, date]], weekly: float | None) -> Capacities:
    """Each stage's hours: its window's weeks at ``weekly`` hours (``None``: not capped)."""
    return {
        month: None if weekly is None else weekly * (due - start).days / 7
        for month, (start, due) in dates.items()
    }


@dataclass
class Placement:
    """Where the scheduler put an action, and why when it is not where it was planned."""

    stage: int | None
    planned: int
    over_capacity: bool = False
    note: Message | None = None
    change: Change | None = None


def schedule(actions: Sequence[Action], limits: Capacities) -> dict[str, Placement]:
    """Place every action in a stage (or the backlog, ``None``), in priority and dependency order.

    Raises:
        AuditkitError: actions depend on each other in a circle.
    """
    by_id = {action.id: action for action in actions}
    dependents: dict[str, list[str]] = {action.id: [] for action in actions}
    for action in actions:
        for dependency in action.depends_on:
            dependents[dependency].append(action.id)
    urgency = _urgency(actions, dependents)
    deadlines = _deadlines(actions, dependents)
    waiting = {action.id: len(action.depends_on) for action in actions}
    heap = [_priority(action, urgency) for action in actions if not action.depends_on]
    heapq.heapify(heap)
    used = dict.fromkeys(STAGES, 0.0)
    placed: dict[str, Placement] = {}
    while heap:
        action = by_id[heapq.heappop(heap)[-1]]
        placed[action.id] = _place(action, placed, used, limits, urgency[action.id], deadlines[action.id])
        for dependent in dependents[action.id]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(heap, _priority(by_id[dependent], urgency))
    stuck = sorted(set(by_id) - set(placed))
    if stuck:
        raise AuditkitError(msg("roadmap.error.circle", actions=commas(stuck)))
    return placed


def share_to_fit(
    audit: Audit, actions: Sequence[Action], dates: dict[int, tuple[date, date]]
) -> float | None:
    """The smallest improvement share above the audit's, in steps of 5 %, whose schedule has no backlog."""
    declared = audit.organisation.hours_per_week
    if not declared:
        return None
    for step in range(1, 21):
        share = step / 20
        if share <= audit.roadmap.improvement_share:
            continue
        placements = schedule(actions, capacities(dates, declared * share))
        if all(placement.stage is not None for placement in placements.values()):
            return share
    return None


def _urgency(actions: Sequence[Action], dependents: dict[str, list[str]]) -> dict[str, int]:
    """Severity rank (pinned -1), lowered to the most urgent of the actions waiting on it."""
    own = {
        action.id: -1 if action.pinned or action.id in ANCHORED else (action.severity or Severity.MINOR).rank
        for action in actions
    }
    memo: dict[str, int] = {}

    def visit(action_id: str, trail: frozenset[str]) -> int:
        if action_id not in memo:
            ranks = [own[action_id]] + [
                visit(dependent, trail | {action_id})
                for dependent in dependents[action_id]
                if dependent not in trail
            ]
            memo[action_id] = min(ranks)
        return memo[action_id]

    return {action.id: visit(action.id, frozenset()) for action in actions}


def _priority(action: Action, urgency: dict[str, int]) -> tuple[Any, ...]:
    phase = action.phase.order if action.phase else len(Phase)
    return (
        urgency[action.id],
        action.stage or 0,
        phase,
        PLAN_ORDER.get(action.id.upper(), len(PLAN_ORDER)),
        action.id,
    )


def _deadlines(actions: Sequence[Action], dependents: dict[str, list[str]]) -> dict[str, int | None]:
    """The earliest stage an action moved by hand waits on this one in (``None`` when none does)."""
    pins = {action.id: action.stage for action in actions if action.pinned}
    memo: dict[str, int | None] = {}

    def visit(action_id: str, trail: frozenset[str]) -> int | None:
        if action_id not in memo:
            limits = [
                pins[dependent] if dependent in pins else visit(dependent, trail | {action_id})
                for dependent in dependents[action_id]
                if dependent not in trail
            ]
            memo[action_id] = min((limit for limit in limits if limit is not None), default=None)
        return memo[action_id]

    return {action.id: visit(action.id, frozenset()) for action in actions}


def _place(
    action: Action,
    placed: dict[str, Placement],
    used: dict[int, float],
    limits: Capacities,
    urgency: int,
    deadline: int | None,
) -> Placement:
    before = [placed[dependency] for dependency in action.depends_on]
    planned = max([action.stage or STAGES[0], *(p.planned for p in before)])
    if any(p.stage is None for p in before):
        return Placement(None, planned, note=msg("roadmap.note.backlog_after_dependency", planned=planned))
    after = max([STAGES[0], *(p.stage for p in before if p.stage is not None)])
    if action.pinned:
        return _pin(action, after, used, limits)
    earliest = max(planned, after)
    limit = deadline if deadline is not None and deadline >= after else None
    if limit is not None and limit < earliest:
        planned = earliest = limit
    for stage in (month for month in STAGES if month >= earliest and (limit is None or month <= limit)):
        capacity = limits[stage]
        if capacity is None or used[stage] + action.effort_hours <= capacity + EPSILON:
            used[stage] += action.effort_hours
            return Placement(stage, planned, note=_moved_note(planned, stage, after))
    if limit is not None:
        used[limit] += action.effort_hours
        note = msg("roadmap.note.kept_for_a_pinned_action", planned=planned, stage=limit)
        return Placement(limit, planned, _over(used, limits, limit), note)
    if urgency <= 0:
        last = STAGES[-1]
        used[last] += action.effort_hours
        why = msg("roadmap.note.why_pinned" if urgency < 0 else "roadmap.note.why_critical")
        return Placement(
            last, planned, True, msg("roadmap.note.over_capacity", planned=planned, stage=last, why=why)
        )
    note = msg("roadmap.note.backlog_no_room", planned=planned, hours=hours(action.effort_hours))
    return Placement(None, planned, note=note)


def _pin(action: Action, after: int, used: dict[int, float], limits: Capacities) -> Placement:
    stage = max(action.stage or STAGES[0], after)
    used[stage] += action.effort_hours
    change = None
    if stage != action.stage:
        raised = msg("roadmap.change.stage_raised", pinned=action.stage, stage=stage)
        change = Change(action.id, ChangeKind.STAGE_RAISED, raised)
    return Placement(stage, action.stage or stage, _over(used, limits, stage), change=change)


def _over(used: dict[int, float], limits: Capacities, stage: int) -> bool:
    capacity = limits[stage]
    return capacity is not None and used[stage] > capacity + EPSILON


def _moved_note(planned: int, stage: int, after: int) -> Message | None:
    if stage == planned:
        return None
    reason = "roadmap.note.moved_after_dependency" if stage == after else "roadmap.note.moved_for_time"
    return msg(reason, planned=planned, stage=stage)


def in_stage_order(actions: Sequence[Action]) -> list[Action]:
    """The actions of one stage, each after those it depends on, then by phase and plan order."""
    ids = {action.id for action in actions}
    remaining = list(actions)
    ordered: list[Action] = []
    done: set[str] = set()
    while remaining:
        ready = [a for a in remaining if all(d in done or d not in ids for d in a.depends_on)] or remaining
        following = min(ready, key=_display_key)
        ordered.append(following)
        done.add(following.id)
        remaining.remove(following)
    return ordered


def _display_key(action: Action) -> tuple[Any, ...]:
    phase = action.phase.order if action.phase else len(Phase)
    severity = action.severity.rank if action.severity else len(Severity) - 1
    return (phase, severity, PLAN_ORDER.get(action.id.upper(), len(PLAN_ORDER)), action.id)


def dated(actions: Sequence[Action], start: date, due: date, weekly: float | None) -> list[Action]:
    """The actions with their start and due dates, one after another at ``weekly`` hours a week."""
    result: list[Action] = []
    elapsed = 0.0
    span = (due - start).days

    def day(hours: float) -> date:
        return start + timedelta(days=min(round(hours / weekly * 7), span)) if weekly else start

    for action in actions:
        if not weekly:
            result.append(replace(action, start=start, due=due))
            continue
        begins = day(elapsed)
        elapsed += action.effort_hours
        result.append(replace(action, start=begins, due=max(day(elapsed), begins)))
    return result
