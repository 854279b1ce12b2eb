"""Actions of the previous round not done: the new roadmap says so on the action that takes them up again."""

from __future__ import annotations

from dataclasses import replace

from auditkit.locale import msg
from auditkit.model import Audit, FollowUpStatus
from auditkit.roadmap.actions import Action, Change, ChangeKind

__all__ = ["carried_over"]

_SETTLED = frozenset({FollowUpStatus.DONE, FollowUpStatus.DROPPED})


def carried_over(audit: Audit, actions: list[Action]) -> list[Action]:
    """``actions``, each one the previous round left unfinished (``roadmap.follow_up``) with its history."""
    follow_up = {item.action_id: item for item in audit.roadmap.follow_up if item.status not in _SETTLED}
    if not follow_up:
        return actions
    previous = max(audit.engagement.round - 1, 1)
    result = []
    for action in actions:
        item = follow_up.get(action.id)
        if item is None:
            result.append(action)
            continue
        text = msg(f"roadmap.change.carried_over.{item.status.value}", round=previous)
        if item.note:
            text = msg("roadmap.change.carried_over_note", change=text, note=item.note)
        result.append(
            replace(action, changes=(*action.changes, Change(action.id, ChangeKind.CARRIED_OVER, text)))
        )
    return result
