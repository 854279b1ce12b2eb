"""Which action comes first, and by when each must end: priority, quick wins and deadlines.

An action's **priority** follows, in this order:

1. the severity of what it answers (critical, major, minor, info), raised to the most severe of the
   actions waiting on it: the step that unblocks a critical action is as urgent as that action;
2. its effect on the primary objective: it serves it (it concerns that objective or a channel serving
   it), or it unblocks an action that does, or neither;
3. its effort: the smaller first among equals; then the method's phase and table order.

Its ``priority`` is its rank in that order (1 first), always after the actions it depends on.

A **quick win** is small (at most the ``quick_win_hours`` threshold), useful (it answers a critical or
major finding, serves or unblocks the primary objective, or fixes a channel) and has no prerequisite
left unfinished: the scheduler puts it in month 1.

A **deadline** binds an action that serves an objective with a deadline inside the roadmap's year
(its ``objectives``: the objectives it concerns and those of the channels it concerns), and an
action a dated obstacle threatens (``strategy.obstacles[].affects``: rule ids; an action answers a
rule when its id is the rule id in lower case or it covers that rule's findings). Each prerequisite of
a bound action is bound by the same date. Deadlines already past at the audit date bind nothing.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from auditkit.diagnose import Severity
from auditkit.locale import Message, msg
from auditkit.model import Audit
from auditkit.plan import ANCHORED, PLAN_ORDER, Phase
from auditkit.roadmap.actions import Action
from auditkit.roadmap.stages import STAGES, stage_dates
from auditkit.roadmap.texts import hours

__all__ = ["Deadline", "Ranking", "ranking"]

_SEVERITY_REASON = {
    Severity.CRITICAL: "roadmap.priority.critical",
    Severity.MAJOR: "roadmap.priority.major",
    Severity.MINOR: "roadmap.priority.minor",
    Severity.INFO: "roadmap.priority.info",
}
_SERVES, _UNBLOCKS, _NEUTRAL = 2, 1, 0


@dataclass(frozen=True)
class Deadline:
    """The date an action must end by, and why in words."""

    day: date
    reason: Message


@dataclass(frozen=True)
class Ranking:
    """Everything the scheduler needs to know about the actions' order and dates."""

    rank: dict[str, int]
    """Priority of each action: 1 first."""
    urgency: dict[str, int]
    """Severity rank of each action, raised to that of the actions waiting on it (-1: the closing review)."""
    effect: dict[str, int]
    """2: serves the primary objective; 1: unblocks an action that does; 0: neither."""
    deadlines: dict[str, Deadline]
    reasons: dict[str, tuple[Message, ...]]
    quick_hours: float

    def useful(self, action: Action) -> bool:
        """Worth doing at once: answers a critical or major finding, serves the primary objective, fixes a channel."""
        severe = max(self.urgency[action.id], 0) <= Severity.MAJOR.rank
        return severe or self.effect[action.id] > _NEUTRAL or action.phase is Phase.FIXES

    def small(self, action: Action) -> bool:
        return action.effort_hours <= self.quick_hours + 1e-9


def ranking(audit: Audit, actions: Sequence[Action], quick_hours: float) -> Ranking:
    """The priority, reasons and deadline of every action of ``actions``."""
    by_id = {action.id: action for action in actions}
    dependents: dict[str, list[str]] = {action.id: [] for action in actions}
    for action in actions:
        for dependency in action.depends_on:
            if dependency in dependents:
                dependents[dependency].append(action.id)
    urgency, raised_by = _urgency(actions, dependents)
    effect = _effect(audit, actions, dependents)
    deadlines = _deadlines(audit, actions)
    rank = _order(actions, urgency, effect)
    titles = {action.id: action.title for action in actions}
    reasons: dict[str, tuple[Message, ...]] = {}
    for action in actions:
        found: list[Message] = []
        level = urgency[action.id]
        if action.id in ANCHORED:
            found.append(msg("roadmap.priority.anchored"))
        elif raised_by[action.id] is not None:
            found.append(
                msg(
                    f"roadmap.priority.unblocks_{list(Severity)[level].value}",
                    title=titles[raised_by[action.id] or ""],
                )
            )
        elif action.severity is not None:
            found.append(msg(_SEVERITY_REASON[action.severity]))
        if effect[action.id] == _SERVES:
            found.append(msg("roadmap.priority.serves_primary"))
        elif effect[action.id] == _UNBLOCKS:
            found.append(msg("roadmap.priority.unblocks_primary"))
        found.append(msg("roadmap.priority.effort", hours=hours(by_id[action.id].effort_hours)))
        if action.id in deadlines:
            found.append(deadlines[action.id].reason)
        reasons[action.id] = tuple(found)
    return Ranking(rank, urgency, effect, deadlines, reasons, quick_hours)


def _urgency(
    actions: Sequence[Action], dependents: dict[str, list[str]]
) -> tuple[dict[str, int], dict[str, str | None]]:
    """Severity rank, lowered to the most urgent action waiting on it, and which action did so."""
    own = {
        action.id: -1 if action.id in ANCHORED else (action.severity or Severity.MINOR).rank
        for action in actions
    }
    memo: dict[str, tuple[int, str | None]] = {}

    def visit(action_id: str, trail: frozenset[str]) -> tuple[int, str | None]:
        if action_id not in memo:
            best: tuple[int, str | None] = (own[action_id], None)
            for dependent in dependents[action_id]:
                if dependent in trail:
                    continue
                level = visit(dependent, trail | {action_id})[0]
                if 0 <= level < best[0]:
                    best = (level, dependent)
            memo[action_id] = best
        return memo[action_id]

    found = {action.id: visit(action.id, frozenset()) for action in actions}
    return {key: value[0] for key, value in found.items()}, {key: value[1] for key, value in found.items()}


def _effect(audit: Audit, actions: Sequence[Action], dependents: dict[str, list[str]]) -> dict[str, int]:
    primary = {objective.id for objective in audit.objectives if objective.primary}
    serves = {action.id for action in actions if primary & set(action.objectives)}
    memo: dict[str, bool] = {}

    def unblocks(action_id: str, trail: frozenset[str]) -> bool:
        if action_id not in memo:
            memo[action_id] = any(
                dependent in serves or unblocks(dependent, trail | {action_id})
                for dependent in dependents[action_id]
                if dependent not in trail
            )
        return memo[action_id]

    return {
        action.id: _SERVES
        if action.id in serves
        else _UNBLOCKS
        if unblocks(action.id, frozenset())
        else _NEUTRAL
        for action in actions
    }


def _order(actions: Sequence[Action], urgency: dict[str, int], effect: dict[str, int]) -> dict[str, int]:
    """Rank by (severity, effect, effort, phase, table order), each action after those it depends on."""
    by_id = {action.id: action for action in actions}

    def key(action: Action) -> tuple[Any, ...]:
        level = len(Severity) if action.id in ANCHORED else max(urgency[action.id], 0)
        phase = action.phase.order if action.phase else len(Phase)
        return (
            level,
            -effect[action.id],
            action.effort_hours,
            phase,
            PLAN_ORDER.get(action.id.upper(), len(PLAN_ORDER)),
            action.id,
        )

    waiting = {action.id: sum(d in by_id for d in action.depends_on) for action in actions}
    dependents: dict[str, list[str]] = {action.id: [] for action in actions}
    for action in actions:
        for dependency in action.depends_on:
            if dependency in by_id:
                dependents[dependency].append(action.id)
    heap = [(*key(action), action.id) for action in actions if waiting[action.id] == 0]
    heapq.heapify(heap)
    rank: dict[str, int] = {}
    while heap:
        current = heapq.heappop(heap)[-1]
        rank[current] = len(rank) + 1
        for dependent in dependents[current]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(heap, (*key(by_id[dependent]), dependent))
    for action in sorted(actions, key=key):
        rank.setdefault(action.id, len(rank) + 1)
    return rank


def _deadlines(audit: Audit, actions: Sequence[Action]) -> dict[str, Deadline]:
    """The date each action must end by: its objectives', its obstacles', then its dependents'."""
    start = audit.engagement.audit_date
    end = stage_dates(start)[STAGES[-1]][1]

    def binding(day: date | None) -> bool:
        return day is not None and start < day <= end

    objectives = {o.id: o for o in audit.objectives if binding(o.deadline)}
    obstacles = [o for o in audit.strategy.obstacles if binding(o.deadline) and o.affects]
    own: dict[str, Deadline] = {}
    for action in actions:
        found: list[Deadline] = []
        for objective_id in action.objectives:
            objective = objectives.get(objective_id)
            if objective is not None and objective.deadline is not None:
                name = _short(objective.statement)
                found.append(
                    Deadline(
                        objective.deadline,
                        msg("roadmap.deadline.objective", day=objective.deadline, name=name),
                    )
                )
        rules = {action.id.upper(), *action.findings, *(covered.rule for covered in action.covers)}
        for obstacle in obstacles:
            if obstacle.deadline is not None and rules & set(obstacle.affects):
                text = msg("roadmap.deadline.obstacle", day=obstacle.deadline, name=_short(obstacle.text))
                found.append(Deadline(obstacle.deadline, text))
        if found:
            own[action.id] = min(found, key=lambda deadline: deadline.day)
    by_id = {action.id: action for action in actions}
    result = dict(own)
    for action_id, deadline in sorted(own.items(), key=lambda item: item[1].day):
        queue = list(by_id[action_id].depends_on)
        seen: set[str] = set()
        inherited = Deadline(
            deadline.day, msg("roadmap.deadline.prerequisite", day=deadline.day, title=by_id[action_id].title)
        )
        while queue:
            current = queue.pop()
            if current in seen or current not in by_id:
                continue
            seen.add(current)
            if current not in result or result[current].day > deadline.day:
                result[current] = inherited
            queue += by_id[current].depends_on
    return result


def _short(text: str, limit: int = 50) -> str:
    line = " ".join(text.split()).rstrip(" .")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
