"""One step of the roadmap (:class:`Action`), the findings it answers, and what changed underneath it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from auditkit.diagnose import Severity
from auditkit.locale import Message, msg
from auditkit.model import Language
from auditkit.plan import PLAN, Effect, Phase
from auditkit.roadmap.texts import semicolons

__all__ = ["OWNER_ROLES", "Action", "Change", "ChangeKind", "Covered", "json_text"]

OWNER_ROLES: dict[str, Message] = {
    role: msg(f"roadmap.owner.{role}")
    for role in ("management", "strategy_owner", "community_manager", "channel_owners", "consultant")
}
"""Roles an action can be given to; an edited or hand-added action may name anyone."""


def json_text(value: Message, lang: Language | str | None) -> str | dict[str, str]:
    """``value`` in ``lang``, or in every language when ``lang`` is ``None``."""
    return value.to_dict() if lang is None else value(lang)


class ChangeKind(StrEnum):
    """What changed underneath an edited action, or what the consultant's edit ran into."""

    FINDING_GONE = "finding_gone"
    FINDINGS_CHANGED = "findings_changed"
    SUBJECTS_CHANGED = "subjects_changed"
    TEXT_CHANGED = "text_changed"
    EFFORT_CHANGED = "effort_changed"
    STAGE_RAISED = "stage_raised"
    UNKNOWN_DEPENDENCY = "unknown_dependency"
    MOVED_WITH_DEPENDENCY = "moved_with_dependency"
    MOVED_WITH_DEPENDENT = "moved_with_dependent"
    MOVED_FOR_ROOM = "moved_for_room"
    MOVED_UP = "moved_up"
    DEADLINE_MISSED = "deadline_missed"
    CARRIED_OVER = "carried_over"


@dataclass(frozen=True)
class Change:
    """One thing the consultant should look at on an edited or hand-added action."""

    action_id: str
    kind: ChangeKind
    message: Message

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        return {"action": self.action_id, "kind": self.kind.value, "message": json_text(self.message, lang)}


@dataclass(frozen=True)
class Covered:
    """The findings of one rule (or one kind of channel recommendation) an action answers."""

    rule: str
    subjects: tuple[str, ...]
    moot: bool = False
    """Answered by closing or parking the channel: the rule's own effect is not projected."""

    @property
    def effect(self) -> Effect | None:
        """What doing it changes in the audit, for the projected scores (``None``: not modelled)."""
        step = PLAN.get(self.rule)
        return None if self.moot or step is None else step.effect


@dataclass(frozen=True)
class Action:
    """One step of the roadmap.

    ``stage`` is the month of the stage it is scheduled in (``None`` in the backlog); ``planned_stage``
    the stage it was planned for before capacity moved it. ``start`` and ``due`` date it inside its
    stage, one action after another at the plan's weekly capacity. ``priority`` is its rank in the
    plan's order (1 first, see :mod:`~auditkit.roadmap.priority`) and ``priority_reasons`` why;
    ``deadline`` the date it must end by (an objective's or a dated obstacle's), ``tight`` when even
    month 1 ends after it.
    """

    id: str
    title: Message
    description: Message
    findings: tuple[str, ...]
    objectives: tuple[str, ...]
    owner_role: str
    effort_hours: float
    cost: float
    done_when: Message
    stage: int | None
    depends_on: tuple[str, ...]
    origin: str = "generated"
    edited: bool = False
    subjects: tuple[str, ...] = ()
    covers: tuple[Covered, ...] = ()
    severity: Severity | None = None
    phase: Phase | None = None
    planned_stage: int | None = None
    pinned: bool = False
    over_capacity: bool = False
    start: date | None = None
    due: date | None = None
    note: Message | None = None
    consultant_note: str = ""
    effect: Message | None = None
    changes: tuple[Change, ...] = ()
    priority: int | None = None
    priority_reasons: tuple[Message, ...] = ()
    quick_win: bool = False
    deadline: date | None = None
    deadline_reason: Message | None = None
    tight: bool = False
    leadership: Message | None = None
    """The organisation's word for who leads it: the owner of a "management" action."""

    @property
    def late(self) -> bool:
        """True when the action is dated to end after its deadline (a move by hand, or a tight one)."""
        return self.deadline is not None and self.due is not None and self.due > self.deadline

    @property
    def priority_text(self) -> Message | None:
        """Its priority and the reasons for it, in words (``None`` for an action with no rank)."""
        if self.priority is None:
            return None
        key = "roadmap.priority.line_quick_win" if self.quick_win else "roadmap.priority.line"
        return msg(
            key, rank=self.priority, reasons=semicolons(self.priority_reasons or (msg("roadmap.error.none"),))
        )

    @property
    def moved(self) -> bool:
        """True when capacity (not the consultant) moved the action away from its planned stage."""
        return not self.pinned and self.planned_stage is not None and self.stage != self.planned_stage

    @property
    def owner(self) -> Message | str:
        """The owner role in words (a role the method does not know, as the consultant wrote it)."""
        if self.owner_role == "management" and self.leadership is not None:
            return self.leadership
        return OWNER_ROLES.get(self.owner_role, self.owner_role)

    def owner_label(self, lang: Language | str) -> str:
        """The owner role in words, in ``lang``."""
        owner = self.owner
        return owner if isinstance(owner, str) else owner(lang)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in every language when ``lang`` is ``None``."""
        owner = self.owner
        return {
            "id": self.id,
            "title": json_text(self.title, lang),
            "description": json_text(self.description, lang),
            "findings": list(self.findings),
            "subjects": list(self.subjects),
            "objectives": list(self.objectives),
            "owner_role": self.owner_role,
            "owner": owner if isinstance(owner, str) else json_text(owner, lang),
            "effort_hours": round(self.effort_hours, 2),
            "cost": round(self.cost, 2),
            "done_when": json_text(self.done_when, lang),
            "stage": self.stage,
            "planned_stage": self.planned_stage,
            "depends_on": list(self.depends_on),
            "origin": self.origin,
            "edited": self.edited,
            "pinned": self.pinned,
            "severity": self.severity.value if self.severity else None,
            "phase": self.phase.value if self.phase else None,
            "over_capacity": self.over_capacity,
            "start": self.start.isoformat() if self.start else None,
            "due": self.due.isoformat() if self.due else None,
            "note": json_text(self.note, lang) if self.note else None,
            "consultant_note": self.consultant_note,
            "effect": json_text(self.effect, lang) if self.effect else None,
            "changes": [change.to_dict(lang) for change in self.changes],
            "priority": self.priority,
            "priority_reasons": [json_text(reason, lang) for reason in self.priority_reasons],
            "quick_win": self.quick_win,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_reason": json_text(self.deadline_reason, lang) if self.deadline_reason else None,
            "tight": self.tight,
            "late": self.late,
        }
