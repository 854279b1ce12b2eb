"""The consultant's edits to the roadmap: changed generated actions, added actions, capacity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from pydantic import Field, field_validator, model_validator

from auditkit.errors import InvalidValue, Problem
from auditkit.locale import msg
from auditkit.model.base import AuditModel, check_unique
from auditkit.model.enums import FollowUpStatus
from auditkit.values import EffortHours, Identifier, ImprovementShare, Money, ShortText, Text

ROADMAP_STAGES: tuple[int, ...] = (1, 3, 6, 9, 12)
"""Months at which the roadmap's stages end (DOMAIN §9)."""


def _check_stage(stage: int | None) -> int | None:
    if stage is not None and stage not in ROADMAP_STAGES:
        raise InvalidValue(
            msg("store.check.stage", stage=str(stage), stages=", ".join(map(str, ROADMAP_STAGES)))
        )
    return stage


class GeneratedSnapshot(AuditModel):
    """What a generated action looked like when the consultant edited it, to report later changes."""

    title_en: ShortText
    title_fr: ShortText
    fingerprint: ShortText = Field(description="store.field.generated_snapshot.fingerprint")
    findings: list[ShortText] = Field(
        default_factory=list, description="store.field.generated_snapshot.findings"
    )
    subjects: list[ShortText] = Field(
        default_factory=list, description="store.field.generated_snapshot.subjects"
    )
    effort_hours: EffortHours = 0


class ActionEdit(AuditModel):
    """The consultant's changes to one generated action; ``None`` keeps the generated value."""

    action_id: Identifier
    stage: int | None = Field(default=None, description="store.field.action_edit.stage")
    title_en: ShortText | None = None
    title_fr: ShortText | None = None
    description_en: Text | None = None
    description_fr: Text | None = None
    done_when_en: ShortText | None = None
    done_when_fr: ShortText | None = None
    owner_role: ShortText | None = None
    effort_hours: EffortHours | None = None
    cost: Money | None = None
    dropped: bool = False
    note: Text = ""
    base: GeneratedSnapshot | None = None

    _stage_valid = field_validator("stage")(_check_stage)


class ManualAction(AuditModel):
    """An action the consultant added by hand; a text left empty in one language uses the other."""

    id: Identifier = Field(description="store.field.manual_action.id")
    stage: int = Field(description="store.field.manual_action.stage")
    title_en: ShortText = ""
    title_fr: ShortText = ""
    description_en: Text = ""
    description_fr: Text = ""
    done_when_en: ShortText = ""
    done_when_fr: ShortText = ""
    owner_role: ShortText = ""
    effort_hours: EffortHours = 0
    cost: Money = 0
    depends_on: list[Identifier] = Field(
        default_factory=list, description="store.field.manual_action.depends_on"
    )
    note: Text = ""

    _stage_valid = field_validator("stage")(_check_stage)

    @model_validator(mode="after")
    def _titled(self) -> Self:
        if not self.id.startswith("manual-"):
            raise InvalidValue(msg("store.check.manual_id", id=self.id))
        if not (self.title_en.strip() or self.title_fr.strip()):
            raise InvalidValue(msg("store.check.manual_title"))
        return self


class ActionFollowUp(AuditModel):
    """Where one action of the previous round's roadmap stands, as the consultant found it this round."""

    action_id: Identifier = Field(description="store.field.action_follow_up.action_id")
    status: FollowUpStatus = Field(description="store.field.action_follow_up.status")
    note: Text = ""


class RoadmapEdits(AuditModel):
    """The consultant's input to the roadmap, kept across regenerations: edits, added actions, capacity."""

    improvement_share: ImprovementShare = 0.25
    edits: list[ActionEdit] = Field(default_factory=list)
    added: list[ManualAction] = Field(default_factory=list)
    follow_up: list[ActionFollowUp] = Field(
        default_factory=list, description="store.field.roadmap_edits.follow_up"
    )

    @model_validator(mode="after")
    def _unique(self) -> Self:
        edited: set[str] = set()
        for i, edit in enumerate(self.edits):
            if edit.action_id in edited:
                raise InvalidValue(
                    Problem(
                        f"roadmap.edits.{i}.action_id", msg("store.check.edited_twice", id=edit.action_id)
                    )
                )
            edited.add(edit.action_id)
        check_unique(self.added, "roadmap.added")
        followed: set[str] = set()
        for i, item in enumerate(self.follow_up):
            if item.action_id in followed:
                where = f"roadmap.follow_up.{i}.action_id"
                raise InvalidValue(Problem(where, msg("store.check.followed_twice", id=item.action_id)))
            followed.add(item.action_id)
        circle = _dependency_circle(self.added)
        if circle:
            where = f"roadmap.added.{[action.id for action in self.added].index(circle[0])}.depends_on"
            raise InvalidValue(
                Problem(where, msg("store.check.depends_on_circle", actions=" → ".join(circle)))
            )
        return self


def _dependency_circle(actions: Sequence[ManualAction]) -> list[str]:
    """The ids of added actions that depend on each other in a circle, the first one repeated at the end
    (``[a, b, a]``), or an empty list when there is none: a depth-first search that meets its own path.

    Only added actions are followed: generated actions never depend on added ones, so a circle lies
    among added actions only.
    """
    depends_on = {action.id: action.depends_on for action in actions}
    done: set[str] = set()
    for start in depends_on:
        if start in done:
            continue
        path, branches = [start], [iter(depends_on[start])]
        while branches:
            following = next(branches[-1], None)
            if following is None:
                done.add(path.pop())
                branches.pop()
            elif following in path:
                return [*path[path.index(following) :], following]
            elif following in depends_on and following not in done:
                path.append(following)
                branches.append(iter(depends_on[following]))
    return []
