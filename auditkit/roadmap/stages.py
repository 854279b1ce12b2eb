"""The stages at 1, 3, 6, 9 and 12 months, their windows, and the :class:`Roadmap` that holds them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from auditkit.diagnose import add_months
from auditkit.locale import Message
from auditkit.model import ROADMAP_STAGES, Language
from auditkit.roadmap.actions import Action, Change, json_text
from auditkit.roadmap.notes import to_fit

__all__ = ["EPSILON", "STAGES", "Roadmap", "Stage", "stage_dates", "stage_of"]

STAGES: tuple[int, ...] = ROADMAP_STAGES
"""Months at which the stages end."""

EPSILON = 1e-9
"""Hours below which two efforts count as equal."""


def stage_dates(audit_date: date) -> dict[int, tuple[date, date]]:
    """``month -> (start, due)`` of each stage's window: from the previous stage's date to its own."""
    dates: dict[int, tuple[date, date]] = {}
    start = audit_date
    for month in STAGES:
        due = add_months(audit_date, month)
        dates[month] = (start, due)
        start = due
    return dates


def stage_of(day: date, dates: dict[int, tuple[date, date]]) -> int:
    """The first stage whose window ends on or after ``day`` (the last stage for a later day)."""
    return next((month for month in STAGES if day <= dates[month][1]), STAGES[-1])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass(frozen=True)
class Stage:
    """The actions to finish by month ``month``, their hours against the stage's capacity.

    ``overflow`` lists the actions planned for this stage that capacity moved to a later one;
    ``projected_*`` are the scores once this stage's and the earlier stages' actions are done;
    ``warning`` says, when the stage needs more hours than the team has, what to drop or add, and
    ``to_drop`` lists those lowest-priority actions.
    """

    month: int
    actions: tuple[Action, ...]
    hours: float
    capacity_hours: float | None
    projected_overall: float | None
    projected_completeness: float | None
    overflow: tuple[str, ...]
    start: date
    due: date
    projected_level: int | None = None
    warning: Message | None = None
    to_drop: tuple[str, ...] = ()

    @property
    def excess_hours(self) -> float:
        """Hours the stage needs beyond its capacity (0 when it fits or is not capped)."""
        return 0.0 if self.capacity_hours is None else max(self.hours - self.capacity_hours, 0.0)

    @property
    def over_capacity(self) -> bool:
        return self.capacity_hours is not None and self.hours > self.capacity_hours + EPSILON

    @property
    def cost(self) -> float:
        return sum(action.cost for action in self.actions)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        return {
            "month": self.month,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "actions": [action.to_dict(lang) for action in self.actions],
            "hours": round(self.hours, 2),
            "capacity_hours": None if self.capacity_hours is None else round(self.capacity_hours, 2),
            "over_capacity": self.over_capacity,
            "cost": round(self.cost, 2),
            "overflow": list(self.overflow),
            "projected_overall": _round(self.projected_overall),
            "projected_completeness": _round(self.projected_completeness),
            "projected_level": self.projected_level,
            "excess_hours": round(self.excess_hours, 2),
            "warning": json_text(self.warning, lang) if self.warning else None,
            "to_drop": list(self.to_drop),
        }


@dataclass(frozen=True, repr=False)
class Roadmap:
    """The staged plan of one audit: five stages, the backlog, what was dropped, and why."""

    stages: tuple[Stage, ...]
    notes: tuple[Message, ...]
    client: str
    audit_date: date
    currency: str
    language: str
    backlog: tuple[Action, ...] = ()
    dropped: tuple[Action, ...] = ()
    changes: tuple[Change, ...] = ()
    weekly_capacity: float | None = None
    current_overall: float | None = None
    current_completeness: float | None = None
    current_level: int | None = None
    team_hours_per_week: float | None = None
    share_to_fit: float | None = None
    """The smallest ``roadmap.improvement_share`` (in steps of 5 %) at which nothing waits in the
    backlog and no stage is over capacity; ``None`` when the plan fits, the team's hours are unknown,
    or even all of them would not do."""

    def __repr__(self) -> str:
        stages = " ".join(f"m{stage.month}={len(stage.actions)}" for stage in self.stages)
        return f"<Roadmap {self.client!r} actions={len(self.actions)} {stages} backlog={len(self.backlog)}>"

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every scheduled action, stage by stage, in the order they are to be done."""
        return tuple(action for stage in self.stages for action in stage.actions)

    @property
    def capacity_hours(self) -> float | None:
        """The hours the five stages hold together (``None`` when the team's hours are unknown)."""
        if self.weekly_capacity is None:
            return None
        return sum(stage.capacity_hours or 0.0 for stage in self.stages)

    @property
    def needed_hours(self) -> float:
        """The effort of every action still in the plan: scheduled and backlog."""
        return sum(action.effort_hours for action in (*self.actions, *self.backlog))

    @property
    def backlog_hours(self) -> float:
        return sum(action.effort_hours for action in self.backlog)

    @property
    def weekly_hours_to_fit(self) -> float | None:
        """The hours a week the whole plan needs on average over the year (``None`` when uncapped)."""
        if self.weekly_capacity is None or not self.stages:
            return None
        weeks = (self.stages[-1].due - self.stages[0].start).days / 7
        return self.needed_hours / weeks if weeks > 0 else None

    @property
    def crowded(self) -> tuple[Stage, ...]:
        """The stages that need more hours than the team has for them."""
        return tuple(stage for stage in self.stages if stage.over_capacity)

    @property
    def shortfall(self) -> Message | None:
        """When the plan does not fit the team's time: what it would take to hold it within the year."""
        if not (self.backlog or self.crowded) or not self.team_hours_per_week:
            return None
        return to_fit(self, self.team_hours_per_week)

    def action(self, action_id: str) -> Action:
        """The scheduled, backlog or dropped action with this id (``KeyError`` if none)."""
        for action in (*self.actions, *self.backlog, *self.dropped):
            if action.id == action_id:
                return action
        raise KeyError(action_id)

    def stage(self, month: int) -> Stage:
        """The stage ending at ``month`` (``KeyError`` if none)."""
        for stage in self.stages:
            if stage.month == month:
                return stage
        raise KeyError(month)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """The JSON document of ``auditkit roadmap --json``: ``stages`` in month order, and the rest."""
        return {
            "client": self.client,
            "audit_date": self.audit_date.isoformat(),
            "currency": self.currency,
            "weekly_capacity": _round(self.weekly_capacity),
            "current_overall": _round(self.current_overall),
            "current_completeness": _round(self.current_completeness),
            "current_level": self.current_level,
            "capacity_hours": _round(self.capacity_hours),
            "needed_hours": _round(self.needed_hours),
            "backlog_hours": _round(self.backlog_hours),
            "share_to_fit": self.share_to_fit,
            "stages": [stage.to_dict(lang) for stage in self.stages],
            "backlog": [action.to_dict(lang) for action in self.backlog],
            "dropped": [action.to_dict(lang) for action in self.dropped],
            "changes": [change.to_dict(lang) for change in self.changes],
            "notes": [json_text(note, lang) for note in self.notes],
        }
