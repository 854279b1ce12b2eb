"""What the roadmap says about itself: the team's capacity, what moved or waits, costs and projections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditkit.locale import Amount, Message, msg
from auditkit.model import Audit
from auditkit.plan import ANCHORED
from auditkit.roadmap.actions import Action
from auditkit.roadmap.texts import hours

if TYPE_CHECKING:
    from auditkit.roadmap.stages import Roadmap

__all__ = ["notes", "stage_warning", "to_fit"]

_TENTH = 0.1


def stage_warning(
    month: int, capacity: float | None, weeks: float, actions: Sequence[Action]
) -> tuple[Message | None, tuple[str, ...]]:
    """What a stage over capacity needs: its hours against the team's, what to drop, or the hours to add.

    The actions proposed for dropping are the stage's lowest-priority ones, as many as cover the excess
    (the closing review is never proposed). Returns no warning for a stage that fits.
    """
    needed = sum(action.effort_hours for action in actions)
    if capacity is None or needed <= capacity + 1e-9 or weeks <= 0:
        return None, ()
    excess = needed - capacity
    chosen: list[Action] = []
    for action in sorted(actions, key=lambda action: -(action.priority or 0)):
        if sum(a.effort_hours for a in chosen) >= excess - 1e-9:
            break
        if action.id not in ANCHORED:
            chosen.append(action)
    values = {
        "month": month,
        "needed": hours(needed),
        "capacity": hours(capacity),
        "extra": hours(max(excess / weeks, _TENTH)),
    }
    if not chosen:
        return msg("roadmap.stage.over_capacity_add", **values), ()
    titles = [msg("roadmap.text.quoted", item=action.title) for action in chosen]
    warning = msg("roadmap.stage.over_capacity", count=len(chosen), actions=titles, **values)
    return warning, tuple(action.id for action in chosen)


def notes(audit: Audit, roadmap: Roadmap, rate: float) -> tuple[Message, ...]:
    """The roadmap's notes, in the order a reader needs them."""
    found: list[Message] = []
    declared = roadmap.team_hours_per_week
    weekly = roadmap.weekly_capacity
    if weekly is None or declared is None:
        found.append(msg("roadmap.notes.uncapped"))
    else:
        found.append(
            msg(
                "roadmap.notes.capacity",
                declared=hours(declared),
                percent=round(audit.roadmap.improvement_share * 100),
                weekly=hours(weekly),
                total=hours(roadmap.capacity_hours or 0.0),
            )
        )
    quick = [action for action in roadmap.actions if action.quick_win]
    if quick:
        found.append(msg("roadmap.notes.quick_wins", count=len(quick)))
    found += [stage.warning for stage in roadmap.stages if stage.warning is not None]
    backlog = roadmap.backlog
    moved = sum(len(stage.overflow) for stage in roadmap.stages) - len([a for a in backlog if not a.pinned])
    if moved > 0:
        found.append(msg("roadmap.notes.moved", count=moved))
    if backlog:
        found.append(msg("roadmap.notes.backlog", count=len(backlog), hours=hours(roadmap.backlog_hours)))
    late = [action for action in roadmap.actions if action.late]
    if late:
        found.append(msg("roadmap.notes.late", count=len(late)))
    if roadmap.shortfall is not None:
        found.append(roadmap.shortfall)
    found.append(msg("roadmap.notes.costs", rate=Amount(rate, audit.engagement.currency)))
    found.append(msg("roadmap.notes.projection"))
    return tuple(found)


def to_fit(roadmap: Roadmap, declared: float) -> Message:
    """What it would take to hold the whole plan within the year, for a team declaring ``declared`` hours."""
    values = {
        "needed": hours(roadmap.needed_hours),
        "weekly": hours(roadmap.weekly_hours_to_fit or 0.0),
        "team": hours(declared),
    }
    share = roadmap.share_to_fit
    if share is None:
        return msg("roadmap.shortfall.beyond_the_team", **values)
    return msg("roadmap.shortfall.raise_the_share", percent=round(share * 100), **values)
