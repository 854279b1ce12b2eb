"""Scheduling: each action in a stage by priority, dependencies, deadlines and the team's time.

A stage's window runs from the previous stage's date (the audit date for month 1) to its own: 1, 2,
3, 3 and 3 months. Its capacity is ``weeks in the window x organisation.hours_per_week x
roadmap.improvement_share`` (default 0.25: one hour in four of the declared social-media time goes to
improving, the rest keeps the channels running). When the team's hours are unknown, stages are not
capped.

Actions are placed in priority order (:mod:`~auditkit.roadmap.priority`), moved or added actions and
the closing review (``NEXT-ROUND``, anchored to month 12) first, each after the actions it depends on:

* a **quick win** goes to month 1 (one that waited for another action only while month 1 has room);
* any other action goes to the first stage, from the one the method plans it for, that has room for
  it, and no later than its **deadline** allows (the last stage ending on or before the date; month 1
  when even month 1 ends after it: the action is then ``tight``) nor later than an action moved by
  hand that depends on it;
* an action answering a critical finding (or unblocking one) stays in the first stage of its window;
* when no stage of that window has room, an action answering a critical or major finding (or
  unblocking one), a quick win, an action with a deadline or one a moved action depends on is kept in
  the window all the same: a critical one in its first stage, the others in the stage with the most
  time left. The stage is then over capacity and says what to drop or add
  (:func:`auditkit.roadmap.notes.stage_warning`). Only a minor or info action goes to the **backlog**
  when the year is full, and says so.

A moved or added action is pinned to its stage, beyond the capacity and its deadline if need be (the
roadmap says so); the actions it depends on are brought to that stage at the latest; only when one of
those is itself pinned later is the pin raised to it, with a note. :func:`share_to_fit` finds the
smallest improvement share, in steps of 5 %, at which nothing waits in the backlog and no stage is
over capacity. When month 1 holds fewer than two actions and has time left, the highest-priority
actions that wait for nothing and fit are brought into it.
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
from auditkit.plan import ANCHORED
from auditkit.roadmap.actions import Action, Change, ChangeKind
from auditkit.roadmap.priority import Ranking
from auditkit.roadmap.stages import EPSILON, STAGES
from auditkit.roadmap.texts import commas, hours

__all__ = [
    "Dates",
    "Placement",
    "capacities",
    "dated",
    "in_stage_order",
    "schedule",
    "share_to_fit",
    "weekly_capacity",
]

Capacities = dict[int, float | None]
Dates = dict[int, tuple[date, date]]

_MONTH_1_AT_LEAST = 2
"""Actions month 1 gives the team to start with, when its time allows."""


def weekly_capacity(audit: Audit) -> float | None:
    """The team's hours a week for the plan (``None`` when its hours are unknown)."""
    declared = audit.organisation.hours_per_week
    return None if declared is None else declared * audit.roadmap.improvement_share


def capacities(dates: Dates, weekly: float | None) -> Capacities:
    """Each stage's hours: its window's weeks at ``weekly`` hours (``None``: not capped)."""
    return {
        month: None if weekly is None else weekly * (due - start).days / 7
        for month, (start, due) in dates.items()
    }


@dataclass
class Placement:
    """Where the scheduler put an action, and why when it is not where it was planned.

    ``after`` names the action it depends on that set its earliest stage, ``pulled_by`` the action
    moved by hand that depends on it and set its latest stage, ``full`` the first stage of its window
    that had no room left.
    """

    stage: int | None
    planned: int
    over_capacity: bool = False
    note: Message | None = None
    change: Change | None = None
    quick_win: bool = False
    tight: bool = False
    after: str | None = None
    pulled_by: str | None = None
    full: int | None = None


def schedule(
    actions: Sequence[Action], limits: Capacities, dates: Dates, ranking: Ranking
) -> dict[str, Placement]:
    """Place every action in a stage (or the backlog, ``None``), in priority and dependency order.

    Raises:
        AuditkitError: actions depend on each other in a circle.
    """
    by_id = {action.id: action for action in actions}
    dependents: dict[str, list[str]] = {action.id: [] for action in actions}
    for action in actions:
        for dependency in action.depends_on:
            dependents[dependency].append(action.id)
    pin_limits = _pin_limits(actions, dependents)
    waiting = {action.id: len(action.depends_on) for action in actions}

    def key(action: Action) -> tuple[Any, ...]:
        if action.pinned or action.id in ANCHORED:
            first = 0
        else:
            first = 1 if not action.depends_on and ranking.small(action) and ranking.useful(action) else 2
        return (first, ranking.rank.get(action.id, len(by_id)), action.id)

    heap = [key(action) for action in actions if not action.depends_on]
    heapq.heapify(heap)
    used = dict.fromkeys(STAGES, 0.0)
    placed: dict[str, Placement] = {}
    while heap:
        action = by_id[heapq.heappop(heap)[-1]]
        placed[action.id] = _place(action, placed, used, limits, dates, ranking, pin_limits[action.id])
        for dependent in dependents[action.id]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(heap, key(by_id[dependent]))
    stuck = sorted(set(by_id) - set(placed))
    if stuck:
        raise AuditkitError(msg("roadmap.error.circle", actions=commas(stuck)))
    _start_at_once(actions, placed, used, limits, ranking)
    return placed


def _start_at_once(
    actions: Sequence[Action],
    placed: dict[str, Placement],
    used: dict[int, float],
    limits: Capacities,
    ranking: Ranking,
) -> None:
    """Give month 1 at least two actions to start with: the highest-priority ones that fit its time left."""
    first = STAGES[0]
    capacity = limits[first]
    count = sum(placement.stage == first for placement in placed.values())
    if capacity is None:
        return
    for action in sorted(actions, key=lambda action: ranking.rank.get(action.id, 0)):
        placement = placed[action.id]
        if count >= _MONTH_1_AT_LEAST:
            return
        if (
            placement.stage is None
            or placement.stage == first
            or action.pinned
            or action.id in ANCHORED
            or any(placed[d].stage != first for d in action.depends_on)
            or used[first] + action.effort_hours > capacity + EPSILON
        ):
            continue
        used[placement.stage] -= action.effort_hours
        used[first] += action.effort_hours
        placement.note = msg("roadmap.note.started_at_once", planned=placement.planned)
        placement.stage = placement.planned = first
        placement.over_capacity = False
        count += 1


def fits(actions: Sequence[Action], placements: dict[str, Placement], limits: Capacities) -> bool:
    """True when nothing waits in the backlog and no stage holds more than its capacity."""
    used = dict.fromkeys(STAGES, 0.0)
    for action in actions:
        stage = placements[action.id].stage
        if stage is None:
            return False
        used[stage] += action.effort_hours
    return all(limits[m] is None or used[m] <= (limits[m] or 0.0) + EPSILON for m in STAGES)


def share_to_fit(audit: Audit, actions: Sequence[Action], dates: Dates, ranking: Ranking) -> float | None:
    """The smallest improvement share above the audit's, in steps of 5 %, at which the whole plan fits."""
    declared = audit.organisation.hours_per_week
    if not declared:
        return None
    needed = sum(action.effort_hours for action in actions)
    for step in range(1, 21):
        share = step / 20
        if share <= audit.roadmap.improvement_share:
            continue
        limits = capacities(dates, declared * share)
        if needed > sum(limit or 0.0 for limit in limits.values()) + len(STAGES) * EPSILON:
            continue
        if fits(actions, schedule(actions, limits, dates, ranking), limits):
            return share
    return None


def _pin_limits(
    actions: Sequence[Action], dependents: dict[str, list[str]]
) -> dict[str, tuple[int, str] | None]:
    """The earliest stage an action moved by hand waits on this one in, and that action."""
    pins = {action.id: action.stage for action in actions if action.pinned and action.stage is not None}
    memo: dict[str, tuple[int, str] | None] = {}

    def visit(action_id: str, trail: frozenset[str]) -> tuple[int, str] | None:
        if action_id not in memo:
            limits = [
                (pins[dependent], dependent) if dependent in pins else visit(dependent, trail | {action_id})
                for dependent in dependents[action_id]
                if dependent not in trail
            ]
            memo[action_id] = min((limit for limit in limits if limit is not None), default=None)
        return memo[action_id]

    return {action.id: visit(action.id, frozenset()) for action in actions}


def _deadline_stage(day: date, dates: Dates) -> int:
    """The last stage ending on or before ``day`` (month 1 when none does)."""
    return max((month for month in STAGES if dates[month][1] <= day), default=STAGES[0])


def _place(
    action: Action,
    placed: dict[str, Placement],
    used: dict[int, float],
    limits: Capacities,
    dates: Dates,
    ranking: Ranking,
    pin_limit: tuple[int, str] | None,
) -> Placement:
    before = [(placed[dependency], dependency) for dependency in action.depends_on]
    planned = max([action.stage or STAGES[0], *(p.planned for p, _ in before)])
    if any(p.stage is None for p, _ in before):
        return Placement(None, planned, note=msg("roadmap.note.backlog_after_dependency", planned=planned))
    after, after_id = max(
        [(STAGES[0], None), *((p.stage or STAGES[0], d) for p, d in before)], key=lambda x: x[0]
    )
    if action.pinned:
        return _pin(action, after, used, limits)
    quick = (
        action.id not in ANCHORED and after == STAGES[0] and ranking.small(action) and ranking.useful(action)
    )
    if quick:
        planned = STAGES[0]
    deadline = ranking.deadlines.get(action.id)
    tight = deadline is not None and dates[STAGES[0]][1] > deadline.day
    latest = STAGES[-1]
    if deadline is not None:
        latest = min(latest, _deadline_stage(deadline.day, dates))
    pulled_by = None
    if pin_limit is not None and pin_limit[0] < latest:
        latest, pulled_by = pin_limit
    latest = max(latest, after)
    earliest = min(max(planned, after), latest)
    planned = min(planned, latest)
    window = [month for month in STAGES if earliest <= month <= latest]
    if (quick and not action.depends_on) or ranking.urgency[action.id] <= Severity.CRITICAL.rank:
        window = window[:1]
    elif quick and not _fits(used, limits, STAGES[0], action.effort_hours):
        quick = False
        planned = min(max(action.stage or STAGES[0], after), latest)
        window = [month for month in STAGES if planned <= month <= latest]
    found = Placement(
        None,
        planned,
        quick_win=quick,
        tight=tight,
        after=after_id if after > (action.stage or STAGES[0]) else None,
        pulled_by=pulled_by if pulled_by is not None and latest < (action.stage or STAGES[0]) else None,
    )
    for stage in window:
        if _fits(used, limits, stage, action.effort_hours):
            used[stage] += action.effort_hours
            found.stage, found.note = stage, _moved_note(planned, stage, after)
            found.full = window[0] if stage > window[0] else None
            return found
    urgent = max(ranking.urgency[action.id], 0) <= Severity.MAJOR.rank
    if urgent or quick or deadline is not None or pin_limit is not None or action.id in ANCHORED:
        first = quick or tight or ranking.urgency[action.id] <= Severity.CRITICAL.rank
        stage = window[0] if first else max(window, key=lambda month: (_room(used, limits, month), -month))
        used[stage] += action.effort_hours
        found.stage, found.over_capacity, found.full = stage, True, window[0] if stage > window[0] else None
        found.note = msg("roadmap.note.over_capacity", stage=stage)
        return found
    found.full = window[0]
    found.note = msg("roadmap.note.backlog_no_room", planned=planned, hours=hours(action.effort_hours))
    return found


def _fits(used: dict[int, float], limits: Capacities, stage: int, effort: float) -> bool:
    capacity = limits[stage]
    return capacity is None or used[stage] + effort <= capacity + EPSILON


def _room(used: dict[int, float], limits: Capacities, stage: int) -> float:
    return (limits[stage] or 0.0) - used[stage]


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
    if stage < planned:
        return msg("roadmap.note.brought_forward", planned=planned, stage=stage)
    reason = "roadmap.note.moved_after_dependency" if stage == after else "roadmap.note.moved_for_time"
    return msg(reason, planned=planned, stage=stage)


def in_stage_order(actions: Sequence[Action]) -> list[Action]:
    """The actions of one stage, each after those it depends on: tight ones first, then by priority."""
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
    """Tight actions first, by deadline; then by priority."""
    tight = action.deadline if action.tight and action.deadline else date.max
    return (tight, action.priority or 0, action.id)


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
