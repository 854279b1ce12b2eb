"""What the consultant's moves did to the rest of the plan, and which dates they break.

The roadmap is scheduled twice: once as the method would place it (no action moved or added by
hand) and once with the consultant's pins. Every other action that ends up in a different stage gets
a :class:`~auditkit.roadmap.actions.Change` saying where it went and why: with an action it depends
on, with a moved action that depends on it, because a stage was full, or forward into time the moves
freed. An action dated to end after its deadline (an objective's or a dated obstacle's) says so too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from auditkit.locale import Message, msg
from auditkit.roadmap.actions import Action, Change, ChangeKind
from auditkit.roadmap.schedule import Placement

__all__ = ["automatic", "late_changes", "move_changes"]


def automatic(actions: Sequence[Action]) -> list[Action]:
    """The actions as the method places them: generated ones unpinned at their planned stage, none added."""
    return [
        replace(action, pinned=False, stage=action.planned_stage)
        for action in actions
        if action.origin != "manual"
    ]


def move_changes(
    actions: Sequence[Action], before: dict[str, Placement], after: dict[str, Placement]
) -> dict[str, Change]:
    """For each action not moved by hand that the moves sent elsewhere: where, and why."""
    titles = {action.id: action.title for action in actions}
    found: dict[str, Change] = {}
    for action in actions:
        if action.pinned or action.id not in before:
            continue
        was, now = before[action.id].stage, after[action.id]
        if was == now.stage:
            continue
        found[action.id] = _why(action, was, now, titles)
    return found


def _why(action: Action, was: int | None, now: Placement, titles: dict[str, Message]) -> Change:
    stage = now.stage
    if stage is None:
        text = msg("roadmap.change.moved_to_backlog", title=action.title, full=was or now.planned)
        return Change(action.id, ChangeKind.MOVED_FOR_ROOM, text)
    later = was is None or stage > was
    if later and now.after is not None:
        other = titles[now.after]
        text = msg("roadmap.change.moved_with_dependency", title=action.title, stage=stage, other=other)
        return Change(action.id, ChangeKind.MOVED_WITH_DEPENDENCY, text)
    if not later and now.pulled_by is not None:
        other = titles[now.pulled_by]
        text = msg("roadmap.change.moved_with_dependent", title=action.title, stage=stage, other=other)
        return Change(action.id, ChangeKind.MOVED_WITH_DEPENDENT, text)
    if later:
        full = was if was is not None else now.full or now.planned
        text = msg("roadmap.change.moved_for_room", title=action.title, stage=stage, full=full)
        return Change(action.id, ChangeKind.MOVED_FOR_ROOM, text)
    return Change(
        action.id,
        ChangeKind.MOVED_UP,
        msg("roadmap.change.moved_up", title=action.title, stage=stage, was=was),
    )


def late_changes(actions: Sequence[Action]) -> dict[str, Change]:
    """For each action dated to end after its deadline: by how much, and whose date it is."""
    found: dict[str, Change] = {}
    for action in actions:
        if action.late and action.due is not None and action.deadline_reason is not None:
            key = (
                "roadmap.change.deadline_missed_pinned" if action.pinned else "roadmap.change.deadline_missed"
            )
            text = msg(key, title=action.title, due=action.due, reason=action.deadline_reason)
            found[action.id] = Change(action.id, ChangeKind.DEADLINE_MISSED, text)
    return found
