"""What the roadmap says about itself: the team's capacity, what moved or waits, costs and projections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditkit.locale import Message, msg
from auditkit.model import Audit
from auditkit.roadmap.texts import hours

if TYPE_CHECKING:
    from auditkit.roadmap.stages import Roadmap

__all__ = ["notes", "to_fit"]


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
    backlog = roadmap.backlog
    moved = sum(len(stage.overflow) for stage in roadmap.stages) - len([a for a in backlog if not a.pinned])
    if moved > 0:
        found.append(msg("roadmap.notes.moved", count=moved))
    if backlog:
        found.append(msg("roadmap.notes.backlog", count=len(backlog), hours=hours(roadmap.backlog_hours)))
    if roadmap.shortfall is not None:
        found.append(roadmap.shortfall)
    crowded = [str(stage.month) for stage in roadmap.stages if stage.over_capacity]
    if crowded:
        found.append(msg("roadmap.notes.over_capacity", months=", ".join(crowded)))
    found.append(msg("roadmap.notes.costs", rate=hours(rate), currency=audit.engagement.currency))
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
